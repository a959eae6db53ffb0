import type { Network } from '../../src/domain/network';

// A small network in the shape of the national one, for tests only. The
// figures are test values, not data.
export function sampleNetwork(): Network {
  return {
    title: 'Testnetwerk',
    referenceDate: '2025-01-01',
    sources: [{ id: 'test', title: 'Testbron', publisher: 'Netwerkkaart', year: 2025 }],
    organisations: [
      {
        id: 'GM0513',
        kind: 'municipality',
        name: 'Gouda',
        cbsCode: 'GM0513',
        province: 'Zuid-Holland',
        population: 70_000,
        populationYear: 2025,
        tags: [],
        sourceId: 'test',
      },
      {
        id: 'GM0268',
        kind: 'municipality',
        name: 'Nijmegen',
        cbsCode: 'GM0268',
        province: 'Gelderland',
        population: 180_000,
        populationYear: 2025,
        tags: [],
        sourceId: 'test',
      },
      {
        id: 'GM0363',
        kind: 'municipality',
        name: 'Amsterdam',
        cbsCode: 'GM0363',
        province: 'Noord-Holland',
        population: 900_000,
        populationYear: 2025,
        tags: [],
        sourceId: 'test',
      },
      {
        id: 'vng',
        kind: 'association',
        name: 'Vereniging van Nederlandse Gemeenten',
        shortName: 'VNG',
        domain: 'landelijk',
        website: 'https://vng.nl',
        sourceId: 'test',
      },
      {
        id: 'ibd',
        kind: 'sharedService',
        name: 'Informatiebeveiligingsdienst',
        shortName: 'IBD',
        domain: 'ggu',
        // A partial list: two of the test's municipalities are listed.
        expectedMembers: 342,
        sourceId: 'test',
      },
      { id: 'min-bzk', kind: 'chainPartner', name: 'Ministerie van BZK', sourceId: 'test' },
    ],
    relations: [
      { source: 'GM0513', target: 'vng', type: 'member', sourceId: 'test' },
      { source: 'GM0268', target: 'vng', type: 'member', sourceId: 'test' },
      { source: 'GM0363', target: 'vng', type: 'member', sourceId: 'test' },
      { source: 'GM0513', target: 'ibd', type: 'uses', role: 'follower', sourceId: 'test' },
      {
        source: 'GM0363',
        target: 'ibd',
        type: 'uses',
        role: 'frontrunner',
        since: '2013-01',
        sourceId: 'test',
      },
      { source: 'vng', target: 'min-bzk', type: 'partner', sourceId: 'test' },
      {
        source: 'GM0513',
        target: 'GM0268',
        type: 'knowledge',
        weight: 2,
        note: 'Gesprek GGU',
        sourceId: 'test',
      },
    ],
  };
}

export function sampleDocument(): Record<string, unknown> {
  const n = sampleNetwork();
  return { format: 'netwerkkaart', version: 1, exportedAt: '2026-11-28T12:00:00Z', ...n };
}
