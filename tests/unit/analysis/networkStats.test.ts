import { describe, expect, it } from 'vitest';
import { buildGraphIndex, neighbourhood } from '../../../src/analysis/graphIndex';
import { buildMemberships } from '../../../src/analysis/memberships';
import {
  expectedMembersOf,
  hubs,
  networkStats,
  regionLabel,
  territorialCategories,
} from '../../../src/analysis/networkStats';
import type { Organisation } from '../../../src/domain/organisation';
import { sampleNetwork } from '../fixtures';
import { countryNetwork } from './countryFixture';

const index = buildGraphIndex(countryNetwork());
const ms = buildMemberships(index);
const at = (id: string) => index.indexOf.get(id)!;
const ids = (positions: Iterable<number>) =>
  [...positions].map((i) => index.organisations[i]!.id).sort();

describe('networkStats', () => {
  const stats = networkStats(index, ms);
  const stat = (id: string) => stats.byNetwork.get(at(id))!;

  it('says a network every or nearly every municipality is in says nothing about a choice', () => {
    expect(stat('vng')).toMatchObject({ listed: 12, share: 1, nearlyAll: true, rarity: 0 });
    // 11 of 12 is 92%, above the 90% of "nearly all".
    expect(stat('ibd')).toMatchObject({ listed: 11, nearlyAll: true, rarity: 0 });
    expect(ids(stats.nearlyAll)).toEqual(['ibd', 'vng']);
  });

  it('weights the others by rarity, ln(1 / share)', () => {
    expect(stat('midden').share).toBeCloseTo(4 / 12);
    expect(stat('midden').rarity).toBeCloseTo(Math.log(3));
    expect(stat('duo').rarity).toBeCloseTo(Math.log(6));
    expect(stat('duo').rarity).toBeGreaterThan(stat('groot').rarity);
  });

  it('takes the real member count of a partial list for its share', () => {
    // klein lists 3 members of 6: share 6/12, not 3/12.
    expect(stat('klein')).toMatchObject({ listed: 3, expected: 6, share: 0.5 });
    expect(stat('klein').rarity).toBeCloseTo(Math.log(2));
    expect(stat('midden').expected).toBeUndefined();
  });

  it('derives the size band from the listed members', () => {
    expect(stat('klein').band).toEqual({ min: 1_200, max: 5_000 });
    expect(stat('groot').band).toEqual({ min: 20_000, max: 100_000 });
  });

  it('marks regions of a category that divides the country', () => {
    expect([...stats.territorial]).toEqual(['ggd']);
    expect(stat('ggd-west').territorial).toBe(true);
    expect(stat('midden').territorial).toBe(false);
  });
});

describe('expectedMembersOf', () => {
  const org = (expectedMembers: unknown) =>
    ({ id: 'x', kind: 'association', name: 'x', expectedMembers }) as unknown as Organisation;
  it('reads a positive number and ignores anything else', () => {
    expect(expectedMembersOf(org(64))).toBe(64);
    expect(expectedMembersOf(org(0))).toBeUndefined();
    expect(expectedMembersOf(org('64'))).toBeUndefined();
    expect(expectedMembersOf(org(Number.NaN))).toBeUndefined();
    expect(expectedMembersOf({ id: 'y', kind: 'association', name: 'y' })).toBeUndefined();
  });
});

describe('territorialCategories', () => {
  it('leaves out a category with a municipality in two of its organisations', () => {
    const network = countryNetwork();
    network.relations.push({ source: 'G1', target: 'ggd-oost', type: 'member' });
    const i = buildGraphIndex(network);
    expect([...territorialCategories(i, buildMemberships(i))]).toEqual([]);
  });

  it('names the regions of the national data in words', () => {
    expect(regionLabel('ggd')).toBe('GGD-regio');
    expect(regionLabel('veiligheidsregio')).toBe('veiligheidsregio');
    expect(regionLabel('waterschap')).toBe('waterschap');
  });
});

describe('hubs', () => {
  it('finds the organisations nearly every municipality is linked to', () => {
    expect(ids(hubs(index))).toEqual(['ibd', 'vng']);
    expect(ids(hubs(index, 1))).toEqual(['vng']);
  });

  it('finds none in a network of fewer than ten municipalities', () => {
    expect(hubs(buildGraphIndex(sampleNetwork())).size).toBe(0);
  });
});

describe('neighbourhood without passing through hubs', () => {
  it('reaches a hub but does not walk through it', () => {
    const g1 = at('G1');
    // Through vng, two steps reach every municipality.
    expect(neighbourhood(index, g1, 2).size).toBe(15);
    const skipped = neighbourhood(index, g1, 2, undefined, { stopAt: hubs(index) });
    expect(ids(skipped)).toEqual(
      ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'ggd-west', 'ibd', 'vng'].sort(),
    );
  });

  it('walks from a hub that is the start itself', () => {
    const one = neighbourhood(index, at('vng'), 1, undefined, { stopAt: hubs(index) });
    expect(one.size).toBe(13);
  });

  it('still honours the relations allowed', () => {
    const noRegions = neighbourhood(
      index,
      at('G1'),
      2,
      (k) => !index.relations[k]!.target.startsWith('ggd'),
      { stopAt: hubs(index) },
    );
    expect(ids(noRegions)).toEqual(['G1', 'ibd', 'vng']);
  });
});
