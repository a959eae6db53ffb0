import { withKnowledgeReferences } from './knowledge';
import type { Network } from '../domain/network';
import { applyFilters, type Filters } from './filters';
import { neighbourhood, type GraphIndex } from './graphIndex';

// What the map screen shows, worked out once: the canvas, its label, the
// filter counts, the table and the "what is on screen" export all read this,
// so they can never disagree about what is visible.

/** The parts of the map view that decide what is shown (a MapViewState fits). */
export interface VisibilityInput {
  filters: Filters;
  /** Organisation id; stays shown even when a filter would hide it. */
  selected: string | null;
  depth: 1 | 2;
  /** "Alleen omgeving": only the lit organisations are shown. */
  focus: boolean;
  /** Organisation ids lit by another screen; when empty the selection's neighbourhood is lit. */
  lit: readonly string[];
  /**
   * Organisations the neighbourhood reaches but does not walk through (the
   * hubs nearly every municipality is in; see networkStats.hubs).
   */
  stopAt?: ReadonlySet<number>;
}

export interface Visibility {
  /** Position of the selected organisation, or null (also when its id is unknown). */
  selected: number | null;
  /** 1 = not shown: not drawn, not in the table, not exported as "on screen". */
  hidden: Uint8Array;
  /** 1 = lit; null = nothing asked to be lit, so everything is drawn at full strength. */
  lit: Uint8Array | null;
  /** 1 = the relation is shown: its type passes the filter and both ends are shown. */
  visibleEdges: Uint8Array;
  nodeCount: number;
  edgeCount: number;
  /** Something is hidden: the exports then offer "what is on screen" first. */
  filtered: boolean;
  /** Positions of the shown organisations, in index order: the table's rows. */
  rows: Uint32Array;
  /** The shown organisations and relations as a network, built on first call. */
  network(): Network;
}

export function computeVisibility(index: GraphIndex, input: VisibilityInput): Visibility {
  const n = index.organisations.length;
  const m = index.relations.length;
  const filter = applyFilters(index, input.filters);
  const selected = input.selected !== null ? (index.indexOf.get(input.selected) ?? null) : null;

  // Lit: the organisations another screen asked for (peers), else the selection's neighbourhood.
  let lit: Uint8Array | null = null;
  if (input.lit.length) {
    lit = new Uint8Array(n);
    for (const id of input.lit) {
      const i = index.indexOf.get(id);
      if (i !== undefined) lit[i] = 1;
    }
    if (selected !== null) lit[selected] = 1;
  } else if (selected !== null) {
    lit = new Uint8Array(n);
    const reach = neighbourhood(
      index,
      selected,
      input.depth,
      (k) => filter.visibleEdges[k] === 1,
      input.stopAt ? { stopAt: input.stopAt } : {},
    );
    for (const i of reach) lit[i] = 1;
  }

  const hidden = new Uint8Array(n);
  let nodeCount = 0;
  for (let i = 0; i < n; i++) {
    const shown =
      i === selected || (filter.visibleNodes[i] === 1 && (!input.focus || !lit || lit[i] === 1));
    if (shown) nodeCount++;
    else hidden[i] = 1;
  }
  const rows = new Uint32Array(nodeCount);
  for (let i = 0, r = 0; i < n; i++) if (!hidden[i]) rows[r++] = i;

  // A selection a filter hides is shown, but its relations stay filtered out.
  const visibleEdges = new Uint8Array(m);
  let edgeCount = 0;
  for (let k = 0; k < m; k++) {
    if (filter.visibleEdges[k] && !hidden[index.sources[k]!] && !hidden[index.targets[k]!]) {
      visibleEdges[k] = 1;
      edgeCount++;
    }
  }

  let subset: Network | null = null;
  return {
    selected,
    hidden,
    lit,
    visibleEdges,
    nodeCount,
    edgeCount,
    filtered: nodeCount < n,
    rows,
    // Only an export needs it, and copying 250 000 relations on every click would show.
    network: () => (subset ??= shownNetwork(index, rows, visibleEdges)),
  };
}

function shownNetwork(index: GraphIndex, rows: Uint32Array, visibleEdges: Uint8Array): Network {
  const organisations = Array.from(rows, (i) => index.organisations[i]!);
  const relations = index.relations.filter((_, k) => visibleEdges[k] === 1);
  const used = new Set([...organisations, ...relations].map((r) => r.sourceId).filter(Boolean));
  const part: Network = {
    title: index.network.title,
    ...(index.network.referenceDate ? { referenceDate: index.network.referenceDate } : {}),
    sources: index.network.sources.filter((s) => used.has(s.id)),
    organisations,
    relations,
  };
  // Themes and the sources of positions travel along, so the part is a valid file.
  return withKnowledgeReferences(part, index.network);
}
