import type { Filters } from '../../analysis/filters';
import { DOMAIN_LABELS, KIND_LABELS, ORGANISATION_KINDS } from '../../domain/organisation';
import { RELATION_TYPE_LABELS, RELATION_TYPES } from '../../domain/relation';
import { CBS_SIZE_CLASSES } from '../../domain/sizeClass';
import { clusterColor, THEME_ROLE_COLORS } from '../../render/palette';
import type { LegendEntry } from '../../render/picture';
import { kindColorKey } from '../pictures';

// How an export of the map is named, titled and keyed; what is on screen comes
// from analysis/visibility.ts, the picture from the view (MapView.picture) and
// its frame from ../pictures.ts.

/** The filters in words: ["Gemeenten", "Utrecht", "klasse 5", "omgeving van Gouda"]. */
export function filterWords(filters: Filters, focusName: string | null): string[] {
  const parts: string[] = [];
  if (filters.kinds.length < ORGANISATION_KINDS.length)
    parts.push(...filters.kinds.map((k) => KIND_LABELS[k].nlPlural));
  if (filters.relationTypes.length < RELATION_TYPES.length)
    parts.push(...filters.relationTypes.map((t) => RELATION_TYPE_LABELS[t].nl));
  parts.push(...filters.provinces);
  if (filters.sizeClasses.length && filters.sizeClasses.length < CBS_SIZE_CLASSES.classes.length)
    parts.push(`klasse ${filters.sizeClasses.join(' ')}`);
  parts.push(...filters.domains.map((d) => DOMAIN_LABELS[d]));
  if (focusName) parts.push(`omgeving ${focusName}`);
  return parts;
}

/** A short description of the filters, for file names: "zuid-holland-klasse-5-focus-gouda". */
export function filterSuffix(filters: Filters, focusName: string | null): string {
  return filterWords(filters, focusName).join(' ') || 'gefilterd';
}

/** The title of a picture: the network's, and what part of it is shown. */
export function pictureTitle(networkTitle: string, part: string | null): string {
  return part ? `${networkTitle}: ${part}` : networkTitle;
}

export interface ColorKeyInput {
  mode: 'soort' | 'cluster' | 'thema';
  /** The theme whose roles colour the map. */
  theme?: { label: string } | null;
  /** The groups the colour key lists (cluster mode). */
  groups?: { community: number; leaders: string[]; size: number }[] | null;
}

/** What the map's fill colours mean, as the legend on screen says it. */
export function mapColorKey({ mode, theme, groups }: ColorKeyInput): LegendEntry[] {
  if (mode === 'thema' && theme)
    return [
      {
        label: `Koploper op ${theme.label}`,
        symbol: { shape: 'dot', color: THEME_ROLE_COLORS.frontrunner },
      },
      {
        label: `Volger op ${theme.label}`,
        symbol: { shape: 'dot', color: THEME_ROLE_COLORS.follower },
      },
      { label: 'Geen rol vastgelegd', symbol: { shape: 'dot', color: THEME_ROLE_COLORS.none } },
    ];
  if (mode === 'cluster')
    return (groups ?? []).map((g) => ({
      label: `Groep: ${g.leaders.join(', ')}${g.size > g.leaders.length ? ' e.a.' : ''}`,
      symbol: { shape: 'dot', color: clusterColor(g.community) },
    }));
  return kindColorKey();
}
