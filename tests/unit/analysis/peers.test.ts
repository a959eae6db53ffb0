import { describe, expect, it } from 'vitest';
import { networkCoverage } from '../../../src/analysis/coverage';
import { buildGraphIndex } from '../../../src/analysis/graphIndex';
import { buildMemberships, jaccard } from '../../../src/analysis/memberships';
import {
  compareMunicipalities,
  describeStepIn,
  findPeers,
  initialPeerCriteria,
  listInWords,
  MIN_PEERS,
  peerWeights,
  sizeCloseness,
  whereToStepIn,
  type Peer,
} from '../../../src/analysis/peers';
import type { Network } from '../../../src/domain/network';
import type { Organisation } from '../../../src/domain/organisation';
import { countryNetwork } from './countryFixture';

const index = buildGraphIndex(countryNetwork());
const ms = buildMemberships(index);
const at = (id: string) => index.indexOf.get(id)!;
const names = (list: number[]) => list.map((i) => index.organisations[i]!.id);
const peerIds = (peers: readonly Peer[]) => names(peers.map((p) => p.index));
const criteria = initialPeerCriteria();

describe('jaccard', () => {
  it('is shared over union, and 0 for two empty sets', () => {
    expect(jaccard(new Set([1, 2, 3]), new Set([2, 3, 4]))).toBe(0.5);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe('sizeCloseness', () => {
  it('is 1 at the same size and halves with every factor 1.5, both ways', () => {
    expect(sizeCloseness(10_000, 10_000)).toBe(1);
    expect(sizeCloseness(15_000, 10_000)).toBeCloseTo(0.5);
    expect(sizeCloseness(10_000, 15_000)).toBeCloseTo(0.5);
    expect(sizeCloseness(22_500, 10_000)).toBeCloseTo(0.25);
  });
});

describe('peerWeights', () => {
  it('gives size what the other two leave', () => {
    expect(peerWeights(criteria)).toEqual({ size: 0.75, choices: 0.25, regions: 0 });
  });
  it('keeps the proportion of the other two when they pass 100%', () => {
    const w = peerWeights({ ...criteria, networkWeight: 80, regionWeight: 40 });
    expect(w.size).toBe(0);
    expect(w.choices).toBeCloseTo(2 / 3);
    expect(w.regions).toBeCloseTo(1 / 3);
  });
});

describe('findPeers', () => {
  it('widens the range to the ten nearest in size when the criteria leave fewer', () => {
    // ±25% of 10 500 holds G5, G7 and G8 only.
    const r = findPeers(index, ms, at('G6'), criteria);
    expect(r.withinCriteria).toBe(3);
    expect(r.peers).toHaveLength(MIN_PEERS);
    // The farthest on a log scale (G12, 38 times larger) is the one left out.
    expect(peerIds(r.peers)).not.toContain('G12');
    expect(r.widened).toEqual({
      min: 1_000,
      max: 100_000,
      minDelta: (1_000 - 10_500) / 10_500,
      maxDelta: (100_000 - 10_500) / 10_500,
    });
    expect(
      r.peers.filter((p) => p.withinCriteria).map((p) => index.organisations[p.index]!.id),
    ).toEqual(expect.arrayContaining(['G5', 'G7', 'G8']));
  });

  it('ranks by size first, a rare shared choice lifting a peer of about the same size', () => {
    const r = findPeers(index, ms, at('G6'), criteria);
    // G7 (+5%) shares duo (rarity ln 6) and has midden (ln 3): choices ln6 / (ln6 + ln3) = 0.62.
    // G5 (-5%) shares nothing; G8 (+14%) neither.
    expect(peerIds(r.peers).slice(0, 4)).toEqual(['G7', 'G5', 'G8', 'G9']);
    const g7 = r.peers[0]!;
    expect(g7.choices).toBeCloseTo(Math.log(6) / (Math.log(6) + Math.log(3)));
    expect(g7.score).toBeCloseTo(0.75 * sizeCloseness(11_000, 10_500) + 0.25 * g7.choices);
    expect(names(g7.sharedChoices)).toEqual(['duo']);
    // A choice shared with a peer far away in size does not beat closeness in size.
    expect(r.peers[1]!.score).toBeGreaterThan(r.peers[3]!.score);
  });

  it('counts no network nearly every municipality is in as a shared choice', () => {
    const r = findPeers(index, ms, at('G5'), criteria);
    for (const p of r.peers) {
      expect(names(p.sharedChoices)).not.toContain('vng');
      expect(names(p.sharedChoices)).not.toContain('ibd');
    }
  });

  it('shows the same region as its own factor, off in the score by default', () => {
    const r = findPeers(index, ms, at('G6'), criteria);
    const g5 = r.peers.find((p) => index.organisations[p.index]!.id === 'G5')!;
    expect(g5.sharedRegions).toEqual(['ggd']);
    expect(g5.regions).toBe(1);
    expect(g5.score).toBeCloseTo(0.75 * sizeCloseness(10_000, 10_500));
    expect(g5.reason).toBe(
      '10.000 inwoners (-5%); geen gedeelde keuzes; zelfde GGD-regio; zelfde provincie',
    );
    const g7 = r.peers.find((p) => index.organisations[p.index]!.id === 'G7')!;
    expect(g7.sharedRegions).toEqual([]);
    expect(g7.reason).toBe('11.000 inwoners (+5%); allebei in duo (landelijk 17%)');
  });

  it('ranks neighbours first when only the region counts', () => {
    const r = findPeers(index, ms, at('G6'), { ...criteria, networkWeight: 0, regionWeight: 100 });
    // All of GGD West, nearest first; then the rest, nearest first.
    expect(peerIds(r.peers).slice(0, 5)).toEqual(['G5', 'G4', 'G3', 'G2', 'G1']);
  });

  it('gives the largest municipality the next largest', () => {
    const r = findPeers(index, ms, at('G12'), criteria);
    expect(r.withinCriteria).toBe(0);
    expect(peerIds(r.peers).slice(0, 3)).toEqual(['G11', 'G10', 'G9']);
    expect(peerIds(r.peers)).not.toContain('G1');
    expect(r.widened!.maxDelta).toBeCloseTo(-0.75);
  });

  it('gives the smallest municipality the next smallest', () => {
    const r = findPeers(index, ms, at('G1'), criteria);
    expect(r.withinCriteria).toBe(1);
    expect(peerIds(r.peers)[0]).toBe('G2');
    expect(peerIds(r.peers)).not.toContain('G12');
    expect(r.widened!.minDelta).toBeCloseTo(0.2);
  });

  it('does not widen when the criteria hold enough', () => {
    // 50 000 ± 200%: everyone up to 150 000, i.e. all but G12: ten.
    const r = findPeers(index, ms, at('G10'), { ...criteria, tolerance: 200 });
    expect(r.widened).toBeUndefined();
    expect(r.withinCriteria).toBe(10);
    expect(r.peers.every((p) => p.withinCriteria)).toBe(true);
  });

  it('shows all there are when province or size class leave fewer than ten', () => {
    const r = findPeers(index, ms, at('G6'), { ...criteria, sameProvince: true });
    expect(r.candidates).toBe(5);
    expect(peerIds(r.peers).sort()).toEqual(['G1', 'G2', 'G3', 'G4', 'G5']);
    expect(r.peers.every((p) => p.sameProvince)).toBe(true);
  });

  it('returns nothing for an organisation that is not a municipality or has no population', () => {
    expect(findPeers(index, ms, at('vng'), criteria).peers).toEqual([]);
    const network = countryNetwork();
    delete network.organisations[0]!.population;
    const i = buildGraphIndex(network);
    expect(findPeers(i, buildMemberships(i), 0, criteria).peers).toEqual([]);
  });
});

describe('whereToStepIn', () => {
  const peersOfG6 = findPeers(index, ms, at('G6'), criteria).peers;
  const advice = whereToStepIn(index, ms, at('G6'), peersOfG6);

  it('advises a network enough peers chose, with the municipality in its size band', () => {
    // midden: G5 G7 G8 G9 of the 10 peers (40%); band 10 000–20 000 holds 10 500.
    expect(names(advice.advised.map((s) => s.network))).toEqual(['midden']);
    const midden = advice.advised[0]!;
    expect(midden.peerShare).toBeCloseTo(0.4);
    expect(midden.lift).toBeCloseTo(0.4 / (4 / 12));
    // The frontrunner first, then in the order of the peers.
    expect(names(midden.peersIn)).toEqual(['G8', 'G7', 'G5', 'G9']);
    expect(names(midden.frontrunners)).toEqual(['G8']);
  });

  it('shows apart a network whose members are all of another size', () => {
    // groot (20 000–100 000) and klein (1 200–5 000): 3 of 10 peers each, G6 outside both.
    expect(names(advice.otherSize.map((s) => s.network))).toEqual(['groot', 'klein']);
  });

  it('never advises a region that divides the country', () => {
    const all = [...advice.advised, ...advice.otherSize, ...advice.tooFew];
    expect(names(all.map((s) => s.network))).not.toContain('ggd-oost');
  });

  it('says a partial list is partial, in the figures', () => {
    const klein = advice.otherSize.find((s) => index.organisations[s.network]!.id === 'klein')!;
    expect(describeStepIn(klein, 10)).toEqual({
      peers: 'minstens 3 van 10 vergelijkbare gemeenten',
      national: 'landelijk 50% (lijst onvolledig: 3 van 6 bekend)',
      band: 'voor gemeenten van 1.200 tot 5.000 inwoners',
    });
    const midden = advice.advised[0]!;
    expect(describeStepIn(midden, 10)).toMatchObject({
      peers: '4 van 10 vergelijkbare gemeenten',
      national: 'landelijk 33%',
    });
  });

  it('names a band only where the members\u2019 sizes are chosen', () => {
    const klein = advice.otherSize.find((s) => index.organisations[s.network]!.id === 'klein')!;
    // The same figures for a network open to every size (joint execution, say): no band.
    const open = { ...klein, stat: { ...klein.stat, sizeSelective: false } };
    expect(describeStepIn(open, 10).band).toBeUndefined();
    expect(describeStepIn(klein, 10).band).toBe('voor gemeenten van 1.200 tot 5.000 inwoners');
  });

  it('is empty without peers', () => {
    expect(whereToStepIn(index, ms, at('G6'), [])).toEqual({
      advised: [],
      otherSize: [],
      tooFew: [],
      elsewhere: [],
    });
  });
});

describe('whereToStepIn: the threshold', () => {
  // Fourteen municipalities of the same size; x has S1–S3, y has S4–S5.
  const same: Network = {
    title: 't',
    sources: [],
    organisations: [
      ...Array.from({ length: 14 }, (_, k): Organisation => ({
        id: `S${k + 1}`,
        kind: 'municipality',
        name: `S${k + 1}`,
        population: 10_000,
      })),
      { id: 'x', kind: 'association', name: 'x' },
      { id: 'y', kind: 'association', name: 'y' },
    ],
    relations: [
      ...['S1', 'S2', 'S3'].map((s) => ({ source: s, target: 'x', type: 'member' as const })),
      ...['S4', 'S5'].map((s) => ({ source: s, target: 'y', type: 'member' as const })),
    ],
  };
  const i = buildGraphIndex(same);
  const m = buildMemberships(i);
  const peersFrom = (count: number) =>
    Array.from({ length: count }, (_, k) => ({ index: i.indexOf.get(`S${k + 1}`)! }) as Peer);
  const step = (count: number) => whereToStepIn(i, m, i.indexOf.get('S14')!, peersFrom(count));
  const ids = (list: { network: number }[]) => list.map((s) => i.organisations[s.network]!.id);

  it('needs three peers and a quarter of them', () => {
    // 3 of 12 is 25%: advised. 2 of 12 (y) is too few.
    expect(ids(step(12).advised)).toEqual(['x']);
    expect(ids(step(12).tooFew)).toEqual(['y']);
    // 3 of 13 is 23%: too few.
    expect(ids(step(13).advised)).toEqual([]);
    // 2 of 5 is 40%, but two peers are a coincidence.
    expect(ids(step(5).advised)).toEqual(['x']);
    expect(ids(step(5).tooFew)).toEqual(['y']);
  });
});

describe('compareMunicipalities', () => {
  it('puts facts, categories, regions and memberships side by side', () => {
    const c = compareMunicipalities(index, ms, at('G6'), at('G7'));
    expect(c.a).toMatchObject({ population: 10_500, populationYear: 2024, province: 'West' });
    expect(c.a.sizeClass?.code).toBe(3);
    expect(c.a.networks).toBe(4);
    expect(c.b.networks).toBe(5);
    expect(c.categories).toEqual([
      { category: 'ggu-dienst', territorial: false, a: 1, b: 1 },
      { category: 'koepel', territorial: false, a: 1, b: 1 },
      { category: '', territorial: false, a: 1, b: 2 },
      { category: 'ggd', territorial: true, a: 1, b: 1 },
    ]);
    expect(c.regions).toEqual([
      { category: 'ggd', a: at('ggd-west'), b: at('ggd-oost'), same: false },
    ]);
    expect(names(c.shared)).toEqual(['duo', 'ibd', 'vng']);
    expect(names(c.onlyA)).toEqual([]);
    expect(names(c.onlyB)).toEqual(['midden']);
  });

  it('names a region both lie in', () => {
    const c = compareMunicipalities(index, ms, at('G5'), at('G6'));
    expect(c.regions).toEqual([
      { category: 'ggd', a: at('ggd-west'), b: at('ggd-west'), same: true },
    ]);
    // Regions are not listed among the memberships.
    expect(names([...c.shared, ...c.onlyA, ...c.onlyB])).not.toContain('ggd-west');
  });
});

describe('listInWords', () => {
  it('joins with commas and a final "en"', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b en c');
  });
});

describe('networkCoverage', () => {
  it('counts members, shares, size classes, provinces and frontrunners', () => {
    const cov = networkCoverage(index, ms);
    const midden = cov.find((c) => index.organisations[c.network]!.id === 'midden')!;
    expect(midden.members).toBe(4);
    expect(midden.share).toBeCloseTo(4 / 12);
    // G5 G7 G8 are class 3 (of G5–G8), G9 class 4 (of G9 alone).
    expect(midden.bySizeClass.find((c) => c.code === 3)).toEqual({ code: 3, members: 3, total: 4 });
    expect(midden.bySizeClass.find((c) => c.code === 4)).toEqual({ code: 4, members: 1, total: 1 });
    expect(midden.byProvince).toEqual([
      { province: 'Oost', members: 3 },
      { province: 'West', members: 1 },
    ]);
    expect(names(midden.frontrunners)).toEqual(['G8']);
  });
});
