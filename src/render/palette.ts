import type { OrganisationKind } from '../domain/organisation';
import type { RelationType } from '../domain/relation';

// Colours of the map. The kind colours come from Okabe & Ito's palette, which
// stays distinguishable with the common colour-vision deficiencies; only the
// members with at least 3:1 contrast on white are used (WCAG 1.4.11), so the
// orange, sky blue and yellow of that palette are left out.

export const KIND_COLORS: Record<OrganisationKind, string> = {
  municipality: '#0072B2', // blue
  association: '#D55E00', // vermillion
  chainPartner: '#009E73', // bluish green
  sharedService: '#CC79A7', // reddish purple
};

/**
 * Categorical colours for clusters, all at least 3:1 on white; Okabe–Ito first.
 * The first eight (the ones the colour key lists) are far apart in hue; the
 * lighter blue that resembles the first comes only after them.
 */
export const CLUSTER_COLORS: readonly string[] = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#332288',
  '#C17A00', // Okabe–Ito orange, darkened for contrast
  '#882255',
  '#7A6F00',
  '#3A89C9', // Okabe–Ito sky blue, darkened
  '#117733',
  '#AA4499',
  '#6A6A6A',
];

/** Colour of cluster i; past the fixed list, golden-angle hues at a dark-enough lightness. */
export function clusterColor(i: number): string {
  const fixed = CLUSTER_COLORS[i];
  if (fixed !== undefined && i >= 0) return fixed;
  const hue = Math.round((Math.abs(i) * 137.508) % 360);
  return `hsl(${hue} 60% 34%)`;
}

export interface EdgeStyle {
  color: string;
  /** Line width in screen pixels at zoom 1. */
  width: number;
  /** Canvas line dash in screen pixels; empty = solid. */
  dash: readonly number[];
}

/** One style per relation type, so each type is one batched path. Dashes tell types apart without colour. */
export const EDGE_STYLES: Record<RelationType, EdgeStyle> = {
  member: { color: '#7F93AD', width: 0.8, dash: [] },
  uses: { color: '#6B84A3', width: 1, dash: [5, 3] },
  partner: { color: '#4A5568', width: 1.2, dash: [] },
  knowledge: { color: '#6B7A99', width: 1.3, dash: [1.5, 3] },
};

export const RING_COLORS = {
  selected: '#111827',
  hovered: '#4B5563',
  /** Frontrunner ("koploper") mark. */
  frontrunner: '#B8860B',
};

/**
 * Roles on a theme (knowledge exchange): koploper and volger apart in hue and
 * lightness (dark orange, blue), the rest faded so the roles stand out.
 */
export const THEME_ROLE_COLORS = {
  frontrunner: '#B35806',
  follower: '#2166AC',
  none: '#D5D9E0',
};

/** Snapshot comparison marks; "removed" is also dashed so it does not rely on red–green. */
export const MARK_COLORS: Record<'added' | 'removed' | 'changed', string> = {
  added: '#1A9850',
  removed: '#D73027',
  changed: '#E66100',
};

export const LABEL_COLORS = { text: '#1F2937', halo: '#FFFFFF' };

export const LABEL_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
