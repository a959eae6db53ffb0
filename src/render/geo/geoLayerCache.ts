import type { View } from '../drawScene';
import {
  drawGeoScene,
  type GeoDrawOptions,
  type GeoDrawStats,
  type GeoScene,
} from './drawGeoScene';

// Panning the geographic view moves a picture that does not change: the fills,
// borders and region outlines at one zoom. On a software-rendered canvas the
// fills are most of a frame (anti-aliased edges of 342 polygons), so this
// keeps that picture in a second canvas, a little larger than the screen, and
// a pan frame is one drawImage of it plus the names and the selection on top.
// A zoom gesture stretches the picture until the gesture ends; the next
// full-quality frame, or a zoom beyond MAX_STRETCH, draws it anew, sharp.

/** What the cache needs of a canvas: an HTMLCanvasElement or an OffscreenCanvas. */
export interface LayerCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
}

export interface GeoLayerStats extends GeoDrawStats {
  /** True when the base layer came from the cache; false when it was drawn for this frame. */
  cached: boolean;
}

export interface GeoLayerCache {
  /** Same arguments and picture as drawGeoScene. */
  draw(
    ctx: CanvasRenderingContext2D,
    scene: GeoScene,
    view: View,
    options: GeoDrawOptions,
  ): GeoLayerStats;
  /** Forget the picture, e.g. when the fills change in place. */
  invalidate(): void;
}

/** CSS pixels drawn around the screen, so a short pan needs no new picture. */
const MARGIN_PX = 96;
/** While a gesture zooms, the picture is stretched up to this factor either way before it is redrawn. */
const MAX_STRETCH = 2;
/**
 * Above this many device pixels (4 bytes each) a second canvas costs more memory than a
 * smooth pan is worth on the devices that have such screens: draw directly instead.
 */
const MAX_LAYER_PIXELS = 24_000_000;

interface Layer {
  canvas: LayerCanvas;
  ctx: CanvasRenderingContext2D;
  /** The view the picture was drawn with, margin included (CSS pixels). */
  view: View;
  /** The whole map lies inside the picture: any pan at this zoom can use it. */
  coversMap: boolean;
  scene: Pick<GeoScene, 'model' | 'fills' | 'regions' | 'memberArea'>;
  background: string | null;
}

export function createGeoLayerCache(
  createCanvas: (width: number, height: number) => LayerCanvas,
): GeoLayerCache {
  let layer: Layer | null = null;

  const usable = (scene: GeoScene, view: View, options: GeoDrawOptions): boolean => {
    if (!layer) return false;
    const v = layer.view;
    if (
      layer.scene.model !== scene.model ||
      layer.scene.fills !== scene.fills ||
      layer.scene.regions !== scene.regions ||
      (layer.scene.memberArea ?? null) !== (scene.memberArea ?? null) ||
      layer.background !== options.background ||
      v.pixelRatio !== view.pixelRatio ||
      v.width !== view.width + 2 * MARGIN_PX ||
      v.height !== view.height + 2 * MARGIN_PX
    )
      return false;
    const stretch = view.k / v.k;
    if (
      stretch !== 1 &&
      (options.quality === 'full' || stretch > MAX_STRETCH || stretch < 1 / MAX_STRETCH)
    )
      return false;
    // A picture of the whole map serves any pan: what lies beyond it is background.
    if (layer.coversMap) return true;
    // Otherwise it must cover the screen where it lands.
    const { dx, dy, dw, dh } = placement(v, view);
    return dx <= 0 && dy <= 0 && dx + dw >= view.width && dy + dh >= view.height;
  };

  const render = (scene: GeoScene, view: View, options: GeoDrawOptions) => {
    const width = view.width + 2 * MARGIN_PX;
    const height = view.height + 2 * MARGIN_PX;
    const deviceWidth = Math.max(1, Math.round(width * view.pixelRatio));
    const deviceHeight = Math.max(1, Math.round(height * view.pixelRatio));
    let canvas = layer?.canvas;
    let ctx = layer?.ctx;
    if (!canvas || !ctx || canvas.width !== deviceWidth || canvas.height !== deviceHeight) {
      canvas = createCanvas(deviceWidth, deviceHeight);
      canvas.width = deviceWidth;
      canvas.height = deviceHeight;
      ctx = (canvas.getContext('2d') as CanvasRenderingContext2D | null) ?? undefined;
      if (!ctx) throw new Error('Dit apparaat kan niet op een canvas tekenen.');
    }
    const layerView: View = {
      x: view.x + MARGIN_PX,
      y: view.y + MARGIN_PX,
      k: view.k,
      width,
      height,
      pixelRatio: view.pixelRatio,
    };
    const stats = drawGeoScene(ctx, scene, layerView, { ...options, layers: 'base' });
    const [x0, y0, x1, y1] = scene.model.bounds;
    const coversMap =
      x0 * view.k + layerView.x >= 0 &&
      y0 * view.k + layerView.y >= 0 &&
      x1 * view.k + layerView.x <= width &&
      y1 * view.k + layerView.y <= height;
    layer = {
      canvas,
      ctx,
      view: layerView,
      coversMap,
      scene: {
        model: scene.model,
        fills: scene.fills,
        regions: scene.regions,
        memberArea: scene.memberArea ?? null,
      },
      background: options.background,
    };
    return stats;
  };

  return {
    draw(ctx, scene, view, options) {
      const layerPixels =
        (view.width + 2 * MARGIN_PX) * (view.height + 2 * MARGIN_PX) * view.pixelRatio ** 2;
      if (layerPixels > MAX_LAYER_PIXELS) {
        layer = null;
        return { ...drawGeoScene(ctx, scene, view, options), cached: false };
      }
      let base: GeoDrawStats | null = null;
      const cached = usable(scene, view, options);
      if (!cached) base = render(scene, view, options);
      const current = layer!;
      const { pixelRatio } = view;
      const { dw, dh, ...at } = placement(current.view, view);
      let { dx, dy } = at;
      const stretched = dw !== current.view.width;
      if (!stretched) {
        // On whole device pixels the picture is copied, not resampled: a pan frame's main cost.
        dx = Math.round(dx * pixelRatio) / pixelRatio;
        dy = Math.round(dy * pixelRatio) / pixelRatio;
      }
      const covers = dx <= 0 && dy <= 0 && dx + dw >= view.width && dy + dh >= view.height;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = 1;
      // An opaque picture that covers the screen replaces every pixel: clearing first would
      // only double the pixels written.
      if (!(covers && options.background)) {
        const deviceWidth = Math.round(view.width * pixelRatio);
        const deviceHeight = Math.round(view.height * pixelRatio);
        ctx.clearRect(0, 0, deviceWidth, deviceHeight);
        if (options.background) {
          ctx.fillStyle = options.background;
          ctx.fillRect(0, 0, deviceWidth, deviceHeight);
        }
      }
      ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
      ctx.imageSmoothingEnabled = stretched;
      ctx.drawImage(current.canvas as CanvasImageSource, dx, dy, dw, dh);
      ctx.imageSmoothingEnabled = true;
      const overlay = drawGeoScene(ctx, scene, view, { ...options, layers: 'overlay' });
      return {
        fills: base?.fills ?? 0,
        points: (base?.points ?? 0) + overlay.points,
        regions: base?.regions ?? 0,
        labels: overlay.labels,
        cached,
      };
    },
    invalidate() {
      layer = null;
    },
  };
}

/** Where a picture drawn with `from` lands, in CSS pixels, on a screen showing `to`. */
function placement(from: View, to: View): { dx: number; dy: number; dw: number; dh: number } {
  const s = to.k / from.k;
  return { dx: to.x - from.x * s, dy: to.y - from.y * s, dw: from.width * s, dh: from.height * s };
}
