import {
  batchByColor,
  drawScene,
  MIN_NODE_PX,
  prepareGraph,
  type ColorBatch,
  type NodeMark,
  type Scene,
  type SceneGraph,
} from './drawScene';
import { graphPicture } from './graphPicture';
import { createNodeHitIndex, type NodeHitIndex } from './hitTest';
import { createMapSurface } from './mapSurface';
import type { Emphasis, LaidOutMapView, MapViewCallbacks } from './mapViewTypes';
import type { RenderEdge, RenderNode } from './drawScene';
import { LABEL_FONT } from './palette';
import { attachPointerInput, type KeyAction } from './pointerInput';
import { fitDiscs, fitViewInto, zoomToPoint } from './viewport';

// The network as a force graph: discs where the layout puts them, relations
// as lines, names where there is room. The canvas, its frame loop and zoom
// are the surface's; pointer and keys are the input's; this file says what a
// graph draws and what lies under the pointer. React hands inputs in through
// the setters and never sees positions, hover or zoom.

export type { NodeMark, RenderEdge, RenderNode } from './drawScene';

/** Extra pick room around a node, in screen pixels: small dots must still be clickable. */
const HIT_SLACK_PX = 3;
const DEFAULT_DURATION_MS = 400;

export function createGraphView(
  canvas: HTMLCanvasElement,
  callbacks: MapViewCallbacks,
): LaidOutMapView {
  const measureCtx = document.createElement('canvas').getContext('2d');
  if (measureCtx) measureCtx.font = LABEL_FONT;

  let graph: SceneGraph = prepareGraph([], []);
  let colorBatches: ColorBatch[] = [];
  let xs: Float32Array = new Float32Array(0);
  let ys: Float32Array = new Float32Array(0);
  let hidden: Uint8Array | null = null;
  let highlighted: Uint8Array | null = null;
  let selected: number | null = null;
  let marks: ReadonlyMap<number, NodeMark> | null = null;
  let edgeMarks: ReadonlyMap<number, NodeMark> | null = null;
  // As handed in, for pictures: the scene keeps them in batches.
  let nodeList: readonly RenderNode[] = [];
  let edgeList: readonly RenderEdge[] = [];
  let nodeColors: readonly string[] = [];
  let labelWidths: Float32Array = new Float32Array(0);
  let hitIndex: NodeHitIndex | null = null;

  const surface = createMapSurface(canvas, {
    paint: (ctx, view, quality) =>
      drawScene(ctx, scene(input.hovered()), view, { quality, background: null }),
    grabs: (clientX, clientY) => pick(clientX, clientY) !== null,
    busy: () => input.dragging(),
    onFrame: (ms) => callbacks.onFrame?.(ms),
  });

  const input = attachPointerInput(
    canvas,
    {
      itemAt: pick,
      toGraph: surface.toGraph,
      dragOrigin: (i) => [xs[i]!, ys[i]!],
      panning: surface.panning,
    },
    {
      onHover(i, clientX, clientY) {
        surface.requestRedraw();
        callbacks.onHover?.(i, clientX, clientY);
      },
      onClick: (i) => callbacks.onClick?.(i),
      onDrag(i, x, y, phase) {
        callbacks.onDragItem?.(i, x, y, phase);
        if (phase === 'end') surface.requestRedraw();
      },
      onUserMove: () => callbacks.onUserMove?.(),
      onKey: (action) => keyAction(action),
    },
  );

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
      edgeMarks,
      labelWidth,
    };
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

  function pick(clientX: number, clientY: number): number | null {
    if (graph.count === 0 || xs.length < graph.count) return null;
    // Rebuilt lazily: positions change 30 times a second while the layout runs,
    // but a hit test is only needed when the pointer asks.
    hitIndex ??= createNodeHitIndex(xs, ys, graph.radii, hidden);
    const [gx, gy] = surface.toGraph(clientX, clientY);
    const k = surface.transform().k;
    return hitIndex.nodeAt(gx, gy, MIN_NODE_PX / k, HIT_SLACK_PX / k);
  }

  function fit(durationMs: number) {
    surface.whenSized(() => {
      const n = Math.min(graph.count, xs.length);
      const target = fitDiscs(
        xs.subarray(0, n),
        ys.subarray(0, n),
        graph.radii,
        hidden,
        surface.size(),
        labelWidth,
      );
      if (target) surface.animateTo(target, durationMs);
    });
  }

  function keyAction(action: KeyAction) {
    if (action.type === 'pan') surface.panBy(action.dx, action.dy);
    else if (action.type === 'zoom') surface.zoomBy(action.factor);
    else if (action.type === 'fit') fit(DEFAULT_DURATION_MS);
    else callbacks.onClick?.(null);
  }

  return {
    setData({ nodes, edges }) {
      graph = prepareGraph(nodes, edges);
      nodeList = nodes;
      edgeList = edges;
      nodeColors = nodes.map((n) => n.color);
      colorBatches = batchByColor(nodeColors);
      labelWidths = new Float32Array(nodes.length).fill(NaN);
      // Positions of another graph would put the new nodes in the wrong places.
      if (xs.length !== nodes.length) {
        xs = new Float32Array(0);
        ys = new Float32Array(0);
      }
      hitIndex = null;
      input.reset();
      surface.requestRedraw();
    },
    setPositions(nextXs, nextYs, moving = false) {
      xs = nextXs;
      ys = nextYs;
      hitIndex = null;
      surface.moved(moving);
    },
    setEmphasis(e: Emphasis) {
      selected = e.selected;
      highlighted = e.highlighted;
      marks = e.marks ?? null;
      edgeMarks = e.edgeMarks ?? null;
      surface.requestRedraw();
    },
    setHidden(next) {
      hidden = next;
      hitIndex = null;
      const hovered = input.hovered();
      if (hovered !== null && next?.[hovered]) input.forgetHover();
      surface.requestRedraw();
    },
    setColors(colors) {
      // A short list keeps each node's own colour rather than leaving it undrawn.
      const full = graph.nodes.map((n, i) => colors[i] ?? n.color);
      nodeColors = full;
      colorBatches = batchByColor(full);
      surface.requestRedraw();
    },
    fit(durationMs = DEFAULT_DURATION_MS) {
      fit(durationMs);
    },
    zoomTo(i, durationMs = DEFAULT_DURATION_MS) {
      const x = xs[i];
      const y = ys[i];
      if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return;
      const size = surface.size();
      if (size.width === 0 || size.height === 0) return;
      surface.animateTo(zoomToPoint(surface.transform(), x, y, size), durationMs);
    },
    zoomBy: surface.zoomBy,
    panBy: surface.panBy,
    itemAt: pick,
    getTransform: surface.transform,
    size: surface.size,
    drawTo(target, width, height, scale) {
      const t = fitViewInto(surface.transform(), surface.size(), { width, height });
      drawScene(
        target,
        scene(null),
        { ...t, width, height, pixelRatio: scale },
        { quality: 'full', background: '#FFFFFF' },
      );
    },
    picture: (request) =>
      graphPicture({
        nodes: nodeList,
        edges: edgeList,
        xs,
        ys,
        hidden: request.hidden,
        colors: nodeColors,
        colorKey: request.colorKey,
        marks,
        edgeMarks,
        selected,
        measure: request.measure,
      }),
    resize: surface.resize,
    destroy() {
      surface.destroy();
      input.destroy();
    },
  };
}
