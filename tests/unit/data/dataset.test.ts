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
// The raw records: the importer keeps only the fields the app knows, the tests
// also read the newer optional ones (domain, expectedMembers).
const rawById = new Map(
  (doc.organisations as Record<string, any>[]).map((o) => [o.id as string, o]),
);

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

  // The partitions of tables/divisions.csv: every municipality is a member of
  // exactly one region of each (CBS Gebiedsindelingen 2025 and the omgevingsdiensten).
  const PARTITIONS: [string, number, string][] = [
    ['veiligheidsregio', 25, 'veiligheid'],
    ['ggd', 25, 'zorg'],
    ['arbeidsmarktregio', 35, 'economie'],
    // 29 until 2024: OD Noord-Veluwe and OD Veluwe IJssel merged into OD Veluwe on
    // 1 January 2024 (Uitvoerings- en handhavingsstrategie OD Veluwe, gmb-2025-526175).
    ['omgevingsdienst', 28, 'fysiek'],
    ['jeugdregio', 42, 'zorg'],
    ['res-regio', 30, 'fysiek'],
    ['rmc-regio', 40, 'onderwijs'],
    ['veiligthuisregio', 25, 'zorg'],
    ['politie-eenheid', 10, 'veiligheid'],
    // the twelve provincial departments of the VNG: one per province
    ['vng-afdeling', 12, 'bestuurlijk'],
  ];

  it('declares the same partitions in data/tables/divisions.csv', () => {
    const lines = readFileSync('data/tables/divisions.csv', 'utf8').trim().split('\n').slice(1);
    const declared = lines.map((line) => line.split(',')).map(([c, , d]) => `${c}:${d}`);
    expect(declared.sort()).toEqual(PARTITIONS.map(([c, , d]) => `${c}:${d}`).sort());
  });

  it.each(PARTITIONS)(
    'places every municipality in exactly one %s (%i in all, domain %s)',
    (category, count, domain) => {
      const regions = (network?.organisations ?? []).filter((o) => o.category === category);
      expect(regions).toHaveLength(count);
      for (const r of regions) expect(rawById.get(r.id)?.domain, r.id).toBe(domain);
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
      // every region of the division has at least one member
      const used = new Set(
        (network?.relations ?? []).filter((r) => regionIds.has(r.target)).map((r) => r.target),
      );
      expect(regions.filter((r) => !used.has(r.id)).map((r) => r.id)).toEqual([]);
    },
  );

  it('decides the municipalities the overlay cannot, as division-checks.csv says', () => {
    const memberOf = (source: string, target: string) =>
      (network?.relations ?? []).some(
        (r) => r.source === source && r.target === target && r.type === 'member',
      );
    // Dordrecht's point lies 67 m inside West-Brabant, Blaricum's 65 m inside Eemland.
    expect(memberOf('GM0505', 'jr-zuid-holland-zuid')).toBe(true);
    expect(memberOf('GM0505', 'vt-zuid-holland-zuid')).toBe(true);
    expect(memberOf('GM0505', 'rmc-zuid-holland-zuid')).toBe(true);
    expect(memberOf('GM0505', 'res-drechtsteden')).toBe(true);
    expect(memberOf('GM0376', 'jr-gooi-en-vechtstreek')).toBe(true);
    expect(memberOf('GM0376', 'vt-gooi-en-vechtstreek')).toBe(true);
    expect(memberOf('GM0376', 'res-noord-holland-zuid')).toBe(true);
    expect(memberOf('GM0523', 'res-drechtsteden')).toBe(true); // Hardinxveld-Giessendam
    expect(memberOf('GM0420', 'jr-west-friesland')).toBe(true); // Medemblik
    expect(memberOf('GM0420', 'rmc-west-friesland')).toBe(true);
    expect(memberOf('GM0072', 'rmc-friesland-noord')).toBe(true); // Harlingen
    expect(memberOf('GM0505', 'pol-rotterdam')).toBe(true); // 67 m inside Zeeland - West-Brabant
  });

  it('puts every veiligheidsregio wholly in one politie-eenheid', () => {
    // An independent check of the police overlay: the units are made of whole safety
    // regions (e.g. Noord-Nederland = Groningen, Fryslân, Drenthe; 40 municipalities).
    const regionOf = (municipality: string, prefix: string) =>
      (network?.relations ?? []).find(
        (r) => r.source === municipality && r.type === 'member' && r.target.startsWith(prefix),
      )?.target;
    const unitsPerSafetyRegion = new Map<string, Set<string>>();
    for (const m of municipalities) {
      const vr = regionOf(m.id, 'vr-')!;
      if (!unitsPerSafetyRegion.has(vr)) unitsPerSafetyRegion.set(vr, new Set());
      unitsPerSafetyRegion.get(vr)!.add(regionOf(m.id, 'pol-')!);
    }
    expect(unitsPerSafetyRegion.size).toBe(25);
    const split = [...unitsPerSafetyRegion].filter(([, units]) => units.size !== 1);
    expect(split.map(([vr, units]) => `${vr}: ${[...units].join(', ')}`)).toEqual([]);
    const listed = (id: string) =>
      municipalities.filter((m) => regionOf(m.id, 'pol-') === id).length;
    expect(listed('pol-noord-nederland')).toBe(40);
  });

  it('states the date it describes', () => {
    expect(doc.referenceDate).toBe('2025-01-01');
    expect(doc.exportedAt).toBe('2025-01-01T00:00:00Z');
  });

  it('gives every organisation one of the eight domains', () => {
    const DOMAINS = new Set([
      'bestuurlijk',
      'zorg',
      'onderwijs',
      'economie',
      'fysiek',
      'veiligheid',
      'landelijk',
      'ggu',
    ]);
    const missing = (doc.organisations as Record<string, any>[])
      .filter((o) => o.kind !== 'municipality' && !DOMAINS.has(o.domain))
      .map((o) => `${o.id}: ${o.domain}`);
    expect(missing).toEqual([]);
  });

  it('says how many members a partial list really has', () => {
    const listed = (target: string) =>
      (network?.relations ?? []).filter(
        (r) =>
          r.target === target && r.type === 'member' && byId.get(r.source)?.kind === 'municipality',
      ).length;
    // P10: 32 members on its own site; K80: 64 on k80.nl (2024). The lists here are partial.
    expect(rawById.get('p10')?.expectedMembers).toBe(32);
    expect(rawById.get('k80')?.expectedMembers).toBe(64);
    expect(listed('p10')).toBe(25);
    expect(listed('k80')).toBe(11);
    for (const o of doc.organisations as Record<string, any>[])
      if (o.expectedMembers !== undefined) {
        expect(Number.isInteger(o.expectedMembers) && o.expectedMembers >= 0, o.id).toBe(true);
        expect(listed(o.id), o.id).toBeLessThanOrEqual(o.expectedMembers);
      }
    // Associations of persons list no municipality as a member.
    for (const id of ['vgs', 'nvvb', 'divosa', 'vdp', 'famo']) expect(listed(id), id).toBe(0);
  });

  it('lists every participant of cooperation bodies whose regulation was read in full', () => {
    const members = (target: string) =>
      (network?.relations ?? [])
        .filter(
          (r) =>
            r.target === target &&
            r.type === 'member' &&
            byId.get(r.source)?.kind === 'municipality',
        )
        .map((r) => byId.get(r.source)!);
    // GR Omnibuzz 2024 (CVDR721797): all Limburg municipalities except Mook en Middelaar.
    const omnibuzz = members('vervoer-omnibuzz');
    expect(omnibuzz).toHaveLength(30);
    expect(omnibuzz.every((m) => m.province === 'Limburg')).toBe(true);
    expect(omnibuzz.some((m) => m.id === 'GM0944')).toBe(false);
    // GR Servicebureau Jeugdhulp Haaglanden (CVDR637433): ten participants, Westland among them.
    const sbjh = members('jeugd-servicebureau-haaglanden');
    expect(sbjh).toHaveLength(10);
    expect(sbjh.some((m) => m.id === 'GM1783')).toBe(true);
  });

  it('names no body twice', () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const o of network?.organisations ?? []) {
      const key = `${o.kind}|${o.name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()}`;
      if (seen.has(key)) dups.push(`${seen.get(key)} / ${o.id}`);
      else seen.set(key, o.id);
    }
    expect(dups).toEqual([]);
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

  it('has the division tables that the overlay of the stored CBS boundaries gives', () => {
    const run = spawnSync(process.execPath, ['data/build/assign-divisions.mjs', '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
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
