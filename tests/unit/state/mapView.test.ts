import { describe, expect, it } from 'vitest';
import {
  initialMapView,
  mapLink,
  parseMapView,
  serialiseMapView,
  type MapViewState,
} from '../../../src/state/mapView';

// The map of the Netherlands in the URL: which view, network, division and
// colouring, so a link opens the same map.

describe('map of the Netherlands in the URL', () => {
  it('starts on the graph, no network, no division, coloured by taking part', () => {
    const init = initialMapView();
    expect(init.view).toBe('kaart');
    expect(init.network).toBeNull();
    expect(init.division).toBeNull();
    expect(init.geoColor).toBe('deelname');
    // The defaults write nothing: a plain link stays short.
    expect(serialiseMapView(init).toString()).toBe('');
  });

  it('writes view, network, division, colouring and selection under Dutch keys', () => {
    const state: MapViewState = {
      ...initialMapView(),
      view: 'land',
      network: 'k80',
      division: 'ggd',
      geoColor: 'grootteklasse',
      selected: 'GM0513',
    };
    const params = serialiseMapView(state);
    expect(Object.fromEntries(params)).toEqual({
      org: 'GM0513',
      weergave: 'land',
      netwerk: 'k80',
      indeling: 'ggd',
      landkleur: 'grootteklasse',
    });
    expect(parseMapView(params)).toEqual(state);
  });

  it('reads a link written by hand', () => {
    const s = parseMapView(
      new URLSearchParams('weergave=land&netwerk=g40&indeling=veiligheidsregio&landkleur=inwoners'),
    );
    expect(s).toEqual({
      ...initialMapView(),
      view: 'land',
      network: 'g40',
      division: 'veiligheidsregio',
      geoColor: 'inwoners',
    });
  });

  it('falls back on the defaults for values it does not know, and on empty ones', () => {
    const s = parseMapView(
      new URLSearchParams('weergave=wereld&landkleur=rood&netwerk=&indeling='),
    );
    expect(s.view).toBe('kaart');
    expect(s.geoColor).toBe('deelname');
    expect(s.network).toBeNull();
    expect(s.division).toBeNull();
  });

  it('builds a link to the map of the Netherlands with the same keys', () => {
    const link = mapLink({ view: 'land', network: 'k80' });
    expect(link).toBe('/kaart?weergave=land&netwerk=k80');
    expect(parseMapView(new URLSearchParams(link.split('?')[1]))).toEqual({
      ...initialMapView(),
      view: 'land',
      network: 'k80',
    });
  });
});
