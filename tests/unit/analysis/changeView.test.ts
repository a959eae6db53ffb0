import { describe, expect, it } from 'vitest';
import { changeView, diffNetworks } from '../../../src/analysis/snapshotDiff';
import { relationKey } from '../../../src/domain/relation';
import { diffCsv, DIFF_CSV_HEADER } from '../../../src/io/diffCsv';
import { readCsvTable } from '../../../src/io/csvTable';
import { sampleNetwork } from '../fixtures';

describe('changeView', () => {
  it('one added relation: that relation and its two ends, nothing else', () => {
    const before = sampleNetwork();
    const after = sampleNetwork();
    after.relations.push({ source: 'GM0268', target: 'ibd', type: 'uses' });
    const view = changeView(before, after, diffNetworks(before, after));
    expect(view.network.organisations.map((o) => o.id).sort()).toEqual(['GM0268', 'ibd']);
    // Between the two ends, only the new relation is drawn.
    expect(view.network.relations.map(relationKey)).toEqual(['GM0268|uses|ibd']);
    expect(view.relations.get('GM0268|uses|ibd')).toBe('added');
    expect(view.organisations.size).toBe(0);
  });

  it('a removed organisation is drawn from the older network with what it was linked to', () => {
    const before = sampleNetwork();
    const after = sampleNetwork();
    after.organisations = after.organisations.filter((o) => o.id !== 'min-bzk');
    after.relations = after.relations.filter((r) => r.target !== 'min-bzk');
    const view = changeView(before, after, diffNetworks(before, after));
    expect(view.organisations.get('min-bzk')).toBe('removed');
    expect(view.relations.get('vng|partner|min-bzk')).toBe('removed');
    expect(view.network.organisations.map((o) => o.id).sort()).toEqual(['min-bzk', 'vng']);
    expect(view.network.organisations.find((o) => o.id === 'min-bzk')!.name).toBe(
      'Ministerie van BZK',
    );
  });

  it('a changed organisation comes with its neighbours, unmarked', () => {
    const before = sampleNetwork();
    const after = sampleNetwork();
    after.organisations[0] = { ...after.organisations[0]!, population: 76_000 };
    const view = changeView(before, after, diffNetworks(before, after));
    expect(view.organisations.get('GM0513')).toBe('changed');
    const ids = view.network.organisations.map((o) => o.id);
    expect(ids).toContain('vng');
    expect(ids).toContain('ibd');
    expect(view.organisations.has('vng')).toBe(false);
  });
});

describe('diffCsv', () => {
  const before = sampleNetwork();
  const after = sampleNetwork();
  after.organisations = after.organisations.filter((o) => o.id !== 'min-bzk');
  after.relations = after.relations.filter((r) => r.target !== 'min-bzk');
  after.organisations.push({ id: 'g40', kind: 'association', name: '=G40' });
  after.relations.push({ source: 'GM0513', target: 'g40', type: 'member' });
  after.organisations[0] = { ...after.organisations[0]!, population: 76_000.5 };
  const names = new Map(
    [...before.organisations, ...after.organisations].map((o) => [o.id, o.name]),
  );
  const text = diffCsv(diffNetworks(before, after), (id) => names.get(id) ?? id);

  it('is a table Dutch Excel opens: BOM, semicolons, Dutch column names', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${DIFF_CSV_HEADER.join(';')}`);
    expect(DIFF_CSV_HEADER).toEqual([
      'wat',
      'soort',
      'id',
      'naam',
      'van',
      'naar',
      'veld',
      'oud',
      'nieuw',
    ]);
  });

  it('has one row per added or removed record and per changed field, in words', () => {
    const table = readCsvTable(text, 'relaties');
    if ('message' in table) throw new Error(table.message);
    const rows = table.rows.map((r) => r.cells);
    expect(rows).toHaveLength(5);
    expect(rows).toContainEqual([
      'gewijzigd',
      'organisatie (Gemeente)',
      'GM0513',
      'Gouda',
      '',
      '',
      'inwonertal',
      '70000',
      '76000,5',
    ]);
    expect(rows).toContainEqual([
      'toegevoegd',
      'relatie (lidmaatschap)',
      '',
      'Gouda lid van =G40',
      'GM0513',
      'g40',
      '',
      '',
      '',
    ]);
    // A name that starts a formula is guarded.
    expect(rows.find((r) => r[2] === 'g40')![3]).toBe("'=G40");
    expect(rows.filter((r) => r[0] === 'verwijderd')).toHaveLength(2);
  });
});
