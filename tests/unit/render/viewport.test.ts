import { describe, expect, it } from 'vitest';
import {
  centreOn,
  clampScale,
  discBounds,
  fitBounds,
  fitDiscs,
  fitViewInto,
  FIT_LABEL_LINE_PX,
  FIT_LABEL_ROOM_MAX_NODES,
  FIT_MAX_SCALE,
  FIT_PADDING_PX,
  fromZoomView,
  keepCentre,
  panBy,
  SCALE_EXTENT,
  toGraph,
  toScreen,
  toZoomView,
  zoomAbout,
  zoomToPoint,
  type Transform,
} from '../../../src/render/viewport';

const size = { width: 800, height: 600 };
const close = (a: readonly number[], b: readonly number[]) =>
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 9));

describe('screen and graph coordinates', () => {
  const transforms: Transform[] = [
    { x: 0, y: 0, k: 1 },
    { x: 123.5, y: -40, k: 2.5 },
    { x: -3000, y: 900, k: 0.02 },
    { x: 17, y: 4, k: 40 },
  ];
  it('round-trips screen -> graph -> screen and graph -> screen -> graph', () => {
    for (const t of transforms) {
      for (const [sx, sy] of [
        [0, 0],
        [400, 300],
        [799.5, 1],
        [-20, 650],
      ] as const) {
        close(toScreen(t, ...toGraph(t, sx, sy)), [sx, sy]);
        close(toGraph(t, ...toScreen(t, sx, sy)), [sx, sy]);
      }
    }
  });
  it('puts graph point p at p * k + (x, y)', () => {
    expect(toScreen({ x: 10, y: 20, k: 2 }, 5, -5)).toEqual([20, 10]);
    expect(toGraph({ x: 10, y: 20, k: 2 }, 20, 10)).toEqual([5, -5]);
  });
  it('centres a graph point', () => {
    const t = centreOn(50, -25, 2, size);
    expect(toScreen(t, 50, -25)).toEqual([400, 300]);
  });
});

describe('zoom', () => {
  it('zooms about a point, which stays where it was on screen', () => {
    const t = { x: 30, y: -10, k: 1.5 };
    for (const at of [
      [400, 300],
      [0, 0],
      [712, 45],
    ] as const) {
      const z = zoomAbout(t, 1.4, at);
      expect(z.k).toBeCloseTo(2.1, 12);
      close(toScreen(z, ...toGraph(t, at[0], at[1])), at);
    }
  });
  it('clamps the scale to the extent and still keeps the point still', () => {
    expect(clampScale(100)).toBe(SCALE_EXTENT[1]);
    expect(clampScale(0.0001)).toBe(SCALE_EXTENT[0]);
    expect(clampScale(3)).toBe(3);
    const t = { x: 5, y: 5, k: 30 };
    const z = zoomAbout(t, 10, [100, 100]);
    expect(z.k).toBe(40);
    close(toScreen(z, ...toGraph(t, 100, 100)), [100, 100]);
    expect(zoomAbout({ x: 0, y: 0, k: 0.03 }, 0.1, [0, 0]).k).toBe(0.02);
    expect(zoomAbout(t, 2, [0, 0], [1, 8]).k).toBe(8);
  });
  it('pans by screen pixels at any scale', () => {
    expect(panBy({ x: 1, y: 2, k: 7 }, 60, -60)).toEqual({ x: 61, y: -58, k: 7 });
  });
  it('zooms to an item: centred, at least at scale 2, never zooming out', () => {
    const near = zoomToPoint({ x: 0, y: 0, k: 0.5 }, 100, 200, size);
    expect(near.k).toBe(2);
    expect(toScreen(near, 100, 200)).toEqual([400, 300]);
    expect(zoomToPoint({ x: 0, y: 0, k: 6 }, 100, 200, size).k).toBe(6);
  });
});

describe('fit to bounds', () => {
  it('fits a set of points into a size with padding, centred', () => {
    const xs = [0, 100, 50];
    const ys = [0, 50, 25];
    const radii = [0, 0, 0];
    const box = discBounds(xs, ys, radii, null)!;
    expect(box).toEqual({ bounds: { x0: 0, y0: 0, x1: 100, y1: 50 }, shown: 3 });
    const t = fitBounds(box.bounds, { width: 1000, height: 1000 });
    // Width decides: (1000 - 2 * 24) / 100 would be 9.52, but a fit stops at 4.
    expect(t.k).toBe(FIT_MAX_SCALE);
    const wide = fitBounds({ x0: -500, y0: 0, x1: 500, y1: 100 }, size);
    expect(wide.k).toBeCloseTo((800 - 2 * FIT_PADDING_PX) / 1000, 12);
    // The box lands inside the padding, touching it on the side that decided.
    const [left, top] = toScreen(wide, -500, 0);
    const [right, bottom] = toScreen(wide, 500, 100);
    expect(left).toBeCloseTo(FIT_PADDING_PX, 9);
    expect(right).toBeCloseTo(800 - FIT_PADDING_PX, 9);
    expect((top + bottom) / 2).toBeCloseTo(300, 9);
    const tall = fitBounds({ x0: 0, y0: 0, x1: 10, y1: 2000 }, size);
    const [, tallTop] = toScreen(tall, 0, 0);
    expect(tallTop).toBeCloseTo(FIT_PADDING_PX, 9);
  });
  it('counts the radius of each disc and skips hidden and unplaced ones', () => {
    const box = discBounds([0, 100, 1e6, NaN], [0, 0, 0, 0], [5, 10, 1, 1], [0, 0, 1, 0])!;
    expect(box).toEqual({ bounds: { x0: -5, y0: -10, x1: 110, y1: 10 }, shown: 2 });
    expect(discBounds([1], [1], [1], [1])).toBeNull();
    expect(discBounds([], [], [], null)).toBeNull();
  });
  it('never goes below the smallest scale', () => {
    expect(fitBounds({ x0: 0, y0: 0, x1: 1e9, y1: 1 }, size).k).toBe(SCALE_EXTENT[0]);
  });
  it('a single point is centred at the largest fit scale', () => {
    const t = fitDiscs([7], [9], [0], null, size, () => 0)!;
    expect(t.k).toBe(FIT_MAX_SCALE);
    expect(toScreen(t, 7, 9)).toEqual([400, 300]);
  });
  it('leaves room for the widest name when few organisations are shown', () => {
    const n = 10;
    const xs = Array.from({ length: n }, (_, i) => i * 100);
    const ys = new Array<number>(n).fill(0);
    const radii = new Array<number>(n).fill(0);
    const label = (i: number) => (i === 3 ? 120 : 40);
    const t = fitDiscs(xs, ys, radii, null, size, label)!;
    expect(t.k).toBeCloseTo((800 - 2 * FIT_PADDING_PX - 120) / 900, 12);
    // Without names the same points fill the width.
    expect(fitDiscs(xs, ys, radii, null, size, () => 0)!.k).toBeCloseTo(
      (800 - 2 * FIT_PADDING_PX) / 900,
      12,
    );
    // Vertically a line of text above and below.
    const column = fitDiscs(ys, xs, radii, null, size, label)!;
    expect(column.k).toBeCloseTo((600 - 2 * FIT_PADDING_PX - 2 * FIT_LABEL_LINE_PX) / 900, 12);
  });
  it('measures no names above the limit, and only those of shown organisations', () => {
    const many = FIT_LABEL_ROOM_MAX_NODES + 1;
    const xs = Array.from({ length: many }, (_, i) => i);
    const zeros = new Array<number>(many).fill(0);
    const asked: number[] = [];
    fitDiscs(xs, zeros, zeros, null, size, (i) => (asked.push(i), 500));
    expect(asked).toEqual([]);
    const hidden = zeros.map((_, i) => (i === 0 ? 1 : 0));
    fitDiscs(xs, zeros, zeros, hidden, size, (i) => (asked.push(i), 500));
    expect(asked).toHaveLength(FIT_LABEL_ROOM_MAX_NODES);
    expect(asked).not.toContain(0);
  });
});

describe('other sizes', () => {
  it('keeps the centre when the canvas is resized', () => {
    const t = { x: 40, y: 60, k: 3 };
    const centre = toGraph(t, 400, 300);
    const after = keepCentre(t, size, { width: 500, height: 700 });
    close(toScreen(after, ...centre), [250, 350]);
    expect(after.k).toBe(3);
  });
  it('draws the same part of the map into a picture of another size', () => {
    const t = { x: 40, y: 60, k: 3 };
    const picture = fitViewInto(t, size, { width: 1600, height: 1200 });
    expect(picture.k).toBe(6);
    close(toScreen(picture, ...toGraph(t, 400, 300)), [800, 600]);
    close(toScreen(picture, ...toGraph(t, 0, 0)), [0, 0]);
    // Not yet on screen: same scale, centred on the picture's own middle.
    expect(fitViewInto(t, { width: 0, height: 0 }, { width: 100, height: 100 })).toEqual(t);
  });
  it('round-trips through the zoom-interpolation form', () => {
    const t = { x: -120, y: 33, k: 0.7 };
    const back = fromZoomView(toZoomView(t, size), size);
    close([back.x, back.y, back.k], [t.x, t.y, t.k]);
    expect(toZoomView(centreOn(5, 6, 2, size), size)).toEqual([5, 6, 400]);
  });
});
