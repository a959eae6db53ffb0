import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../../src/domain/organisation';
import { validateValue } from '../../../src/io/validateDocument';

// The embedded national dataset: it must be true, because users look up their
// own municipality first.
const PATH = 'data/netwerkkaart-nl.json';
const doc = JSON.parse(readFileSync(PATH, 'utf8')) as Record<string, any>;
const result = validateValue(doc);
const network = result.ok ? result.network : undefined;
const municipalities = (network?.organisations ?? []).filter((o) => o.kind === 'municipality');
const byId = new Map((network?.organisations ?? []).map((o) => [o.id, o]));

describe('embedded national dataset', () => {
  it('passes the import validation', () => {
    expect(result.ok ? [] : result.errors.slice(0, 5)).toEqual([]);
  });

  it('has the CBS count of municipalities for its year', () => {
    const years = new Set(municipalities.map((m) => m.populationYear));
    expect(years.size).toBe(1);
    // CBS: 342 municipalities on 1 January 2024 and on 1 January 2025 (no mergers took effect).
    expect(municipalities).toHaveLength(342);
    expect(new Set(municipalities.map((m) => m.cbsCode)).size).toBe(342);
    for (const m of municipalities) expect(m.id).toBe(m.cbsCode);
  });

  it('puts every municipality in one of the 12 provinces, and all 12 occur', () => {
    const provinces = new Set(municipalities.map((m) => m.province));
    const known = new Set<string>([...PROVINCES, 'Friesland']);
    for (const p of provinces) expect(known.has(p!), p).toBe(true);
    expect(provinces.size).toBe(12);
  });

  it.each([
    ['veiligheidsregio', 25],
    ['ggd', 25],
    ['arbeidsmarktregio', 35],
    // 29 until 2024: OD Noord-Veluwe and OD Veluwe IJssel merged into OD Veluwe on
    // 1 January 2024 (Uitvoerings- en handhavingsstrategie OD Veluwe, gmb-2025-526175).
    ['omgevingsdienst', 28],
  ])('places every municipality in exactly one %s (%i in all)', (category, count) => {
    const regions = (network?.organisations ?? []).filter((o) => o.category === category);
    expect(regions).toHaveLength(count);
    const regionIds = new Set(regions.map((r) => r.id));
    const perMunicipality = new Map<string, number>();
    for (const r of network?.relations ?? []) {
      if (
        r.type === 'member' &&
        regionIds.has(r.target) &&
        byId.get(r.source)?.kind === 'municipality'
      )
        perMunicipality.set(r.source, (perMunicipality.get(r.source) ?? 0) + 1);
    }
    const wrong = municipalities
      .filter((m) => perMunicipality.get(m.id) !== 1)
      .map((m) => `${m.name}: ${perMunicipality.get(m.id) ?? 0}`);
    expect(wrong).toEqual([]);
  });

  it('sums inhabitants to within 0.1% of the CBS national total', () => {
    // CBS StatLine 37230ned / 03759ned: population of the Netherlands on 1 January.
    const NATIONAL_TOTAL: Record<number, number> = { 2024: 17_942_942, 2025: 18_044_027 };
    const year = municipalities[0]!.populationYear!;
    const sum = municipalities.reduce((s, m) => s + (m.population ?? 0), 0);
    expect(NATIONAL_TOTAL[year]).toBeDefined();
    expect(Math.abs(sum - NATIONAL_TOTAL[year]!) / NATIONAL_TOTAL[year]!).toBeLessThan(0.001);
  });

  it('matches CBS for spot-checked municipalities', () => {
    // CBS StatLine 03759ned, "Bevolking op 1 januari", 1 January 2024 (checked by hand).
    const checks: [string, string, number][] = [
      ['GM0363', 'Amsterdam', 931_298],
      ['GM0599', 'Rotterdam', 670_610],
    ];
    for (const [code, name, population] of checks) {
      const m = byId.get(code);
      expect(m?.name).toBe(name);
      expect(m?.population, name).toBe(population);
      expect(m?.populationYear).toBe(2024);
    }
    // CBS spelling and provinces of names people often write otherwise.
    expect(byId.get('GM0518')?.name).toBe("'s-Gravenhage");
    expect(byId.get('GM0513')).toMatchObject({ name: 'Gouda', province: 'Zuid-Holland' });
    expect(byId.get('GM1961')?.name).toBe('Vijfheerenlanden');
  });

  it('points every organisation and relation to a listed source', () => {
    const sources = new Set((network?.sources ?? []).map((s) => s.id));
    const missing = [
      ...(network?.organisations ?? [])
        .filter((o) => !o.sourceId || !sources.has(o.sourceId))
        .map((o) => o.id),
      ...(network?.relations ?? [])
        .filter((r) => !r.sourceId || !sources.has(r.sourceId))
        .map((r) => `${r.source}->${r.target}`),
    ];
    expect(missing).toEqual([]);
    for (const s of network?.sources ?? []) expect(s.title.length).toBeGreaterThan(3);
  });

  it('has the networks the seed article names', () => {
    for (const id of ['vng', 'vng-realisatie', 'ibd', 'g4', 'g40'])
      expect(byId.has(id), id).toBe(true);
    // VNG: every municipality is a member; the IBD is used by every municipality.
    const members = (target: string, type: string) =>
      new Set(
        (network?.relations ?? [])
          .filter(
            (r) =>
              r.target === target && r.type === type && byId.get(r.source)?.kind === 'municipality',
          )
          .map((r) => r.source),
      ).size;
    expect(members('vng', 'member')).toBe(342);
    expect(members('ibd', 'uses')).toBe(342);
    expect(members('g4', 'member')).toBe(4);
  });

  it('is exactly the build of the tables in data/tables', () => {
    expect(existsSync('data/tables/municipalities.csv')).toBe(true);
    const run = spawnSync(process.execPath, ['data/build/build-dataset.mjs', '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
