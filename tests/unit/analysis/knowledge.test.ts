import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from '../../../src/analysis/graphIndex';
import {
  adoptionByYear,
  learningPeers,
  municipalityKnowledge,
  rolesOnTheme,
  themeFromParam,
  themeOverview,
  themeSummaries,
  whoToLearnFrom,
  withKnowledgeReferences,
} from '../../../src/analysis/knowledge';
import { buildMemberships } from '../../../src/analysis/memberships';
import type { Position, Theme } from '../../../src/domain/knowledge';
import type { Network } from '../../../src/domain/network';
import type { Organisation } from '../../../src/domain/organisation';
import type { Relation } from '../../../src/domain/relation';
import { validateValue as importValue } from '../../../src/io/validateDocument';

// A hand-made network; the answers were worked out on paper.
//   gouda     70 000  follower on veiligheid (in ibd, since 2019), learned from nijmegen (2021)
//   nijmegen 180 000  frontrunner on veiligheid (stated, in ibd, since 2015)
//   delft    100 000  learned from gouda on veiligheid -> gouda also taught, but stated follower wins
//   hoorn     72 000  frontrunner on ict (stated)
//   amsterdam 900 000 frontrunner on ict (from a relation: utrecht learned from it)
//   utrecht  360 000  learned from amsterdam on ict
//   ibd (service, theme veiligheid): users gouda 2019, nijmegen 2015, delft (no year), hoorn 2017
const themes: Theme[] = [
  { id: 'veiligheid', label: 'Informatieveiligheid' },
  { id: 'ict', label: 'Common Ground' },
  { id: 'stil', label: 'Omgevingswet' },
];
const m = (id: string, population: number, positions?: Position[]): Organisation => ({
  id,
  kind: 'municipality',
  name: id,
  population,
  ...(positions ? { positions } : {}),
});
const learned = (source: string, target: string, theme: string, since?: string): Relation => ({
  source,
  target,
  type: 'knowledge',
  role: 'follower',
  themes: [theme],
  ...(since ? { since } : {}),
});
const uses = (source: string, since?: string): Relation => ({
  source,
  target: 'ibd',
  type: 'uses',
  ...(since ? { since } : {}),
});

function sample(): Network {
  return {
    title: 't',
    sources: [],
    themes,
    organisations: [
      m('gouda', 70_000, [
        { theme: 'veiligheid', role: 'follower', network: 'ibd', since: '2019-05' },
      ]),
      m('nijmegen', 180_000, [
        { theme: 'veiligheid', role: 'frontrunner', network: 'ibd', since: '2015' },
      ]),
      m('delft', 100_000),
      m('hoorn', 72_000, [{ theme: 'ict', role: 'frontrunner' }]),
      m('amsterdam', 900_000),
      m('utrecht', 360_000),
      { id: 'ibd', kind: 'sharedService', name: 'IBD', themes: ['veiligheid'] },
      { id: 'vng', kind: 'association', name: 'VNG' },
    ],
    relations: [
      learned('gouda', 'nijmegen', 'veiligheid', '2021'),
      learned('delft', 'gouda', 'veiligheid'),
      learned('utrecht', 'amsterdam', 'ict'),
      uses('gouda', '2019'),
      uses('nijmegen', '2015-03-01'),
      uses('delft'),
      uses('hoorn', '2017'),
      { source: 'gouda', target: 'vng', type: 'member' },
    ],
  };
}

describe('rolesOnTheme (the map role function)', () => {
  it('gives stated positions, and roles read from knowledge relations', () => {
    const roles = rolesOnTheme(sample(), 'ict');
    expect(Object.fromEntries(roles)).toEqual({
      hoorn: { role: 'frontrunner', stated: true },
      amsterdam: { role: 'frontrunner', stated: false },
      utrecht: { role: 'follower', stated: false },
    });
  });

  it('lets a stated position win over what relations suggest', () => {
    const roles = rolesOnTheme(sample(), 'veiligheid');
    // Delft learned from Gouda, but Gouda said it follows.
    expect(roles.get('gouda')).toEqual({ role: 'follower', stated: true });
    expect(roles.get('nijmegen')).toEqual({ role: 'frontrunner', stated: true });
    expect(roles.get('delft')).toEqual({ role: 'follower', stated: false });
    expect(roles.has('ibd')).toBe(false);
  });

  it('reads a relation marked frontrunner as the source teaching the target', () => {
    const network = sample();
    network.relations.push({
      source: 'hoorn',
      target: 'delft',
      type: 'knowledge',
      role: 'frontrunner',
      themes: ['stil'],
    });
    expect(Object.fromEntries(rolesOnTheme(network, 'stil'))).toEqual({
      hoorn: { role: 'frontrunner', stated: false },
      delft: { role: 'follower', stated: false },
    });
  });

  it('is empty for a theme nobody recorded', () => {
    expect(rolesOnTheme(sample(), 'stil').size).toBe(0);
  });
});

describe('themeOverview and themeSummaries', () => {
  const index = buildGraphIndex(sample());

  it('lists the koplopers, the volgers, who learned from whom and the services', () => {
    const o = themeOverview(index, themes[0]!);
    const name = (i: number) => index.organisations[i]!.id;
    expect(o.frontrunners.map((h) => name(h.organisation))).toEqual(['nijmegen']);
    expect(o.followers.map((h) => name(h.organisation))).toEqual(['delft', 'gouda']);
    expect(o.flows.map((f) => `${name(f.learner)}<-${name(f.from)}`)).toEqual([
      'delft<-gouda',
      'gouda<-nijmegen',
    ]);
    expect(o.flows[1]!.since).toBe('2021');
    expect(o.services.map(name)).toEqual(['ibd']);
    expect(o.frontrunners[0]!.positions).toEqual([
      { theme: 'veiligheid', role: 'frontrunner', network: 'ibd', since: '2015' },
    ]);
    expect(o.empty).toBe(false);
  });

  it('says when a theme is empty', () => {
    const o = themeOverview(index, themes[2]!);
    expect(o).toMatchObject({ frontrunners: [], followers: [], flows: [], services: [] });
    expect(o.empty).toBe(true);
  });

  it('counts per theme, in the order of the theme list', () => {
    expect(themeSummaries(index).map((s) => [s.theme.id, s.frontrunners, s.followers])).toEqual([
      ['veiligheid', 1, 2],
      ['ict', 2, 1],
      ['stil', 0, 0],
    ]);
  });

  it('finds a theme from the URL parameter, and nothing for an unknown one', () => {
    expect(themeFromParam('ict', themes)?.label).toBe('Common Ground');
    expect(themeFromParam('onbekend', themes)).toBeUndefined();
    expect(themeFromParam(null, themes)).toBeUndefined();
  });
});

describe('adoptionByYear', () => {
  it('counts municipalities by the year they joined, filling the gaps, with the rest undated', () => {
    const index = buildGraphIndex(sample());
    const adoption = adoptionByYear(index, index.indexOf.get('ibd')!);
    expect(adoption.points).toEqual([
      { year: 2015, added: 1, total: 1 },
      { year: 2016, added: 0, total: 1 },
      { year: 2017, added: 1, total: 2 },
      { year: 2018, added: 0, total: 2 },
      { year: 2019, added: 1, total: 3 },
    ]);
    expect(adoption.undated).toBe(1);
    expect(adoption.adopters).toBe(4);
  });

  it('dates by the relation, and by a position only where there is no relation', () => {
    const network = sample();
    // Delft joins without a relation: its position dates it. Gouda's relation
    // keeps 2019 although its position says 2021.
    network.relations = network.relations.filter(
      (r) => !(r.source === 'delft' && r.type === 'uses'),
    );
    network.organisations[2] = m('delft', 100_000, [
      { theme: 'veiligheid', role: 'follower', network: 'ibd', since: '2016-02-01' },
    ]);
    network.organisations[0]!.positions![0]!.since = '2021';
    const index = buildGraphIndex(network);
    const adoption = adoptionByYear(index, index.indexOf.get('ibd')!);
    expect(adoption.points.map((p) => [p.year, p.added])).toEqual([
      [2015, 1],
      [2016, 1],
      [2017, 1],
      [2018, 0],
      [2019, 1],
    ]);
    expect(adoption.undated).toBe(0);
  });

  it('has no points when no year is known', () => {
    const index = buildGraphIndex(sample());
    expect(adoptionByYear(index, index.indexOf.get('vng')!)).toEqual({
      service: index.indexOf.get('vng'),
      points: [],
      undated: 1,
      adopters: 1,
    });
  });
});

describe('a municipality: where it leads, follows, is absent, and who to learn from', () => {
  const network = sample();
  const index = buildGraphIndex(network);
  const memberships = buildMemberships(index);
  const gouda = index.indexOf.get('gouda')!;

  it('gives its standing per theme', () => {
    const standings = municipalityKnowledge(index, gouda);
    expect(standings.map((s) => [s.theme.id, s.role ?? null, s.stated])).toEqual([
      ['veiligheid', 'follower', true],
      ['ict', null, false],
      ['stil', null, false],
    ]);
    const veiligheid = standings[0]!;
    expect(veiligheid.learnedFrom.map((f) => index.organisations[f.from]!.id)).toEqual([
      'nijmegen',
    ]);
    expect(veiligheid.taught.map((f) => index.organisations[f.learner]!.id)).toEqual(['delft']);
    expect(veiligheid.services.map((n) => index.organisations[n]!.id)).toEqual(['ibd']);
  });

  it('suggests peers of similar size that lead where it has no role, then the others', () => {
    const peers = learningPeers(index, memberships, gouda);
    // ±50%: 35 000 to 105 000 inhabitants.
    expect(peers.map((p) => index.organisations[p.index]!.id).sort()).toEqual(['delft', 'hoorn']);
    const suggestions = whoToLearnFrom(index, gouda, municipalityKnowledge(index, gouda), peers);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.theme.id).toBe('ict');
    expect(suggestions[0]!.peers.map((p) => index.organisations[p.peer.index]!.id)).toEqual([
      'hoorn',
    ]);
    expect(suggestions[0]!.peers[0]!.positions).toEqual([{ theme: 'ict', role: 'frontrunner' }]);
    expect(suggestions[0]!.others.map((i) => index.organisations[i]!.id)).toEqual(['amsterdam']);
  });

  it('suggests nothing on a theme where it already has a role', () => {
    const nijmegen = index.indexOf.get('nijmegen')!;
    const standings = municipalityKnowledge(index, nijmegen);
    const themesSuggested = whoToLearnFrom(index, nijmegen, standings, []).map((s) => s.theme.id);
    expect(themesSuggested).not.toContain('veiligheid');
  });
});

describe('withKnowledgeReferences (an export of what is on screen)', () => {
  it('adds the themes and sources named, and drops positions in a network left out', () => {
    const whole = sample();
    whole.sources = [
      { id: 'a', title: 'A' },
      { id: 'b', title: 'B' },
    ];
    whole.organisations[1]!.positions![0]!.sourceId = 'b';
    whole.organisations[3]!.positions![0]!.sourceId = 'a';
    const part: Network = {
      title: 't',
      sources: [],
      organisations: whole.organisations.filter((o) =>
        ['gouda', 'nijmegen', 'hoorn'].includes(o.id),
      ),
      relations: whole.relations.filter((r) => r.source === 'gouda' && r.target === 'nijmegen'),
    };
    const done = withKnowledgeReferences(part, whole);
    // The IBD is not in the part: the positions held in it cannot come along.
    expect(done.organisations.find((o) => o.id === 'gouda')!.positions).toBeUndefined();
    expect(done.organisations.find((o) => o.id === 'nijmegen')!.positions).toBeUndefined();
    expect(done.organisations.find((o) => o.id === 'hoorn')!.positions).toHaveLength(1);
    expect(done.themes!.map((t) => t.id)).toEqual(['veiligheid', 'ict']);
    expect(done.sources.map((s) => s.id)).toEqual(['a']);
    const result = importValue({ format: 'netwerkkaart', version: 1, ...done });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('the national dataset', () => {
  const result = importValue(JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')));
  if (!result.ok) throw new Error('the embedded dataset does not import');
  const index = buildGraphIndex(result.network);
  const verkiezingen = result.network.themes!.find((t) => t.id === 'verkiezingen')!;

  it('has Rotterdam as the koploper of the StembureauApp, with who learned from it', () => {
    const o = themeOverview(index, verkiezingen);
    const names = (list: { organisation: number }[]) =>
      list.map((h) => index.organisations[h.organisation]!.name);
    expect(names(o.frontrunners)).toEqual(['Rotterdam']);
    expect(names(o.followers)).toEqual([
      "'s-Gravenhage",
      'Eindhoven',
      'Groningen',
      'Utrecht',
      'Zoetermeer',
    ]);
    expect(o.flows.every((f) => index.organisations[f.from]!.name === 'Rotterdam')).toBe(true);
    expect(rolesOnTheme(result.network, 'verkiezingen').get('GM0599')).toEqual({
      role: 'frontrunner',
      stated: true,
    });
  });

  it('draws the track record of the StembureauApp from the sourced years', () => {
    const adoption = adoptionByYear(index, index.indexOf.get('stembureauapp')!);
    expect(adoption.points[0]).toEqual({ year: 2012, added: 1, total: 1 });
    expect(adoption.points.at(-1)).toEqual({ year: 2019, added: 1, total: 6 });
    expect(adoption.undated).toBe(0);
  });

  it('gives the IBD its theme, and leaves the Omgevingswet honestly empty', () => {
    const ibd = index.organisations[index.indexOf.get('ibd')!]!;
    expect(ibd.themes).toEqual(['informatieveiligheid']);
    const omgevingswet = result.network.themes!.find((t) => t.id === 'omgevingswet')!;
    expect(themeOverview(index, omgevingswet).empty).toBe(true);
  });

  it('names a source for every knowledge fact', () => {
    const sourceIds = new Set(result.network.sources.map((s) => s.id));
    for (const org of result.network.organisations)
      for (const p of org.positions ?? []) expect(sourceIds.has(p.sourceId!), org.id).toBe(true);
    for (const r of result.network.relations.filter((x) => x.themes?.length))
      expect(sourceIds.has(r.sourceId!)).toBe(true);
  });
});
