import { initialFilters, type Filters } from '../analysis/filters';
import {
  ORGANISATION_DOMAINS,
  ORGANISATION_KINDS,
  type OrganisationDomain,
  type OrganisationKind,
} from '../domain/organisation';
import { RELATION_TYPES, type RelationType } from '../domain/relation';

// What is on the map screen, kept in the URL so a link opens the same view.
// Pure parse/serialise functions; the page binds them to the router.

/** 'kaart': the force graph; 'land': the map of the Netherlands; 'tabel': the list. */
export const VIEWS = ['kaart', 'land', 'tabel'] as const;
export type View = (typeof VIEWS)[number];
export const COLOR_MODES = ['soort', 'cluster'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];
/**
 * How the map of the Netherlands fills the municipalities: who takes part in
 * the chosen network, the CBS size class, or the number of inhabitants.
 */
export const GEO_COLOR_MODES = ['deelname', 'grootteklasse', 'inwoners'] as const;
export type GeoColorMode = (typeof GEO_COLOR_MODES)[number];

export interface MapViewState {
  selected: string | null;
  filters: Filters;
  view: View;
  focus: boolean;
  depth: 1 | 2;
  color: ColorMode;
  /** Organisations lit on the map by another screen (e.g. the peers of a municipality). */
  lit: string[];
  /**
   * Walk the neighbourhood through organisations nearly every municipality is
   * in (VNG, IBD) too. Off by default: two steps through them reach everything.
   */
  throughHubs: boolean;
  /** A theme whose koplopers and volgers are coloured on the map (knowledge exchange). */
  theme: string | null;
  /** Map of the Netherlands: the network or service whose member municipalities are coloured (an id). */
  network: string | null;
  /** Map of the Netherlands: the division whose regions are outlined and named (a category, "ggd"). */
  division: string | null;
  /** Map of the Netherlands: what the fill of a municipality says. */
  geoColor: GeoColorMode;
}

export const initialMapView = (): MapViewState => ({
  selected: null,
  filters: initialFilters(),
  view: 'kaart',
  focus: false,
  depth: 1,
  color: 'soort',
  lit: [],
  throughHubs: false,
  theme: null,
  network: null,
  division: null,
  geoColor: 'deelname',
});

function list<T extends string>(value: string | null, allowed: readonly T[], fallback: T[]): T[] {
  if (value === null) return fallback;
  if (value === '') return [];
  return value.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

export function parseMapView(params: URLSearchParams): MapViewState {
  const init = initialMapView();
  const view = params.get('weergave');
  const color = params.get('kleur');
  const geoColor = params.get('landkleur');
  return {
    selected: params.get('org') || null,
    filters: {
      kinds: list<OrganisationKind>(params.get('soort'), ORGANISATION_KINDS, init.filters.kinds),
      relationTypes: list<RelationType>(
        params.get('relatie'),
        RELATION_TYPES,
        init.filters.relationTypes,
      ),
      provinces: params.get('provincie')?.split(',').filter(Boolean) ?? [],
      sizeClasses:
        params
          .get('klasse')
          ?.split(',')
          .map(Number)
          .filter((n) => Number.isInteger(n) && n >= 1 && n <= 20) ?? [],
      domains: list<OrganisationDomain>(params.get('domein'), ORGANISATION_DOMAINS, []),
    },
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : init.view,
    focus: params.get('focus') === '1',
    depth: params.get('stappen') === '2' ? 2 : 1,
    color: (COLOR_MODES as readonly string[]).includes(color ?? '')
      ? (color as ColorMode)
      : init.color,
    lit: params.get('licht')?.split(',').filter(Boolean).slice(0, 500) ?? [],
    throughHubs: params.get('knooppunten') === '1',
    theme: params.get('thema') || null,
    network: params.get('netwerk') || null,
    division: params.get('indeling') || null,
    geoColor: (GEO_COLOR_MODES as readonly string[]).includes(geoColor ?? '')
      ? (geoColor as GeoColorMode)
      : init.geoColor,
  };
}

/** Only what differs from the initial view goes into the URL, so links stay short. */
export function serialiseMapView(state: MapViewState): URLSearchParams {
  const init = initialMapView();
  const params = new URLSearchParams();
  if (state.selected) params.set('org', state.selected);
  const sameList = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((v) => b.includes(v));
  if (!sameList(state.filters.kinds, init.filters.kinds))
    params.set('soort', state.filters.kinds.join(','));
  if (!sameList(state.filters.relationTypes, init.filters.relationTypes))
    params.set('relatie', state.filters.relationTypes.join(','));
  if (state.filters.provinces.length) params.set('provincie', state.filters.provinces.join(','));
  if (state.filters.sizeClasses.length) params.set('klasse', state.filters.sizeClasses.join(','));
  if (state.filters.domains.length) params.set('domein', state.filters.domains.join(','));
  if (state.view !== init.view) params.set('weergave', state.view);
  if (state.focus) params.set('focus', '1');
  if (state.depth !== init.depth) params.set('stappen', String(state.depth));
  if (state.color !== init.color) params.set('kleur', state.color);
  if (state.lit.length) params.set('licht', state.lit.join(','));
  if (state.throughHubs) params.set('knooppunten', '1');
  if (state.theme) params.set('thema', state.theme);
  if (state.network) params.set('netwerk', state.network);
  if (state.division) params.set('indeling', state.division);
  if (state.geoColor !== init.geoColor) params.set('landkleur', state.geoColor);
  return params;
}

/** Where the map lives in the app's (hash) routes. */
export const MAP_PATH = '/kaart';

/**
 * A link to the map showing `state` (the rest as on a fresh map), for every
 * screen that sends the user to the map: the same keys the map writes itself.
 */
export function mapLink(state: Partial<MapViewState> = {}): string {
  const query = serialiseMapView({ ...initialMapView(), ...state }).toString();
  return query ? `${MAP_PATH}?${query}` : MAP_PATH;
}

export const toggleIn = <T>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
