import { quadtree, type Quadtree, type QuadtreeLeaf } from 'd3';

// Which node is under the pointer, via a quadtree: a scan over 10 000 nodes on
// every pointer move would eat the frame budget.

export interface NodeHitIndex {
  /**
   * The node whose disc contains (x, y), in graph coordinates; of several,
   * the one with the nearest centre, so a small node on a big one stays reachable.
   * `minRadius` is the smallest drawn radius and `slack` extra room, both in graph units.
   */
  nodeAt(x: number, y: number, minRadius?: number, slack?: number): number | null;
  readonly size: number;
}

export function createNodeHitIndex(
  xs: Float32Array,
  ys: Float32Array,
  radii: ArrayLike<number>,
  hidden: Uint8Array | null,
): NodeHitIndex {
  const n = Math.min(xs.length, ys.length, radii.length);
  const indices: number[] = [];
  let maxRadius = 0;
  for (let i = 0; i < n; i++) {
    if (hidden?.[i] || !Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) continue;
    indices.push(i);
    maxRadius = Math.max(maxRadius, radii[i]!);
  }
  const tree: Quadtree<number> = quadtree<number>()
    .x((i) => xs[i]!)
    .y((i) => ys[i]!)
    .addAll(indices);

  return {
    size: indices.length,
    nodeAt(x, y, minRadius = 0, slack = 0) {
      // No node can reach further than the biggest radius, so only that square is visited.
      const reach = Math.max(maxRadius, minRadius) + slack;
      let best: number | null = null;
      let bestDistance = Infinity;
      tree.visit((node, x0, y0, x1, y1) => {
        if (x0 > x + reach || x1 < x - reach || y0 > y + reach || y1 < y - reach) return true;
        if (!node.length) {
          for (
            let leaf: QuadtreeLeaf<number> | undefined = node as QuadtreeLeaf<number>;
            leaf;
            leaf = leaf.next
          ) {
            const i = leaf.data;
            const d = Math.hypot(xs[i]! - x, ys[i]! - y);
            if (d <= Math.max(radii[i]!, minRadius) + slack && d < bestDistance) {
              best = i;
              bestDistance = d;
            }
          }
        }
        return false;
      });
      return best;
    },
  };
}
