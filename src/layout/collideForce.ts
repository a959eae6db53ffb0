import type { SimulationNodeDatum } from 'd3';
import { jiggle, resolveAccessor, type CustomForce, type NodeAccessor } from './manyBodyForce';

// Collision avoidance with the effect of d3.forceCollide(radius).strength(s)
// and one iteration, but the candidates come from uniform grids instead of a
// quadtree: with cells of twice the largest radius in the grid, every
// overlapping pair lies in neighbouring cells, and a counting sort rebuilds a
// grid in O(n) per tick.
//
// One hub drawn 20 times larger than the rest would make a single grid's cells
// so coarse that each held hundreds of nodes (at 50 000 organisations a tick
// took 300 ms). So the few largest nodes get a grid of their own: a node looks
// for small partners in the fine grid and for large ones in the coarse grid,
// and each overlapping pair is still met exactly once.

/** Nodes above this share of the radius distribution go to the coarse grid. */
const SMALL_QUANTILE = 0.98;

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
  let radii = new Float64Array(0);
  let px = new Float64Array(0);
  let py = new Float64Array(0);
  let vxs = new Float64Array(0);
  let vys = new Float64Array(0);
  const small = createGrid();
  const large = createGrid();

  function force() {
    if (n === 0 || !(large.maxRadius > 0 || small.maxRadius > 0)) return;
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
    fill(small, x0, y0, x1, y1);
    fill(large, x0, y0, x1, y1);

    // Pairs (i, j > i) in index order, velocities updated in place: d3's order of updates.
    for (let i = 0; i < n; i++) {
      const qx = px[i]! + vxs[i]!;
      const qy = py[i]! + vys[i]!;
      if (!Number.isFinite(qx) || !Number.isFinite(qy)) continue;
      visit(small, i, qx, qy);
      visit(large, i, qx, qy);
    }
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      node.vx = vxs[i]!;
      node.vy = vys[i]!;
    }
  }

  /** Sorts the grid's members into cells at least twice its largest radius wide. */
  function fill(grid: Grid, x0: number, y0: number, x1: number, y1: number) {
    grid.cells = 0;
    const { members, count } = grid;
    if (count === 0 || !(grid.maxRadius > 0)) return;
    // Overlap needs a distance below r_i + r_j ≤ 2·maxRadius: with cells that wide a
    // node looks at 2 or 3 cells per axis. Far outliers only make the cells coarser.
    let size = 2 * grid.maxRadius;
    const limit = Math.max(64, 2 * count);
    let gx = Math.floor((x1 - x0) / size) + 1;
    let gy = Math.floor((y1 - y0) / size) + 1;
    while (gx * gy > limit) {
      size *= 2;
      gx = Math.floor((x1 - x0) / size) + 1;
      gy = Math.floor((y1 - y0) / size) + 1;
    }
    const cells = gx * gy;
    Object.assign(grid, { x0, y0, size, gx, gy, cells });
    if (grid.start.length < cells + 1)
      grid.start = new Int32Array(Math.max(cells + 1, grid.start.length * 2));
    const { start, cellOf, sorted } = grid;
    start.fill(0, 0, cells + 1);
    for (let m = 0; m < count; m++) {
      const i = members[m]!;
      const qx = px[i]! + vxs[i]!;
      const qy = py[i]! + vys[i]!;
      if (!Number.isFinite(qx) || !Number.isFinite(qy)) {
        cellOf[m] = -1;
        continue;
      }
      const cx = Math.min(gx - 1, Math.floor((qx - x0) / size));
      const cy = Math.min(gy - 1, Math.floor((qy - y0) / size));
      const k = cy * gx + cx;
      cellOf[m] = k;
      start[k + 1]!++;
    }
    for (let k = 0; k < cells; k++) start[k + 1]! += start[k]!;
    const placed = start[cells]!;
    // Back to front, each start[k + 1] moves down to where cell k begins and
    // each cell ends up in ascending index order (members are in index order).
    for (let m = count - 1; m >= 0; m--) {
      const k = cellOf[m]!;
      if (k >= 0) sorted[--start[k + 1]!] = members[m]!;
    }
    start.copyWithin(0, 1, cells + 1);
    start[cells] = placed;
  }

  /** Resolves i's overlaps with the grid's members j > i. */
  function visit(grid: Grid, i: number, xi: number, yi: number) {
    if (grid.cells === 0) return;
    const { x0, y0, size, gx, gy, start, sorted } = grid;
    const ri = radii[i]!;
    const ri2 = ri * ri;
    // Cells that may hold a j within ri + maxRadius of where i is now, like
    // d3's culling: earlier pairs may already have moved i.
    const reach = ri + grid.maxRadius;
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

  force.initialize = (initNodes: N[], initRandom: () => number) => {
    nodes = initNodes;
    random = initRandom;
    n = nodes.length;
    radii = new Float64Array(n);
    resolveAccessor(radius, nodes, radii);
    px = new Float64Array(n);
    py = new Float64Array(n);
    vxs = new Float64Array(n);
    vys = new Float64Array(n);
    // The split: radii up to the quantile are small; the rest are few and large.
    const finite = Array.from(radii).filter((r) => r > 0 && Number.isFinite(r));
    finite.sort((a, b) => a - b);
    const cut = finite.length ? finite[Math.floor(SMALL_QUANTILE * (finite.length - 1))]! : 0;
    const smallMembers: number[] = [];
    const largeMembers: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = radii[i]!;
      // A node without a positive radius never overlaps, but still moves others:
      // it stays a candidate so that pairs with it are met, as in d3.
      (r > cut ? largeMembers : smallMembers).push(i);
    }
    setMembers(small, smallMembers);
    setMembers(large, largeMembers);
  };

  function setMembers(grid: Grid, members: number[]) {
    grid.members = Int32Array.from(members);
    grid.count = members.length;
    grid.maxRadius = 0;
    for (const i of members) if (radii[i]! > grid.maxRadius) grid.maxRadius = radii[i]!;
    grid.cellOf = new Int32Array(members.length);
    grid.sorted = new Int32Array(members.length);
    grid.cells = 0;
  }

  return force;
}

interface Grid {
  /** Node indices in this grid, ascending. */
  members: Int32Array;
  count: number;
  maxRadius: number;
  x0: number;
  y0: number;
  size: number;
  gx: number;
  gy: number;
  /** 0 when the grid is empty this tick. */
  cells: number;
  /** Cell per member (by position in members), -1 when its position is not finite. */
  cellOf: Int32Array;
  /** Node indices sorted by cell; within a cell ascending, because the sort is stable. */
  sorted: Int32Array;
  /** sorted[start[k]] .. sorted[start[k + 1] - 1] lie in cell k. */
  start: Int32Array;
}

function createGrid(): Grid {
  return {
    members: new Int32Array(0),
    count: 0,
    maxRadius: 0,
    x0: 0,
    y0: 0,
    size: 1,
    gx: 0,
    gy: 0,
    cells: 0,
    cellOf: new Int32Array(0),
    sorted: new Int32Array(0),
    start: new Int32Array(0),
  };
}
