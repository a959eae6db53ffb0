import { batchByColor, type ColorBatch, type View } from '../drawScene';
import { createMapSurface } from '../mapSurface';
import type { AreaMapView, Emphasis, MapArea, MapData, MapViewCallbacks } from '../mapViewTypes';
import type { Organisation } from '../../domain/organisation';
import { LABEL_COLORS } from '../palette';
import { attachPointerInput, type KeyAction } from '../pointerInput';
import { clampScale, fitViewInto, toScreen, type Bounds, type Transform } from '../viewport';
import { GEO_COLORS } from './choropleth';
import { drawGeoScene, type GeoScene, type PlacedLabel } from './drawGeoScene';
import { fade } from './geoColors';
import { createGeoHitIndex, type AreaHitIndex } from './geoHitTest';
import { createGeoLayerCache } from './geoLayerCache';
import { fitView, withNetwork, type GeoModel } from './geoModel';
import { geoSvg, geoSvgBody, type GeoSvgMeta } from './geoSvg';
import type { LegendEntry, Picture } from '../picture';
import { BOUNDARIES_CREDIT } from './loadBoundaries';
import type { BBox } from './polygonMath';
import { buildRegion, buildRegions, type GeoRegion } from './regions';

// The network on the map of the Netherlands: each municipality drawn as its
// boundary, filled with the colour the page chose for it, and the regions of
// a division as outlined, named areas. A MapView like the force graph: the
// same surface (one frame loop, d3-zoom, HiDPI), the same pointer and keys;
// only what is drawn and what lies under the pointer differ. Items without a
// boundary (networks, services) are not drawn themselves: their members are.

export interface GeoMapView extends AreaMapView {
  /** Where a municipality's name point lies now, in client coordinates; null when it has no boundary. */
  screenPointOf(code: string): [number, number] | null;
  /** Names of the areas with a shape, and the names placed in the last frame. */
  drawn(): { areas: string[]; labels: string[] };
  /** The view as on screen, as an SVG document. */
  toSvg(meta: GeoSvgMeta): string;
  /** What a report picture says beside the map: its legend and what is shown. */
  setPictureMeta(meta: Omit<GeoSvgMeta, 'title'>): void;
}

const DEFAULT_DURATION_MS = 400;
const FIT_PADDING_PX = 20;
/** Pointer slack around a boundary, in screen pixels: a narrow strip or an island is still hit. */
const HIT_SLACK_PX = 4;
/** Zooming to a municipality shows it at about a third of the screen, with its neighbours. */
const ZOOM_TO_SHARE = 1 / 3;
/** ... but never closer than this many times the whole country. */
const ZOOM_TO_MAX = 8;
/** What is not lit (another screen's selection) recedes this far towards the background. */
const UNLIT_FADE = 0.65;
/** The largest municipalities by inhabitants, named first so the map can be read at a glance. */
const LANDMARKS = 12;
/** A network of at most this many municipalities has each member named on the map. */
const NAME_MEMBERS_MAX = 50;
const CREDIT_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function createGeoView(
  canvas: HTMLCanvasElement,
  callbacks: MapViewCallbacks,
  baseModel: GeoModel,
): GeoMapView {
  const measureCtx = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  const labelWidth = (text: string, font: string): number => {
    const key = `${font}|${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      if (measureCtx) {
        measureCtx.font = font;
        w = measureCtx.measureText(text).width;
      } else w = text.length * 6.5;
      widths.set(key, w);
    }
    return w;
  };

  let model: GeoModel = baseModel;
  let organisations: readonly Organisation[] = [];
  let edges: MapData['edges'] = [];
  /** item -> feature index, -1 without a boundary. */
  let featureOf = new Int32Array(0);
  /** feature -> item, -1 for a boundary outside the network. */
  let itemOf = new Int32Array(model.features.length).fill(-1);
  let colors: readonly string[] = [];
  let hidden: Uint8Array | null = null;
  let highlighted: Uint8Array | null = null;
  let selected: number | null = null;
  /** The areas that are regions (outlined, named), in the order of `regions`. */
  let areas: readonly MapArea[] = [];
  let pictureMeta: Omit<GeoSvgMeta, 'title'> = { legend: [] };
  let regions: GeoRegion[] = [];
  let memberArea: GeoRegion | null = null;
  /** Per feature, 1 when its name comes first (a few members of the network shown). */
  let named: Uint8Array | null = null;
  /** Per feature, 1 for the largest cities, named first for orientation. */
  let landmarks: Uint8Array | null = null;
  let fills: ColorBatch[] | null = null;
  let hitIndex: AreaHitIndex | null = null;
  let positionCache: { xs: Float32Array; ys: Float32Array } | null = null;
  let lastLabels: PlacedLabel[] = [];
  let fitted = false;

  const cache = createGeoLayerCache((width, height) => {
    const layer = document.createElement('canvas');
    layer.width = width;
    layer.height = height;
    return layer;
  });

  const surface = createMapSurface(canvas, {
    paint(ctx, view, quality) {
      const stats = cache.draw(
        ctx,
        scene(input.hovered()),
        view,
        drawOptions(quality, GEO_COLORS.background),
      );
      lastLabels = stats.labels;
    },
    // Nothing is dragged on a map: every press may pan.
    grabs: () => false,
    onFrame: (ms) => callbacks.onFrame?.(ms),
  });

  const input = attachPointerInput(
    canvas,
    {
      itemAt: pick,
      toGraph: surface.toGraph,
      dragOrigin: () => null,
      panning: surface.panning,
    },
    {
      onHover(i, clientX, clientY) {
        surface.requestRedraw();
        callbacks.onHover?.(i, clientX, clientY);
      },
      onClick: (i) => callbacks.onClick?.(i),
      onUserMove: () => callbacks.onUserMove?.(),
      onKey: (action) => keyAction(action),
    },
  );

  function shown(item: number): boolean {
    return item >= 0 && !hidden?.[item];
  }

  function currentFills(): ColorBatch[] {
    if (fills) return fills;
    const perFeature = model.features.map((feature, f) => {
      const item = itemOf[f]!;
      if (!feature.inNetwork || item < 0 || !shown(item)) return GEO_COLORS.outside;
      const color = colors[item] ?? GEO_COLORS.other;
      return highlighted && !highlighted[item] ? fade(color, UNLIT_FADE) : color;
    });
    fills = batchByColor(perFeature);
    return fills;
  }

  function featureColor(f: number): string {
    for (const batch of currentFills()) if (batch.indices.includes(f)) return batch.color;
    return GEO_COLORS.outside;
  }

  function selectedRegion(): number | null {
    if (selected === null) return null;
    const own = areas.findIndex((a) => a.item === selected);
    if (own >= 0) return own;
    // A municipality: the region of the division it lies in.
    if (featureOf[selected]! < 0) return null;
    const around = areas.findIndex((a) => a.members.includes(selected!));
    return around >= 0 ? around : null;
  }

  function scene(hoveredItem: number | null): GeoScene {
    const hoveredFeature = hoveredItem === null ? -1 : (featureOf[hoveredItem] ?? -1);
    const selectedFeature = selected === null ? -1 : (featureOf[selected] ?? -1);
    return {
      model,
      fills: currentFills(),
      regions,
      selected: selectedFeature >= 0 ? selectedFeature : null,
      hovered: hoveredFeature >= 0 ? hoveredFeature : null,
      selectedRegion: selectedRegion(),
      memberArea,
      named,
      landmarks,
      labelWidth,
    };
  }

  const drawOptions = (quality: 'full' | 'fast', background: string | null) => ({
    quality,
    background,
    // Region names say enough; municipality names among them would only crowd.
    municipalityLabels: regions.length === 0,
  });

  function pick(clientX: number, clientY: number): number | null {
    const rect = canvas.getBoundingClientRect();
    const sx = clientX - rect.left;
    const sy = clientY - rect.top;
    // A region's name stands for its organisation: pointing at it picks the GGD, not a municipality.
    for (const label of lastLabels) {
      if (label.kind !== 'region') continue;
      if (
        sx >= label.x &&
        sx <= label.x + label.width &&
        sy >= label.y &&
        sy <= label.y + label.height
      )
        return regionItem(label.index);
    }
    hitIndex ??= createGeoHitIndex(model);
    const [gx, gy] = surface.toGraph(clientX, clientY);
    const f = hitIndex.areaNear(gx, gy, HIT_SLACK_PX / surface.transform().k);
    if (f === null) return null;
    const item = itemOf[f]!;
    return model.features[f]!.inNetwork && shown(item) ? item : null;
  }

  // Regions are built from the areas in order, so they share an index.
  const regionItem = (r: number): number | null => areas[r]?.item ?? null;

  /** Box around the boundaries of the given items (their own, or their members'), in km. */
  function boundsOfItems(items: Iterable<number>): Bounds | null {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const item of items) {
      const f = featureOf[item] ?? -1;
      if (f < 0) continue;
      const [bx0, by0, bx1, by1] = model.features[f]!.bbox;
      x0 = Math.min(x0, bx0);
      y0 = Math.min(y0, by0);
      x1 = Math.max(x1, bx1);
      y1 = Math.max(y1, by1);
    }
    return x1 >= x0 ? { x0, y0, x1, y1 } : null;
  }

  function countryScale(): number {
    const { width, height } = surface.size();
    return fitView(model.bounds, width, height, FIT_PADDING_PX).k;
  }

  function fitTarget(bounds: BBox): Transform {
    const { width, height } = surface.size();
    const t = fitView(bounds, width, height, FIT_PADDING_PX);
    const k = clampScale(t.k);
    const cx = (bounds[0] + bounds[2]) / 2;
    const cy = (bounds[1] + bounds[3]) / 2;
    return { x: width / 2 - cx * k, y: height / 2 - cy * k, k };
  }

  function fit(durationMs: number) {
    surface.whenSized(() => {
      const items: number[] = [];
      for (let i = 0; i < featureOf.length; i++) if (featureOf[i]! >= 0 && shown(i)) items.push(i);
      const box = boundsOfItems(items);
      const bounds: BBox = box ? [box.x0, box.y0, box.x1, box.y1] : model.bounds;
      surface.animateTo(fitTarget(bounds), durationMs);
    });
  }

  function membersOf(item: number): number[] {
    const area = areas.find((a) => a.item === item);
    if (area) return [...area.members];
    const out: number[] = [];
    for (const e of edges)
      if (
        e.target === item &&
        (e.type === 'member' || e.type === 'uses') &&
        featureOf[e.source]! >= 0
      )
        out.push(e.source);
    return out;
  }

  function zoomTo(item: number, durationMs: number) {
    const own = featureOf[item] ?? -1;
    const box = boundsOfItems(own >= 0 ? [item] : membersOf(item));
    const size = surface.size();
    if (!box || size.width === 0 || size.height === 0) return;
    const w = Math.max(1e-6, box.x1 - box.x0);
    const h = Math.max(1e-6, box.y1 - box.y0);
    const country = countryScale();
    const wanted = Math.min(size.width / w, size.height / h) * (own >= 0 ? ZOOM_TO_SHARE : 0.9);
    const k = clampScale(
      Math.max(Math.min(wanted, country * ZOOM_TO_MAX), own >= 0 ? surface.transform().k : 0),
    );
    const cx = (box.x0 + box.x1) / 2;
    const cy = (box.y0 + box.y1) / 2;
    surface.animateTo({ x: size.width / 2 - cx * k, y: size.height / 2 - cy * k, k }, durationMs);
  }

  function keyAction(action: KeyAction) {
    if (action.type === 'pan') surface.panBy(action.dx, action.dy);
    else if (action.type === 'zoom') surface.zoomBy(action.factor);
    else if (action.type === 'fit') fit(DEFAULT_DURATION_MS);
    else callbacks.onClick?.(null);
  }

  const codesOf = (items: readonly number[]) =>
    items
      .map((m) => featureOf[m] ?? -1)
      .filter((f) => f >= 0)
      .map((f) => model.features[f]!.code);

  function rebuildAreas(all: readonly MapArea[]) {
    areas = all.filter((a) => a.kind !== 'members');
    regions = buildRegions(
      model,
      areas.map((a) => ({ id: String(a.item), name: a.name, members: codesOf(a.members) })),
    );
    const members = all.find((a) => a.kind === 'members');
    memberArea = members
      ? buildRegion(model, {
          id: String(members.item),
          name: '',
          members: codesOf(members.members),
        })
      : null;
    named = null;
    if (members && members.members.length <= NAME_MEMBERS_MAX) {
      named = new Uint8Array(model.features.length);
      for (const m of members.members) if ((featureOf[m] ?? -1) >= 0) named[featureOf[m]!] = 1;
    }
  }
  let allAreas: readonly MapArea[] = [];

  function changed() {
    fills = null;
    surface.requestRedraw();
  }

  /** The view as on screen, for SVG: shapes, colours and the names where the canvas puts them. */
  function svgInput() {
    const size = surface.size();
    const t = surface.transform();
    const view: View = { ...t, width: size.width, height: size.height, pixelRatio: 1 };
    const s = scene(null);
    // The overlay pass against a context that draws nothing gives the names' places.
    const labels = drawGeoScene(NULL_CONTEXT, s, view, {
      ...drawOptions('full', null),
      layers: 'overlay',
    }).labels;
    return {
      model,
      featureColor,
      regions,
      memberArea,
      selected: s.selected,
      selectedRegion: s.selectedRegion,
      labels,
      transform: t,
      width: size.width,
      height: size.height,
    };
  }

  function positions(): { xs: Float32Array; ys: Float32Array } {
    if (positionCache) return positionCache;
    const n = organisations.length;
    const xs = new Float32Array(n).fill(NaN);
    const ys = new Float32Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      const f = featureOf[i]!;
      if (f < 0) continue;
      [xs[i], ys[i]] = model.features[f]!.label;
    }
    // A network where its members are (the mean of their places); else where any linked municipality is.
    const sum = new Float64Array(n * 2);
    const count = new Uint32Array(n);
    const linked = (strict: boolean) => {
      for (const e of edges) {
        if (strict && e.type !== 'member' && e.type !== 'uses') continue;
        for (const [from, to] of [
          [e.source, e.target],
          [e.target, e.source],
        ] as const) {
          if (featureOf[from]! < 0 || featureOf[to]! >= 0 || Number.isFinite(xs[to]!)) continue;
          sum[to * 2] = sum[to * 2]! + xs[from]!;
          sum[to * 2 + 1] = sum[to * 2 + 1]! + ys[from]!;
          count[to] = count[to]! + 1;
        }
      }
      for (let i = 0; i < n; i++)
        if (count[i]! > 0 && !Number.isFinite(xs[i]!)) {
          xs[i] = sum[i * 2]! / count[i]!;
          ys[i] = sum[i * 2 + 1]! / count[i]!;
        }
    };
    linked(true);
    sum.fill(0);
    count.fill(0);
    linked(false);
    // What has no place on the map at all waits in the middle of the country.
    const [bx0, by0, bx1, by1] = model.bounds;
    for (let i = 0; i < n; i++)
      if (!Number.isFinite(xs[i]!)) {
        xs[i] = (bx0 + bx1) / 2;
        ys[i] = (by0 + by1) / 2;
      }
    positionCache = { xs, ys };
    return positionCache;
  }

  return {
    setData(data) {
      organisations = data.organisations;
      edges = data.edges;
      const codes: string[] = [];
      featureOf = new Int32Array(organisations.length).fill(-1);
      const byCode = new Map<string, number>();
      organisations.forEach((o, i) => {
        const code = o.kind === 'municipality' ? o.cbsCode : undefined;
        if (code && !byCode.has(code)) {
          byCode.set(code, i);
          codes.push(code);
        }
      });
      model = withNetwork(baseModel, codes);
      itemOf = new Int32Array(model.features.length).fill(-1);
      model.features.forEach((feature, f) => {
        const item = byCode.get(feature.code);
        if (item === undefined) return;
        itemOf[f] = item;
        featureOf[item] = f;
      });
      if (colors.length !== organisations.length) colors = data.nodes.map((n) => n.color);
      landmarks = new Uint8Array(model.features.length);
      const byPopulation = [...byCode.values()]
        .filter((i) => featureOf[i]! >= 0)
        .sort((a, b) => (organisations[b]!.population ?? 0) - (organisations[a]!.population ?? 0));
      for (const item of byPopulation.slice(0, LANDMARKS)) landmarks[featureOf[item]!] = 1;
      hitIndex = null;
      positionCache = null;
      rebuildAreas(allAreas);
      input.reset();
      changed();
      if (!fitted) {
        fitted = true;
        fit(0);
      }
    },
    setEmphasis(e: Emphasis) {
      selected = e.selected;
      if (e.highlighted !== highlighted) {
        highlighted = e.highlighted;
        fills = null;
      }
      surface.requestRedraw();
    },
    setHidden(next) {
      hidden = next;
      const hovered = input.hovered();
      if (hovered !== null && next?.[hovered]) input.forgetHover();
      changed();
    },
    setColors(next) {
      colors = organisations.map((o, i) => next[i] ?? GEO_COLORS.other);
      changed();
    },
    setAreas(next) {
      allAreas = next;
      rebuildAreas(next);
      changed();
    },
    fit(durationMs = DEFAULT_DURATION_MS) {
      fit(durationMs);
    },
    zoomTo(item, durationMs = DEFAULT_DURATION_MS) {
      zoomTo(item, durationMs);
    },
    zoomBy: surface.zoomBy,
    panBy: surface.panBy,
    itemAt: pick,
    getTransform: surface.transform,
    size: surface.size,
    positions,
    drawTo(target, width, height, scale) {
      const t = fitViewInto(surface.transform(), surface.size(), { width, height });
      const view: View = { ...t, width, height, pixelRatio: scale };
      drawGeoScene(target, scene(null), view, drawOptions('full', '#FFFFFF'));
      drawCredit(target, width, height, scale);
    },
    toSvg(meta) {
      return geoSvg({ ...svgInput(), credit: BOUNDARIES_CREDIT, ...meta });
    },
    setPictureMeta(meta) {
      pictureMeta = meta;
    },
    picture(): Picture {
      const size = surface.size();
      const t = surface.transform();
      // What is drawn: the country as it lies in the view, cut to the view.
      const [bx0, by0, bx1, by1] = model.bounds;
      const x0 = Math.max(0, bx0 * t.k + t.x);
      const y0 = Math.max(0, by0 * t.k + t.y);
      const x1 = Math.min(size.width, bx1 * t.k + t.x);
      const y1 = Math.min(size.height, by1 * t.k + t.y);
      const bounds =
        x1 > x0 && y1 > y0
          ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
          : { x: 0, y: 0, width: size.width, height: size.height };
      const s = scene(null);
      const view: View = { ...t, width: size.width, height: size.height, pixelRatio: 1 };
      const legend: LegendEntry[] = pictureMeta.legend.map((item) => ({
        label: item.label,
        symbol: item.dash
          ? { shape: 'line', color: item.color, dash: item.dash }
          : { shape: 'area', color: item.color },
      }));
      return {
        bounds,
        drawToCanvas(ctx) {
          // drawGeoScene sets its own device transform: draw on a canvas of
          // our own at twice the size, then place it in the frame's units.
          const scale = 2;
          const own = document.createElement('canvas');
          own.width = Math.ceil(size.width * scale);
          own.height = Math.ceil(size.height * scale);
          const octx = own.getContext('2d');
          if (!octx) return;
          drawGeoScene(octx, s, { ...view, pixelRatio: scale }, drawOptions('full', '#FFFFFF'));
          ctx.drawImage(
            own,
            bounds.x * scale,
            bounds.y * scale,
            bounds.width * scale,
            bounds.height * scale,
            bounds.x,
            bounds.y,
            bounds.width,
            bounds.height,
          );
        },
        toSvg() {
          return geoSvgBody(svgInput(), bounds);
        },
        legend,
        // The boundaries' licence asks for the credit on every picture.
        caption: [pictureMeta.subtitle, BOUNDARIES_CREDIT].filter((c): c is string => !!c),
      };
    },
    screenPointOf(code) {
      const f = model.index.get(code);
      if (f === undefined) return null;
      const [sx, sy] = toScreen(surface.transform(), ...model.features[f]!.label);
      const rect = canvas.getBoundingClientRect();
      return [rect.left + sx, rect.top + sy];
    },
    drawn() {
      return {
        areas: regions.filter((r) => r.polygons.length > 0).map((r) => r.name),
        labels: lastLabels.map((l) => l.text),
      };
    },
    resize: surface.resize,
    destroy() {
      surface.destroy();
      input.destroy();
      cache.invalidate();
    },
  };
}

/** The source of the boundaries, bottom right: the licence asks for it on every picture. */
export function drawCredit(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  scale: number,
): void {
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.font = CREDIT_FONT;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = LABEL_COLORS.halo;
  ctx.lineWidth = 3;
  ctx.strokeText(BOUNDARIES_CREDIT, width - 8, height - 8);
  ctx.fillStyle = LABEL_COLORS.text;
  ctx.fillText(BOUNDARIES_CREDIT, width - 8, height - 8);
  ctx.restore();
}

/** A 2D context whose calls do nothing: label placement without drawing. */
const NULL_CONTEXT = new Proxy(
  {},
  { get: () => () => undefined, set: () => true },
) as unknown as CanvasRenderingContext2D;
