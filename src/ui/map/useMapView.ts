import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseMapView, serialiseMapView, type MapViewState } from '../../state/mapView';

/** The map view lives in the URL: reading parses it, updating writes a new URL. */
export function useMapView(): [
  MapViewState,
  (change: Partial<MapViewState>, push?: boolean) => void,
] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the string key stands for the params
  const state = useMemo(() => parseMapView(params), [key]);
  const update = useCallback(
    (change: Partial<MapViewState>, push = false) => {
      setParams((current) => serialiseMapView({ ...parseMapView(current), ...change }), {
        replace: !push,
        // Commit at once: a filter checkbox must not flick back while the URL catches up.
        flushSync: true,
      });
    },
    [setParams],
  );
  return [state, update];
}
