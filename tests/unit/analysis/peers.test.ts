import { describe, expect, it } from 'vitest';
import { networkCoverage } from '../../../src/analysis/coverage';
import { buildGraphIndex } from '../../../src/analysis/graphIndex';
import { buildMemberships, jaccard } from '../../../src/analysis/memberships';
import {
  compareMunicipalities,
  findPeers,
  initialPeerCriteria,
  territorialCategories,
  whereToStepIn,
} from '../../../src/analysis/peers';
import type { Network } from '../../../src/domain/network';
import type { Organisation } from '../../../src/domain/organisation';
import type { Relation } from '../../../src/domain/relation';

// A hand-made network. Answers below were worked out on paper.
//   A 10 000 (Zuid-Holland)  nets n1 n2 n3
//   B  9 000 (Zuid-Holland)  nets n1 n2        (frontrunner in n2)
//   C 11 000 (Utrecht)       nets n1 n4
//   D 12 500 (Zuid-Holland)  nets n1 n2 n3 n4
//   E 30 000 (Utrecht)       nets n4
//   F  8 000 (Utrecht)       no networks
const m = (id: string, population: number, province: string): Organisation => ({
  id,
  kind: 'municipality',
  name: id,
  population,
  province,
  cbsCode: undefined,
});
const n = (id: string): Organisation => ({ id, kind: 'association', name: `net ${id}` });
const rel = (source: string, target: string, role?: 'frontrunner'): Relation => ({
  source,
  target,
  type: 'member',
  ...(role ? { role } : {}),
});

const network: Network = {
  title: 't',
  sources: [],
  organisations: [
    m('A', 10_000, 'Zuid-Holland'),
    m('B', 9_000, 'Zuid-Holland'),
    m('C', 11_000, 'Utrecht'),
    m('D', 12_500, 'Zuid-Holland'),
    m('E', 30_000, 'Utrecht'),
    m('F', 8_000, 'Utrecht'),
    n('n1'),
    n('n2'),
    n('n3'),
    n('n4'),
  ],
  relations: [
    rel('A', 'n1'),
    rel('A', 'n2'),
    rel('A', 'n3'),
    rel('B', 'n1'),
    rel('B', 'n2', 'frontrunner'),
    rel('C', 'n1'),
    rel('C', 'n4'),
    rel('D', 'n1'),
    rel('D', 'n2'),
    rel('D', 'n3'),
    rel('D', 'n4'),
    rel('E', 'n4'),
  ],
};
const index = buildGraphIndex(network);
const ms = buildMemberships(index);
const at = (id: string) => index.indexOf.get(id)!;
const names = (list: number[]) => list.map((i) => index.organisations[i]!.id);

describe('jaccard', () => {
  it('is shared over union, and 0 for two empty sets', () => {
    expect(jaccard(new Set([1, 2, 3]), new Set([2, 3, 4]))).toBe(0.5);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe('findPeers', () => {
  it('keeps only municipalities within the tolerance', () => {
    // ±25% of 10 000 is 7 500–12 500: B, C, D, F; not E.
    const peers = findPeers(index, ms, at('A'), initialPeerCriteria());
    expect(names(peers.map((p) => p.index)).sort()).toEqual(['B', 'C', 'D', 'F']);
  });

  it('ranks by size only when the network weight is 0', () => {
    const peers = findPeers(index, ms, at('A'), { ...initialPeerCriteria(), networkWeight: 0 });
    // |ln ratio|: B 0.105, C 0.095, D 0.223, F 0.223 -> C, B, then D and F tie on score;
    // the tie goes to the smaller difference in inhabitants (F 20% vs D 25%).
    expect(names(peers.map((p) => p.index))).toEqual(['C', 'B', 'F', 'D']);
  });

  it('ranks by shared networks only when the weight is 100', () => {
    const peers = findPeers(index, ms, at('A'), { ...initialPeerCriteria(), networkWeight: 100 });
    // Jaccard with A{1,2,3}: D 3/4, B 2/3, C 1/4, F 0.
    expect(names(peers.map((p) => p.index))).toEqual(['D', 'B', 'C', 'F']);
    expect(peers[0]!.score).toBeCloseTo(0.75);
  });

  it('explains each peer in words', () => {
    const [b] = findPeers(index, ms, at('A'), {
      ...initialPeerCriteria(),
      sameProvince: true,
      networkWeight: 100,
    }).filter((p) => index.organisations[p.index]!.id === 'B');
    expect(b!.reason).toBe(
      '9.000 inwoners (-10%), 2 netwerken gemeenschappelijk (van 3 bij beide samen), zelfde provincie',
    );
  });

  it('honours same province and same size class', () => {
    const province = findPeers(index, ms, at('A'), {
      ...initialPeerCriteria(),
      sameProvince: true,
    });
    expect(names(province.map((p) => p.index)).sort()).toEqual(['B', 'D']);
    // A is class 3 (10 000–20 000): C and D are, B and F (class 2) are not.
    const sameClass = findPeers(index, ms, at('A'), {
      ...initialPeerCriteria(),
      sameSizeClass: true,
    });
    expect(names(sameClass.map((p) => p.index)).sort()).toEqual(['C', 'D']);
  });

  it('returns nobody when the tolerance leaves nobody', () => {
    expect(findPeers(index, ms, at('E'), initialPeerCriteria())).toEqual([]);
    expect(findPeers(index, ms, at('A'), { ...initialPeerCriteria(), tolerance: 1 })).toEqual([]);
  });

  it('returns nothing for an organisation that is not a municipality', () => {
    expect(findPeers(index, ms, at('n1'), initialPeerCriteria())).toEqual([]);
  });

  it('handles a municipality in no network', () => {
    const peers = findPeers(index, ms, at('F'), { ...initialPeerCriteria(), networkWeight: 100 });
    expect(peers.every((p) => p.score === 0)).toBe(true);
    expect(peers.map((p) => p.sharedNetworks)).toEqual(peers.map(() => 0));
  });
});

describe('whereToStepIn', () => {
  it('lists networks peers joined and A did not, by share, frontrunners first', () => {
    const peers = findPeers(index, ms, at('A'), initialPeerCriteria());
    const steps = whereToStepIn(index, ms, at('A'), peers);
    // Peers B C D F; A lacks only n4, which C and D joined: 2 of 4.
    expect(steps).toHaveLength(1);
    expect(names([steps[0]!.network])).toEqual(['n4']);
    expect(steps[0]!.share).toBe(0.5);
  });

  it('puts frontrunners first among the peers to ask', () => {
    const peers = findPeers(index, ms, at('F'), { ...initialPeerCriteria(), tolerance: 40 });
    const steps = whereToStepIn(index, ms, at('F'), peers);
    const n2 = steps.find((s) => index.organisations[s.network]!.id === 'n2')!;
    expect(names(n2.askFirst)[0]).toBe('B');
    // F has no networks: n1 is joined by every peer in range (A, B, C; D is 56% larger).
    expect(names([steps[0]!.network])).toEqual(['n1']);
    expect(steps[0]!.share).toBe(1);
  });

  it('is empty without peers', () => {
    expect(whereToStepIn(index, ms, at('E'), [])).toEqual([]);
  });
});

describe('territorial regions', () => {
  // Every municipality in exactly one GGD region: A B C in west, D E F in east.
  // "net" groups A and D only; "dubbel" has B in both of its organisations.
  const region = (id: string, category: string): Organisation => ({
    id,
    kind: 'sharedService',
    name: id,
    category,
  });
  const regional: Network = {
    ...network,
    organisations: [
      ...network.organisations,
      region('west', 'ggd'),
      region('oost', 'ggd'),
      region('g1', 'stedennetwerk'),
      region('g2', 'stedennetwerk'),
      region('d1', 'dubbel'),
      region('d2', 'dubbel'),
    ],
    relations: [
      ...network.relations,
      ...['A', 'B', 'C'].map((m) => rel(m, 'west')),
      ...['D', 'E', 'F'].map((m) => rel(m, 'oost')),
      rel('A', 'g1'),
      rel('D', 'g2'),
      ...['A', 'B', 'C', 'D', 'E', 'F'].map((m) => rel(m, 'd1')),
      rel('B', 'd2'),
    ],
  };
  const rIndex = buildGraphIndex(regional);
  const rMs = buildMemberships(rIndex);
  const rAt = (id: string) => rIndex.indexOf.get(id)!;

  it('finds the categories that divide all municipalities, one region each', () => {
    expect([...territorialCategories(rIndex, rMs)]).toEqual(['ggd']);
  });

  it('never advises a municipality to step into a region other than its own', () => {
    const peers = findPeers(rIndex, rMs, rAt('A'), { ...initialPeerCriteria(), tolerance: 40 });
    expect(peers.map((p) => rIndex.organisations[p.index]!.id)).toContain('D');
    const steps = whereToStepIn(rIndex, rMs, rAt('A'), peers).map(
      (s) => rIndex.organisations[s.network]!.id,
    );
    expect(steps).not.toContain('oost');
    // Other networks of its peers are still advised, a partial network included.
    expect(steps).toContain('g2');
    expect(steps).toContain('n4');
  });
});

describe('compareMunicipalities', () => {
  it('splits networks into shared and only-one', () => {
    const c = compareMunicipalities(ms, at('A'), at('C'));
    expect(names(c.shared)).toEqual(['n1']);
    expect(names(c.onlyA).sort()).toEqual(['n2', 'n3']);
    expect(names(c.onlyB)).toEqual(['n4']);
  });
});

describe('networkCoverage', () => {
  it('counts members, shares, size classes, provinces and frontrunners', () => {
    const cov = networkCoverage(index, ms);
    const n2 = cov.find((c) => index.organisations[c.network]!.id === 'n2')!;
    expect(n2.members).toBe(3);
    expect(n2.share).toBeCloseTo(3 / 6);
    // B is class 2 (of B and F); A and D are class 3 (of A, C, D).
    expect(n2.bySizeClass.find((c) => c.code === 2)).toEqual({ code: 2, members: 1, total: 2 });
    expect(n2.bySizeClass.find((c) => c.code === 3)).toEqual({ code: 3, members: 2, total: 3 });
    expect(n2.byProvince).toEqual([{ province: 'Zuid-Holland', members: 3 }]);
    expect(names(n2.frontrunners)).toEqual(['B']);
    // A size class with one member: E alone in class 4.
    const n4 = cov.find((c) => index.organisations[c.network]!.id === 'n4')!;
    expect(n4.bySizeClass.find((c) => c.code === 4)).toEqual({ code: 4, members: 1, total: 1 });
  });
});
