import type { SimulationNodeDatum } from 'd3';

// Barnes–Hut many-body force with d3.forceManyBody's semantics, on a quadtree
// kept in flat typed arrays. d3's own quadtree allocates an object per cell and
// per visited quadrant on every tick; here the pools live as long as the force
// and a tick allocates nothing once they are large enough.

export type NodeAccessor<N, T> = T | ((node: N, i: number, nodes: N[]) => T);

export interface ManyBodyOptions<N> {
  /** Negative repels, as in d3. Default -30. */
  strength?: NodeAccessor<N, number>;
  /** Barnes–Hut accuracy: a cell of width w at distance l is one body when w / theta < l. Default 0.9. */
  theta?: number;
  /** Default 1: closer pairs are softened as in d3. */
  distanceMin?: number;
  /** Default Infinity. */
  distanceMax?: number;
}

export interface CustomForce<N extends SimulationNodeDatum> {
  (alpha: number): void;
  initialize(nodes: N[], random: () => number): void;
}

/**
 * Coincident points share a leaf; nearly coincident ones would split cells
 * down to the float resolution, so below this depth a leaf becomes a bucket.
 */
export const MAX_QUADTREE_DEPTH = 32;

// Per-cell values, stride 4: centre of mass x, y, summed strength, width²/θ².
const CX = 0;
const CY = 1;
const VALUE = 2;
const WT2 = 3;

/** d3's jiggle: a tiny random offset that separates coincident points. */
export function jiggle(random: () => number): number {
  return (random() - 0.5) * 1e-6;
}

/** Evaluates a constant-or-per-node option once per node, as d3 does on initialize. */
export function resolveAccessor<N, T>(
  value: NodeAccessor<N, T>,
  nodes: N[],
  out: { [i: number]: T },
): void {
  for (let i = 0; i < nodes.length; i++) {
    out[i] =
      typeof value === 'function'
        ? (value as (node: N, i: number, nodes: N[]) => T)(nodes[i]!, i, nodes)
        : value;
  }
}

export function createManyBodyForce<N extends SimulationNodeDatum>(
  options: ManyBodyOptions<N> = {},
): CustomForce<N> {
  const strength = options.strength ?? -30;
  const theta = options.theta ?? 0.9;
  const theta2 = theta * theta;
  const distanceMin = options.distanceMin ?? 1;
  const distanceMin2 = distanceMin * distanceMin;
  const distanceMax = options.distanceMax ?? Infinity;
  const distanceMax2 = distanceMax * distanceMax;

  let nodes: N[] = [];
  let random: () => number = Math.random;
  let n = 0;
  let strengths = new Float64Array(0);
  let px = new Float64Array(0);
  let py = new Float64Array(0);
  /** Next point in the same leaf, -1 at the end of the chain. */
  let next = new Int32Array(0);
  /** Insertion and visiting order: the leaf order of the previous tick, so neighbours in space sit close in memory. */
  let order = new Int32Array(0);
  let nextOrder = new Int32Array(0);

  let capacity = 0;
  let cellCount = 0;
  let cell = new Float64Array(0);
  /** x0, y0, x1, y1 per cell. */
  let box = new Float64Array(0);
  /** Child cell per quadrant; 0 = none (the root is never a child). */
  let child = new Int32Array(0);
  /** First point of a leaf, -1 for an inner cell. */
  let head = new Int32Array(0);
  /** 1 for a leaf at the depth cap that holds points which are not exactly coincident. */
  let bucket = new Uint8Array(0);
  let depthOf = new Uint8Array(0);
  // A depth-first stack holds at most 3 siblings per level plus the cell being opened.
  const stack = new Int32Array(4 * (MAX_QUADTREE_DEPTH + 2));

  function grow(min: number) {
    const size = Math.max(min, capacity * 2, 64);
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(a: T, stride: number): T => {
      const b = new (a.constructor as new (length: number) => T)(size * stride);
      b.set(a);
      return b;
    };
    cell = grown(cell, 4);
    box = grown(box, 4);
    child = grown(child, 4);
    head = grown(head, 1);
    bucket = grown(bucket, 1);
    depthOf = grown(depthOf, 1);
    capacity = size;
  }

  function newCell(x0: number, y0: number, x1: number, y1: number, depth: number, point: number) {
    if (cellCount === capacity) grow(cellCount + 1);
    const c = cellCount++;
    const b = c * 4;
    box[b] = x0;
    box[b + 1] = y0;
    box[b + 2] = x1;
    box[b + 3] = y1;
    child[b] = child[b + 1] = child[b + 2] = child[b + 3] = 0;
    head[c] = point;
    bucket[c] = 0;
    depthOf[c] = depth;
    return c;
  }

  /** Same descent as d3-quadtree's add, with the depth cap. */
  function insert(i: number) {
    const x = px[i]!;
    const y = py[i]!;
    next[i] = -1;
    let c = 0;
    for (;;) {
      const h = head[c]!;
      if (h >= 0) {
        const coincident = px[h] === x && py[h] === y;
        if (coincident || depthOf[c]! >= MAX_QUADTREE_DEPTH) {
          next[i] = h;
          head[c] = i;
          if (!coincident) bucket[c] = 1;
          return;
        }
        // Split: the old chain moves down one level, then the new point descends again.
        head[c] = -1;
        const b = c * 4;
        const x0 = box[b]!;
        const y0 = box[b + 1]!;
        const x1 = box[b + 2]!;
        const y1 = box[b + 3]!;
        const xm = (x0 + x1) / 2;
        const ym = (y0 + y1) / 2;
        const right = px[h]! >= xm;
        const bottom = py[h]! >= ym;
        const leaf = newCell(
          right ? xm : x0,
          bottom ? ym : y0,
          right ? x1 : xm,
          bottom ? y1 : ym,
          depthOf[c]! + 1,
          h,
        );
        child[b + ((bottom ? 2 : 0) | (right ? 1 : 0))] = leaf;
      }
      const b = c * 4;
      const x0 = box[b]!;
      const y0 = box[b + 1]!;
      const x1 = box[b + 2]!;
      const y1 = box[b + 3]!;
      const xm = (x0 + x1) / 2;
      const ym = (y0 + y1) / 2;
      const right = x >= xm;
      const bottom = y >= ym;
      const q = b + ((bottom ? 2 : 0) | (right ? 1 : 0));
      const below = child[q]!;
      if (below === 0) {
        // Not `child[q] = newCell(...)`: newCell may replace the pools, and the
        // left-hand array would be the old one.
        const leaf = newCell(
          right ? xm : x0,
          bottom ? ym : y0,
          right ? x1 : xm,
          bottom ? y1 : ym,
          depthOf[c]! + 1,
          i,
        );
        child[q] = leaf;
        return;
      }
      c = below;
    }
  }

  /** Builds the tree over the current positions; returns false when no point is valid. */
  function build(): boolean {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      const x = +node.x!;
      const y = +node.y!;
      px[i] = x;
      py[i] = y;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    if (!(x0 <= x1 && y0 <= y1) || !Number.isFinite(x1 - x0 + (y1 - y0))) return false;
    // d3-quadtree's cover: an integer origin and a power-of-two width, so cells match d3's.
    const ox = Math.floor(x0);
    const oy = Math.floor(y0);
    let z = 1;
    while (ox + z <= x1 || oy + z <= y1) z *= 2;
    cellCount = 0;
    let first = -1;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      if (Number.isNaN(px[i]!) || Number.isNaN(py[i]!)) continue;
      if (first < 0) {
        first = i;
        next[i] = -1;
        newCell(ox, oy, ox + z, oy + z, 0, i);
      } else {
        insert(i);
      }
    }
    return true;
  }

  /** Children always come after their parent in the pool, so a backward sweep is a post-order. */
  function accumulate() {
    for (let c = cellCount - 1; c >= 0; c--) {
      const o = c * 4;
      const h = head[c]!;
      let value = 0;
      if (h >= 0) {
        for (let j = h; j !== -1; j = next[j]!) value += strengths[j]!;
        cell[o + CX] = px[h]!;
        cell[o + CY] = py[h]!;
      } else {
        let weight = 0;
        let x = 0;
        let y = 0;
        for (let q = 0; q < 4; q++) {
          const k = child[o + q]!;
          if (k === 0) continue;
          const v = cell[k * 4 + VALUE]!;
          const a = Math.abs(v);
          if (a) {
            value += v;
            weight += a;
            x += a * cell[k * 4 + CX]!;
            y += a * cell[k * 4 + CY]!;
          }
        }
        cell[o + CX] = x / weight;
        cell[o + CY] = y / weight;
      }
      cell[o + VALUE] = value;
      const w = box[o + 2]! - box[o]!;
      cell[o + WT2] = (w * w) / theta2;
    }
  }

  /** Leaf order by a depth-first walk: next tick's insertion and visiting order. */
  function leafOrder() {
    let k = 0;
    let sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
      const c = stack[--sp]!;
      const h = head[c]!;
      if (h >= 0) {
        for (let j = h; j !== -1; j = next[j]!) nextOrder[k++] = j;
        continue;
      }
      const o = c * 4;
      for (let q = 3; q >= 0; q--) {
        const below = child[o + q]!;
        if (below !== 0) stack[sp++] = below;
      }
    }
    // Points left out of the tree (NaN positions) keep their old relative order at the end.
    if (k < n) {
      for (let m = 0; m < n; m++) {
        const i = order[m]!;
        if (Number.isNaN(px[i]!) || Number.isNaN(py[i]!)) nextOrder[k++] = i;
      }
    }
    const swap = order;
    order = nextOrder;
    nextOrder = swap;
  }

  function force(alpha: number) {
    if (n === 0 || !build()) return;
    accumulate();
    leafOrder();
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const xi = px[i]!;
      const yi = py[i]!;
      if (Number.isNaN(xi) || Number.isNaN(yi)) continue;
      const node = nodes[i]!;
      let vx = node.vx ?? 0;
      let vy = node.vy ?? 0;
      let sp = 0;
      stack[sp++] = 0;
      while (sp > 0) {
        const c = stack[--sp]!;
        const o = c * 4;
        const value = cell[o + VALUE]!;
        if (value === 0) continue;
        let dx = cell[o + CX]! - xi;
        let dy = cell[o + CY]! - yi;
        let l = dx * dx + dy * dy;
        // Far enough: the whole cell acts as one body.
        if (cell[o + WT2]! < l) {
          if (l < distanceMax2) {
            if (dx === 0) {
              dx = jiggle(random);
              l += dx * dx;
            }
            if (dy === 0) {
              dy = jiggle(random);
              l += dy * dy;
            }
            if (l < distanceMin2) l = Math.sqrt(distanceMin2 * l);
            vx += (dx * value * alpha) / l;
            vy += (dy * value * alpha) / l;
          }
          continue;
        }
        const h = head[c]!;
        if (h < 0) {
          // Reversed, so quadrant 0 is visited first as in d3.
          for (let q = 3; q >= 0; q--) {
            const below = child[o + q]!;
            if (below !== 0) stack[sp++] = below;
          }
          continue;
        }
        if (bucket[c]) {
          const v = applyBucket(h, i, xi, yi, alpha);
          vx += v.x;
          vy += v.y;
          continue;
        }
        if (l >= distanceMax2) continue;
        if (h !== i || next[h] !== -1) {
          if (dx === 0) {
            dx = jiggle(random);
            l += dx * dx;
          }
          if (dy === 0) {
            dy = jiggle(random);
            l += dy * dy;
          }
          if (l < distanceMin2) l = Math.sqrt(distanceMin2 * l);
        }
        for (let j = h; j !== -1; j = next[j]!) {
          if (j === i) continue;
          const w = (strengths[j]! * alpha) / l;
          vx += dx * w;
          vy += dy * w;
        }
      }
      node.vx = vx;
      node.vy = vy;
    }
  }

  const bucketSum = { x: 0, y: 0 };
  /** A bucket's points are not all at one spot: each is taken on its own. */
  function applyBucket(h: number, i: number, xi: number, yi: number, alpha: number) {
    bucketSum.x = bucketSum.y = 0;
    for (let j = h; j !== -1; j = next[j]!) {
      if (j === i) continue;
      let dx = px[j]! - xi;
      let dy = py[j]! - yi;
      let l = dx * dx + dy * dy;
      if (l >= distanceMax2) continue;
      if (dx === 0) {
        dx = jiggle(random);
        l += dx * dx;
      }
      if (dy === 0) {
        dy = jiggle(random);
        l += dy * dy;
      }
      if (l < distanceMin2) l = Math.sqrt(distanceMin2 * l);
      const w = (strengths[j]! * alpha) / l;
      bucketSum.x += dx * w;
      bucketSum.y += dy * w;
    }
    return bucketSum;
  }

  force.initialize = (initNodes: N[], initRandom: () => number) => {
    nodes = initNodes;
    random = initRandom;
    n = nodes.length;
    strengths = new Float64Array(n);
    resolveAccessor(strength, nodes, strengths);
    px = new Float64Array(n);
    py = new Float64Array(n);
    next = new Int32Array(n);
    order = Int32Array.from({ length: n }, (_, i) => i);
    nextOrder = new Int32Array(n);
    if (capacity < 2 * n + 1) grow(2 * n + 1);
  };

  return force;
}
