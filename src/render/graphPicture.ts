import { RELATION_TYPE_LABELS, RELATION_TYPES } from '../domain/relation';
import type { NodeMark, RenderEdge, RenderNode } from './drawScene';
import { placeLabels, type LabelBox, type LabelCandidate } from './labels';
import { EDGE_STYLES, LABEL_COLORS, MARK_COLORS, RING_COLORS } from './palette';
import { shapesPicture, type LegendEntry, type Picture } from './picture';
import type { Shape, TextMeasure } from './shapes';

// The force graph as a picture for a report: the organisations that are shown,
// where the layout put them, scaled to a readable size and cropped to them.
// Names never cover a disc or another name: a name that has no free spot is
// left out, and on a big picture only the largest organisations get one. The
// caption says how many are named.

export interface GraphPictureInput {
  nodes: readonly RenderNode[];
  edges: readonly RenderEdge[];
  /** Graph coordinates of the layout. */
  xs: Float32Array;
  ys: Float32Array;
  /** 1 = left out; null = everything. */
  hidden: Uint8Array | null;
  /** Fill of each node. */
  colors: readonly string[];
  /** What the fill colours mean; only the colours drawn get an entry. */
  colorKey: readonly LegendEntry[];
  marks?: ReadonlyMap<number, NodeMark> | null;
  edgeMarks?: ReadonlyMap<number, NodeMark> | null;
  /** Named first. */
  selected?: number | null;
  measure: TextMeasure;
  /** Longest side of the drawing in px; by default it grows with the number of organisations. */
  size?: number;
}

/** Up to this many organisations, every one is offered a name. */
export const NAME_ALL_UP_TO = 60;
const LABEL_SIZE = 11;
const LABEL_HEIGHT = 13;
const MAX_SCALE = 1.6;
const MIN_RADIUS = 1.5;

/** How many of `count` organisations are offered a name: all of a small picture, the largest of a big one. */
export function nameBudget(count: number): number {
  if (count <= NAME_ALL_UP_TO) return count;
  return Math.min(60, Math.max(30, Math.round(count / 12)));
}

export const MARK_LABELS: Record<NodeMark, string> = {
  added: 'toegevoegd',
  removed: 'verwijderd',
  changed: 'gewijzigd',
};

export function graphPicture(input: GraphPictureInput): Picture {
  const { nodes, edges, xs, ys, hidden, colors, measure } = input;
  const shown: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    if (hidden?.[i]) continue;
    if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) continue;
    shown.push(i);
  }
  if (shown.length === 0) throw new Error('Er staat niets op de kaart om af te beelden.');

  // A few stray organisations (nothing drawn links them, or one long line
  // does) would leave most of the picture empty: they are drawn at its edge.
  const { x0: gx0, y0: gy0, x1: gx1, y1: gy1 } = coreBounds(shown, xs, ys);
  const gx = (i: number) => Math.min(gx1, Math.max(gx0, xs[i]!));
  const gy = (i: number) => Math.min(gy1, Math.max(gy0, ys[i]!));
  const target = input.size ?? Math.min(1200, Math.max(460, 55 * Math.sqrt(shown.length)));
  const k = Math.min(MAX_SCALE, target / Math.max(gx1 - gx0, gy1 - gy0, 1));
  // Discs shrink less than distances: a country-wide picture keeps visible dots.
  const radiusScale = Math.min(1.2, Math.max(0.5, Math.sqrt(k)));
  const px = (i: number) => (gx(i) - gx0) * k;
  const py = (i: number) => (gy(i) - gy0) * k;
  const radius = (i: number) => Math.max(MIN_RADIUS, nodes[i]!.radius * radiusScale);

  const isShown = new Uint8Array(nodes.length);
  for (const i of shown) isShown[i] = 1;
  const shapes: Shape[] = [];
  const legend: LegendEntry[] = [];

  // Relations: faint when there are many, so the discs stay the picture.
  const drawnEdges: number[] = [];
  edges.forEach((e, k2) => {
    if (isShown[e.source] && isShown[e.target]) drawnEdges.push(k2);
  });
  const alpha = Math.min(0.75, Math.max(0.12, 22 / Math.sqrt(Math.max(1, drawnEdges.length))));
  const widthScale = drawnEdges.length > 1500 ? 0.6 : 1;
  const edgeShapes: Shape[] = [];
  const typesDrawn = new Set<string>();
  for (const type of RELATION_TYPES) {
    const segments: number[] = [];
    for (const k2 of drawnEdges) {
      const e = edges[k2]!;
      if (e.type !== type || input.edgeMarks?.has(k2)) continue;
      segments.push(px(e.source), py(e.source), px(e.target), py(e.target));
    }
    if (!segments.length) continue;
    typesDrawn.add(type);
    const style = EDGE_STYLES[type];
    edgeShapes.push({
      type: 'lines',
      segments,
      color: style.color,
      width: style.width * widthScale,
      opacity: alpha,
      className: `relatie relatie-${type}`,
      ...(style.dash.length ? { dash: style.dash } : {}),
    });
  }
  const edgeMarksDrawn = new Set<NodeMark>();
  for (const mark of ['removed', 'changed', 'added'] as const) {
    const segments: number[] = [];
    for (const k2 of drawnEdges) {
      if (input.edgeMarks?.get(k2) !== mark) continue;
      const e = edges[k2]!;
      segments.push(px(e.source), py(e.source), px(e.target), py(e.target));
    }
    if (!segments.length) continue;
    edgeMarksDrawn.add(mark);
    edgeShapes.push({
      type: 'lines',
      segments,
      color: MARK_COLORS[mark],
      width: 2.5,
      className: `relatie wijziging-${mark}`,
      ...(mark === 'removed' ? { dash: [6, 3] } : {}),
    });
  }
  shapes.push({ type: 'group', id: 'relaties', shapes: edgeShapes });

  // Discs, small under large as on the map.
  const order = [...shown].sort((a, b) => nodes[a]!.radius - nodes[b]!.radius || a - b);
  const colorsDrawn = new Set<string>();
  const discs: Shape[] = [];
  const rings: Shape[] = [];
  let frontrunnerRing = false;
  const marksDrawn = new Set<NodeMark>();
  const obstacles: LabelBox[] = [];
  // How far from its centre each disc, with its rings, reaches: names start beyond.
  const reach = new Float32Array(nodes.length);
  for (const i of order) {
    const node = nodes[i]!;
    const r = radius(i);
    const color = colors[i] ?? node.color;
    colorsDrawn.add(color);
    discs.push({
      type: 'circle',
      cx: px(i),
      cy: py(i),
      r,
      fill: color,
      stroke: '#ffffff',
      strokeWidth: 0.75,
      className: 'organisatie',
      id: node.id,
      title: node.label,
    });
    let outer = r;
    if (node.ring && r >= 2) {
      frontrunnerRing = true;
      outer = r + 2.5;
      rings.push({
        type: 'circle',
        cx: px(i),
        cy: py(i),
        r: r + 1.5,
        stroke: RING_COLORS.frontrunner,
        strokeWidth: 2,
      });
    }
    const mark = input.marks?.get(i);
    if (mark) {
      marksDrawn.add(mark);
      outer = r + 6;
      rings.push({
        type: 'circle',
        cx: px(i),
        cy: py(i),
        r: r + 4.5,
        stroke: MARK_COLORS[mark],
        strokeWidth: 2.5,
        ...(mark === 'removed' ? { dash: [3, 2] } : {}),
      });
    }
    reach[i] = outer;
    obstacles.push({ x: px(i) - outer, y: py(i) - outer, width: outer * 2, height: outer * 2 });
  }
  shapes.push({ type: 'group', id: 'organisaties', shapes: discs });
  if (rings.length) shapes.push({ type: 'group', id: 'markeringen', shapes: rings });

  // Names: the selection and marked ones first, then by size.
  const budget = nameBudget(shown.length);
  const byImportance = [...shown].sort(
    (a, b) =>
      Number(b === input.selected) - Number(a === input.selected) ||
      Number(input.marks?.has(b) ?? false) - Number(input.marks?.has(a) ?? false) ||
      nodes[b]!.labelPriority - nodes[a]!.labelPriority ||
      a - b,
  );
  // A small picture looks further for a free spot for every name, a big one for
  // its largest organisations: those names count most.
  const stepsFor = (rank: number) =>
    shown.length <= NAME_ALL_UP_TO || rank < 15 ? [1, 2, 3, 4] : [1, 2];
  const candidates: LabelCandidate[] = byImportance.slice(0, budget).map((i, rank) => {
    const x = px(i);
    const y = py(i);
    const r = reach[i]! + 1;
    const width = measure(nodes[i]!.label, LABEL_SIZE) + 4;
    const h = LABEL_HEIGHT;
    return {
      index: i,
      priority: budget - rank,
      x: x - width / 2,
      y: y + r + 1,
      width,
      height: h,
      // Below, above, right, left; then the four corners; then the same a line further out, and so on.
      alternatives: stepsFor(rank).flatMap((step) => {
        const d = (step - 1) * (h + 1);
        return [
          ...(step > 1 ? [{ x: x - width / 2, y: y + r + 1 + d, width, height: h }] : []),
          { x: x - width / 2, y: y - r - 1 - h - d, width, height: h },
          { x: x + r + 2 + d, y: y - h / 2, width, height: h },
          { x: x - r - 2 - d - width, y: y - h / 2, width, height: h },
          { x: x + r * 0.7 + 1 + d, y: y + r * 0.7 + 1 + d, width, height: h },
          { x: x + r * 0.7 + 1 + d, y: y - r * 0.7 - 1 - h - d, width, height: h },
          { x: x - r * 0.7 - 1 - d - width, y: y + r * 0.7 + 1 + d, width, height: h },
          { x: x - r * 0.7 - 1 - d - width, y: y - r * 0.7 - 1 - h - d, width, height: h },
        ];
      }),
    };
  });
  const placed = placeLabels(candidates, { obstacles, cellSize: 24 });
  // A name that had to move away from its disc gets a thin line to it, so it
  // cannot be read as the name of the disc it now stands next to.
  const leaders: number[] = [];
  for (const p of placed) {
    const x = px(p.index);
    const y = py(p.index);
    const nx = Math.min(p.x + p.width, Math.max(p.x, x));
    const ny = Math.min(p.y + p.height, Math.max(p.y, y));
    const d = Math.hypot(nx - x, ny - y);
    const from = reach[p.index]!;
    if (d <= from + 4) continue;
    leaders.push(x + ((nx - x) / d) * from, y + ((ny - y) / d) * from, nx, ny);
  }
  if (leaders.length)
    shapes.push({
      type: 'group',
      id: 'verwijzingen',
      shapes: [{ type: 'lines', segments: leaders, color: '#4a4a4a', width: 0.75 }],
    });
  shapes.push({
    type: 'group',
    id: 'namen',
    shapes: placed.map((p): Shape => ({
      type: 'text',
      x: p.x + p.width / 2,
      y: p.y + LABEL_SIZE * 0.92,
      text: nodes[p.index]!.label,
      size: LABEL_SIZE,
      color: LABEL_COLORS.text,
      anchor: 'middle',
      halo: true,
    })),
  });

  for (const entry of input.colorKey)
    if (entry.symbol.shape === 'dot' && colorsDrawn.has(entry.symbol.color)) legend.push(entry);
  for (const type of RELATION_TYPES)
    if (typesDrawn.has(type))
      legend.push({
        label: RELATION_TYPE_LABELS[type].nl,
        symbol: {
          shape: 'line',
          color: EDGE_STYLES[type].color,
          ...(EDGE_STYLES[type].dash.length ? { dash: EDGE_STYLES[type].dash } : {}),
        },
      });
  if (frontrunnerRing)
    legend.push({ label: 'Koploper', symbol: { shape: 'ring', color: RING_COLORS.frontrunner } });
  for (const mark of ['added', 'removed', 'changed'] as const) {
    if (marksDrawn.has(mark))
      legend.push({
        label: `Organisatie ${MARK_LABELS[mark]}`,
        symbol: {
          shape: 'ring',
          color: MARK_COLORS[mark],
          ...(mark === 'removed' ? { dash: [3, 2] } : {}),
        },
      });
    if (edgeMarksDrawn.has(mark))
      legend.push({
        label: `Relatie ${MARK_LABELS[mark]}`,
        symbol: {
          shape: 'line',
          color: MARK_COLORS[mark],
          width: 2.5,
          ...(mark === 'removed' ? { dash: [6, 3] } : {}),
        },
      });
  }

  const caption = [
    `${count(shown.length, 'organisatie', 'organisaties')} en ${count(drawnEdges.length, 'relatie', 'relaties')}. Grootte: inwoners (gemeenten) of aantal leden en gebruikers (overige).`,
  ];
  if (placed.length < shown.length)
    caption.push(
      shown.length > NAME_ALL_UP_TO
        ? `Namen bij ${placed.length} van de ${shown.length} organisaties: de grootste, waar de naam niets anders bedekt.`
        : `Namen bij ${placed.length} van de ${shown.length} organisaties: de overige zouden een andere naam of organisatie bedekken.`,
    );
  return shapesPicture(shapes, legend, caption, measure);
}

/**
 * The box the picture covers in graph units: all of it for a small picture;
 * for a bigger one, the box that holds all but the outermost one percent on
 * each side, widened a little, so strays sit at its edge.
 */
export function coreBounds(
  shown: readonly number[],
  xs: Float32Array,
  ys: Float32Array,
): { x0: number; y0: number; x1: number; y1: number } {
  const sx = shown.map((i) => xs[i]!).sort((a, b) => a - b);
  const sy = shown.map((i) => ys[i]!).sort((a, b) => a - b);
  const n = shown.length;
  if (n < 50) return { x0: sx[0]!, y0: sy[0]!, x1: sx[n - 1]!, y1: sy[n - 1]! };
  const lo = Math.floor(n * 0.01);
  const hi = n - 1 - lo;
  const padX = (sx[hi]! - sx[lo]!) * 0.06;
  const padY = (sy[hi]! - sy[lo]!) * 0.06;
  return {
    x0: Math.max(sx[0]!, sx[lo]! - padX),
    y0: Math.max(sy[0]!, sy[lo]! - padY),
    x1: Math.min(sx[n - 1]!, sx[hi]! + padX),
    y1: Math.min(sy[n - 1]!, sy[hi]! + padY),
  };
}

const number = new Intl.NumberFormat('nl-NL');
const count = (n: number, one: string, many: string) =>
  `${number.format(n)} ${n === 1 ? one : many}`;
