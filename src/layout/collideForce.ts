import type { SimulationNodeDatum } from 'd3';
import { jiggle, resolveAccessor, type CustomForce, type NodeAccessor } from './manyBodyForce';

// Collision avoidance with the effect of d3.forceCollide(radius).strength(s)
// and one iteration, but the candidates come from a uniform grid instead of a
// quadtree: with cells of twice the largest radius, every overlapping pair lies
// in neighbouring cells, and a counting sort rebuilds the grid in O(n) per tick.

export interface CollideOptions<N> {
  /** Default 1, as in d3. */
  radius?: NodeAccessor<N, number>;
  /** Fraction of the overlap resolved per tick. Default 1. */
  strength?: number;
}

export function createCollideForce<N extends SimulationNodeDatum>(
  options: CollideOptions<N> = {},
): CustomForce<N> {
  const radius = options.radius ?? 1;
  const strength = options.strength ?? 1;

  let nodes: N[] = [];
  let random: () => number = Math.random;
  let n = 0;
  let maxRadius = 0;
  let radii = new Float64Array(0);
  let px = new Float64Array(0);
  let py = new Float64Array(0);
  let vxs = new Float64Array(0);
  let vys = new Float64Array(0);
  /** Grid cell per node, -1 when its position is not finite. */
  let cellOf = new Int32Array(0);
  /** Nodes sorted by cell; within a cell by index, because the sort is stable. */
  let sorted = new Int32Array(0);
  /** sorted[start[k]] .. sorted[start[k + 1] - 1] lie in cell k. */
  let start = new Int32Array(0);

  function force() {
    if (n === 0 || !(maxRadius > 0)) return;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      const x = node.x!;
      const y = node.y!;
      const vx = node.vx ?? 0;
      const vy = node.vy ?? 0;
      px[i] = x;
      py[i] = y;
      vxs[i] = vx;
      vys[i] = vy;
      // d3 also finds candidates by the positions the velocities lead to.
      const qx = x + vx;
      const qy = y + vy;
      if (!Number.isFinite(qx) || !Number.isFinite(qy)) continue;
      if (qx < x0) x0 = qx;
      if (qx > x1) x1 = qx;
      if (qy < y0) y0 = qy;
      if (qy > y1) y1 = qy;
    }
    if (!(x0 <= x1 && y0 <= y1)) return;

    // Overlap needs a distance below r_i + r_j ≤ 2·maxRadius: with cells that wide a
    // node looks at 2 or 3 cells per axis. Far outliers only make the cells coarser.
    let size = 2 * maxRadius;
    const limit = Math.max(64, 2 * n);
    let gx = Math.floor((x1 - x0) / size) + 1;
    let gy = Math.floor((y1 - y0) / size) + 1;
    while (gx * gy > limit) {
      size *= 2;
      gx = Math.floor((x1 - x0) / size) + 1;
      gy = Math.floor((y1 - y0) / size) + 1;
    }
    const cells = gx * gy;
    if (start.length < cells + 1) start = new Int32Array(Math.max(cells + 1, start.length * 2));
    start.fill(0, 0, cells + 1);
    for (let i = 0; i < n; i++) {
      const qx = px[i]! + vxs[i]!;
      const qy = py[i]! + vys[i]!;
      if (!Number.isFinite(qx) || !Number.isFinite(qy)) {
        cellOf[i] = -1;
        continue;
      }
      const cx = Math.min(gx - 1, Math.floor((qx - x0) / size));
      const cy = Math.min(gy - 1, Math.floor((qy - y0) / size));
      const k = cy * gx + cx;
      cellOf[i] = k;
      start[k + 1]!++;
    }
    for (let k = 0; k < cells; k++) start[k + 1]! += start[k]!;
    const placed = start[cells]!;
    // Back to front, each start[k + 1] moves down to where cell k begins and
    // each cell ends up in ascending index order.
    for (let i = n - 1; i >= 0; i--) {
      const k = cellOf[i]!;
      if (k >= 0) sorted[--start[k + 1]!] = i;
    }
    start.copyWithin(0, 1, cells + 1);
    start[cells] = placed;

    // Pairs (i, j > i) in index order, velocities updated in place: d3's order of updates.
    for (let i = 0; i < n; i++) {
      if (cellOf[i]! < 0) continue;
      const ri = radii[i]!;
      const ri2 = ri * ri;
      const xi = px[i]! + vxs[i]!;
      const yi = py[i]! + vys[i]!;
      // Cells that may hold a j within ri + maxRadius of where i is now, like
      // d3's culling: earlier pairs may already have moved i.
      const reach = ri + maxRadius;
      const xa = Math.max(0, Math.floor((xi - reach - x0) / size));
      const xb = Math.min(gx - 1, Math.floor((xi + reach - x0) / size));
      const ya = Math.max(0, Math.floor((yi - reach - y0) / size));
      const yb = Math.min(gy - 1, Math.floor((yi + reach - y0) / size));
      for (let y = ya; y <= yb; y++) {
        for (let c = y * gx + xb, end = y * gx + xa; c >= end; c--) {
          // Ascending within the cell: scanning backwards stops at the first j ≤ i.
          for (let s = start[c + 1]! - 1, lo = start[c]!; s >= lo; s--) {
            const j = sorted[s]!;
            if (j <= i) break;
            const rj = radii[j]!;
            const r = ri + rj;
            let dx = xi - px[j]! - vxs[j]!;
            let dy = yi - py[j]! - vys[j]!;
            let l = dx * dx + dy * dy;
            if (!(l < r * r)) continue;
            if (dx === 0) {
              dx = jiggle(random);
              l += dx * dx;
            }
            if (dy === 0) {
              dy = jiggle(random);
              l += dy * dy;
            }
            l = Math.sqrt(l);
            l = ((r - l) / l) * strength;
            dx *= l;
            dy *= l;
            const rj2 = rj * rj;
            const share = rj2 / (ri2 + rj2);
            vxs[i]! += dx * share;
            vys[i]! += dy * share;
            vxs[j]! -= dx * (1 - share);
            vys[j]! -= dy * (1 - share);
          }
        }
      }
    }
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      node.vx = vxs[i]!;
      node.vy = vys[i]!;
    }
  }

  force.initialize = (initNodes: N[], initRandom: () => number) => {
    nodes = initNodes;
    random = initRandom;
    n = nodes.length;
    radii = new Float64Array(n);
    resolveAccessor(radius, nodes, radii);
    maxRadius = 0;
    for (let i = 0; i < n; i++) if (radii[i]! > maxRadius) maxRadius = radii[i]!;
    px = new Float64Array(n);
    py = new Float64Array(n);
    vxs = new Float64Array(n);
    vys = new Float64Array(n);
    cellOf = new Int32Array(n);
    sorted = new Int32Array(n);
  };

  return force;
}
