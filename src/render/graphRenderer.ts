import {
  easeCubicInOut,
  interpolateZoom,
  select,
  zoom,
  zoomIdentity,
  zoomTransform,
  type D3ZoomEvent,
  type ZoomTransform,
  type ZoomView,
} from 'd3';
import {
  batchByColor,
  drawScene,
  MIN_NODE_PX,
  prepareGraph,
  type ColorBatch,
  type DrawOptions,
  type NodeMark,
  type RenderEdge,
  type RenderNode,
  type Scene,
  type SceneGraph,
  type View,
} from './drawScene';
import { createNodeHitIndex, type NodeHitIndex } from './hitTest';
import { LABEL_FONT } from './palette';

// The live canvas: one requestAnimationFrame loop that sleeps until something
// asks for a redraw, d3-zoom for pan and pinch, pointer events for node drag
// and hover. React hands inputs in through the setters and never sees
// positions, hover or zoom.

export type { NodeMark, RenderEdge, RenderNode } from './drawScene';

export interface RendererCallbacks {
  /** Fires only when the hovered node changes. */
  onHover?(index: number | null, clientX: number, clientY: number): void;
  onClick?(index: number | null): void;
  /** Graph coordinates. 'start' comes once the pointer really moves, so a click never pins a node. */
  onDragNode?(index: number, x: number, y: number, phase: 'start' | 'drag' | 'end'): void;
  /** Paint time of each frame, in ms. */
  onFrame?(ms: number): void;
  onZoom?(k: number): void;
}

export interface Emphasis {
  selected: number | null;
  /** 1 = lit; null = everything lit. */
  highlighted: Uint8Array | null;
  marks?: Map<number, NodeMark>;
}

export interface GraphRenderer {
  setGraph(nodes: RenderNode[], edges: RenderEdge[]): void;
  /**
   * Kept by reference (not copied): mutate and call again to redraw.
   * `moving`: more positions follow (a running layout), so frames stay at the
   * fast level of detail until a call without it.
   */
  setPositions(xs: Float32Array, ys: Float32Array, moving?: boolean): void;
  setEmphasis(e: Emphasis): void;
  /** 1 = not drawn and not hit-testable. */
  setHidden(hidden: Uint8Array | null): void;
  /** One colour per node. */
  setColors(colors: string[]): void;
  zoomToFit(durationMs?: number): void;
  zoomToNode(index: number, durationMs?: number): void;
  zoomBy(factor: number): void;
  /** Screen pixels. */
  panBy(dx: number, dy: number): void;
  getTransform(): { x: number; y: number; k: number };
  resize(): void;
  nodeAt(clientX: number, clientY: number): number | null;
  /**
   * Draws the current view, fitted to width × height CSS pixels, at `scale`
   * device pixels per CSS pixel, on a white background (for PNG export). The
   * target canvas should be width*scale × height*scale.
   */
  drawTo(ctx: CanvasRenderingContext2D, width: number, height: number, scale: number): void;
  stats(): { frames: number; lastFrameMs: number };
  destroy(): void;
}

const SCALE_EXTENT: [number, number] = [0.02, 40];
/** How long after the last movement frames stay in fast mode. */
const MOTION_SETTLE_MS = 150;
/** Extra pick room around a node, in screen pixels: small dots must still be clickable. */
const HIT_SLACK_PX = 3;
/** Pointer travel that turns a press on a node from a click into a drag. */
const DRAG_THRESHOLD_PX = 4;
const FIT_PADDING_PX = 24;
/** Up to this many organisations on screen, a fit leaves room for their names. */
const FIT_LABEL_ROOM_MAX_NODES = 60;
const FIT_MAX_SCALE = 4;
const DEFAULT_DURATION_MS = 400;

interface Drag {
  index: number;
  pointerId: number;
  startX: number;
  startY: number;
  /** Graph offset from the pointer to the node centre, so the node does not jump to the pointer. */
  dx: number;
  dy: number;
  moved: boolean;
}

interface Animation {
  start: number;
  duration: number;
  interpolate: (t: number) => ZoomView;
}

export function createGraphRenderer(
  canvas: HTMLCanvasElement,
  callbacks: RendererCallbacks,
): GraphRenderer {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Dit apparaat kan niet op een canvas tekenen.');
  const ctx: CanvasRenderingContext2D = context;
  const measureCtx = document.createElement('canvas').getContext('2d');
  if (measureCtx) measureCtx.font = LABEL_FONT;

  let width = 0;
  let height = 0;
  let pixelRatio = 1;
  let graph: SceneGraph = prepareGraph([], []);
  let colorBatches: ColorBatch[] = [];
  let xs: Float32Array = new Float32Array(0);
  let ys: Float32Array = new Float32Array(0);
  let hidden: Uint8Array | null = null;
  let highlighted: Uint8Array | null = null;
  let selected: number | null = null;
  let marks: Map<number, NodeMark> | null = null;
  let hovered: number | null = null;
  let labelWidths: Float32Array = new Float32Array(0);
  let hitIndex: NodeHitIndex | null = null;

  let needsRedraw = true;
  let rafId: number | null = null;
  let qualityTimer: ReturnType<typeof setTimeout> | null = null;
  let gesture = false;
  let lastMotion = -Infinity;
  // A big layout posts less often than MOTION_SETTLE_MS; without this flag each
  // post would be followed by a full-detail frame, a long task on a big graph.
  let layoutMoving = false;
  let animation: Animation | null = null;
  let drag: Drag | null = null;
  let suppressClick = false;
  let fitPending: number | null = null;
  let frames = 0;
  let lastFrameMs = 0;
  let destroyed = false;

  const selection = select(canvas);
  const zoomBehavior = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent(SCALE_EXTENT)
    .filter((event: Event) => {
      // d3's default: no ctrl-drag (context menu on macOS), main button only.
      if ((event as MouseEvent).ctrlKey && event.type !== 'wheel') return false;
      if ((event as MouseEvent).button) return false;
      // A press on a node is a node drag, not a pan.
      const point = pressPoint(event);
      return !(point && pickAt(point.clientX, point.clientY) !== null);
    })
    .on('start', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
      // The user takes over: a running zoom animation must not fight the gesture.
      if (event.sourceEvent) {
        animation = null;
        gesture = true;
      }
    })
    .on('zoom', (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
      lastMotion = performance.now();
      requestRedraw();
      callbacks.onZoom?.(event.transform.k);
    })
    .on('end', () => {
      gesture = false;
      requestRedraw();
    });
  selection.call(zoomBehavior);

  // One table, so destroy() removes exactly what was added.
  const listeners: [string, EventListener][] = [
    ['pointerdown', onPointerDown as EventListener],
    ['pointermove', onPointerMove as EventListener],
    ['pointerup', onPointerUp as EventListener],
    ['pointercancel', onPointerUp as EventListener],
    ['pointerleave', onPointerLeave as EventListener],
    ['click', onClick as EventListener],
  ];
  for (const [type, listener] of listeners) canvas.addEventListener(type, listener);

  const observer =
    typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => resize());
  observer?.observe(canvas);
  resize();

  // ---- frame loop -------------------------------------------------------

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
      layoutMoving ||
      animation !== null ||
      drag?.moved === true ||
      t0 - lastMotion < MOTION_SETTLE_MS;
    drawScene(ctx, scene(hovered), view(), { quality: moving ? 'fast' : 'full', background: null });
    frames++;
    lastFrameMs = performance.now() - t0;
    callbacks.onFrame?.(lastFrameMs);
    // Fast frames drop detail; once things stand still, draw it all once more.
    if (moving) {
      if (qualityTimer) clearTimeout(qualityTimer);
      qualityTimer = setTimeout(() => {
        qualityTimer = null;
        requestRedraw();
      }, MOTION_SETTLE_MS);
    }
  }

  function scene(hover: number | null): Scene {
    return {
      graph,
      colors: colorBatches,
      xs,
      ys,
      hidden,
      highlighted,
      selected,
      hovered: hover,
      marks,
      labelWidth,
    };
  }

  function view(): View {
    const t = zoomTransform(canvas);
    return { x: t.x, y: t.y, k: t.k, width, height, pixelRatio };
  }

  function labelWidth(i: number): number {
    let w = labelWidths[i];
    if (w === undefined) return 0;
    if (Number.isNaN(w)) {
      const text = graph.nodes[i]?.label ?? '';
      // Measuring is slow on a software canvas: once per label, then cached.
      w = measureCtx ? measureCtx.measureText(text).width : text.length * 6.5;
      labelWidths[i] = w;
    }
    return w;
  }

  // ---- sizing -----------------------------------------------------------

  function resizeCanvas() {
    pixelRatio = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(width * pixelRatio));
    canvas.height = Math.max(1, Math.round(height * pixelRatio));
    needsRedraw = true;
  }

  function resize() {
    if (destroyed) return;
    const oldWidth = width;
    const oldHeight = height;
    width = canvas.clientWidth;
    height = canvas.clientHeight;
    resizeCanvas();
    if (oldWidth > 0 && oldHeight > 0 && (oldWidth !== width || oldHeight !== height)) {
      // Keep the centre where it was when a side panel opens or closes.
      const t = zoomTransform(canvas);
      const moved = zoomIdentity
        .translate(t.x + (width - oldWidth) / 2, t.y + (height - oldHeight) / 2)
        .scale(t.k);
      zoomBehavior.transform(selection, moved);
    }
    if (fitPending !== null && width > 0 && height > 0) {
      const duration = fitPending;
      fitPending = null;
      fit(duration);
    }
    requestRedraw();
  }

  // ---- zoom -------------------------------------------------------------

  function animateTo(target: ZoomTransform, duration: number) {
    if (duration <= 0 || width === 0 || height === 0) {
      animation = null;
      zoomBehavior.transform(selection, target);
      return;
    }
    // interpolateZoom flies out and in again (van Wijk & Nuij): long jumps stay readable.
    const asView = (t: ZoomTransform): ZoomView => [
      (width / 2 - t.x) / t.k,
      (height / 2 - t.y) / t.k,
      width / t.k,
    ];
    animation = {
      start: performance.now(),
      duration,
      interpolate: interpolateZoom(asView(zoomTransform(canvas)), asView(target)),
    };
    schedule();
  }

  function stepAnimation(now: number) {
    const a = animation!;
    const p = Math.min(1, Math.max(0, (now - a.start) / a.duration));
    const [cx, cy, viewWidth] = a.interpolate(easeCubicInOut(p));
    const k = width / viewWidth;
    if (p >= 1) animation = null;
    zoomBehavior.transform(
      selection,
      zoomIdentity.translate(width / 2 - cx * k, height / 2 - cy * k).scale(k),
    );
  }

  function fit(duration: number) {
    if (width === 0 || height === 0) {
      fitPending = duration;
      return;
    }
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    let shown = 0;
    for (let i = 0; i < graph.count && i < xs.length; i++) {
      if (hidden?.[i]) continue;
      const x = xs[i]!;
      const y = ys[i]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const r = graph.radii[i]!;
      x0 = Math.min(x0, x - r);
      y0 = Math.min(y0, y - r);
      x1 = Math.max(x1, x + r);
      y1 = Math.max(y1, y + r);
      shown++;
    }
    if (!(x1 >= x0 && y1 >= y0)) return;
    // A few organisations are all labelled: leave room for the widest name at
    // the sides and a line of text below, so no name is cut off at the edge.
    let labelRoom = 0;
    if (shown <= FIT_LABEL_ROOM_MAX_NODES)
      for (let i = 0; i < graph.count && i < xs.length; i++)
        if (!hidden?.[i]) labelRoom = Math.max(labelRoom, labelWidth(i));
    const k = clamp(
      Math.min(
        (width - 2 * FIT_PADDING_PX - labelRoom) / Math.max(1, x1 - x0),
        (height - 2 * FIT_PADDING_PX - (labelRoom > 0 ? 2 * 18 : 0)) / Math.max(1, y1 - y0),
      ),
      SCALE_EXTENT[0],
      FIT_MAX_SCALE,
    );
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    animateTo(zoomIdentity.translate(width / 2 - cx * k, height / 2 - cy * k).scale(k), duration);
  }

  // ---- hit testing and pointer input ------------------------------------

  function pickAt(clientX: number, clientY: number): number | null {
    if (graph.count === 0 || xs.length < graph.count) return null;
    // Rebuilt lazily: positions change 30 times a second while the layout runs,
    // but a hit test is only needed when the pointer asks.
    hitIndex ??= createNodeHitIndex(xs, ys, graph.radii, hidden);
    const rect = canvas.getBoundingClientRect();
    const t = zoomTransform(canvas);
    const gx = (clientX - rect.left - t.x) / t.k;
    const gy = (clientY - rect.top - t.y) / t.k;
    return hitIndex.nodeAt(gx, gy, MIN_NODE_PX / t.k, HIT_SLACK_PX / t.k);
  }

  function toGraph(clientX: number, clientY: number): [number, number] {
    const rect = canvas.getBoundingClientRect();
    const t = zoomTransform(canvas);
    return [(clientX - rect.left - t.x) / t.k, (clientY - rect.top - t.y) / t.k];
  }

  function onPointerDown(event: PointerEvent) {
    suppressClick = false;
    if (event.button !== 0 || !event.isPrimary) return;
    const index = pickAt(event.clientX, event.clientY);
    if (index === null) return;
    const [gx, gy] = toGraph(event.clientX, event.clientY);
    drag = {
      index,
      pointerId: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      dx: xs[index]! - gx,
      dy: ys[index]! - gy,
      moved: false,
    };
    canvas.setPointerCapture?.(event.pointerId);
  }

  function onPointerMove(event: PointerEvent) {
    if (drag && event.pointerId === drag.pointerId) {
      const d = drag;
      if (
        !d.moved &&
        Math.hypot(event.clientX - d.startX, event.clientY - d.startY) < DRAG_THRESHOLD_PX
      )
        return;
      const [gx, gy] = toGraph(event.clientX, event.clientY);
      const phase = d.moved ? 'drag' : 'start';
      d.moved = true;
      canvas.style.cursor = 'grabbing';
      lastMotion = performance.now();
      callbacks.onDragNode?.(d.index, gx + d.dx, gy + d.dy, phase);
      return;
    }
    // No hover while panning: the pointer is carrying the map, not pointing.
    if (gesture || event.buttons !== 0) return;
    setHovered(pickAt(event.clientX, event.clientY), event.clientX, event.clientY);
  }

  function onPointerUp(event: PointerEvent) {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const d = drag;
    drag = null;
    if (canvas.hasPointerCapture?.(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
    canvas.style.cursor = hovered !== null ? 'pointer' : '';
    if (d.moved) {
      // The click that follows a drag is not a selection.
      suppressClick = true;
      const [gx, gy] = toGraph(event.clientX, event.clientY);
      callbacks.onDragNode?.(d.index, gx + d.dx, gy + d.dy, 'end');
      requestRedraw();
    }
  }

  function onPointerLeave(event: PointerEvent) {
    if (!drag) setHovered(null, event.clientX, event.clientY);
  }

  function onClick(event: MouseEvent) {
    if (suppressClick) {
      suppressClick = false;
      return;
    }
    callbacks.onClick?.(pickAt(event.clientX, event.clientY));
  }

  function setHovered(index: number | null, clientX: number, clientY: number) {
    if (index === hovered) return;
    hovered = index;
    canvas.style.cursor = index !== null ? 'pointer' : '';
    requestRedraw();
    callbacks.onHover?.(index, clientX, clientY);
  }

  // ---- the public face --------------------------------------------------

  return {
    setGraph(nodes, edges) {
      graph = prepareGraph(nodes, edges);
      colorBatches = batchByColor(nodes.map((n) => n.color));
      labelWidths = new Float32Array(nodes.length).fill(NaN);
      // Positions of another graph would put the new nodes in the wrong places.
      if (xs.length !== nodes.length) {
        xs = new Float32Array(0);
        ys = new Float32Array(0);
      }
      hitIndex = null;
      hovered = null;
      drag = null;
      requestRedraw();
    },
    setPositions(nextXs, nextYs, moving = false) {
      xs = nextXs;
      ys = nextYs;
      layoutMoving = moving;
      hitIndex = null;
      lastMotion = performance.now();
      requestRedraw();
    },
    setEmphasis(e) {
      selected = e.selected;
      highlighted = e.highlighted;
      marks = e.marks ?? null;
      requestRedraw();
    },
    setHidden(next) {
      hidden = next;
      hitIndex = null;
      if (hovered !== null && next?.[hovered]) hovered = null;
      requestRedraw();
    },
    setColors(colors) {
      // A short list keeps each node's own colour rather than leaving it undrawn.
      const full = graph.nodes.map((n, i) => colors[i] ?? n.color);
      colorBatches = batchByColor(full);
      requestRedraw();
    },
    zoomToFit(durationMs = DEFAULT_DURATION_MS) {
      fit(durationMs);
    },
    zoomToNode(index, durationMs = DEFAULT_DURATION_MS) {
      const x = xs[index];
      const y = ys[index];
      if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return;
      if (width === 0 || height === 0) return;
      // Close enough to read the neighbourhood, but never zoom out to get there.
      const k = Math.max(zoomTransform(canvas).k, 2);
      animateTo(zoomIdentity.translate(width / 2 - x * k, height / 2 - y * k).scale(k), durationMs);
    },
    zoomBy(factor) {
      if (!(factor > 0)) return;
      animation = null;
      zoomBehavior.scaleBy(selection, factor);
    },
    panBy(dx, dy) {
      animation = null;
      const k = zoomTransform(canvas).k;
      zoomBehavior.translateBy(selection, dx / k, dy / k);
    },
    getTransform() {
      const t = zoomTransform(canvas);
      return { x: t.x, y: t.y, k: t.k };
    },
    resize,
    nodeAt: pickAt,
    drawTo(target, targetWidth, targetHeight, scale) {
      const t = zoomTransform(canvas);
      // Same centre as on screen; scaled so the same part of the map fills the picture.
      const fitScale =
        width > 0 && height > 0 ? Math.min(targetWidth / width, targetHeight / height) : 1;
      const k = t.k * fitScale;
      const cx = ((width || targetWidth) / 2 - t.x) / t.k;
      const cy = ((height || targetHeight) / 2 - t.y) / t.k;
      const options: DrawOptions = { quality: 'full', background: '#FFFFFF' };
      drawScene(
        target,
        scene(null),
        {
          x: targetWidth / 2 - cx * k,
          y: targetHeight / 2 - cy * k,
          k,
          width: targetWidth,
          height: targetHeight,
          pixelRatio: scale,
        },
        options,
      );
    },
    stats: () => ({ frames, lastFrameMs }),
    destroy() {
      destroyed = true;
      if (rafId !== null) cancelAnimationFrame(rafId);
      rafId = null;
      if (qualityTimer) clearTimeout(qualityTimer);
      animation = null;
      observer?.disconnect();
      selection.on('.zoom', null);
      for (const [type, listener] of listeners) canvas.removeEventListener(type, listener);
    },
  };
}

/** Where a press happens, for mouse and single-finger touch; null for anything else. */
function pressPoint(event: Event): { clientX: number; clientY: number } | null {
  if (event.type === 'mousedown' || event.type === 'pointerdown') return event as MouseEvent;
  if (event.type === 'touchstart') {
    const touches = (event as TouchEvent).touches;
    // Two fingers are a pinch, whatever is under them.
    return touches.length === 1 ? touches[0]! : null;
  }
  return null;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
