import { describe, expect, it } from 'vitest';
import { applyFilters, initialFilters } from '../../../src/analysis/filters';
import { buildGraphIndex, neighbourhood } from '../../../src/analysis/graphIndex';
import { normalise, searchOrganisations } from '../../../src/analysis/search';
import {
  initialMapView,
  mapLink,
  parseMapView,
  serialiseMapView,
} from '../../../src/state/mapView';
import { sampleNetwork } from '../fixtures';

const index = buildGraphIndex(sampleNetwork());
const ids = (mask: Uint8Array) => index.organisations.filter((_, i) => mask[i]).map((o) => o.id);

describe('graph index', () => {
  it('counts members and users of each organisation', () => {
    expect(index.memberCount[index.indexOf.get('vng')!]).toBe(3);
    expect(index.memberCount[index.indexOf.get('ibd')!]).toBe(2);
  });
  it('finds the neighbourhood at 1 and 2 steps', () => {
    const gouda = index.indexOf.get('GM0513')!;
    const one = [...neighbourhood(index, gouda, 1)].map((i) => index.organisations[i]!.id).sort();
    expect(one).toEqual(['GM0268', 'GM0513', 'ibd', 'vng']);
    const two = [...neighbourhood(index, gouda, 2)].map((i) => index.organisations[i]!.id).sort();
    expect(two).toEqual(['GM0268', 'GM0363', 'GM0513', 'ibd', 'min-bzk', 'vng']);
  });
});

describe('filters', () => {
  it('shows everything by default', () => {
    const r = applyFilters(index, initialFilters());
    expect(r.nodeCount).toBe(6);
    expect(r.edgeCount).toBe(7);
  });
  it('hides a kind and the relations that touch it', () => {
    const r = applyFilters(index, {
      ...initialFilters(),
      kinds: ['municipality', 'association', 'chainPartner'],
    });
    expect(ids(r.visibleNodes)).not.toContain('ibd');
    expect(r.edgeCount).toBe(5);
  });
  it('chooses networks and services by domain; municipalities stay', () => {
    // The sample: VNG is "landelijk", the IBD "ggu", the ministry has no domain.
    const r = applyFilters(index, { ...initialFilters(), domains: ['ggu'] });
    expect(ids(r.visibleNodes)).toEqual(['GM0513', 'GM0268', 'GM0363', 'ibd']);
    expect(
      applyFilters(index, { ...initialFilters(), domains: ['landelijk', 'ggu'] }).nodeCount,
    ).toBe(5);
  });
  it('keeps the domain choice in the URL', () => {
    const state = {
      ...initialMapView(),
      filters: { ...initialFilters(), domains: ['zorg' as const, 'ggu' as const] },
    };
    const params = serialiseMapView(state);
    expect(params.get('domein')).toBe('zorg,ggu');
    expect(parseMapView(params).filters.domains).toEqual(['zorg', 'ggu']);
    expect(parseMapView(new URLSearchParams('domein=zorg,onzin')).filters.domains).toEqual([
      'zorg',
    ]);
  });
  it('filters relation types', () => {
    const r = applyFilters(index, { ...initialFilters(), relationTypes: ['member'] });
    expect(r.edgeCount).toBe(3);
    expect(r.nodeCount).toBe(6);
  });
  it('selects municipalities by province and keeps the organisations linked to them', () => {
    const r = applyFilters(index, { ...initialFilters(), provinces: ['Zuid-Holland'] });
    // Gouda, and VNG and IBD it is linked to; not the ministry (linked only to VNG).
    expect(ids(r.visibleNodes)).toEqual(['GM0513', 'vng', 'ibd']);
    expect(r.edgeCount).toBe(2);
  });
  it('selects municipalities by size class', () => {
    const r = applyFilters(index, { ...initialFilters(), sizeClasses: [8] });
    expect(ids(r.visibleNodes)).toEqual(['GM0363', 'vng', 'ibd']);
  });
});

describe('search', () => {
  it('ignores accents, case and punctuation', () => {
    expect(normalise("'s-Gravenhage")).toBe('s gravenhage');
    expect(normalise('Fryslân')).toBe('fryslan');
  });
  it('finds by name, short name and CBS code, best first', () => {
    const orgs = index.organisations;
    expect(orgs[searchOrganisations(orgs, 'gouda')[0]!.index]!.id).toBe('GM0513');
    expect(orgs[searchOrganisations(orgs, 'IBD')[0]!.index]!.id).toBe('ibd');
    expect(orgs[searchOrganisations(orgs, 'gm0268')[0]!.index]!.id).toBe('GM0268');
    expect(orgs[searchOrganisations(orgs, 'nijmgn')[0]!.index]!.id).toBe('GM0268');
    expect(searchOrganisations(orgs, 'zzzz')).toEqual([]);
    // Scattered letters count only when no name holds the query itself.
    const scattered = [
      ...orgs,
      { id: 'x', kind: 'sharedService' as const, name: 'Regio Zuidoost-Brabant Gemeenschappelijk' },
    ];
    expect(searchOrganisations(scattered, 'gouda').map((h) => scattered[h.index]!.id)).toEqual([
      'GM0513',
    ]);
    expect(searchOrganisations(scattered, 'rgzbrb').map((h) => scattered[h.index]!.id)).toEqual([
      'x',
    ]);
  });
});

describe('map view in the URL', () => {
  it('round-trips through search params and keeps the default URL empty', () => {
    expect(serialiseMapView(initialMapView()).toString()).toBe('');
    const state = {
      ...initialMapView(),
      selected: 'GM0513',
      focus: true,
      depth: 2 as const,
      view: 'tabel' as const,
      filters: {
        ...initialFilters(),
        kinds: ['municipality' as const],
        provinces: ['Zuid-Holland'],
        sizeClasses: [5],
      },
    };
    expect(parseMapView(serialiseMapView(state))).toEqual(state);
  });
  it('ignores unknown values', () => {
    const s = parseMapView(
      new URLSearchParams('soort=municipality,hacker&weergave=x&stappen=9&klasse=3,abc'),
    );
    expect(s.filters.kinds).toEqual(['municipality']);
    expect(s.view).toBe('kaart');
    expect(s.depth).toBe(1);
    expect(s.filters.sizeClasses).toEqual([3]);
  });
  it('builds links to the map from the same keys, read back as the same view', () => {
    expect(mapLink()).toBe('/kaart');
    expect(mapLink({ selected: 'GM0513' })).toBe('/kaart?org=GM0513');
    const link = mapLink({ selected: 'GM 0513&x', lit: ['GM0268', 'GM0363'] });
    const [path, query] = link.split('?');
    expect(path).toBe('/kaart');
    expect(parseMapView(new URLSearchParams(query))).toEqual({
      ...initialMapView(),
      selected: 'GM 0513&x',
      lit: ['GM0268', 'GM0363'],
    });
  });
});
