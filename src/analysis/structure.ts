import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';

// Structure of the network: clusters (Louvain communities) and brokers
// (betweenness centrality). Pure functions over positions and relation ends,
// so they run the same in the structure worker and in tests.

export interface StructureInput {
  count: number;
  sources: Uint32Array;
  targets: Uint32Array;
}

export interface StructureResult {
  /** Community of each organisation (0 = largest). */
  community: Int32Array;
  communityCount: number;
  modularity: number;
  /** Normalised betweenness per organisation; null when the graph is too big to compute it quickly. */
  betweenness: Float64Array | null;
}

/** Exact betweenness is O(V·E); above this it would take seconds, so it is left out. */
export const BETWEENNESS_MAX_NODES = 6000;

function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function toGraph(input: StructureInput): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < input.count; i++) graph.addNode(String(i));
  for (let k = 0; k < input.sources.length; k++) {
    const s = String(input.sources[k]);
    const t = String(input.targets[k]);
    if (s === t) continue;
    // Two relations between the same pair (say member and partner) count once, with more weight.
    if (graph.hasEdge(s, t))
      graph.updateEdgeAttribute(s, t, 'weight', (w: number | undefined) => (w ?? 1) + 1);
    else graph.addEdge(s, t, { weight: 1 });
  }
  return graph;
}

export function analyseStructure(input: StructureInput, seed = 7): StructureResult {
  const graph = toGraph(input);
  const community = new Int32Array(input.count);
  let communityCount = 0;
  let modularity = 0;
  if (graph.size > 0) {
    const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seeded(seed) });
    modularity = detailed.modularity;
    // Renumber by size, so colours are stable: the largest community gets 0.
    const sizes = new Map<number, number>();
    for (const c of Object.values(detailed.communities)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
    const rank = new Map(order.map((c, i) => [c, i]));
    for (const [node, c] of Object.entries(detailed.communities))
      community[Number(node)] = rank.get(c)!;
    communityCount = order.length;
  }
  let betweenness: Float64Array | null = null;
  if (input.count <= BETWEENNESS_MAX_NODES && graph.size > 0) {
    const scores = betweennessCentrality(graph, { normalized: true });
    betweenness = new Float64Array(input.count);
    for (const [node, score] of Object.entries(scores)) betweenness[Number(node)] = score;
  }
  return { community, communityCount, modularity, betweenness };
}
