import type { Network } from '../../../src/domain/network';
import type { Organisation } from '../../../src/domain/organisation';
import type { Relation } from '../../../src/domain/relation';

// A hand-made country of twelve municipalities, enough for "nearly all" to
// mean something (at least ten). Answers in the tests were worked out on paper.
//
//   id   inhabitants  GGD   networks besides vng
//   G1        1 000   west  ibd
//   G2        1 200   west  ibd klein
//   G3        2 000   west  ibd klein
//   G4        5 000   west  ibd klein
//   G5       10 000   west  ibd midden
//   G6       10 500   west  ibd duo
//   G7       11 000   oost  ibd duo midden
//   G8       12 000   oost  ibd midden (frontrunner)
//   G9       20 000   oost  ibd midden groot
//   G10      50 000   oost  ibd groot
//   G11     100 000   oost  ibd groot
//   G12     400 000   oost  (not in ibd)
//
// vng: all 12; ibd: 11 of 12 (92%: nearly all); klein: 3 listed of 6 members
// (a partial list, band 1 200–5 000); midden: 4 (band 10 000–20 000); groot: 3
// (band 20 000–100 000); duo: 2. ggd-west and ggd-oost divide the country.
const POPULATIONS: [string, number][] = [
  ['G1', 1_000],
  ['G2', 1_200],
  ['G3', 2_000],
  ['G4', 5_000],
  ['G5', 10_000],
  ['G6', 10_500],
  ['G7', 11_000],
  ['G8', 12_000],
  ['G9', 20_000],
  ['G10', 50_000],
  ['G11', 100_000],
  ['G12', 400_000],
];
const WEST = new Set(['G1', 'G2', 'G3', 'G4', 'G5', 'G6']);

const municipality = ([id, population]: [string, number]): Organisation => ({
  id,
  kind: 'municipality',
  name: id,
  population,
  populationYear: 2024,
  province: WEST.has(id) ? 'West' : 'Oost',
});
const association = (id: string, extra: Partial<Organisation> = {}): Organisation => ({
  id,
  kind: 'association',
  name: id,
  ...extra,
});
const member = (source: string, target: string, role?: 'frontrunner'): Relation => ({
  source,
  target,
  type: 'member',
  ...(role ? { role } : {}),
});

export function countryNetwork(): Network {
  const ids = POPULATIONS.map(([id]) => id);
  return {
    title: 'Testland',
    sources: [],
    organisations: [
      ...POPULATIONS.map(municipality),
      association('vng', { name: 'VNG', category: 'koepel' }),
      { id: 'ibd', kind: 'sharedService', name: 'IBD', category: 'ggu-dienst' },
      // The field another branch adds to the format: read when present.
      { ...association('klein'), expectedMembers: 6 } as Organisation,
      association('midden'),
      association('groot'),
      association('duo'),
      { id: 'ggd-west', kind: 'sharedService', name: 'GGD West', category: 'ggd' },
      { id: 'ggd-oost', kind: 'sharedService', name: 'GGD Oost', category: 'ggd' },
    ],
    relations: [
      ...ids.map((id) => member(id, 'vng')),
      ...ids
        .filter((id) => id !== 'G12')
        .map((id) => ({ ...member(id, 'ibd'), type: 'uses' as const })),
      ...['G2', 'G3', 'G4'].map((id) => member(id, 'klein')),
      member('G5', 'midden'),
      member('G7', 'midden'),
      member('G8', 'midden', 'frontrunner'),
      member('G9', 'midden'),
      ...['G9', 'G10', 'G11'].map((id) => member(id, 'groot')),
      member('G6', 'duo'),
      member('G7', 'duo'),
      ...ids.map((id) => member(id, WEST.has(id) ? 'ggd-west' : 'ggd-oost')),
    ],
  };
}
