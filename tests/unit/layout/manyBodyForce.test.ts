import { forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3';
import { describe, expect, it } from 'vitest';
import { lcg } from '../../../src/layout/forceLayout';
import { createManyBodyForce, type ManyBodyOptions } from '../../../src/layout/manyBodyForce';

interface Node extends SimulationNodeDatum {
  index: number;
  x: number;
  y: number;
  vx: number;
  vy: number;
}

/** Random points in a square, with a few clumps so the tree has depth. */
function randomNodes(count: number, seed = 5, spread = 500): Node[] {
  const random = lcg(seed);
  return Array.from({ length: count }, (_, i) => {
    const clump = i % 3 === 0;
    return {
      index: i,
      x: clump ? 100 + random() * 20 : random() * spread - spread / 2,
      y: clump ? -50 + random() * 20 : random() * spread - spread / 2,
      vx: 0,
      vy: 0,
    };
  });
}

const copy = (nodes: Node[]) => nodes.map((d) => ({ ...d }));
const strengthOf = (_: Node, i: number) => -20 - (i % 4) * 10;

/** Applies a force once, the way the simulation would, and returns the velocity changes. */
function deltas(
  nodes: Node[],
  force: ((alpha: number) => void) & {
    initialize?: (nodes: Node[], random: () => number) => void;
  },
  alpha = 0.8,
  seed = 1,
) {
  const ns = copy(nodes);
  force.initialize?.(ns, lcg(seed));
  force(alpha);
  return ns.map((d, i) => [d.vx - nodes[i]!.vx, d.vy - nodes[i]!.vy] as const);
}

/** d3's pairwise law without any approximation: O(n²). */
function exact(nodes: Node[], alpha: number, distanceMax = Infinity) {
  return nodes.map((a, i) => {
    let vx = 0;
    let vy = 0;
    nodes.forEach((b, j) => {
      if (i === j) return;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      let l = dx * dx + dy * dy;
      if (l >= distanceMax * distanceMax) return;
      if (l < 1) l = Math.sqrt(l);
      const w = (strengthOf(b, j) * alpha) / l;
      vx += dx * w;
      vy += dy * w;
    });
    return [vx, vy] as const;
  });
}

/** Error of each node's velocity change, relative to the typical size of the exact ones. */
function relativeErrors(got: (readonly [number, number])[], want: (readonly [number, number])[]) {
  const rms = Math.sqrt(want.reduce((s, [x, y]) => s + x * x + y * y, 0) / want.length);
  return got.map(([x, y], i) => Math.hypot(x - want[i]![0], y - want[i]![1]) / rms);
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

describe('createManyBodyForce', () => {
  const nodes = randomNodes(400);
  const options = (theta: number, more: ManyBodyOptions<Node> = {}) =>
    createManyBodyForce<Node>({ strength: strengthOf, theta, ...more });

  it('agrees with the exact O(n²) sum when theta is small', () => {
    const errors = relativeErrors(deltas(nodes, options(0.2)), exact(nodes, 0.8));
    expect(Math.max(...errors)).toBeLessThan(0.02);
    // theta 0 opens every cell: exact up to rounding.
    const none = relativeErrors(deltas(nodes, options(0)), exact(nodes, 0.8));
    expect(Math.max(...none)).toBeLessThan(1e-9);
  });

  it('stays close to the exact sum with the layout’s coarse theta 0.9', () => {
    const errors = relativeErrors(deltas(nodes, options(0.9)), exact(nodes, 0.8));
    expect(mean(errors)).toBeLessThan(0.03);
    expect(Math.max(...errors)).toBeLessThan(0.15);
    // Yet it is an approximation: the test can tell theta 0.9 from exact.
    expect(mean(errors)).toBeGreaterThan(1e-6);
  });

  it('matches d3.forceManyBody with the same strength, theta and distanceMax', () => {
    for (const [theta, distanceMax] of [
      [0.9, 120],
      [0.5, Infinity],
    ] as const) {
      const d3Force = forceManyBody<Node>()
        .strength(strengthOf)
        .theta(theta)
        .distanceMax(distanceMax);
      const want = deltas(nodes, d3Force);
      const got = deltas(nodes, options(theta, { distanceMax }));
      // The same cells in the same order: equal up to rounding.
      expect(Math.max(...relativeErrors(got, want))).toBeLessThan(1e-12);
    }
  });

  it('respects distanceMax: nothing from beyond it, the rest unchanged', () => {
    const near = randomNodes(50, 3, 100);
    const far: Node = { index: 50, x: 5000, y: 5000, vx: 0, vy: 0 };
    const force = () => options(0.5, { distanceMax: 300 });
    const alone = deltas(near, force());
    const withFar = deltas([...near, far], force());
    expect(withFar[50]).toEqual([0, 0]);
    for (let i = 0; i < near.length; i++) {
      expect(withFar[i]![0]).toBeCloseTo(alone[i]![0], 12);
      expect(withFar[i]![1]).toBeCloseTo(alone[i]![1], 12);
    }
    // Within reach the same pair does push.
    const close = deltas([near[0]!, { ...far, x: near[0]!.x + 200, y: near[0]!.y }], force());
    expect(close[1]![0]).toBeGreaterThan(0);
  });

  it('scales with alpha and with a constant strength', () => {
    const a = deltas(nodes, createManyBodyForce<Node>({ strength: -30 }), 1);
    const b = deltas(nodes, createManyBodyForce<Node>({ strength: -15 }), 0.5);
    for (let i = 0; i < nodes.length; i++) expect(b[i]![0]).toBeCloseTo(a[i]![0] / 4, 9);
  });

  it('separates coincident points without NaN, also past the depth cap', () => {
    // 30 points on one spot, 30 within 1e-12 of another: the second group
    // would otherwise split cells down to the float resolution.
    const ns: Node[] = Array.from({ length: 60 }, (_, i) => ({
      index: i,
      x: i < 30 ? 0 : 10 + i * 1e-12,
      y: i < 30 ? 0 : 10 - i * 1e-12,
      vx: 0,
      vy: 0,
    }));
    const d = deltas(ns, options(0.9));
    for (const [x, y] of d) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(Math.hypot(x, y)).toBeGreaterThan(0);
    }
    // Run as a simulation they come apart.
    const sim = forceSimulation(copy(ns)).stop().randomSource(lcg(2)).force('charge', options(0.9));
    sim.tick(30);
    const spots = new Set(sim.nodes().map((n) => `${n.x},${n.y}`));
    expect(spots.size).toBe(60);
    for (const n of sim.nodes()) expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
  });

  it('past the depth cap, still pushes each nearly coincident point its own way', () => {
    // Spaced 1e-10 apart on a diagonal: deeper than the cap allows, so they share a bucket.
    const ns: Node[] = Array.from({ length: 6 }, (_, i) => ({
      index: i,
      x: i === 5 ? 0 : 10 + i * 1e-10,
      y: i === 5 ? 0 : 20 + i * 2e-10,
      vx: 0,
      vy: 0,
    }));
    const errors = relativeErrors(deltas(ns, options(0.9)), exact(ns, 0.8));
    expect(Math.max(...errors)).toBeLessThan(1e-3);
  });

  it('handles no nodes, one node and NaN positions', () => {
    expect(deltas([], options(0.9))).toEqual([]);
    expect(deltas([{ index: 0, x: 3, y: 4, vx: 0, vy: 0 }], options(0.9))).toEqual([[0, 0]]);
    const withNaN = deltas(
      [
        { index: 0, x: 0, y: 0, vx: 0, vy: 0 },
        { index: 1, x: NaN, y: 1, vx: 0, vy: 0 },
        { index: 2, x: 10, y: 0, vx: 0, vy: 0 },
      ],
      options(0.9),
    );
    expect(withNaN[0]![0]).toBeLessThan(0);
    expect(withNaN[2]![0]).toBeGreaterThan(0);
  });

  it('is deterministic for a seed, and the seed decides where points coincide', () => {
    const ns: Node[] = Array.from({ length: 20 }, (_, i) => ({
      index: i,
      x: 0,
      y: 0,
      vx: 0,
      vy: 0,
    }));
    const run = (seed: number) => deltas(ns, options(0.9), 1, seed);
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });
});
