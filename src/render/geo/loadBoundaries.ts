import type { Topology } from 'topojson-specification';
import { parseTopology } from './geoModel';

// The boundary file is a static asset (public/geo), not part of the bundle:
// fetched when the geographic view first opens, from the service worker's
// precache once the app has been loaded, so it works offline too.

/** Relative to the page, like every asset of a build with base './'. */
export const BOUNDARIES_URL = 'geo/gemeente-2025.topojson';
export const BOUNDARIES_CREDIT = 'Grenzen: CBS/PDOK, CC BY 4.0';

type Fetcher = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'text'>>;

export async function loadBoundaries(
  fetcher: Fetcher = (url) => fetch(url),
  url: string = BOUNDARIES_URL,
): Promise<Topology> {
  let response: Awaited<ReturnType<Fetcher>>;
  try {
    response = await fetcher(url);
  } catch {
    throw new Error('De gemeentegrenzen konden niet worden geladen: geen verbinding.');
  }
  if (!response.ok)
    throw new Error(`De gemeentegrenzen konden niet worden geladen (HTTP ${response.status}).`);
  return parseTopology(await response.text());
}
