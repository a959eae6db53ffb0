import type { ColorBatch, View } from '../drawScene';
import { placeLabels, type LabelBox, type LabelCandidate } from '../labels';
import { LABEL_COLORS, LABEL_FONT } from '../palette';
import { GEO_COLORS } from './choropleth';
import type { GeoModel } from './geoModel';
import type { BBox, Polygon } from './polygonMath';
import type { GeoRegion } from './regions';

// The geographic view as one plain function of (context, scene, view,
// options), like drawScene: the live canvas and a PNG export can share it.
// Rings are already projected to kilometres; a frame multiplies by the zoom
// and draws in batches: fills per colour a few municipalities at a time
// (FILL_CHUNK), one hairline stroke() for every border between municipalities
// (each shared arc once, not once per side), one for every region outline.
// The points cost little; the rasteriser's work per call and per stroked
// pixel sets the frame time.

export interface GeoScene {
  model: GeoModel;
  /** Fill batches over model.features (batchByColor of one colour per feature); a feature in none stays unfilled. */
  fills: readonly ColorBatch[];
  /** Areas outlined and named: the regions of a division, or a network's members. */
  regions: readonly GeoRegion[];
  /** Feature index drawn with the selection outline and always named. */
  selected: number | null;
  hovered: number | null;
  /** Region index drawn with a stronger outline and always named. */
  selectedRegion: number | null;
  /**
   * The members of a network as one area: outlined in the member colour, so a
   * small member stands out on the grey, and never named (its members are).
   */
  memberArea?: GeoRegion | null;
  /**
   * Features whose names come first, even where the shape is narrower than
   * the name (a network's few members); the other municipalities go unnamed.
   */
  named?: Uint8Array | null;
  /**
   * Features named before the others, room or not (the largest cities, for
   * orientation), while the rest are named where they fit. Not with `named`.
   */
  landmarks?: Uint8Array | null;
  /** Width in CSS pixels of text in a font: measureText in the browser, cached by the caller. */
  labelWidth(text: string, font: string): number;
}

export interface GeoDrawOptions {
  /** 'fast' while panning or zooming: no municipality names, so text does not cost the frame. */
  quality: 'full' | 'fast';
  /** Fill colour, or null to leave the canvas transparent. */
  background: string | null;
  /** Municipality names where they fit, at full quality (the `named` ones always). Default true. */
  municipalityLabels?: boolean;
  /**
   * 'base': background, fills, borders and region outlines, what a layer cache keeps;
   * 'overlay': selection, hover and names on top of it, without clearing. Default both.
   */
  layers?: 'all' | 'base' | 'overlay';
}

export interface PlacedLabel extends LabelBox {
  text: string;
  kind: 'region' | 'municipality';
  /** Index into scene.regions or model.features. */
  index: number;
}

export interface GeoDrawStats {
  /** Features filled. */
  fills: number;
  /** Points sent to the canvas, fills, borders and outlines together. */
  points: number;
  /** Regions outlined. */
  regions: number;
  /** Names drawn, in CSS pixels; none overlaps another. */
  labels: PlacedLabel[];
}

export const MUNICIPALITY_LABEL_FONT = LABEL_FONT;
export const REGION_LABEL_FONT = `600 ${LABEL_FONT}`;
const LABEL_HEIGHT = 15;
const LABEL_PAD = 3;
const MAX_LABELS = 200;
/**
 * Municipalities per fill(). Measured in Chromium with software rendering: all
 * of one colour in one path took 7.3 ms a frame for the whole country at DPR 1
 * and 15.4 ms at DPR 2; in paths of 16, 3.5 and 10.4 ms (and of 1, about the
 * same): a path with hundreds of rings costs more to rasterise than its parts.
 */
export const FILL_CHUNK = 8;
/** A municipality is named only when its shape on screen is at least this much wider than its name. */
const MUNICIPALITY_LABEL_ROOM = 1.1;
/** Region names are placed before any municipality name. */
const REGION_PRIORITY = 1e12;
/** Named municipalities (a network's members) come right after the regions. */
const NAMED_PRIORITY = 1e9;
/** A selected municipality smaller than this on screen gets a ring of SELECTION_RING_PX around it. */
const SMALL_SELECTION_PX = 16;
const SELECTION_RING_PX = 14;

export function drawGeoScene(
  ctx: CanvasRenderingContext2D,
  scene: GeoScene,
  view: View,
  options: GeoDrawOptions,
): GeoDrawStats {
  const stats: GeoDrawStats = { fills: 0, points: 0, regions: 0, labels: [] };
  const layers = options.layers ?? 'all';
  // Reset before clearing: a transform left by the last frame would clear the wrong rectangle.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  if (layers !== 'overlay') {
    const deviceWidth = Math.round(view.width * view.pixelRatio);
    const deviceHeight = Math.round(view.height * view.pixelRatio);
    ctx.clearRect(0, 0, deviceWidth, deviceHeight);
    if (options.background) {
      ctx.fillStyle = options.background;
      ctx.fillRect(0, 0, deviceWidth, deviceHeight);
    }
  }
  if (!(view.k > 0) || scene.model.features.length === 0) return stats;
  // Everything below is in CSS pixels; the device pixel ratio lives in the transform.
  ctx.setTransform(view.pixelRatio, 0, 0, view.pixelRatio, 0, 0);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';

  if (layers !== 'overlay') {
    drawFills(ctx, scene, view, stats);
    drawBorders(ctx, scene.model, view, stats);
    drawMemberArea(ctx, scene, view, stats);
    drawRegions(ctx, scene, view, stats);
  }
  if (layers !== 'base') {
    drawEmphasis(ctx, scene, view, stats);
    stats.labels = drawLabels(ctx, scene, view, options);
  }
  return stats;
}

function drawFills(
  ctx: CanvasRenderingContext2D,
  scene: GeoScene,
  view: View,
  stats: GeoDrawStats,
): void {
  const { features } = scene.model;
  for (const batch of scene.fills) {
    ctx.fillStyle = batch.color;
    let chunk = 0;
    ctx.beginPath();
    for (let j = 0; j < batch.indices.length; j++) {
      const feature = features[batch.indices[j]!];
      if (!feature || !inView(feature.bbox, view)) continue;
      stats.points += tracePolygons(ctx, feature.polygons, view);
      stats.fills++;
      if (++chunk === FILL_CHUNK) {
        // Even-odd: a hole (an enclave) stays open whichever way its ring winds.
        ctx.fill('evenodd');
        ctx.beginPath();
        chunk = 0;
      }
    }
    if (chunk > 0) ctx.fill('evenodd');
  }
}

function drawBorders(
  ctx: CanvasRenderingContext2D,
  model: GeoModel,
  view: View,
  stats: GeoDrawStats,
): void {
  const { k, x: tx, y: ty, width: w, height: h } = view;
  const { arcs, arcBounds, borderArcs } = model;
  ctx.beginPath();
  for (let j = 0; j < borderArcs.length; j++) {
    const a = borderArcs[j]!;
    if (
      arcBounds[a * 4 + 2]! * k + tx < 0 ||
      arcBounds[a * 4]! * k + tx > w ||
      arcBounds[a * 4 + 3]! * k + ty < 0 ||
      arcBounds[a * 4 + 1]! * k + ty > h
    )
      continue;
    const arc = arcs[a]!;
    ctx.moveTo(arc[0]! * k + tx, arc[1]! * k + ty);
    for (let i = 2; i < arc.length; i += 2) ctx.lineTo(arc[i]! * k + tx, arc[i + 1]! * k + ty);
    stats.points += arc.length / 2;
  }
  ctx.strokeStyle = GEO_COLORS.border;
  // One device pixel at every zoom: the hairline fast path of a software canvas. A wider
  // line goes through the stroker; at DPR 2 with a quarter of the country on screen that
  // took a frame from 10 to 17 ms. Region outlines carry the weight instead.
  ctx.lineWidth = 1 / view.pixelRatio;
  ctx.stroke();
}

function drawMemberArea(
  ctx: CanvasRenderingContext2D,
  scene: GeoScene,
  view: View,
  stats: GeoDrawStats,
): void {
  const area = scene.memberArea;
  if (!area || !inView(area.bbox, view)) return;
  ctx.beginPath();
  stats.points += tracePolygons(ctx, area.polygons, view);
  ctx.strokeStyle = GEO_COLORS.memberOutline;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

function drawRegions(
  ctx: CanvasRenderingContext2D,
  scene: GeoScene,
  view: View,
  stats: GeoDrawStats,
): void {
  let count = 0;
  ctx.beginPath();
  for (const region of scene.regions) {
    if (!inView(region.bbox, view)) continue;
    stats.points += tracePolygons(ctx, region.polygons, view);
    count++;
  }
  stats.regions = count;
  if (count === 0) return;
  ctx.strokeStyle = GEO_COLORS.regionOutline;
  ctx.lineWidth = regionWidth(view.k);
  ctx.stroke();
}

function drawEmphasis(
  ctx: CanvasRenderingContext2D,
  scene: GeoScene,
  view: View,
  stats: GeoDrawStats,
): void {
  const region = scene.selectedRegion === null ? undefined : scene.regions[scene.selectedRegion];
  if (region && inView(region.bbox, view)) {
    ctx.beginPath();
    stats.points += tracePolygons(ctx, region.polygons, view);
    const width = regionWidth(view.k) + 1.5;
    // A white under-stroke keeps the outline visible on dark fills.
    ctx.strokeStyle = '#FFFFFF';
    ctx.lineWidth = width + 2.5;
    ctx.stroke();
    ctx.strokeStyle = GEO_COLORS.selected;
    ctx.lineWidth = width;
    ctx.stroke();
  }
  const { features } = scene.model;
  const hovered = scene.hovered === null ? undefined : features[scene.hovered];
  if (hovered && scene.hovered !== scene.selected && inView(hovered.bbox, view)) {
    ctx.beginPath();
    stats.points += tracePolygons(ctx, hovered.polygons, view);
    ctx.strokeStyle = GEO_COLORS.hovered;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  const selected = scene.selected === null ? undefined : features[scene.selected];
  if (selected && inView(selected.bbox, view)) {
    ctx.beginPath();
    stats.points += tracePolygons(ctx, selected.polygons, view);
    // A shape of a few pixels gets a ring around it too, or the selection is lost in the country.
    const [x0, y0, x1, y1] = selected.bbox;
    const extent = Math.max(x1 - x0, y1 - y0) * view.k;
    if (extent < SMALL_SELECTION_PX) {
      const cx = selected.label[0] * view.k + view.x;
      const cy = selected.label[1] * view.k + view.y;
      ctx.moveTo(cx + SELECTION_RING_PX, cy);
      ctx.arc(cx, cy, SELECTION_RING_PX, 0, Math.PI * 2);
    }
    ctx.strokeStyle = '#FFFFFF';
    ctx.lineWidth = 5;
    ctx.stroke();
    ctx.strokeStyle = GEO_COLORS.selected;
    ctx.lineWidth = 2.5;
    ctx.stroke();
  }
}

function drawLabels(
  ctx: CanvasRenderingContext2D,
  scene: GeoScene,
  view: View,
  options: GeoDrawOptions,
): PlacedLabel[] {
  const { k, x: tx, y: ty } = view;
  const candidates: LabelCandidate[] = [];
  const texts: { text: string; kind: PlacedLabel['kind']; index: number }[] = [];
  const add = (
    text: string,
    kind: PlacedLabel['kind'],
    index: number,
    font: string,
    at: readonly [number, number],
    priority: number,
    forced: boolean,
  ) => {
    const width = scene.labelWidth(text, font) + LABEL_PAD * 2;
    const sx = at[0] * k + tx;
    const sy = at[1] * k + ty;
    const box = { x: sx - width / 2, y: sy - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT };
    if (!boxInView(box, view)) return;
    candidates.push({
      ...box,
      index: texts.length,
      priority,
      forced,
      // Only the selected municipality's name is drawn even where every spot is taken:
      // with a selected region too, two such names could land on each other.
      always: forced && kind === 'municipality',
      // Just above or below the point, where the centre is taken.
      alternatives: [
        { ...box, y: box.y - LABEL_HEIGHT },
        { ...box, y: box.y + LABEL_HEIGHT },
      ],
    });
    texts.push({ text, kind, index });
  };

  scene.regions.forEach((region, r) => {
    if (region.polygons.length === 0 || !region.name) return;
    const forced = r === scene.selectedRegion;
    add(
      region.name,
      'region',
      r,
      REGION_LABEL_FONT,
      region.label,
      REGION_PRIORITY + region.area,
      forced,
    );
  });
  const { features } = scene.model;
  const full = options.quality === 'full';
  const byRoom = full && options.municipalityLabels !== false && !scene.named;
  features.forEach((feature, i) => {
    const forced = i === scene.selected;
    const chosen = full && (scene.named?.[i] === 1 || (byRoom && scene.landmarks?.[i] === 1));
    if (!forced && !chosen && !byRoom) return;
    if (!forced && !chosen) {
      const [x0, y0, x1, y1] = feature.bbox;
      if ((y1 - y0) * k < LABEL_HEIGHT || !inView(feature.bbox, view)) return;
      const room = (x1 - x0) * k;
      if (room < scene.labelWidth(feature.name, MUNICIPALITY_LABEL_FONT) * MUNICIPALITY_LABEL_ROOM)
        return;
    }
    // The selection's name wins over every other, region names included.
    const priority = forced ? Infinity : chosen ? NAMED_PRIORITY + feature.area : feature.area;
    add(feature.name, 'municipality', i, MUNICIPALITY_LABEL_FONT, feature.label, priority, forced);
  });
  // Candidates index texts, so the placement hands back which text went where.
  const placed = placeLabels(candidates, { cellSize: 24, maxLabels: MAX_LABELS });
  const labels: PlacedLabel[] = placed.map((p) => ({
    x: p.x,
    y: p.y,
    width: p.width,
    height: p.height,
    ...texts[p.index]!,
  }));
  if (labels.length === 0) return labels;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.miterLimit = 2;
  for (const kind of ['municipality', 'region'] as const) {
    const group = labels.filter((l) => l.kind === kind);
    if (group.length === 0) continue;
    ctx.font = kind === 'region' ? REGION_LABEL_FONT : MUNICIPALITY_LABEL_FONT;
    // All halos first, then all text: two state changes instead of two per label.
    ctx.strokeStyle = LABEL_COLORS.halo;
    ctx.lineWidth = 3;
    for (const l of group) ctx.strokeText(l.text, l.x + l.width / 2, l.y + l.height / 2);
    ctx.fillStyle = LABEL_COLORS.text;
    for (const l of group) ctx.fillText(l.text, l.x + l.width / 2, l.y + l.height / 2);
  }
  return labels;
}

/** Adds every ring of the polygons to the current path, in screen pixels; returns the points added. */
function tracePolygons(
  ctx: CanvasRenderingContext2D,
  polygons: readonly Polygon[],
  view: View,
): number {
  const { k, x: tx, y: ty } = view;
  let points = 0;
  for (const polygon of polygons)
    for (const ring of polygon) {
      if (ring.length < 6) continue;
      ctx.moveTo(ring[0]! * k + tx, ring[1]! * k + ty);
      for (let i = 2; i < ring.length; i += 2) ctx.lineTo(ring[i]! * k + tx, ring[i + 1]! * k + ty);
      ctx.closePath();
      points += ring.length / 2;
    }
  return points;
}

function inView(bbox: BBox, view: View): boolean {
  const { k, x: tx, y: ty, width: w, height: h } = view;
  return (
    bbox[2] * k + tx >= 0 && bbox[0] * k + tx <= w && bbox[3] * k + ty >= 0 && bbox[1] * k + ty <= h
  );
}

function boxInView(box: LabelBox, view: View): boolean {
  return (
    box.x + box.width >= 0 && box.x <= view.width && box.y + box.height >= 0 && box.y <= view.height
  );
}

function regionWidth(k: number): number {
  return clamp(0.6 * Math.sqrt(k), 1, 2.5);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
