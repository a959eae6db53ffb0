// Groups (communities) and brokers described for people. Apart from
// structure.ts, which pulls in graphology: this part runs on the main thread
// for the colour key and the details panel, and importing anything from
// structure.ts there would put graphology in the main bundle.

export interface GroupSummary {
  /** Community number, as in StructureResult.community. */
  community: number;
  size: number;
  /** The members with the most relations, most first: what the group is "about". */
  leaders: number[];
}

/**
 * The largest groups, each named by its best-connected members, so a colour
 * key can say "VNG, IBD, G40 …" instead of "group 3".
 */
export function describeGroups(
  community: Int32Array,
  degree: (i: number) => number,
  limit = 8,
  leadersPerGroup = 3,
): GroupSummary[] {
  const members = new Map<number, number[]>();
  community.forEach((c, i) => {
    const list = members.get(c);
    if (list) list.push(i);
    else members.set(c, [i]);
  });
  return [...members]
    .map(([c, list]) => ({
      community: c,
      size: list.length,
      leaders: [...list].sort((a, b) => degree(b) - degree(a) || a - b).slice(0, leadersPerGroup),
    }))
    .sort((a, b) => b.size - a.size || a.community - b.community)
    .slice(0, limit);
}

/** 1-based rank of each organisation by betweenness (1 = strongest broker). */
export function brokerRank(betweenness: Float64Array): Uint32Array {
  const order = [...betweenness.keys()].sort((a, b) => betweenness[b]! - betweenness[a]! || a - b);
  const rank = new Uint32Array(betweenness.length);
  order.forEach((node, i) => (rank[node] = i + 1));
  return rank;
}
