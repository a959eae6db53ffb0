import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attribution, networkSourceUses, shortPublisher } from '../../../src/analysis/attribution';
import { buildGraphIndex } from '../../../src/analysis/graphIndex';
import { buildMemberships } from '../../../src/analysis/memberships';
import { networkStats } from '../../../src/analysis/networkStats';
import {
  municipalityProfile,
  oneLine,
  PROFILE_DOMAIN_ORDER,
  profileGroups,
} from '../../../src/analysis/profile';
import type { Network } from '../../../src/domain/network';
import { validateValue } from '../../../src/io/validateDocument';

const result = validateValue(JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')));
if (!result.ok) throw new Error('the national data does not import');
const index = buildGraphIndex(result.network);
const ms = buildMemberships(index);
const stats = networkStats(index, ms);
const at = (id: string) => index.indexOf.get(id)!;
const name = (i: number) => index.organisations[i]!.name;

describe('oneLine', () => {
  it('keeps the first clause, outside brackets', () => {
    expect(
      oneLine('Arbeidsmarktregio (regio voor werkgevers; Wet SUWI); CBS regiocode AM12.'),
    ).toBe('Arbeidsmarktregio (regio voor werkgevers; Wet SUWI)');
    expect(oneLine('Eerste zin over o.a. De Bilt. Tweede zin.')).toBe(
      'Eerste zin over o.a. De Bilt',
    );
  });
  it('cuts a long line at a word, with an ellipsis', () => {
    const line = oneLine('woord '.repeat(40), 50)!;
    expect(line.length).toBeLessThanOrEqual(50);
    expect(line.endsWith('woord…')).toBe(true);
    expect(oneLine(undefined)).toBeUndefined();
    expect(oneLine('   ')).toBeUndefined();
  });
});

describe('profileGroups', () => {
  const tiny: Network = {
    title: 't',
    sources: [],
    organisations: [
      { id: 'GM1', kind: 'municipality', name: 'Eerstedorp', population: 20_000 },
      { id: 'GM2', kind: 'municipality', name: 'Tweededorp', population: 21_000 },
      {
        id: 'ggd',
        kind: 'sharedService',
        name: 'GGD Oost',
        domain: 'zorg',
        description: 'Zorg. Meer.',
      },
      { id: 'vng', kind: 'association', name: 'VNG', domain: 'landelijk' },
      { id: 'min', kind: 'chainPartner', name: 'Ministerie', domain: 'landelijk' },
      { id: 'ibd', kind: 'sharedService', name: 'IBD', domain: 'ggu' },
      { id: 'x', kind: 'association', name: 'Zonder domein' },
    ],
    relations: [
      { source: 'GM1', target: 'ggd', type: 'member', since: '2010' },
      { source: 'GM1', target: 'vng', type: 'member' },
      { source: 'min', target: 'GM1', type: 'partner' },
      { source: 'GM1', target: 'ibd', type: 'uses', role: 'frontrunner', since: '2016-01' },
      { source: 'GM1', target: 'ibd', type: 'member', since: '2014' },
      { source: 'GM1', target: 'x', type: 'member' },
      { source: 'GM1', target: 'GM2', type: 'knowledge', role: 'follower' },
    ],
  };
  const tinyIndex = buildGraphIndex(tiny);
  const groups = profileGroups(tinyIndex, 0);

  it('groups by domain in the profile order, without domain last, municipalities left out', () => {
    expect(groups.map((g) => g.domain)).toEqual(['landelijk', 'ggu', 'zorg', null]);
    const names = groups.flatMap((g) =>
      g.items.map((i) => tinyIndex.organisations[i.organisation]!.name),
    );
    expect(names).toEqual(['Ministerie', 'VNG', 'IBD', 'GGD Oost', 'Zonder domein']);
  });

  it('one item per organisation: its relations, the koploper role and the earliest since', () => {
    const ibd = groups[1]!.items[0]!;
    expect(ibd.relations).toEqual(['member', 'uses']);
    expect(ibd.role).toBe('frontrunner');
    expect(ibd.since).toBe('2014');
    expect(groups[2]!.items[0]!.summary).toBe('Zorg');
    // A chain partnership counts whichever end it is written from.
    expect(groups[0]!.items[0]!.relations).toEqual(['partner']);
  });
});

describe('municipalityProfile on the national data', () => {
  it('Gouda: every network once, ten peers, advice as on the peers page, sources counted', () => {
    const gouda = at('GM0513');
    const p = municipalityProfile(index, ms, gouda, stats);
    expect(p.itemCount).toBe(18);
    const order = p.groups.map((g) => PROFILE_DOMAIN_ORDER.indexOf(g.domain!));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(p.peers).toHaveLength(10);
    expect(p.peers.map((x) => x.index)).not.toContain(gouda);
    expect(p.peerCount).toBe(25);
    for (const s of p.advice) expect(ms.networksOf.get(gouda)!.has(s.network)).toBe(false);
    expect(p.sizeClass?.code).toBe(5);
    expect(p.sourceUses.get('cbs-kwb-2024')).toBeGreaterThanOrEqual(1);
    const line = attribution(index.network.sources, p.sourceUses).line;
    expect(line).toMatch(/^Bron: CBS \(CC BY 4\.0\)/);
  });

  it('Amsterdam: its koploper positions and whom it learned from', () => {
    const p = municipalityProfile(index, ms, at('GM0363'), stats);
    expect(p.itemCount).toBeGreaterThanOrEqual(20);
    const leads = p.positions.filter((x) => x.role === 'frontrunner');
    expect(leads.length).toBeGreaterThanOrEqual(2);
    expect(leads.flatMap((x) => x.networks)).toContain('Signalen');
    // Koplopers first.
    const roles = p.positions.map((x) => x.role);
    expect(
      roles.indexOf('follower') === -1 ||
        roles.lastIndexOf('frontrunner') < roles.indexOf('follower'),
    ).toBe(true);
  });

  it('Vlieland, with few relations, still gets peers of its own size', () => {
    const p = municipalityProfile(index, ms, at('GM0096'), stats);
    expect(p.itemCount).toBeGreaterThan(5);
    expect(p.peers).toHaveLength(10);
    for (const peer of p.peers)
      expect(index.organisations[peer.index]!.population!).toBeLessThan(20_000);
    expect(name(p.of)).toBe('Vlieland');
  });
});

describe('attribution', () => {
  it('names CBS first with its licence, shortens publishers and counts the rest', () => {
    const sources = [
      { id: 'a', title: 'x', publisher: 'Overheid.nl (officielebekendmakingen.nl)' },
      { id: 'b', title: 'y', publisher: 'CBS / PDOK (kopie: cartomap/nl)' },
      { id: 'c', title: 'z', publisher: 'Vereniging van Nederlandse Gemeenten' },
      { id: 'd', title: 'w', publisher: 'Avri / deelnemende gemeenten', licence: 'CC0' },
      { id: 'e', title: 'v', publisher: 'Gemeente Gouda' },
    ];
    expect(shortPublisher(sources[0]!)).toBe('Overheid.nl');
    const uses = new Map([
      ['a', 3],
      ['b', 1],
      ['c', 5],
      ['d', 1],
      ['e', 1],
    ]);
    expect(attribution(sources, uses).line).toBe(
      'Bron: CBS (CC BY 4.0), VNG, Overheid.nl, Avri (CC0) en Gemeente Gouda.',
    );
    expect(attribution(sources, uses, { max: 2 }).line).toBe(
      'Bron: CBS (CC BY 4.0), VNG en 3 andere bronnen.',
    );
    expect(attribution(sources, new Map()).line).toMatch(/niet vastgelegd/);
  });

  it('counts every record of a network once per source it names', () => {
    const uses = networkSourceUses(index.network);
    expect(uses.get('cbs-kwb-2024')).toBeGreaterThan(300);
  });
});
