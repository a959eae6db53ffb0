import { buildGeoModel, type GeoModel } from './geoModel';
import { loadBoundaries } from './loadBoundaries';

// Everything the page needs for the map of the Netherlands, behind one
// dynamic import: d3-geo, topojson-client and the drawing stay out of the
// first bundle, and the boundary file is fetched only when the view opens.

export { createGeoView, type GeoMapView } from './geoView';
export { distinctAreaColors, itemColors } from './geoColors';
export { BOUNDARIES_CREDIT } from './loadBoundaries';

/**
 * The boundaries, projected once per page: switching views back and forth
 * reuses them. Which municipalities are in the network is the view's business
 * (setData), so the model starts with none.
 */
let loading: Promise<GeoModel> | null = null;
export function loadGeoModel(): Promise<GeoModel> {
  loading ??= loadBoundaries()
    .then((topology) => buildGeoModel(topology, []))
    .catch((error: unknown) => {
      // A failed fetch (offline before the first visit) may succeed on the next try.
      loading = null;
      throw error;
    });
  return loading;
}
