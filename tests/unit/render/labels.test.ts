import { describe, expect, it } from 'vitest';
import { lcg } from '../../../src/layout/forceLayout';
import { boxesOverlap, placeLabels, type LabelCandidate } from '../../../src/render/labels';

function randomCandidates(count: number, seed = 11): LabelCandidate[] {
  const random = lcg(seed);
  return Array.from({ length: count }, (_, index) => ({
    index,
    priority: Math.floor(random() * 50),
    x: random() * 800 - 50,
    y: random() * 600 - 50,
    width: 20 + random() * 90,
    height: 15,
  }));
}

describe('placeLabels', () => {
  it('never places two overlapping labels', () => {
    const placed = placeLabels(randomCandidates(2000));
    expect(placed.length).toBeGreaterThan(50);
    for (let a = 0; a < placed.length; a++) {
      for (let b = a + 1; b < placed.length; b++) {
        expect(boxesOverlap(placed[a]!, placed[b]!)).toBe(false);
      }
    }
  });

  it('places higher priority first: every skipped label lost to a placed one of higher or equal priority', () => {
    const candidates = randomCandidates(1500, 5);
    const placed = placeLabels(candidates);
    const placedSet = new Set(placed.map((p) => p.index));
    for (let i = 1; i < placed.length; i++) {
      expect(placed[i - 1]!.priority).toBeGreaterThanOrEqual(placed[i]!.priority);
    }
    for (const c of candidates) {
      if (placedSet.has(c.index)) continue;
      const blocker = placed.find((p) => boxesOverlap(p, c));
      expect(blocker).toBeDefined();
      expect(blocker!.priority).toBeGreaterThanOrEqual(c.priority);
    }
  });

  it('keeps the more important of two colliding labels, whatever the input order', () => {
    const low = { index: 0, priority: 1, x: 0, y: 0, width: 50, height: 15 };
    const high = { index: 1, priority: 9, x: 20, y: 5, width: 50, height: 15 };
    expect(placeLabels([low, high]).map((p) => p.index)).toEqual([1]);
    expect(placeLabels([high, low]).map((p) => p.index)).toEqual([1]);
  });

  it('places touching but not overlapping labels side by side', () => {
    const a = { index: 0, priority: 1, x: 0, y: 0, width: 50, height: 15 };
    const b = { index: 1, priority: 1, x: 50, y: 0, width: 50, height: 15 };
    expect(placeLabels([a, b])).toHaveLength(2);
  });

  it('places forced labels first; later labels avoid them', () => {
    const forced = { index: 0, priority: 0, x: 0, y: 0, width: 60, height: 15, forced: true };
    const important = { index: 2, priority: 100, x: 30, y: 5, width: 60, height: 15 };
    const placed = placeLabels([important, forced]).map((p) => p.index);
    expect(placed).toEqual([0]);
  });

  it('moves a label to its next free position, and skips it when none is free', () => {
    const first = { index: 0, priority: 5, x: 0, y: 0, width: 60, height: 15, forced: true };
    const above = { x: 10, y: -20, width: 60, height: 15 };
    const second = { ...first, index: 1, priority: 4, x: 10, alternatives: [above] };
    const third = { ...first, index: 2, priority: 3, x: 5, alternatives: [above] };
    const placed = placeLabels([first, second, third]);
    expect(placed.map((p) => p.index)).toEqual([0, 1]);
    // The second took its place above: the box it got is the one handed back.
    expect([placed[1]!.x, placed[1]!.y]).toEqual([10, -20]);
    for (const a of placed)
      for (const b of placed) if (a !== b) expect(boxesOverlap(a, b)).toBe(false);
  });

  it('places the label marked always even where every position is taken', () => {
    const first = { index: 0, priority: 5, x: 0, y: 0, width: 60, height: 15, forced: true };
    const selected = { index: 1, priority: 1, x: 10, y: 0, width: 60, height: 15, always: true };
    expect(placeLabels([first, selected]).map((p) => p.index)).toEqual([0, 1]);
  });

  it('stops at maxLabels, and never piles forced labels on one spot', () => {
    expect(placeLabels(randomCandidates(2000), { maxLabels: 10 })).toHaveLength(10);
    const stacked = Array.from({ length: 20 }, (_, index) => ({
      index,
      priority: 0,
      x: 0,
      y: 0,
      width: 40,
      height: 15,
      forced: true,
    }));
    // Stacked on one spot, only one is readable: the others are skipped.
    expect(placeLabels(stacked)).toHaveLength(1);
  });

  it('skips empty boxes', () => {
    expect(placeLabels([{ index: 0, priority: 1, x: 0, y: 0, width: 0, height: 15 }])).toEqual([]);
  });
});
