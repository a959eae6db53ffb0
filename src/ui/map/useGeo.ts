import { useCallback, useEffect, useState } from 'react';
import type { GeoModel } from '../../render/geo/geoModel';

// The map of the Netherlands loads when it is first opened: the drawing code
// (d3-geo, topojson-client) as its own chunk, the boundaries as a static file
// that the service worker keeps for offline use. Switching back and forth
// loads nothing twice.

export type GeoParts = typeof import('./GeoLand');

export interface Geo {
  /** The map screen's pieces for the view (GeoLand.tsx). */
  ui: GeoParts;
  /** The boundaries, projected. */
  model: GeoModel;
}

let loaded: Geo | null = null;
let loading: Promise<Geo> | null = null;

function load(): Promise<Geo> {
  loading ??= import('./GeoLand')
    .then(async (ui) => (loaded = { ui, model: await ui.loadGeoModel() }))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

/** The geographic view's code and boundaries once `enabled`; an error in words when they fail. */
export function useGeo(enabled: boolean): {
  geo: Geo | null;
  error: string | null;
  retry(): void;
} {
  const [geo, setGeo] = useState<Geo | null>(loaded);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled || geo) return;
    let alive = true;
    load().then(
      (value) => alive && setGeo(value),
      (e: unknown) =>
        alive &&
        setError(
          e instanceof Error && e.message.startsWith('De gemeentegrenzen')
            ? e.message
            : 'De kaart van Nederland kon niet worden geladen.',
        ),
    );
    return () => {
      alive = false;
    };
  }, [enabled, geo, attempt]);
  const retry = useCallback(() => {
    setError(null);
    setAttempt((a) => a + 1);
  }, []);
  return { geo, error, retry };
}
