import { color as d3color, interpolateYlGnBu } from 'd3';
import { CBS_SIZE_CLASSES, sizeClassOf, type SizeClassScheme } from '../../domain/sizeClass';
import { KIND_COLORS } from '../palette';

// Fill colours of the geographic view. Both scales are one sequential ramp
// (ColorBrewer YlGnBu, from light yellow-green to dark blue): its lightness
// falls steadily, so the order reads the same with any colour-vision
// deficiency and in greyscale. The lightest tenth is left out because it
// would vanish against the white borders and the background.

export interface LegendItem {
  color: string;
  label: string;
}

export const GEO_COLORS = {
  /** A municipality in the network that is not a member of what is shown. */
  other: '#E3E6EA',
  /** A boundary whose municipality is not in the network: context only. */
  outside: '#F0F1F3',
  /** A member of the network or division shown. */
  member: KIND_COLORS.municipality,
  /** No population known. */
  unknown: '#B8BEC6',
  /** Between municipalities: white keeps neighbouring fills apart without a dark web of lines. */
  border: '#FFFFFF',
  regionOutline: '#1F2937',
  /** Around the members of the network shown: darker than the member fill, so small ones stand out. */
  memberOutline: '#00395A',
  selected: '#111827',
  hovered: '#4B5563',
  background: '#F7F8FA',
} as const;

/** Where on the ramp the scales start and end. */
const RAMP_START = 0.12;
const RAMP_END = 1;

function ramp(t: number): string {
  const value = interpolateYlGnBu(
    RAMP_START + Math.max(0, Math.min(1, t)) * (RAMP_END - RAMP_START),
  );
  return d3color(value)?.formatHex() ?? GEO_COLORS.unknown;
}

/** One colour per class of the scheme, smallest class lightest. */
export function sizeClassColors(scheme: SizeClassScheme = CBS_SIZE_CLASSES): string[] {
  const n = scheme.classes.length;
  return scheme.classes.map((_, i) => ramp(n === 1 ? 1 : i / (n - 1)));
}

export const SIZE_CLASS_COLORS: readonly string[] = sizeClassColors();

export function sizeClassColor(
  population: number | undefined,
  scheme: SizeClassScheme = CBS_SIZE_CLASSES,
): string {
  const c = sizeClassOf(population, scheme);
  if (!c) return GEO_COLORS.unknown;
  const colors = scheme === CBS_SIZE_CLASSES ? SIZE_CLASS_COLORS : sizeClassColors(scheme);
  return colors[scheme.classes.indexOf(c)] ?? GEO_COLORS.unknown;
}

export function sizeClassLegend(scheme: SizeClassScheme = CBS_SIZE_CLASSES): LegendItem[] {
  const colors = scheme === CBS_SIZE_CLASSES ? SIZE_CLASS_COLORS : sizeClassColors(scheme);
  return [
    ...scheme.classes.map((c, i) => ({ color: colors[i]!, label: `${c.code}: ${c.label}` })),
    { color: GEO_COLORS.unknown, label: 'aantal inwoners onbekend' },
  ];
}

export interface InhabitantsScale {
  /** Smallest and largest population coloured; outside it the ends of the ramp. */
  domain: readonly [number, number];
  color(population: number | undefined): string;
  legend: LegendItem[];
}

/** Round figures for the legend, in the style of the CBS class labels. */
const LEGEND_STEPS = [
  1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000,
];

/**
 * A logarithmic scale over the populations given: Dutch municipalities run
 * from about 1 000 to about 900 000 inhabitants, and on a linear scale all but
 * the four largest would share the lightest colours.
 */
export function inhabitantsScale(populations: readonly (number | undefined)[]): InhabitantsScale {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of populations)
    if (p !== undefined && Number.isFinite(p) && p > 0) {
      lo = Math.min(lo, p);
      hi = Math.max(hi, p);
    }
  if (!(lo < Infinity)) {
    lo = 1_000;
    hi = 1_000_000;
  }
  if (hi <= lo) hi = lo * 10;
  const logLo = Math.log(lo);
  const span = Math.log(hi) - logLo;
  const color = (population: number | undefined) =>
    population === undefined || !Number.isFinite(population) || population <= 0
      ? GEO_COLORS.unknown
      : ramp((Math.log(population) - logLo) / span);
  const steps = LEGEND_STEPS.filter((v) => v >= lo && v <= hi);
  const legend: LegendItem[] = [
    ...steps.map((v) => ({ color: color(v), label: `${formatCount(v)} inwoners` })),
    { color: GEO_COLORS.unknown, label: 'aantal inwoners onbekend' },
  ];
  return { domain: [lo, hi], color, legend };
}

/** "250 000": a space between thousands, as CBS and the size class labels write it. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export const GEO_COLOR_MODES = ['sizeClass', 'inhabitants', 'members'] as const;
export type GeoColorMode = (typeof GEO_COLOR_MODES)[number];

export interface FeatureColoring {
  /** One colour per model feature, in model order: the input of batchByColor. */
  colors: string[];
  legend: LegendItem[];
}

/**
 * Colours for every boundary of a model. A boundary whose municipality is not
 * in the network is context and gets the faint outside grey in every mode.
 */
export function featureColors(
  features: readonly { code: string; inNetwork: boolean }[],
  mode: GeoColorMode,
  population: (code: string) => number | undefined,
  members: ReadonlySet<string> = new Set(),
): FeatureColoring {
  const outside = { color: GEO_COLORS.outside, label: 'niet in het netwerk' };
  const hasOutside = features.some((f) => !f.inNetwork);
  const withOutside = (legend: LegendItem[]) => (hasOutside ? [...legend, outside] : legend);
  if (mode === 'members') {
    return {
      colors: features.map((f) =>
        !f.inNetwork
          ? GEO_COLORS.outside
          : members.has(f.code)
            ? GEO_COLORS.member
            : GEO_COLORS.other,
      ),
      legend: withOutside([
        { color: GEO_COLORS.member, label: 'neemt deel' },
        { color: GEO_COLORS.other, label: 'neemt niet deel' },
      ]),
    };
  }
  if (mode === 'sizeClass') {
    return {
      colors: features.map((f) =>
        f.inNetwork ? sizeClassColor(population(f.code)) : GEO_COLORS.outside,
      ),
      legend: withOutside(sizeClassLegend()),
    };
  }
  const scale = inhabitantsScale(
    features.filter((f) => f.inNetwork).map((f) => population(f.code)),
  );
  return {
    colors: features.map((f) =>
      f.inNetwork ? scale.color(population(f.code)) : GEO_COLORS.outside,
    ),
    legend: withOutside(scale.legend),
  };
}
