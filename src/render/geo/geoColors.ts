import { neighbors } from 'topojson-client';
import type { GeometryObject } from 'topojson-specification';
import {
  GEO_COLORS,
  inhabitantsScale,
  sizeClassColor,
  sizeClassLegend,
  type GeoColorMode,
  type LegendItem,
} from './choropleth';
import type { GeoModel } from './geoModel';
import { KIND_COLORS } from '../palette';

// Colours of the geographic view per item of the network (an organisation's
// position), so the view gets them through setColors like the graph does.
// choropleth.ts holds the scales; this file decides which one a municipality
// gets, given what the user chose: a network's members, or a division's
// regions as areas.

/**
 * Light fills for the regions of a division, neighbours apart: pale enough
 * that the dark outlines and the names stay the strongest marks, and none of
 * them close to the member blue, so "taking part" never reads as "a region".
 */
export const AREA_COLORS: readonly string[] = [
  '#F3DDBF',
  '#CFE6C8',
  '#DDD3EE',
  '#F3CFDB',
  '#CBE1F0',
  '#ECE6B5',
];

/** A municipality when nothing is chosen: land, in a colour that is not "taking part". */
export const NEUTRAL_FILL = '#D9E0E8';

export interface ItemColorOptions {
  /** Items taking part in the network shown; null when no network is shown. */
  members?: ReadonlySet<number> | null;
  /** Its name for the legend ("K80"). */
  networkName?: string;
  /** Per item, the fill of the region it lies in (see distinctAreaColors), when regions are filled. */
  areaColors?: ReadonlyMap<number, string> | null;
}

export interface ItemColoring {
  /** One per item; organisations without a boundary get their kind colour (unused here, kept for exports). */
  colors: string[];
  legend: LegendItem[];
}

interface ColoredItem {
  kind: keyof typeof KIND_COLORS;
  population?: number | undefined;
}

/**
 * Members of the network shown take the colour of the mode (the member blue,
 * or their size class or inhabitants); the other municipalities are grey, so
 * "who takes part" reads at once whichever scale is on.
 */
export function itemColors(
  items: readonly ColoredItem[],
  mode: GeoColorMode,
  options: ItemColorOptions = {},
): ItemColoring {
  const members = options.members ?? null;
  const name = options.networkName ?? 'het netwerk';
  const isMunicipality = (i: number) => items[i]!.kind === 'municipality';
  const others: LegendItem = {
    color: GEO_COLORS.other,
    label: `geen deelnemer van ${name} bekend`,
  };
  let colorOf: (i: number) => string;
  let legend: LegendItem[];
  if (mode === 'members') {
    if (members) {
      colorOf = (i) => (members.has(i) ? GEO_COLORS.member : GEO_COLORS.other);
      legend = [{ color: GEO_COLORS.member, label: `deelnemer van ${name}` }];
      if (hasOthers(items, members)) legend.push(others);
    } else if (options.areaColors) {
      const areas = options.areaColors;
      colorOf = (i) => areas.get(i) ?? NEUTRAL_FILL;
      legend = [{ color: AREA_COLORS[0]!, label: 'één kleur per regio; buren verschillen' }];
    } else {
      colorOf = () => NEUTRAL_FILL;
      legend = [{ color: NEUTRAL_FILL, label: 'gemeente' }];
    }
  } else {
    let scaleOf: (population: number | undefined) => string;
    if (mode === 'sizeClass') {
      scaleOf = (p) => sizeClassColor(p);
      legend = sizeClassLegend();
    } else {
      const populations: (number | undefined)[] = [];
      items.forEach((o, i) => isMunicipality(i) && populations.push(o.population));
      const scale = inhabitantsScale(populations);
      scaleOf = scale.color;
      legend = scale.legend;
    }
    colorOf = (i) =>
      members && !members.has(i) ? GEO_COLORS.other : scaleOf(items[i]!.population);
    if (members && hasOthers(items, members)) legend = [...legend, others];
  }
  return {
    colors: items.map((o, i) => (isMunicipality(i) ? colorOf(i) : KIND_COLORS[o.kind])),
    legend,
  };
}

/** Some municipality does not take part: only then does the legend need the grey. */
function hasOthers(items: readonly ColoredItem[], members: ReadonlySet<number>): boolean {
  return items.some((o, i) => o.kind === 'municipality' && !members.has(i));
}

/**
 * One fill per area such that areas sharing a border differ (greedy, the most
 * connected first: the regions of a Dutch division need four or five of the
 * six). Areas are lists of CBS codes; a code without a boundary is skipped.
 */
export function distinctAreaColors(
  model: GeoModel,
  areas: readonly { members: readonly string[] }[],
  palette: readonly string[] = AREA_COLORS,
): string[] {
  const areaOfFeature = new Int32Array(model.features.length).fill(-1);
  areas.forEach((area, a) => {
    for (const code of area.members) {
      const f = model.index.get(code);
      if (f !== undefined) areaOfFeature[f] = a;
    }
  });
  const adjacent = areas.map(() => new Set<number>());
  const featureNeighbours = neighboursOf(model);
  featureNeighbours.forEach((list, f) => {
    const a = areaOfFeature[f]!;
    if (a < 0) return;
    for (const g of list) {
      const b = areaOfFeature[g]!;
      if (b >= 0 && b !== a) adjacent[a]!.add(b);
    }
  });
  const order = areas
    .map((_, a) => a)
    .sort((a, b) => adjacent[b]!.size - adjacent[a]!.size || a - b);
  const colorIndex = new Int32Array(areas.length).fill(-1);
  for (const a of order) {
    const used = new Set<number>();
    for (const b of adjacent[a]!) if (colorIndex[b]! >= 0) used.add(colorIndex[b]!);
    let c = 0;
    while (used.has(c) && c < palette.length) c++;
    // More neighbours than colours: reuse one, the outlines still part them.
    colorIndex[a] = c < palette.length ? c : a % palette.length;
  }
  return Array.from(colorIndex, (c) => palette[c]!);
}

// Which municipalities border which depends only on the boundaries: worked out once.
const neighbourCache = new WeakMap<GeoModel['geometries'], number[][]>();
function neighboursOf(model: GeoModel): number[][] {
  let list = neighbourCache.get(model.geometries);
  if (!list) {
    list = neighbors(model.geometries as GeometryObject[]);
    neighbourCache.set(model.geometries, list);
  }
  return list;
}

/** A colour moved towards the background: what is not lit recedes. */
export function fade(hex: string, amount = 0.7, towards: string = GEO_COLORS.background): string {
  const a = parseHex(hex);
  const b = parseHex(towards);
  if (!a || !b) return hex;
  const mix = (i: number) => Math.round(a[i]! + (b[i]! - a[i]!) * amount);
  return `#${[0, 1, 2].map((i) => mix(i).toString(16).padStart(2, '0')).join('')}`;
}

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null;
}
