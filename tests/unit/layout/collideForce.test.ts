import { forceCollide, forceSimulation, type SimulationNodeDatum } from 'd3';
import { describe, expect, it } from 'vitest';
import { createCollideForce } from '../../../src/layout/collideForce';
import { lcg } from '../../../src/layout/forceLayout';

interface Node extends SimulationNodeDatum {
  index: number;
  x: number;
  y: number;
  vx: number;
  vy: number;
  r: number;
}

const node = (index: number, x: number, y: number, r = 5, vx = 0, vy = 0): Node => ({
  index,
  x,
  y,
  vx,
  vy,
  r,
});

function randomNodes(count: number, side: number, seed = 3): Node[] {
  const random = lcg(seed);
  return Array.from({ length: count }, (_, i) =>
    node(i, random() * side, random() * side, 2 + random() * 6, random() - 0.5, random() - 0.5),
  );
}

/** Runs one application on copies and returns the new velocities. */
function apply(
  nodes: Node[],
  force: ((alpha: number) => void) & {
    initialize?: (nodes: Node[], random: () => number) => void;
  },
  seed = 1,
) {
  const ns = nodes.map((d) => ({ ...d }));
  force.initialize?.(ns, lcg(seed));
  force(1);
  return ns;
}

const ours = (strength = 1) => createCollideForce<Node>({ radius: (d) => d.r, strength });

/** d3's collide law over every pair (i, j > i) in index order, without culling. */
function bruteForce(nodes: Node[], strength: number) {
  const ns = nodes.map((d) => ({ ...d }));
  for (let i = 0; i < ns.length; i++) {
    const a = ns[i]!;
    const xi = a.x + a.vx;
    const yi = a.y + a.vy;
    for (let j = i + 1; j < ns.length; j++) {
      const b = ns[j]!;
      const r = a.r + b.r;
      let x = xi - b.x - b.vx;
      let y = yi - b.y - b.vy;
      let l = x * x + y * y;
      if (l >= r * r) continue;
      l = Math.sqrt(l);
      l = ((r - l) / l) * strength;
      x *= l;
      y *= l;
      const share = (b.r * b.r) / (a.r * a.r + b.r * b.r);
      a.vx += x * share;
      a.vy += y * share;
      b.vx -= x * (1 - share);
      b.vy -= y * (1 - share);
    }
  }
  return ns;
}

function maxVelocityDifference(a: Node[], b: Node[]) {
  return Math.max(...a.map((d, i) => Math.hypot(d.vx - b[i]!.vx, d.vy - b[i]!.vy)));
}

function overlaps(nodes: Node[]) {
  let count = 0;
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r - 0.5) count++;
    }
  return count;
}

describe('createCollideForce', () => {
  it('pushes two overlapping equal nodes apart by half the overlap each', () => {
    const [a, b] = apply([node(0, 0, 0), node(1, 6, 0)], ours());
    expect(a!.vx).toBeCloseTo(-2, 9);
    expect(b!.vx).toBeCloseTo(2, 9);
    // dy = 0 exactly, so d3's jiggle adds a tiny sideways part.
    expect(Math.abs(a!.vy)).toBeLessThan(1e-6);
    // Once the velocities are applied they just touch.
    expect(b!.x + b!.vx - (a!.x + a!.vx)).toBeCloseTo(10, 9);
    // A weaker force resolves that fraction of the overlap.
    const [c, d] = apply([node(0, 0, 0), node(1, 6, 0)], ours(0.7));
    expect(c!.vx).toBeCloseTo(-1.4, 9);
    expect(d!.vx).toBeCloseTo(1.4, 9);
  });

  it('moves the smaller node more, by r_j² / (r_i² + r_j²)', () => {
    const [small, large] = apply([node(0, 0, 0, 2), node(1, 0, 4, 6)], ours());
    // Overlap 8 - 4 = 4, split 36/40 : 4/40.
    expect(small!.vy).toBeCloseTo(-3.6, 9);
    expect(large!.vy).toBeCloseTo(0.4, 9);
  });

  it('leaves apart nodes alone and judges by where the velocities lead', () => {
    const apart = apply([node(0, 0, 0), node(1, 10.5, 0)], ours());
    expect(apart.map((d) => d.vx)).toEqual([0, 0]);
    // Apart now, overlapping one step ahead: pushed.
    const closing = apply([node(0, 0, 0), node(1, 20, 0, 5, -15)], ours());
    expect(closing[0]!.vx).toBeLessThan(0);
    expect(closing[1]!.vx).toBeGreaterThan(-15);
    // Overlapping now, apart one step ahead: left alone.
    const leaving = apply([node(0, 0, 0), node(1, 6, 0, 5, 10)], ours());
    expect(leaving.map((d) => d.vx)).toEqual([0, 10]);
  });

  it('equals the all-pairs law on a random set with mixed radii', () => {
    for (const side of [400, 150]) {
      const nodes = randomNodes(300, side);
      const got = apply(nodes, ours(0.7));
      const want = bruteForce(nodes, 0.7);
      expect(maxVelocityDifference(got, want)).toBeLessThan(1e-9);
      // Not trivially: the force did move nodes.
      expect(maxVelocityDifference(got, nodes)).toBeGreaterThan(0.5);
    }
  });

  it('meets every pair when a few hubs are many times larger than the rest', () => {
    // The hubs go to the coarse grid; pairs hub-hub, hub-small and small-small all count.
    const nodes = randomNodes(600, 500, 5);
    for (const [i, r] of [
      [17, 90],
      [250, 60],
      [251, 45],
      [599, 70],
    ] as const)
      nodes[i]!.r = r;
    nodes[250]!.x = nodes[251]!.x + 30;
    nodes[250]!.y = nodes[251]!.y;
    // A weak force: pushes this large would carry nodes past the cells looked at,
    // which d3's quadtree culling (and ours) accepts but the all-pairs law does not.
    const got = apply(nodes, ours(0.001));
    const want = bruteForce(nodes, 0.001);
    expect(maxVelocityDifference(got, want)).toBeLessThan(1e-9);
    // The overlapping hubs did push each other.
    expect(Math.abs(got[251]!.vx - nodes[251]!.vx)).toBeGreaterThan(0.02);
  });

  it('matches d3.forceCollide on a small random set', () => {
    const nodes = randomNodes(200, 300, 9);
    const d3Force = forceCollide<Node>((d) => d.r).strength(0.7);
    const want = apply(nodes, d3Force);
    const got = apply(nodes, ours(0.7));
    expect(maxVelocityDifference(want, nodes)).toBeGreaterThan(0.5);
    // Sparse enough that both find the same pairs: equal up to rounding.
    expect(maxVelocityDifference(got, want)).toBeLessThan(1e-9);
  });

  it('spreads a crowd as well as d3 does over a run', () => {
    const crowd = randomNodes(150, 60, 4).map((d) => ({ ...d, vx: 0, vy: 0 }));
    const settle = (force: Parameters<typeof apply>[1], ticks: number) => {
      const sim = forceSimulation(crowd.map((d) => ({ ...d })))
        .stop()
        .randomSource(lcg(1))
        .force('collide', force);
      sim.tick(ticks);
      return sim.nodes();
    };
    expect(overlaps(crowd)).toBeGreaterThan(500);
    // Midway, about as far as d3 (its pair order differs, so not equal).
    const d3Midway = overlaps(settle(forceCollide<Node>((d) => d.r).strength(0.7), 20));
    const ourMidway = overlaps(settle(ours(0.7), 20));
    expect(d3Midway).toBeGreaterThan(50);
    expect(Math.abs(ourMidway - d3Midway)).toBeLessThan(d3Midway * 0.25);
    expect(overlaps(settle(ours(0.7), 200))).toBe(0);
  });

  it('separates coincident nodes, deterministically for a seed', () => {
    const pile = [node(0, 1, 1), node(1, 1, 1), node(2, 1, 1)];
    const a = apply(pile, ours(), 5);
    for (const d of a) expect(Number.isFinite(d.vx) && Number.isFinite(d.vy)).toBe(true);
    expect(new Set(a.map((d) => `${d.x + d.vx},${d.y + d.vy}`)).size).toBe(3);
    expect(apply(pile, ours(), 5)).toEqual(a);
    expect(apply(pile, ours(), 6)).not.toEqual(a);
  });

  it('finds pairs next to a far outlier, and handles empty, single and NaN input', () => {
    const [a, b, far] = apply([node(0, 0, 0), node(1, 6, 0), node(2, 1e7, -1e7)], ours());
    expect(a!.vx).toBeCloseTo(-2, 9);
    expect(b!.vx).toBeCloseTo(2, 9);
    expect(far!.vx).toBe(0);
    expect(apply([], ours())).toEqual([]);
    expect(apply([node(0, 3, 4)], ours())[0]!.vx).toBe(0);
    const withNaN = apply([node(0, 0, 0), node(1, NaN, 0), node(2, 6, 0)], ours());
    expect(withNaN[0]!.vx).toBeCloseTo(-2, 9);
    expect(Number.isNaN(withNaN[1]!.x)).toBe(true);
  });
});
