import type { Network } from '../domain/network';
import type { Organisation } from '../domain/organisation';
import type { Relation } from '../domain/relation';

/**
 * Index of a network for fast look-ups: position of each organisation, its
 * relations, and member counts. Built once per network (memoised by the UI).
 */
export interface GraphIndex {
  network: Network;
  indexOf: Map<string, number>;
  organisations: Organisation[];
  relations: Relation[];
  /** Relation positions per organisation position (both directions). */
  incident: number[][];
  /** Relation ends as organisation positions. */
  sources: Uint32Array;
  targets: Uint32Array;
  /** Organisations that point at this one with `member` or `uses` (its members / users). */
  memberCount: Uint32Array;
}

export function buildGraphIndex(network: Network): GraphIndex {
  const organisations = network.organisations;
  const indexOf = new Map<string, number>();
  organisations.forEach((o, i) => indexOf.set(o.id, i));
  const relations = network.relations.filter((r) => indexOf.has(r.source) && indexOf.has(r.target));
  const incident: number[][] = organisations.map(() => []);
  const sources = new Uint32Array(relations.length);
  const targets = new Uint32Array(relations.length);
  const memberCount = new Uint32Array(organisations.length);
  relations.forEach((r, k) => {
    const s = indexOf.get(r.source)!;
    const t = indexOf.get(r.target)!;
    sources[k] = s;
    targets[k] = t;
    incident[s]!.push(k);
    incident[t]!.push(k);
    if (r.type === 'member' || r.type === 'uses') memberCount[t]!++;
  });
  return { network, indexOf, organisations, relations, incident, sources, targets, memberCount };
}

export interface NeighbourhoodOptions {
  /**
   * Organisations that are reached but not walked through, such as the hubs
   * nearly every municipality is linked to (see `hubs` in networkStats.ts):
   * through VNG, two steps reach every municipality, which says nothing about
   * the neighbourhood. The start itself is always walked from.
   */
  stopAt?: ReadonlySet<number>;
}

/** Positions within `depth` steps of `start`, following relations allowed by `edgeVisible`. */
export function neighbourhood(
  index: GraphIndex,
  start: number,
  depth: number,
  edgeVisible: (relation: number) => boolean = () => true,
  { stopAt }: NeighbourhoodOptions = {},
): Set<number> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let d = 0; d < depth; d++) {
    const next: number[] = [];
    for (const node of frontier) {
      if (node !== start && stopAt?.has(node)) continue;
      for (const k of index.incident[node]!) {
        if (!edgeVisible(k)) continue;
        const other = index.sources[k] === node ? index.targets[k]! : index.sources[k]!;
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return seen;
}
