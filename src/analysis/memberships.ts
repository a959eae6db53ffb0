import type { GraphIndex } from './graphIndex';

/**
 * The networks and services of each municipality: every non-municipal
 * organisation it is a member of or uses. Peers and "where to step in" are
 * reasoned over these sets.
 */
export interface Memberships {
  /** Organisation position -> positions of the networks it belongs to / uses. */
  networksOf: Map<number, Set<number>>;
  /** Network position -> positions of its municipal members / users. */
  membersOf: Map<number, Set<number>>;
  /** "municipality|network" for relations marked frontrunner. */
  frontrunners: Set<string>;
}

export function buildMemberships(index: GraphIndex): Memberships {
  const networksOf = new Map<number, Set<number>>();
  const membersOf = new Map<number, Set<number>>();
  const frontrunners = new Set<string>();
  index.organisations.forEach((o, i) => {
    if (o.kind === 'municipality') networksOf.set(i, new Set());
  });
  index.relations.forEach((r, k) => {
    if (r.type !== 'member' && r.type !== 'uses') return;
    const s = index.sources[k]!;
    const t = index.targets[k]!;
    if (
      index.organisations[s]!.kind !== 'municipality' ||
      index.organisations[t]!.kind === 'municipality'
    )
      return;
    networksOf.get(s)!.add(t);
    let members = membersOf.get(t);
    if (!members) membersOf.set(t, (members = new Set()));
    members.add(s);
    if (r.role === 'frontrunner') frontrunners.add(`${s}|${t}`);
  });
  return { networksOf, membersOf, frontrunners };
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
