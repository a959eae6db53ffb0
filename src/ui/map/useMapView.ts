import { useCallback, useMemo } from 'react';
import { parseMapView, serialiseMapView, type MapViewState } from '../../state/mapView';
import { useUrlParams } from '../useUrlParams';

/** The map view lives in the URL: reading parses it, updating writes a new URL. */
export function useMapView(): [
  MapViewState,
  (change: Partial<MapViewState>, push?: boolean) => void,
] {
  const [params, setParams] = useUrlParams();
  const state = useMemo(() => parseMapView(params), [params]);
  const update = useCallback(
    (change: Partial<MapViewState>, push = false) =>
      setParams((current) => serialiseMapView({ ...parseMapView(current), ...change }), push),
    [setParams],
  );
  return [state, update];
}
