import {
  easeCubicInOut,
  interpolateZoom,
  select,
  zoom,
  zoomIdentity,
  zoomTransform,
  type D3ZoomEvent,
  type ZoomTransform,
} from 'd3';
import type { View } from './drawScene';
import { pressPoint } from './pointerInput';
import {
  fromZoomView,
  keepCentre,
  panBy,
  SCALE_EXTENT,
  toGraph,
  toZoomView,
  zoomAbout,
  type Size,
  type Transform,
  type ZoomView,
} from './viewport';

// The canvas every map view draws on: sized by devicePixelRatio, one
// requestAnimationFrame loop that sleeps until something asks for a redraw,
// d3-zoom for pan, wheel and pinch, and animated moves of the view. What is
// drawn, and what is under the pointer, is the view's business.

export interface SurfaceHooks {
  /** Draws everything for `view`; 'fast' while things move, so big maps keep up. */
  paint(ctx: CanvasRenderingContext2D, view: View, quality: 'full' | 'fast'): void;
  /** A press here grabs an item (to drag it), so it must not pan the map. */
  grabs(clientX: number, clientY: number): boolean;
  /** Something of the view's own is moving (an item being dragged). */
  busy?(): boolean;
  onFrame?(ms: number): void;
}

export interface MapSurface {
  transform(): Transform;
  size(): Size;
  /** The transform, the size and the device pixel ratio: what drawing needs. */
  view(): View;
  toGraph(clientX: number, clientY: number): [number, number];
  requestRedraw(): void;
  /**
   * What is drawn moved: frames stay fast for a moment. `streaming`: more moves
   * follow (a running layout), so they stay fast until a call without it.
   */
  moved(streaming?: boolean): void;
  /** A pan or pinch is under way. */
  panning(): boolean;
  /** Glide to `target` (0 ms: jump). */
  animateTo(target: Transform, durationMs: number): void;
  /** Runs `fn` now if the canvas has a size, else once it gets one (the latest `fn` wins). */
  whenSized(fn: () => void): void;
  zoomBy(factor: number): void;
  panBy(dx: number, dy: number): void;
  resize(): void;
  destroy(): void;
}

/** How long after the last movement frames stay in fast mode. */
const MOTION_SETTLE_MS = 150;

interface Animation {
  start: number;
  duration: number;
  interpolate: (t: number) => ZoomView;
}

const asD3 = (t: Transform): ZoomTransform => zoomIdentity.translate(t.x, t.y).scale(t.k);

/** Set by the bench only: frame times with the pixels, not just the drawing calls. */
const rasterTimes = (): boolean =>
  (globalThis as { __netwerkkaart?: { rasterTimes?: boolean } }).__netwerkkaart?.rasterTimes ===
  true;

export function createMapSurface(canvas: HTMLCanvasElement, hooks: SurfaceHooks): MapSurface {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Dit apparaat kan niet op een canvas tekenen.');
  const ctx: CanvasRenderingContext2D = context;

  let width = 0;
  let height = 0;
  let pixelRatio = 1;
  let needsRedraw = true;
  let rafId: number | null = null;
  let qualityTimer: ReturnType<typeof setTimeout> | null = null;
  let gesture = false;
  let lastMotion = -Infinity;
  // A big layout posts less often than MOTION_SETTLE_MS; without this flag each
  // post would be followed by a full-detail frame, a long task on a big graph.
  let streaming = false;
  let animation: Animation | null = null;
  let pending: (() => void) | null = null;
  let destroyed = false;
  /** The last size the canvas had on screen. */
  let shownSize: Size | null = null;

  const selection = select(canvas);
  const zoomBehavior = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([SCALE_EXTENT[0], SCALE_EXTENT[1]])
    .filter((event: Event) => {
      // d3's default: no ctrl-drag (context menu on macOS), main button only.
      if ((event as MouseEvent).ctrlKey && event.type !== 'wheel') return false;
      if ((event as MouseEvent).button) return false;
      const point = pressPoint(event);
      return !(point && hooks.grabs(point.clientX, point.clientY));
    })
    .on('start', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
      // The user takes over: a running zoom animation must not fight the gesture.
      if (event.sourceEvent) {
        animation = null;
        gesture = true;
      }
    })
    .on('zoom', () => {
      lastMotion = performance.now();
      requestRedraw();
    })
    .on('end', () => {
      gesture = false;
      requestRedraw();
    });
  selection.call(zoomBehavior);

  const observer =
    typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => resize());
  observer?.observe(canvas);
  resize();

  function current(): Transform {
    const t = zoomTransform(canvas);
    return { x: t.x, y: t.y, k: t.k };
  }

  function jumpTo(t: Transform) {
    zoomBehavior.transform(selection, asD3(t));
  }

  function requestRedraw() {
    needsRedraw = true;
    schedule();
  }

  function schedule() {
    if (rafId === null && !destroyed) rafId = requestAnimationFrame(frame);
  }

  function frame(now: number) {
    rafId = null;
    if (animation) stepAnimation(now);
    if (needsRedraw) {
      needsRedraw = false;
      paint();
    }
    // Idle unless something is still moving: no frames are spent on a still map.
    if (animation || needsRedraw) schedule();
  }

  function paint() {
    const t0 = performance.now();
    if ((window.devicePixelRatio || 1) !== pixelRatio) resizeCanvas();
    const moving =
      gesture ||
      streaming ||
      animation !== null ||
      hooks.busy?.() === true ||
      t0 - lastMotion < MOTION_SETTLE_MS;
    hooks.paint(ctx, view(), moving ? 'fast' : 'full');
    // The canvas rasterises after the calls return; the bench (bench/run.mjs) asks for paint
    // times that include it, and reading a pixel waits for the rasteriser.
    if (rasterTimes()) ctx.getImageData(0, 0, 1, 1);
    hooks.onFrame?.(performance.now() - t0);
    // Fast frames drop detail; once things stand still, draw it all once more.
    if (moving) {
      if (qualityTimer) clearTimeout(qualityTimer);
      qualityTimer = setTimeout(() => {
        qualityTimer = null;
        requestRedraw();
      }, MOTION_SETTLE_MS);
    }
  }

  function view(): View {
    return { ...current(), width, height, pixelRatio };
  }

  function resizeCanvas() {
    pixelRatio = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(width * pixelRatio));
    canvas.height = Math.max(1, Math.round(height * pixelRatio));
    needsRedraw = true;
  }

  function resize() {
    if (destroyed) return;
    width = canvas.clientWidth;
    height = canvas.clientHeight;
    resizeCanvas();
    // A hidden canvas (another view on screen) has no size: the view stays as it was and,
    // once shown again, is centred against the size it last had on screen.
    if (width > 0 && height > 0) {
      const from = shownSize;
      shownSize = { width, height };
      if (from && (from.width !== width || from.height !== height))
        jumpTo(keepCentre(current(), from, { width, height }));
    }
    if (pending && width > 0 && height > 0) {
      const run = pending;
      pending = null;
      run();
    }
    requestRedraw();
  }

  function stepAnimation(now: number) {
    const a = animation!;
    const p = Math.min(1, Math.max(0, (now - a.start) / a.duration));
    const at = a.interpolate(easeCubicInOut(p));
    if (p >= 1) animation = null;
    jumpTo(fromZoomView(at, { width, height }));
  }

  return {
    transform: current,
    size: () => ({ width, height }),
    view,
    toGraph(clientX, clientY) {
      const rect = canvas.getBoundingClientRect();
      return toGraph(current(), clientX - rect.left, clientY - rect.top);
    },
    requestRedraw,
    moved(next = false) {
      streaming = next;
      lastMotion = performance.now();
      requestRedraw();
    },
    panning: () => gesture,
    animateTo(target, durationMs) {
      if (durationMs <= 0 || width === 0 || height === 0) {
        animation = null;
        jumpTo(target);
        return;
      }
      // interpolateZoom flies out and in again (van Wijk & Nuij): long jumps stay readable.
      const size = { width, height };
      animation = {
        start: performance.now(),
        duration: durationMs,
        interpolate: interpolateZoom(toZoomView(current(), size), toZoomView(target, size)),
      };
      schedule();
    },
    whenSized(fn) {
      if (width === 0 || height === 0) pending = fn;
      else fn();
    },
    zoomBy(factor) {
      if (!(factor > 0)) return;
      animation = null;
      jumpTo(zoomAbout(current(), factor, [width / 2, height / 2]));
    },
    panBy(dx, dy) {
      animation = null;
      jumpTo(panBy(current(), dx, dy));
    },
    resize,
    destroy() {
      destroyed = true;
      if (rafId !== null) cancelAnimationFrame(rafId);
      rafId = null;
      if (qualityTimer) clearTimeout(qualityTimer);
      animation = null;
      pending = null;
      observer?.disconnect();
      selection.on('.zoom', null);
    },
  };
}
