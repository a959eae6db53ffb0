import { RELATION_TYPE_LABELS, RELATION_TYPES, type RelationType } from '../domain/relation';
import { EDGE_STYLES, LABEL_COLORS, RING_COLORS } from './palette';
import { shapesPicture, type LegendEntry, type Picture } from './picture';
import { fitText, type Box, type Shape, type TextMeasure } from './shapes';

// One organisation and what it takes part in, as a picture that stays
// readable at twenty relations: the organisation in the middle, its networks
// and services in two columns left and right of it, grouped under a heading
// per group (a domain), one row each. Every name has its own row on the
// outside of its disc, so no name can cover another name or a disc, and
// nothing is left out.

export interface NeighbourhoodItem {
  id: string;
  label: string;
  color: string;
  relation: RelationType;
  /** Koploper in it: a gold ring. */
  frontrunner?: boolean;
  /** The full name, for SVG viewers' tooltips. */
  title?: string;
}

export interface NeighbourhoodGroup {
  label: string;
  items: NeighbourhoodItem[];
}

export interface NeighbourhoodInput {
  centre: string;
  centreColor: string;
  groups: NeighbourhoodGroup[];
  /** What the disc colours mean; only colours drawn get an entry. */
  colorKey: readonly LegendEntry[];
  caption?: string[];
  measure: TextMeasure;
  /** Longer names are cut with an ellipsis (the full name stays in the tooltip). */
  maxLabelWidth?: number;
}

export const ROW = 15;
const GROUP_GAP = 5;
const NODE_R = 5;
const LABEL_SIZE = 11;
const HEADING_SIZE = 10;
const CENTRE_SIZE = 14;

interface Row {
  kind: 'heading' | 'item';
  group: NeighbourhoodGroup;
  item?: NeighbourhoodItem;
  y: number;
}

/** Where to split the groups so both columns are about as tall; groups stay whole and in order. */
export function splitGroups(groups: readonly NeighbourhoodGroup[]): number {
  const rows = groups.map((g) => g.items.length + 1);
  const total = rows.reduce((a, b) => a + b, 0);
  let best = 0;
  let bestDiff = Infinity;
  let left = 0;
  for (let s = 0; s <= groups.length; s++) {
    const diff = Math.abs(total - 2 * left);
    if (diff < bestDiff) {
      best = s;
      bestDiff = diff;
    }
    left += rows[s] ?? 0;
  }
  return best;
}

function columnRows(groups: readonly NeighbourhoodGroup[]): Row[] {
  const rows: Row[] = [];
  let y = 0;
  groups.forEach((group, g) => {
    if (g > 0) y += GROUP_GAP;
    rows.push({ kind: 'heading', group, y });
    y += ROW;
    for (const item of group.items) {
      rows.push({ kind: 'item', group, item, y });
      y += ROW;
    }
  });
  // Centred on the middle of the organisation.
  const height = y - ROW;
  for (const row of rows) row.y -= height / 2;
  return rows;
}

export interface NeighbourhoodLayout {
  shapes: Shape[];
  /** Boxes of the discs and of the names, for checking that none overlap. */
  discs: Box[];
  names: Box[];
}

export function layoutNeighbourhood(input: NeighbourhoodInput): NeighbourhoodLayout {
  const { measure } = input;
  const maxLabel = input.maxLabelWidth ?? 230;
  const groups = input.groups.filter((g) => g.items.length > 0);
  const split = splitGroups(groups);
  const sides = [
    { sign: -1, rows: columnRows(groups.slice(0, split)) },
    { sign: 1, rows: columnRows(groups.slice(split)) },
  ];
  const centreWidth = measure(input.centre, CENTRE_SIZE, 'bold') + 24;
  const centreHeight = CENTRE_SIZE + 14;
  const tallest = Math.max(1, ...sides.flatMap((s) => s.rows.map((r) => Math.abs(r.y))));
  // The columns bend round the middle: rows near it stand further out.
  const reach = centreWidth / 2 + 55;
  const bend = tallest + 3 * ROW;
  const xOf = (y: number) => reach * Math.sqrt(1 - (y / bend) ** 2) + 25;

  const lines = new Map<RelationType, number[]>();
  const discs: Shape[] = [];
  const rings: Shape[] = [];
  const texts: Shape[] = [];
  const discBoxes: Box[] = [];
  const nameBoxes: Box[] = [];
  for (const { sign, rows } of sides) {
    for (const row of rows) {
      const x = sign * xOf(row.y);
      if (row.kind === 'heading') {
        texts.push({
          type: 'text',
          x: x - sign * 4,
          y: row.y + 4,
          text: fitText(row.group.label, maxLabel + 12, HEADING_SIZE, measure, 'bold'),
          size: HEADING_SIZE,
          weight: 'bold',
          color: '#4a4a4a',
          anchor: sign < 0 ? 'end' : 'start',
          halo: true,
        });
        continue;
      }
      const item = row.item!;
      const list = lines.get(item.relation) ?? [];
      list.push(0, 0, x, row.y);
      lines.set(item.relation, list);
      discs.push({
        type: 'circle',
        cx: x,
        cy: row.y,
        r: NODE_R,
        fill: item.color,
        stroke: '#ffffff',
        strokeWidth: 1,
        className: 'organisatie',
        id: item.id,
        title: item.title ?? item.label,
      });
      if (item.frontrunner)
        rings.push({
          type: 'circle',
          cx: x,
          cy: row.y,
          r: NODE_R + 1.8,
          stroke: RING_COLORS.frontrunner,
          strokeWidth: 2,
        });
      discBoxes.push({ x: x - NODE_R - 2, y: row.y - NODE_R - 2, width: 14, height: 14 });
      const text = fitText(item.label, maxLabel, LABEL_SIZE, measure);
      const width = measure(text, LABEL_SIZE);
      const tx = x + sign * (NODE_R + 6);
      texts.push({
        type: 'text',
        x: tx,
        y: row.y + 4,
        text,
        size: LABEL_SIZE,
        color: LABEL_COLORS.text,
        anchor: sign < 0 ? 'end' : 'start',
        halo: true,
      });
      nameBoxes.push({
        x: sign < 0 ? tx - width : tx,
        y: row.y - ROW / 2 + 1,
        width,
        height: ROW - 2,
      });
    }
  }
  const lineShapes: Shape[] = RELATION_TYPES.filter((t) => lines.has(t)).map((t) => ({
    type: 'lines',
    segments: lines.get(t)!,
    color: EDGE_STYLES[t].color,
    width: 1.2,
    opacity: 0.85,
    className: `relatie relatie-${t}`,
    ...(EDGE_STYLES[t].dash.length ? { dash: EDGE_STYLES[t].dash } : {}),
  }));
  const shapes: Shape[] = [
    { type: 'group', id: 'relaties', shapes: lineShapes },
    {
      type: 'group',
      id: 'midden',
      shapes: [
        {
          type: 'rect',
          x: -centreWidth / 2,
          y: -centreHeight / 2,
          width: centreWidth,
          height: centreHeight,
          radius: centreHeight / 2,
          fill: input.centreColor,
        },
        {
          type: 'text',
          x: 0,
          y: CENTRE_SIZE * 0.36,
          text: input.centre,
          size: CENTRE_SIZE,
          weight: 'bold',
          color: '#ffffff',
          anchor: 'middle',
        },
      ],
    },
    { type: 'group', id: 'organisaties', shapes: [...discs, ...rings] },
    { type: 'group', id: 'namen', shapes: texts },
  ];
  return { shapes, discs: discBoxes, names: nameBoxes };
}

export function neighbourhoodPicture(input: NeighbourhoodInput): Picture {
  const layout = layoutNeighbourhood(input);
  const items = input.groups.flatMap((g) => g.items);
  const colors = new Set(items.map((i) => i.color));
  const relations = new Set(items.map((i) => i.relation));
  const legend: LegendEntry[] = [
    ...input.colorKey.filter((e) => e.symbol.shape === 'dot' && colors.has(e.symbol.color)),
    ...RELATION_TYPES.filter((t) => relations.has(t)).map((t): LegendEntry => ({
      label: RELATION_TYPE_LABELS[t].nl,
      symbol: {
        shape: 'line',
        color: EDGE_STYLES[t].color,
        ...(EDGE_STYLES[t].dash.length ? { dash: EDGE_STYLES[t].dash } : {}),
      },
    })),
    ...(items.some((i) => i.frontrunner)
      ? [{ label: 'Koploper', symbol: { shape: 'ring', color: RING_COLORS.frontrunner } } as const]
      : []),
  ];
  return shapesPicture(layout.shapes, legend, input.caption ?? [], input.measure);
}
