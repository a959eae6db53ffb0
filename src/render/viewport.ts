// The maths of looking at a map: where a graph point lands on screen and back,
// how to fit a set of items, zoom about a point, fly to an item. Pure
// functions of numbers, so every view (the graph, the geographic map) shares
// them and tests can pin them down; d3-zoom only carries out the result.

/** Screen = graph * k + (x, y), in CSS pixels from the canvas's top-left corner. */
export interface Transform {
  x: number;
  y: number;
  k: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A box in graph coordinates. */
export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const IDENTITY: Transform = { x: 0, y: 0, k: 1 };
/** From the whole country on a phone to a street's worth of organisations. */
export const SCALE_EXTENT: readonly [number, number] = [0.02, 40];
export const FIT_PADDING_PX = 24;
/** A fit never zooms in further than this: three organisations should not fill the screen. */
export const FIT_MAX_SCALE = 4;
/** Up to this many organisations on screen, a fit leaves room for their names. */
export const FIT_LABEL_ROOM_MAX_NODES = 60;
/** Room for one line of label text above and below, when labels get room. */
export const FIT_LABEL_LINE_PX = 18;
/** Zooming to an item goes at least this close: near enough to read its neighbourhood. */
export const ZOOM_TO_ITEM_MIN_SCALE = 2;

export function toScreen(t: Transform, x: number, y: number): [number, number] {
  return [x * t.k + t.x, y * t.k + t.y];
}

export function toGraph(t: Transform, sx: number, sy: number): [number, number] {
  return [(sx - t.x) / t.k, (sy - t.y) / t.k];
}

export function clampScale(k: number, extent: readonly [number, number] = SCALE_EXTENT): number {
  return Math.min(extent[1], Math.max(extent[0], k));
}

/** The view with graph point (x, y) in the middle of `size`, at scale k. */
export function centreOn(x: number, y: number, k: number, size: Size): Transform {
  return { x: size.width / 2 - x * k, y: size.height / 2 - y * k, k };
}

/** Scale by `factor` keeping the screen point `at` still (the pointer, or the centre). */
export function zoomAbout(
  t: Transform,
  factor: number,
  at: readonly [number, number],
  extent: readonly [number, number] = SCALE_EXTENT,
): Transform {
  const k = clampScale(t.k * factor, extent);
  const [gx, gy] = toGraph(t, at[0], at[1]);
  return { x: at[0] - gx * k, y: at[1] - gy * k, k };
}

/** Move the picture by (dx, dy) screen pixels. */
export function panBy(t: Transform, dx: number, dy: number): Transform {
  return { x: t.x + dx, y: t.y + dy, k: t.k };
}

/** Centre on an item, close enough to read its neighbourhood, never zooming out to get there. */
export function zoomToPoint(t: Transform, x: number, y: number, size: Size): Transform {
  return centreOn(x, y, Math.max(t.k, ZOOM_TO_ITEM_MIN_SCALE), size);
}

/**
 * The view that shows `bounds` whole inside `size` with FIT_PADDING_PX all
 * round. `labelRoom`: the widest label, in pixels, kept free at the sides
 * (plus a line of text above and below) so no name is cut off at the edge.
 */
export function fitBounds(bounds: Bounds, size: Size, labelRoom = 0): Transform {
  const k = Math.min(
    FIT_MAX_SCALE,
    Math.max(
      SCALE_EXTENT[0],
      Math.min(
        (size.width - 2 * FIT_PADDING_PX - labelRoom) / Math.max(1, bounds.x1 - bounds.x0),
        (size.height - 2 * FIT_PADDING_PX - (labelRoom > 0 ? 2 * FIT_LABEL_LINE_PX : 0)) /
          Math.max(1, bounds.y1 - bounds.y0),
      ),
    ),
  );
  return centreOn((bounds.x0 + bounds.x1) / 2, (bounds.y0 + bounds.y1) / 2, k, size);
}

/** The box around the shown discs (centre ± radius), skipping positions not yet known. */
export function discBounds(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  radii: ArrayLike<number>,
  hidden: ArrayLike<number> | null,
): { bounds: Bounds; shown: number } | null {
  const n = Math.min(xs.length, ys.length, radii.length);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let shown = 0;
  for (let i = 0; i < n; i++) {
    if (hidden?.[i]) continue;
    const x = xs[i]!;
    const y = ys[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const r = radii[i]!;
    x0 = Math.min(x0, x - r);
    y0 = Math.min(y0, y - r);
    x1 = Math.max(x1, x + r);
    y1 = Math.max(y1, y + r);
    shown++;
  }
  return x1 >= x0 && y1 >= y0 ? { bounds: { x0, y0, x1, y1 }, shown } : null;
}

/**
 * Fit the shown discs. A few organisations are all labelled, so up to
 * FIT_LABEL_ROOM_MAX_NODES the widest name gets room; above that labels are
 * thinned anyway and `labelWidth` (slow: it measures text) is never asked.
 */
export function fitDiscs(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  radii: ArrayLike<number>,
  hidden: ArrayLike<number> | null,
  size: Size,
  labelWidth: (i: number) => number,
): Transform | null {
  const box = discBounds(xs, ys, radii, hidden);
  if (!box) return null;
  let labelRoom = 0;
  if (box.shown <= FIT_LABEL_ROOM_MAX_NODES) {
    const n = Math.min(xs.length, radii.length);
    for (let i = 0; i < n; i++) if (!hidden?.[i]) labelRoom = Math.max(labelRoom, labelWidth(i));
  }
  return fitBounds(box.bounds, size, labelRoom);
}

/** A resized canvas keeps the same graph point in its middle (a side panel opened or closed). */
export function keepCentre(t: Transform, from: Size, to: Size): Transform {
  return {
    x: t.x + (to.width - from.width) / 2,
    y: t.y + (to.height - from.height) / 2,
    k: t.k,
  };
}

/**
 * The same picture on a canvas of another size (the PNG export): same centre,
 * scaled so the part of the map on screen fills the target.
 */
export function fitViewInto(t: Transform, from: Size, to: Size): Transform {
  const scale =
    from.width > 0 && from.height > 0
      ? Math.min(to.width / from.width, to.height / from.height)
      : 1;
  // Not yet laid out on screen: then the target's own middle is the centre.
  const [cx, cy] = toGraph(t, (from.width || to.width) / 2, (from.height || to.height) / 2);
  return centreOn(cx, cy, t.k * scale, to);
}

/** A view as d3.interpolateZoom wants it: centre and width of the visible part, in graph units. */
export type ZoomView = [cx: number, cy: number, width: number];

export function toZoomView(t: Transform, size: Size): ZoomView {
  const [cx, cy] = toGraph(t, size.width / 2, size.height / 2);
  return [cx, cy, size.width / t.k];
}

export function fromZoomView([cx, cy, viewWidth]: ZoomView, size: Size): Transform {
  return centreOn(cx, cy, size.width / viewWidth, size);
}
