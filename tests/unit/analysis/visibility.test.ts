import { describe, expect, it } from 'vitest';
import { applyFilters, initialFilters } from '../../../src/analysis/filters';
import { buildGraphIndex } from '../../../src/analysis/graphIndex';
import { computeVisibility, type VisibilityInput } from '../../../src/analysis/visibility';
import { initialMapView } from '../../../src/state/mapView';
import { sampleNetwork } from '../fixtures';

const index = buildGraphIndex(sampleNetwork());
const ids = (mask: ArrayLike<number> | null) =>
  mask ? index.organisations.filter((_, i) => mask[i]).map((o) => o.id) : null;
const shownIds = (hidden: Uint8Array) =>
  index.organisations.filter((_, i) => !hidden[i]).map((o) => o.id);
const view = (change: Partial<VisibilityInput> = {}): VisibilityInput => ({
  ...initialMapView(),
  ...change,
});

describe('what the map shows', () => {
  it('shows everything and lights nothing when nothing is chosen', () => {
    const v = computeVisibility(index, view());
    expect(v.selected).toBeNull();
    expect(v.lit).toBeNull();
    expect(shownIds(v.hidden)).toHaveLength(6);
    expect([v.nodeCount, v.edgeCount]).toEqual([6, 7]);
    expect(v.filtered).toBe(false);
    expect(Array.from(v.rows)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(v.network()).toEqual(index.network);
  });

  it('takes a whole MapViewState as it is', () => {
    const state = { ...initialMapView(), selected: 'GM0513', view: 'tabel' as const };
    expect(computeVisibility(index, state).selected).toBe(index.indexOf.get('GM0513'));
  });

  it('hides what the filters hide, with the same counts as the filters', () => {
    for (const filters of [
      { ...initialFilters(), provinces: ['Zuid-Holland'] },
      { ...initialFilters(), sizeClasses: [8] },
      { ...initialFilters(), relationTypes: ['member' as const] },
      { ...initialFilters(), kinds: ['municipality' as const, 'association' as const] },
    ]) {
      const f = applyFilters(index, filters);
      const v = computeVisibility(index, view({ filters }));
      expect(ids(v.hidden.map((h) => 1 - h))).toEqual(ids(f.visibleNodes));
      expect(Array.from(v.visibleEdges)).toEqual(Array.from(f.visibleEdges));
      expect([v.nodeCount, v.edgeCount]).toEqual([f.nodeCount, f.edgeCount]);
      expect(v.rows).toHaveLength(f.nodeCount);
    }
    const v = computeVisibility(
      index,
      view({ filters: { ...initialFilters(), sizeClasses: [8] } }),
    );
    expect(v.filtered).toBe(true);
    expect(v.network().organisations.map((o) => o.id)).toEqual(['GM0363', 'vng', 'ibd']);
    expect(v.network().relations).toHaveLength(2);
  });

  it("lights the selection's neighbourhood, one or two steps, along shown relations only", () => {
    expect(ids(computeVisibility(index, view({ selected: 'GM0513' })).lit)).toEqual([
      'GM0513',
      'GM0268',
      'vng',
      'ibd',
    ]);
    expect(ids(computeVisibility(index, view({ selected: 'GM0513', depth: 2 })).lit)).toEqual([
      'GM0513',
      'GM0268',
      'GM0363',
      'vng',
      'ibd',
      'min-bzk',
    ]);
    const members = { ...initialFilters(), relationTypes: ['member' as const] };
    const v = computeVisibility(index, view({ selected: 'GM0513', filters: members }));
    expect(ids(v.lit)).toEqual(['GM0513', 'vng']);
    // Lighting alone hides nothing.
    expect(v.nodeCount).toBe(6);
  });

  it('"only the neighbourhood" shows the lit organisations: map, table and export alike', () => {
    const v = computeVisibility(index, view({ selected: 'GM0268', focus: true }));
    expect(shownIds(v.hidden)).toEqual(['GM0513', 'GM0268', 'vng']);
    expect(Array.from(v.rows, (i) => index.organisations[i]!.id)).toEqual([
      'GM0513',
      'GM0268',
      'vng',
    ]);
    expect([v.nodeCount, v.edgeCount]).toEqual([3, 3]);
    expect(v.filtered).toBe(true);
    const subset = v.network();
    expect(subset.organisations.map((o) => o.id)).toEqual(['GM0513', 'GM0268', 'vng']);
    expect(subset.relations.map((r) => `${r.source}>${r.target}`)).toEqual([
      'GM0513>vng',
      'GM0268>vng',
      'GM0513>GM0268',
    ]);
    expect(subset.title).toBe('Testnetwerk');
  });

  it('focus without a selection or lit list changes nothing', () => {
    expect(computeVisibility(index, view({ focus: true })).nodeCount).toBe(6);
  });

  it('keeps a selection a filter would hide on screen, without its filtered relations', () => {
    const noMunicipalities = {
      ...initialFilters(),
      kinds: ['association' as const, 'sharedService' as const, 'chainPartner' as const],
    };
    const v = computeVisibility(index, view({ selected: 'GM0513', filters: noMunicipalities }));
    expect(shownIds(v.hidden)).toEqual(['GM0513', 'vng', 'ibd', 'min-bzk']);
    expect(v.nodeCount).toBe(4);
    // Only VNG - BZK: Gouda's own relations are filtered with the municipalities.
    expect(v.edgeCount).toBe(1);
    // Its neighbourhood follows shown relations, so only Gouda itself is lit.
    expect(ids(v.lit)).toEqual(['GM0513']);
  });

  it('lights the organisations another screen asked for, with the selection, ignoring unknown ids', () => {
    const v = computeVisibility(
      index,
      view({ selected: 'GM0513', lit: ['GM0363', 'nobody', 'GM0268'], focus: true }),
    );
    expect(ids(v.lit)).toEqual(['GM0513', 'GM0268', 'GM0363']);
    expect(shownIds(v.hidden)).toEqual(['GM0513', 'GM0268', 'GM0363']);
    expect([v.nodeCount, v.edgeCount]).toEqual([3, 1]);
    // A lit list lights without a selection too.
    expect(ids(computeVisibility(index, view({ lit: ['vng'] })).lit)).toEqual(['vng']);
  });

  it('treats an unknown selected id as no selection', () => {
    const v = computeVisibility(index, view({ selected: 'GM9999', focus: true }));
    expect(v.selected).toBeNull();
    expect(v.lit).toBeNull();
    expect(v.nodeCount).toBe(6);
  });

  it('the export subset keeps only the sources its records use, and is built once', () => {
    const network = sampleNetwork();
    network.sources.push({ id: 'other', title: 'Andere bron' });
    network.organisations[5] = { ...network.organisations[5]!, sourceId: 'other' };
    const own = buildGraphIndex(network);
    const all = computeVisibility(own, view());
    expect(all.network().sources.map((s) => s.id)).toEqual(['test', 'other']);
    const some = computeVisibility(own, view({ selected: 'GM0513', focus: true }));
    expect(some.network().sources.map((s) => s.id)).toEqual(['test']);
    expect(some.network()).toBe(some.network());
  });
});
