import { describe, expect, it } from 'vitest';
import { lcg } from '../../../src/layout/forceLayout';
import { createNodeHitIndex } from '../../../src/render/hitTest';

const xs = Float32Array.from([0, 100, 104, 300, 300]);
const ys = Float32Array.from([0, 0, 0, 300, 300]);
const radii = Float32Array.from([10, 20, 3, 5, 5]);

describe('createNodeHitIndex', () => {
  it('finds the node under a point, within its radius', () => {
    const index = createNodeHitIndex(xs, ys, radii, null);
    expect(index.nodeAt(0, 0)).toBe(0);
    expect(index.nodeAt(7, -7)).toBe(0); // inside r = 10
    expect(index.nodeAt(9, 9)).toBeNull(); // 12.7 from the centre
    expect(index.nodeAt(50, 50)).toBeNull();
  });

  it('respects each node’s own radius, not only the nearest centre', () => {
    const index = createNodeHitIndex(xs, ys, radii, null);
    // 118 is 18 from the big node (r 20) and 14 from the small one (r 3): only the big one covers it.
    expect(index.nodeAt(118, 0)).toBe(1);
    // Where both cover the point, the nearer centre wins, so a small node on a big one stays reachable.
    expect(index.nodeAt(104, 0)).toBe(2);
    expect(index.nodeAt(96, 0)).toBe(1);
  });

  it('grows tiny nodes to a minimum radius and adds slack', () => {
    const index = createNodeHitIndex(xs, ys, radii, null);
    expect(index.nodeAt(300, 308)).toBeNull();
    expect(index.nodeAt(300, 308, 9)).not.toBeNull();
    expect(index.nodeAt(300, 308, 0, 4)).not.toBeNull();
  });

  it('ignores hidden nodes', () => {
    const hidden = Uint8Array.from([1, 0, 1, 0, 0]);
    const index = createNodeHitIndex(xs, ys, radii, hidden);
    expect(index.nodeAt(0, 0)).toBeNull();
    expect(index.nodeAt(104, 0)).toBe(1);
    expect(index.size).toBe(3);
  });

  it('finds coincident nodes and skips unplaced ones', () => {
    const index = createNodeHitIndex(
      Float32Array.from([...xs, NaN]),
      Float32Array.from([...ys, NaN]),
      Float32Array.from([...radii, 5]),
      null,
    );
    expect([3, 4]).toContain(index.nodeAt(301, 300));
    expect(index.size).toBe(5);
  });

  it('agrees with a full scan on a large random graph', () => {
    const random = lcg(3);
    const n = 5000;
    const gx = Float32Array.from({ length: n }, () => random() * 2000);
    const gy = Float32Array.from({ length: n }, () => random() * 2000);
    const r = Float32Array.from({ length: n }, () => 2 + random() * 12);
    const hidden = Uint8Array.from({ length: n }, () => (random() < 0.1 ? 1 : 0));
    const index = createNodeHitIndex(gx, gy, r, hidden);
    for (let q = 0; q < 500; q++) {
      const x = random() * 2000;
      const y = random() * 2000;
      let expected: number | null = null;
      let best = Infinity;
      for (let i = 0; i < n; i++) {
        if (hidden[i]) continue;
        const d = Math.hypot(gx[i]! - x, gy[i]! - y);
        if (d <= r[i]! && d < best) {
          best = d;
          expected = i;
        }
      }
      expect(index.nodeAt(x, y)).toBe(expected);
    }
  });
});
