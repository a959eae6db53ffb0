import { describe, expect, it, vi } from 'vitest';
import {
  createForceLayout,
  DEFAULT_LAYOUT_OPTIONS,
  LAYOUT_PARAMETERS,
  layoutProgress,
  lcg,
  resolveLayoutOptions,
  type LayoutInput,
} from '../../../src/layout/forceLayout';
import { createLayoutClient, type LayoutProgress } from '../../../src/layout/layoutClient';

/** Four communities, dense inside and loosely tied together: a shape with a clear right answer. */
function communities(size = 25, groups = 4, seed = 7): LayoutInput {
  const random = lcg(seed);
  const sources: number[] = [];
  const targets: number[] = [];
  const count = size * groups;
  for (let g = 0; g < groups; g++) {
    for (let a = 0; a < size; a++) {
      for (let b = a + 1; b < size; b++) {
        if (random() < 0.25) {
          sources.push(g * size + a);
          targets.push(g * size + b);
        }
      }
    }
    // One bridge to the next community.
    sources.push(g * size);
    targets.push(((g + 1) % groups) * size + 1);
  }
  return {
    count,
    sources: Uint32Array.from(sources),
    targets: Uint32Array.from(targets),
    radii: new Float32Array(count).fill(4),
  };
}

function settle(input: LayoutInput, options = {}) {
  const layout = createForceLayout(input, options);
  while (!layout.settled()) layout.tick(50);
  return layout;
}

const dist = (xs: Float32Array, ys: Float32Array, a: number, b: number) =>
  Math.hypot(xs[a]! - xs[b]!, ys[a]! - ys[b]!);

describe('createForceLayout', () => {
  it('is deterministic: the same input and seed give the same positions', () => {
    const input = communities();
    const a = settle(input, { seed: 3 });
    const b = settle(input, { seed: 3 });
    expect(Array.from(a.xs)).toEqual(Array.from(b.xs));
    expect(Array.from(a.ys)).toEqual(Array.from(b.ys));
    expect(a.ticks()).toBe(b.ticks());
  });

  it('depends on the seed where randomness decides (coincident starts)', () => {
    const input = {
      ...communities(),
      initialX: new Float32Array(100),
      initialY: new Float32Array(100),
    };
    const a = createForceLayout(input, { seed: 1 });
    const b = createForceLayout(input, { seed: 2 });
    a.tick(5);
    b.tick(5);
    expect(Array.from(a.xs)).not.toEqual(Array.from(b.xs));
  });

  it('settles when alpha drops below alphaMin and then stops ticking', () => {
    const layout = settle(communities());
    expect(layout.settled()).toBe(true);
    expect(layout.alpha()).toBeLessThan(DEFAULT_LAYOUT_OPTIONS.alphaMin);
    const ticks = layout.ticks();
    layout.tick(10);
    expect(layout.ticks()).toBe(ticks);
    layout.reheat(0.5);
    expect(layout.settled()).toBe(false);
  });

  it('puts linked nodes closer together than unlinked ones', () => {
    const input = communities();
    const { xs, ys } = settle(input);
    const linked = new Set<string>();
    let linkedSum = 0;
    for (let k = 0; k < input.sources.length; k++) {
      const s = input.sources[k]!;
      const t = input.targets[k]!;
      linked.add(`${s}|${t}`).add(`${t}|${s}`);
      linkedSum += dist(xs, ys, s, t);
    }
    let otherSum = 0;
    let others = 0;
    for (let a = 0; a < input.count; a++) {
      for (let b = a + 1; b < input.count; b++) {
        if (linked.has(`${a}|${b}`)) continue;
        otherSum += dist(xs, ys, a, b);
        others++;
      }
    }
    expect(linkedSum / input.sources.length).toBeLessThan((otherSum / others) * 0.6);
  });

  it('keeps room around every node even when links pull them close', () => {
    const input = communities();
    const { xs, ys } = settle(input, { linkDistance: 5, chargeStrength: -5 });
    let closest = Infinity;
    for (let a = 0; a < input.count; a++)
      for (let b = a + 1; b < input.count; b++) closest = Math.min(closest, dist(xs, ys, a, b));
    // Radius 4 plus padding 1.5 on both sides is 11; collision is soft, so a little less.
    expect(closest).toBeGreaterThan(10);
  });

  it('never produces NaN, also for isolated, self-linked and coincident nodes', () => {
    const layout = settle({
      count: 6,
      sources: Uint32Array.from([0, 1, 2, 9]),
      targets: Uint32Array.from([1, 1, 0, 0]),
      initialX: Float32Array.from([0, 0, 0, NaN, 5, 5]),
      initialY: Float32Array.from([0, 0, 0, NaN, 5, 5]),
    });
    for (let i = 0; i < 6; i++) {
      expect(Number.isFinite(layout.xs[i])).toBe(true);
      expect(Number.isFinite(layout.ys[i])).toBe(true);
    }
  });

  it('handles an empty graph', () => {
    const layout = createForceLayout({
      count: 0,
      sources: new Uint32Array(),
      targets: new Uint32Array(),
    });
    layout.tick(5);
    expect(layout.xs.length).toBe(0);
  });

  it('holds pinned nodes where they were put, and releases them', () => {
    const layout = createForceLayout(communities());
    layout.pin(0, 500, -300);
    layout.pin(30, -200, 100);
    while (!layout.settled()) layout.tick(50);
    expect([layout.xs[0], layout.ys[0]]).toEqual([500, -300]);
    expect([layout.xs[30], layout.ys[30]]).toEqual([-200, 100]);
    layout.unpinAll();
    layout.reheat(0.5);
    while (!layout.settled()) layout.tick(50);
    // Far from its community, node 0 is pulled back once released.
    expect(Math.hypot(layout.xs[0]! - 500, layout.ys[0]! + 300)).toBeGreaterThan(50);
  });

  it('keeps input-fixed nodes at their initial positions', () => {
    const input = communities();
    const initialX = new Float32Array(input.count).fill(NaN);
    const initialY = new Float32Array(input.count).fill(NaN);
    const fixed = new Uint8Array(input.count);
    initialX[5] = 123;
    initialY[5] = 45;
    fixed[5] = 1;
    const layout = settle({ ...input, initialX, initialY, fixed });
    expect([layout.xs[5], layout.ys[5]]).toEqual([123, 45]);
  });

  it('respects initial positions: a layout started from its own result moves little', () => {
    const input = communities();
    const first = settle(input);
    const meanShift = (start: { xs: Float32Array; ys: Float32Array }, alpha?: number) => {
      const again = settle(
        { ...input, initialX: start.xs, initialY: start.ys },
        alpha === undefined ? {} : { alpha },
      );
      let shift = 0;
      for (let i = 0; i < input.count; i++) {
        shift += Math.hypot(first.xs[i]! - again.xs[i]!, first.ys[i]! - again.ys[i]!);
      }
      return shift / input.count;
    };
    // Baseline: the same positions dealt out to the wrong nodes.
    const order = Array.from({ length: input.count }, (_, i) => (i * 37) % input.count);
    const shuffled = {
      xs: Float32Array.from(order, (j) => first.xs[j]!),
      ys: Float32Array.from(order, (j) => first.ys[j]!),
    };
    const own = meanShift({ xs: first.xs.slice(), ys: first.ys.slice() });
    expect(own).toBeLessThan(DEFAULT_LAYOUT_OPTIONS.linkDistance);
    expect(own).toBeLessThan(meanShift(shuffled) * 0.3);
    // Refining at a lower heat keeps even more of the given picture.
    expect(meanShift({ xs: first.xs.slice(), ys: first.ys.slice() }, 0.1)).toBeLessThan(own * 0.5);
  });

  it('pulls nodes of a group together', () => {
    // No edges at all: only the group force can bring the two groups apart.
    const count = 60;
    const groups = new Uint16Array(count).map((_, i) => i % 2);
    const none = { count, sources: new Uint32Array(), targets: new Uint32Array() };
    const spread = (xs: Float32Array, ys: Float32Array) => {
      let d = 0;
      for (let i = 0; i < count; i += 2)
        for (let j = i + 2; j < count; j += 2) d += dist(xs, ys, i, j);
      return d;
    };
    const plain = settle(none);
    const grouped = settle({ ...none, groups }, { groupStrength: 0.3 });
    expect(spread(grouped.xs, grouped.ys)).toBeLessThan(spread(plain.xs, plain.ys));
  });
});

describe('layout parameters', () => {
  it('describes every tunable force with a default inside its range', () => {
    expect(LAYOUT_PARAMETERS.map((p) => p.id)).toEqual([
      'linkDistance',
      'chargeStrength',
      'collidePadding',
      'gravity',
    ]);
    for (const p of LAYOUT_PARAMETERS) {
      expect(p.default).toBeGreaterThanOrEqual(p.min);
      expect(p.default).toBeLessThanOrEqual(p.max);
      expect(DEFAULT_LAYOUT_OPTIONS[p.id]).toBe(p.default);
    }
  });
  it('clamps out-of-range and ignores non-numbers', () => {
    const o = resolveLayoutOptions({ linkDistance: 1e9, gravity: NaN, seed: 9, alphaMin: 0 });
    expect(o.linkDistance).toBe(200);
    expect(o.alphaMin).toBeGreaterThan(0);
    expect(o.gravity).toBe(DEFAULT_LAYOUT_OPTIONS.gravity);
    expect(o.seed).toBe(9);
  });
});

describe('createLayoutClient (in-thread fallback)', () => {
  it('streams positions and ends settled with the same result as the bare layout', async () => {
    const input = communities();
    const infos: LayoutProgress[] = [];
    const done = new Promise<{ xs: Float32Array; ys: Float32Array }>((resolve) => {
      const client = createLayoutClient(
        (xs, ys, info) => {
          infos.push(info);
          if (info.settled) {
            client.destroy();
            resolve({ xs, ys });
          }
        },
        { useWorker: false },
      );
      client.start(input, { seed: 4 });
    });
    const result = await done;
    const direct = settle(input, { seed: 4 });
    expect(Array.from(result.xs)).toEqual(Array.from(direct.xs));
    expect(infos.at(-1)!.ticksPerSecond).toBeGreaterThan(0);
    expect(infos.filter((i) => i.settled)).toHaveLength(1);
  });

  it('reports an empty graph as settled, so a caller never waits forever', async () => {
    const info = await new Promise<LayoutProgress>((resolve) => {
      const client = createLayoutClient((_xs, _ys, i) => i.settled && resolve(i), {
        useWorker: false,
      });
      client.start({ count: 0, sources: new Uint32Array(), targets: new Uint32Array() });
    });
    expect(info.settled).toBe(true);
  });

  it('warms a settled layout when a node is dragged, so its neighbours follow', async () => {
    const input = communities();
    let settledCount = 0;
    let last: Float32Array | null = null;
    const client = createLayoutClient(
      (xs, _ys, info) => {
        last = xs;
        if (info.settled) settledCount++;
      },
      { useWorker: false },
    );
    client.start(input);
    await vi.waitFor(() => expect(settledCount).toBe(1), { timeout: 5000 });
    const before = last![1]!;
    client.pin(0, 400, 0);
    await vi.waitFor(() => expect(settledCount).toBe(2), { timeout: 5000 });
    client.destroy();
    expect(last![0]).toBe(400);
    // Node 1 shares a community with node 0 and is pulled along.
    expect(last![1]!).toBeGreaterThan(before);
  });

  it('drops positions of a run that was stopped or replaced', async () => {
    const seen: number[] = [];
    const client = createLayoutClient((xs) => seen.push(xs.length), { useWorker: false });
    client.start(communities());
    client.start({
      count: 3,
      sources: Uint32Array.from([0, 1]),
      targets: Uint32Array.from([1, 2]),
    });
    await new Promise((r) => setTimeout(r, 200));
    client.stop();
    client.destroy();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((n) => n === 3)).toBe(true);
  });
});

describe('layoutProgress', () => {
  it('tells the share of ticks done from alpha', () => {
    const layout = createForceLayout({
      count: 3,
      sources: new Uint32Array([0]),
      targets: new Uint32Array([1]),
    });
    const start = layout.alpha();
    expect(layoutProgress(start, start)).toBe(0);
    let ticks = 0;
    while (!layout.settled()) {
      layout.tick(1);
      ticks++;
      if (ticks === 150) expect(layoutProgress(layout.alpha(), start)).toBeCloseTo(0.5, 1);
    }
    expect(layoutProgress(layout.alpha(), start)).toBe(1);
    // A reheat to 0.2 starts again from 0.
    expect(layoutProgress(0.2, 0.2)).toBe(0);
    expect(layoutProgress(Number.NaN, 1)).toBe(0);
  });
});
