import type { OrganisationKind } from '../domain/organisation';
import { RELATION_TYPES, type RelationType } from '../domain/relation';
import { placeLabels, type LabelBox, type LabelCandidate } from './labels';
import { EDGE_STYLES, LABEL_COLORS, LABEL_FONT, MARK_COLORS, RING_COLORS } from './palette';

// Drawing as plain functions of (context, scene, view): the live canvas and the
// PNG export share them. Everything is batched (one path per edge style, one
// per node colour) because on a software-rendered canvas the number of
// stroke() and fill() calls, not the number of segments, sets the frame time.

export interface RenderNode {
  id: string;
  label: string;
  kind: OrganisationKind;
  radius: number;
  color: string;
  /** Frontrunner mark. */
  ring?: boolean;
  /** Higher = label shown earlier. */
  labelPriority: number;
}

export interface RenderEdge {
  source: number;
  target: number;
  type: RelationType;
  role?: 'frontrunner' | 'follower';
}

export type NodeMark = 'added' | 'removed' | 'changed';

/** The graph in the shape drawing wants it, built once per setGraph. */
export interface SceneGraph {
  nodes: readonly RenderNode[];
  count: number;
  radii: Float32Array;
  /** Median radius: decides whether node outlines are worth drawing. */
  typicalRadius: number;
  frontrunner: Uint32Array;
  /** Node indices by label priority, highest first. */
  labelOrder: Uint32Array;
  edgeCount: number;
  sources: Uint32Array;
  targets: Uint32Array;
  /** Edge indices per relation type, in RELATION_TYPES order. */
  edgesByType: Uint32Array[];
}

export interface ColorBatch {
  color: string;
  indices: Uint32Array;
}

export interface Scene {
  graph: SceneGraph;
  colors: readonly ColorBatch[];
  xs: Float32Array;
  ys: Float32Array;
  hidden: Uint8Array | null;
  /** 1 = lit; null = everything lit. */
  highlighted: Uint8Array | null;
  selected: number | null;
  hovered: number | null;
  marks: ReadonlyMap<number, NodeMark> | null;
  /** Marks on relations (a comparison), by edge index. */
  edgeMarks?: ReadonlyMap<number, NodeMark> | null;
  /** Text width of node i's label at LABEL_FONT, in pixels. */
  labelWidth(i: number): number;
}

/** Screen = graph * k + (x, y), in CSS pixels; pixelRatio maps those to device pixels. */
export interface View {
  x: number;
  y: number;
  k: number;
  width: number;
  height: number;
  pixelRatio: number;
}

export interface DrawOptions {
  /** 'fast' while panning, zooming or while the layout moves: fewer edges and labels on big graphs. */
  quality: 'full' | 'fast';
  /** Fill colour, or null to leave the canvas transparent. */
  background: string | null;
}

export interface DrawStats {
  edges: number;
  nodes: number;
  labels: number;
}

const TAU = Math.PI * 2;
/** Nodes never shrink below this on screen, or a zoomed-out map would be empty. */
export const MIN_NODE_PX = 1.5;

// Level of detail. Measured on Chromium with software rendering: a 1-device-pixel
// line takes a hairline fast path whose cost grows with its length (about
// 5-8 ns per pixel), while a wider or dashed line in a big path goes through
// the stroker and costs 10-100 times more. So big batches are drawn as
// hairlines, and the total length of edges drawn per frame is budgeted.

/** Device pixels of edge length per frame while moving (about 10 ms of raster). */
const FAST_EDGE_PIXELS = 1_500_000;
/** Same at rest: one slower frame is fine, but not a second of freeze. */
const FULL_EDGE_PIXELS = 8_000_000;
/** A batch shorter than this (device pixels) may use its real width (the stroker: ~150 ns per pixel). */
const THICK_EDGE_PIXELS = 40_000;
/** A batch shorter than this may be dashed at hairline width (~15 ns per pixel). */
const DASH_EDGE_PIXELS = 300_000;
/** Above this many nodes, fast mode drops outlines and unforced labels and draws small nodes as squares. */
const FAST_NODE_LIMIT = 2_000;
/** Node paths are filled in chunks: one huge path rasterises slower than a few hundred small ones. */
const NODE_CHUNK = 200;
const OUTLINE_NODE_LIMIT = 3_000;
const DIM_NODE_ALPHA = 0.18;
const DIM_EDGE_FACTOR = 0.2;
const LABEL_MIN_RADIUS_PX = 3;
const LABEL_HEIGHT = 15;
const LABEL_PAD = 2;
const MAX_LABELS = 300;
/** Up to this many discs in view, names are placed clear of them. */
const LABEL_OBSTACLE_LIMIT = 2_500;

export function prepareGraph(
  nodes: readonly RenderNode[],
  edges: readonly RenderEdge[],
): SceneGraph {
  const count = nodes.length;
  const radii = new Float32Array(count);
  const frontrunner: number[] = [];
  nodes.forEach((node, i) => {
    radii[i] = Number.isFinite(node.radius) && node.radius > 0 ? node.radius : 4;
    if (node.ring) frontrunner.push(i);
  });
  const labelOrder = Uint32Array.from(nodes.keys()).sort(
    (a, b) => nodes[b]!.labelPriority - nodes[a]!.labelPriority || a - b,
  );
  const sources = new Uint32Array(edges.length);
  const targets = new Uint32Array(edges.length);
  const byType: number[][] = RELATION_TYPES.map(() => []);
  edges.forEach((edge, k) => {
    sources[k] = edge.source;
    targets[k] = edge.target;
    // Edges to unknown nodes are kept out of every batch rather than drawn to (0, 0).
    if (edge.source >= count || edge.target >= count) return;
    byType[Math.max(0, RELATION_TYPES.indexOf(edge.type))]!.push(k);
  });
  const sorted = Float32Array.from(radii).sort();
  return {
    nodes,
    count,
    radii,
    typicalRadius: sorted[sorted.length >> 1] ?? 4,
    frontrunner: Uint32Array.from(frontrunner),
    labelOrder,
    edgeCount: edges.length,
    sources,
    targets,
    edgesByType: byType.map((list) => Uint32Array.from(list)),
  };
}

/** One batch per distinct colour, so a thousand nodes of one colour are one fill(). */
export function batchByColor(colors: readonly string[]): ColorBatch[] {
  const groups = new Map<string, number[]>();
  colors.forEach((color, i) => {
    const list = groups.get(color);
    if (list) list.push(i);
    else groups.set(color, [i]);
  });
  return [...groups].map(([color, indices]) => ({ color, indices: Uint32Array.from(indices) }));
}

export function drawScene(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  view: View,
  options: DrawOptions,
): DrawStats {
  const stats: DrawStats = { edges: 0, nodes: 0, labels: 0 };
  // Reset before clearing: a transform left by the last frame would clear the wrong rectangle.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  const deviceWidth = Math.round(view.width * view.pixelRatio);
  const deviceHeight = Math.round(view.height * view.pixelRatio);
  ctx.clearRect(0, 0, deviceWidth, deviceHeight);
  if (options.background) {
    ctx.fillStyle = options.background;
    ctx.fillRect(0, 0, deviceWidth, deviceHeight);
  }
  const { graph, xs, ys } = scene;
  if (graph.count === 0 || xs.length < graph.count || ys.length < graph.count) return stats;
  ctx.setTransform(view.pixelRatio, 0, 0, view.pixelRatio, 0, 0);
  const fast = options.quality === 'fast';
  stats.edges = drawEdges(ctx, scene, view, fast);
  drawEdgeMarks(ctx, scene, view);
  stats.nodes = drawNodes(ctx, scene, view, fast);
  drawRings(ctx, scene, view);
  stats.labels = drawLabels(ctx, scene, view, fast);
  ctx.globalAlpha = 1;
  return stats;
}

type Pass = 'all' | 'dim' | 'lit';

function drawEdges(ctx: CanvasRenderingContext2D, scene: Scene, view: View, fast: boolean): number {
  const { graph, xs, ys, hidden, highlighted } = scene;
  const { k, x: tx, y: ty, width: w, height: h, pixelRatio } = view;
  const { sources, targets } = graph;
  const visible = (s: number, t: number, x1: number, y1: number, x2: number, y2: number) =>
    !(hidden && (hidden[s] || hidden[t])) &&
    // Culling by the segment's bounding box: exact enough, and NaN fails every test.
    Math.max(x1, x2) >= 0 &&
    Math.min(x1, x2) <= w &&
    Math.max(y1, y2) >= 0 &&
    Math.min(y1, y2) <= h;

  // First pass: how much line is in view, lit and not. Cheap arithmetic next to rasterising it.
  let litLength = 0;
  let otherLength = 0;
  for (let e = 0; e < graph.edgeCount; e++) {
    const s = sources[e]!;
    const t = targets[e]!;
    if (s >= graph.count || t >= graph.count) continue;
    const x1 = xs[s]! * k + tx;
    const y1 = ys[s]! * k + ty;
    const x2 = xs[t]! * k + tx;
    const y2 = ys[t]! * k + ty;
    if (!visible(s, t, x1, y1, x2, y2)) continue;
    const length = Math.abs(x2 - x1) + Math.abs(y2 - y1);
    if (highlighted && highlighted[s] === 1 && highlighted[t] === 1) litLength += length;
    else otherLength += length;
  }
  // Over budget, draw every n-th edge, lit edges first. Picking by list position keeps the
  // same subset from frame to frame, and power-of-two strides nest, so zooming
  // only ever adds or drops edges instead of swapping the whole sample.
  const budget = fast ? FAST_EDGE_PIXELS : FULL_EDGE_PIXELS;
  const litStride = strideFor(litLength * pixelRatio, budget);
  const otherStride = strideFor(
    otherLength * pixelRatio,
    Math.max(budget / 4, budget - litLength * pixelRatio),
  );
  // Many overlapping edges turn into a grey blanket; fade them as their number grows.
  const baseAlpha = clamp(40 / Math.sqrt(Math.max(1, graph.edgeCount)), 0.15, 0.7);
  const widthScale = clamp(Math.sqrt(k), 0.5, 1.5);
  const hairline = 1 / pixelRatio;
  const passes: Pass[] = highlighted ? ['dim', 'lit'] : ['all'];
  let drawn = 0;
  ctx.lineCap = 'butt';
  for (const pass of passes) {
    RELATION_TYPES.forEach((type, ti) => {
      const list = graph.edgesByType[ti]!;
      const style = EDGE_STYLES[type];
      const stride = pass === 'lit' ? litStride : otherStride;
      let segments = 0;
      let length = 0;
      ctx.beginPath();
      for (let j = 0; j < list.length; j++) {
        // By position in the type's own list, so every type keeps its share.
        if (stride > 1 && j % stride !== 0) continue;
        const e = list[j]!;
        const s = sources[e]!;
        const t = targets[e]!;
        if (highlighted) {
          const lit = highlighted[s] === 1 && highlighted[t] === 1;
          if (lit !== (pass === 'lit')) continue;
        }
        const x1 = xs[s]! * k + tx;
        const y1 = ys[s]! * k + ty;
        const x2 = xs[t]! * k + tx;
        const y2 = ys[t]! * k + ty;
        if (!visible(s, t, x1, y1, x2, y2)) continue;
        ctx.moveTo(x1, y1);
        ctx.lineTo(x2, y2);
        segments++;
        length += Math.abs(x2 - x1) + Math.abs(y2 - y1);
      }
      if (segments === 0) return;
      drawn += segments;
      const devicePixels = length * pixelRatio;
      const width = style.width * widthScale * (pass === 'lit' ? 1.3 : 1);
      ctx.globalAlpha =
        pass === 'dim'
          ? baseAlpha * DIM_EDGE_FACTOR
          : pass === 'lit'
            ? Math.min(1, baseAlpha * 1.5)
            : baseAlpha;
      ctx.strokeStyle = style.color;
      ctx.lineWidth = devicePixels <= THICK_EDGE_PIXELS ? width : Math.min(width, hairline);
      ctx.setLineDash(devicePixels <= DASH_EDGE_PIXELS ? (style.dash as number[]) : []);
      ctx.stroke();
    });
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  return drawn;
}

/** Added, removed and changed relations of a comparison, over the others in their mark's colour. */
function drawEdgeMarks(ctx: CanvasRenderingContext2D, scene: Scene, view: View): void {
  const { graph, xs, ys, hidden, edgeMarks } = scene;
  if (!edgeMarks || edgeMarks.size === 0) return;
  const { k, x: tx, y: ty } = view;
  ctx.globalAlpha = 0.95;
  ctx.lineWidth = 2.5;
  for (const mark of ['removed', 'changed', 'added'] as const) {
    ctx.beginPath();
    let any = false;
    for (const [e, m] of edgeMarks) {
      if (m !== mark || e >= graph.edgeCount) continue;
      const s = graph.sources[e]!;
      const t = graph.targets[e]!;
      if (s >= graph.count || t >= graph.count || hidden?.[s] || hidden?.[t]) continue;
      ctx.moveTo(xs[s]! * k + tx, ys[s]! * k + ty);
      ctx.lineTo(xs[t]! * k + tx, ys[t]! * k + ty);
      any = true;
    }
    if (!any) continue;
    ctx.strokeStyle = MARK_COLORS[mark];
    ctx.setLineDash(mark === 'removed' ? [6, 3] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

function drawNodes(ctx: CanvasRenderingContext2D, scene: Scene, view: View, fast: boolean): number {
  const { graph, xs, ys, hidden, highlighted } = scene;
  const { k, x: tx, y: ty, width: w, height: h, pixelRatio } = view;
  const big = graph.count > FAST_NODE_LIMIT;
  // Squares cost a third of arcs and look the same when small; while a big graph moves, a bit larger too.
  const squareBelow = fast && big ? 3 : 2;
  const passes: Pass[] = highlighted ? ['dim', 'lit'] : ['all'];

  // Count what is in view first: outlines are only worth their cost on a modest number of nodes.
  let inView = 0;
  for (let i = 0; i < graph.count; i++) {
    if (hidden?.[i]) continue;
    const sx = xs[i]! * k + tx;
    const sy = ys[i]! * k + ty;
    if (sx >= 0 && sx <= w && sy >= 0 && sy <= h) inView++;
  }
  const outline = graph.typicalRadius * k >= 3 && inView <= OUTLINE_NODE_LIMIT && !(fast && big);

  let drawn = 0;
  for (const pass of passes) {
    ctx.globalAlpha = pass === 'dim' ? DIM_NODE_ALPHA : 1;
    for (const batch of scene.colors) {
      let chunk = 0;
      const flush = () => {
        if (chunk === 0) return;
        ctx.fill();
        if (outline && pass !== 'dim') ctx.stroke();
        drawn += chunk;
        chunk = 0;
        ctx.beginPath();
      };
      ctx.fillStyle = batch.color;
      // A thin white edge keeps touching nodes apart; one device pixel keeps it on the fast path.
      ctx.strokeStyle = '#FFFFFF';
      ctx.lineWidth = 1 / pixelRatio;
      ctx.beginPath();
      for (let j = 0; j < batch.indices.length; j++) {
        const i = batch.indices[j]!;
        if (i >= graph.count || hidden?.[i]) continue;
        if (highlighted && (highlighted[i] === 1) !== (pass === 'lit')) continue;
        const sx = xs[i]! * k + tx;
        const sy = ys[i]! * k + ty;
        const r = Math.max(MIN_NODE_PX, graph.radii[i]! * k);
        if (!(sx + r >= 0 && sx - r <= w && sy + r >= 0 && sy - r <= h)) continue;
        if (r < squareBelow) ctx.rect(sx - r, sy - r, r * 2, r * 2);
        else {
          ctx.moveTo(sx + r, sy);
          ctx.arc(sx, sy, r, 0, TAU);
        }
        if (++chunk === NODE_CHUNK) flush();
      }
      flush();
    }
  }
  ctx.globalAlpha = 1;
  return drawn;
}

function drawRings(ctx: CanvasRenderingContext2D, scene: Scene, view: View): void {
  const { graph, xs, ys, hidden, highlighted } = scene;
  const { k, x: tx, y: ty, width: w, height: h } = view;
  const screen = (i: number) => {
    if (i < 0 || i >= graph.count || hidden?.[i]) return null;
    const sx = xs[i]! * k + tx;
    const sy = ys[i]! * k + ty;
    const r = Math.max(MIN_NODE_PX, graph.radii[i]! * k);
    if (!(sx + r + 8 >= 0 && sx - r - 8 <= w && sy + r + 8 >= 0 && sy - r - 8 <= h)) return null;
    return { sx, sy, r };
  };
  const ringPath = (indices: Iterable<number>, gap: number, minRadius = 0) => {
    let count = 0;
    ctx.beginPath();
    for (const i of indices) {
      const p = screen(i);
      if (!p || p.r < minRadius) continue;
      ctx.moveTo(p.sx + p.r + gap, p.sy);
      ctx.arc(p.sx, p.sy, p.r + gap, 0, TAU);
      count++;
    }
    return count > 0;
  };

  // Frontrunner rings on lit nodes only, and only once nodes are big enough to carry a ring.
  const lit = highlighted
    ? [...graph.frontrunner].filter((i) => highlighted[i] === 1)
    : graph.frontrunner;
  if (ringPath(lit, 1.5, 2.5)) {
    ctx.strokeStyle = RING_COLORS.frontrunner;
    ctx.lineWidth = 2;
    ctx.stroke();
  }

  if (scene.marks && scene.marks.size > 0) {
    for (const mark of ['added', 'changed', 'removed'] as const) {
      const indices: number[] = [];
      for (const [i, m] of scene.marks) if (m === mark) indices.push(i);
      if (!ringPath(indices, 4.5)) continue;
      ctx.strokeStyle = MARK_COLORS[mark];
      ctx.lineWidth = 2.5;
      ctx.setLineDash(mark === 'removed' ? [3, 2] : []);
      ctx.stroke();
    }
    ctx.setLineDash([]);
  }

  if (
    scene.hovered !== null &&
    scene.hovered !== scene.selected &&
    ringPath([scene.hovered], 1.5)
  ) {
    ctx.strokeStyle = RING_COLORS.hovered;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }

  if (scene.selected !== null && ringPath([scene.selected], 3)) {
    // A white under-stroke keeps the ring visible on dark neighbours and edges.
    ctx.strokeStyle = '#FFFFFF';
    ctx.lineWidth = 5.5;
    ctx.stroke();
    ctx.strokeStyle = RING_COLORS.selected;
    ctx.lineWidth = 3;
    ctx.stroke();
  }
}

function drawLabels(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  view: View,
  fast: boolean,
): number {
  const { graph, xs, ys, hidden, highlighted, selected } = scene;
  const { k, x: tx, y: ty, width: w, height: h } = view;
  const onlyForced = fast && graph.count > FAST_NODE_LIMIT;
  const maxLabels = MAX_LABELS;
  const candidates: LabelCandidate[] = [];
  let unforced = 0;
  for (let j = 0; j < graph.labelOrder.length; j++) {
    const i = graph.labelOrder[j]!;
    if (hidden?.[i]) continue;
    // Dimmed nodes stay unlabelled: the lit ones are what the user asked about.
    if (highlighted && highlighted[i] !== 1 && i !== selected) continue;
    const forced = i === selected || (highlighted !== null && highlighted[i] === 1);
    // labelOrder is by priority, so once enough unforced candidates are in, the rest would lose anyway.
    if (!forced && (onlyForced || unforced >= maxLabels * 6)) continue;
    const r = Math.max(MIN_NODE_PX, graph.radii[i]! * k);
    // Small dots get no label: more labels appear as the user zooms in.
    if (!forced && r < LABEL_MIN_RADIUS_PX) continue;
    const sx = xs[i]! * k + tx;
    const sy = ys[i]! * k + ty;
    const width = scene.labelWidth(i) + LABEL_PAD * 2;
    const box = { x: sx - width / 2, y: sy + r + 2, width, height: LABEL_HEIGHT };
    if (!(box.x + box.width >= 0 && box.x <= w && box.y + box.height >= 0 && box.y <= h)) continue;
    if (!forced) unforced++;
    const side = sy - LABEL_HEIGHT / 2;
    candidates.push({
      ...box,
      index: i,
      // The selected label wins over every other forced one.
      priority: i === selected ? Infinity : graph.nodes[i]!.labelPriority,
      forced,
      always: i === selected,
      // Above, right of and left of the node, where below is taken.
      alternatives: [
        { x: box.x, y: sy - r - 2 - LABEL_HEIGHT, width, height: LABEL_HEIGHT },
        { x: sx + r + 3, y: side, width, height: LABEL_HEIGHT },
        { x: sx - r - 3 - width, y: side, width, height: LABEL_HEIGHT },
      ],
    });
  }
  // On a map of modest size names keep off the discs too, as in an exported
  // picture; on a huge one that check would cost more than the frame allows.
  const obstacles: LabelBox[] = [];
  if (!fast && candidates.length > 0) {
    for (let i = 0; i < graph.count && obstacles.length <= LABEL_OBSTACLE_LIMIT; i++) {
      if (hidden?.[i]) continue;
      if (highlighted && highlighted[i] !== 1 && i !== selected) continue;
      const r = Math.max(MIN_NODE_PX, graph.radii[i]! * k);
      const sx = xs[i]! * k + tx;
      const sy = ys[i]! * k + ty;
      if (sx + r < 0 || sx - r > w || sy + r < 0 || sy - r > h) continue;
      obstacles.push({ x: sx - r, y: sy - r, width: 2 * r, height: 2 * r });
    }
  }
  const placed = placeLabels(candidates, {
    cellSize: 24,
    maxLabels,
    ...(obstacles.length <= LABEL_OBSTACLE_LIMIT ? { obstacles } : {}),
  });
  if (placed.length === 0) return 0;
  ctx.font = LABEL_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineJoin = 'round';
  ctx.miterLimit = 2;
  // All halos first, then all text: two state changes instead of two per label.
  ctx.strokeStyle = LABEL_COLORS.halo;
  ctx.lineWidth = 3;
  for (const p of placed) ctx.strokeText(graph.nodes[p.index]!.label, p.x + p.width / 2, p.y + 1);
  ctx.fillStyle = LABEL_COLORS.text;
  for (const p of placed) ctx.fillText(graph.nodes[p.index]!.label, p.x + p.width / 2, p.y + 1);
  return placed.length;
}

function strideFor(pixels: number, budget: number): number {
  return pixels <= budget ? 1 : 2 ** Math.ceil(Math.log2(pixels / budget));
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
