import { describe, expect, it } from 'vitest';
import { incomingKnowledge, myAdditions } from '../../../src/analysis/additions';
import { rolesOnTheme } from '../../../src/analysis/knowledge';
import { applyEdit } from '../../../src/domain/edits';
import { recorderOfSource, recordingSource } from '../../../src/domain/knowledge';
import { planMerge } from '../../../src/domain/merge';
import type { Network } from '../../../src/domain/network';
import { exchangeJson } from '../../../src/io/exportNetwork';
import { importJsonText } from '../../../src/io/importNetwork';
import { sampleNetwork } from '../fixtures';

const THEMES = [
  { id: 'informatieveiligheid', label: 'Informatieveiligheid' },
  { id: 'verkiezingen', label: 'Verkiezingen' },
];

/** The "national" data: the sample network with themes. */
function national(): Network {
  return { ...sampleNetwork(), themes: structuredClone(THEMES) };
}

const day = new Date(2026, 10, 30, 14, 0);
const gouda = { id: 'GM0513', name: 'Gouda' };
const goudaSource = recordingSource(gouda, day);
const amsterdamSource = recordingSource({ id: 'GM0363', name: 'Amsterdam' }, day);

/** What Gouda recorded in its browser, and a fact Amsterdam's file brought in. */
function recorded(): Network {
  let n = national();
  n = { ...n, sources: [...n.sources, goudaSource, amsterdamSource] };
  const g = n.organisations.find((o) => o.id === 'GM0513')!;
  n = applyEdit(n, {
    type: 'putOrganisation',
    before: g,
    after: {
      ...g,
      positions: [
        {
          theme: 'informatieveiligheid',
          role: 'follower',
          network: 'ibd',
          reason: 'Wij volgen de IBD.',
          sourceId: goudaSource.id,
        },
      ],
    },
  });
  n = applyEdit(n, {
    type: 'putRelation',
    before: null,
    after: {
      source: 'GM0513',
      target: 'GM0363',
      type: 'knowledge',
      role: 'follower',
      themes: ['informatieveiligheid'],
      since: '2026-11',
      reason: 'Amsterdam deelde zijn draaiboek.',
      sourceId: goudaSource.id,
    },
  });
  const a = n.organisations.find((o) => o.id === 'GM0363')!;
  return applyEdit(n, {
    type: 'putOrganisation',
    before: a,
    after: {
      ...a,
      positions: [{ theme: 'verkiezingen', role: 'frontrunner', sourceId: amsterdamSource.id }],
    },
  });
}

describe('the provenance of recorded facts', () => {
  it('names the recording municipality and the date, one source a day', () => {
    expect(goudaSource).toEqual({
      id: 'vastgelegd-gm0513-2026-11-30',
      title: 'Vastgelegd door gemeente Gouda op 30 november 2026',
      publisher: 'Gemeente Gouda',
      year: 2026,
    });
    expect(recorderOfSource(goudaSource.id)).toBe('gm0513');
    expect(recorderOfSource('cbs-kwb-2024')).toBeUndefined();
  });
});

describe('myAdditions', () => {
  const { network: additions, summary } = myAdditions(recorded(), national(), {
    recorder: 'GM0513',
    title: 'Aanvullingen van gemeente Gouda',
  });

  it("carries one's own facts, with the endpoints, themes and sources they need", () => {
    expect(summary).toEqual({
      newOrganisations: 0,
      changedOrganisations: 1,
      newRelations: 1,
      changedRelations: 0,
      knowledgeFacts: 2,
    });
    expect(additions.relations).toHaveLength(1);
    expect(additions.relations[0]).toMatchObject({ source: 'GM0513', target: 'GM0363' });
    expect(additions.organisations.map((o) => o.id).sort()).toEqual(['GM0363', 'GM0513', 'ibd']);
    expect(additions.sources).toEqual([goudaSource]);
    expect(additions.themes).toEqual([THEMES[0]]);
  });

  it('carries a changed record as what identifies it plus what changed, nothing else', () => {
    const g = additions.organisations.find((o) => o.id === 'GM0513')!;
    expect(Object.keys(g).sort()).toEqual(
      ['cbsCode', 'id', 'kind', 'name', 'positions', 'province'].sort(),
    );
    // Amsterdam is only an endpoint here: its own facts are Amsterdam's to share.
    const a = additions.organisations.find((o) => o.id === 'GM0363')!;
    expect(a.positions).toBeUndefined();
    expect(a.population).toBeUndefined();
  });

  it('is a valid exchange document on its own', () => {
    const result = importJsonText(exchangeJson(additions));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('is empty when nothing was added', () => {
    const none = myAdditions(national(), national());
    expect(none.network.organisations).toEqual([]);
    expect(none.network.relations).toEqual([]);
  });

  it('brings the facts back, with provenance and theme, when merged into the national data', () => {
    const file = importJsonText(exchangeJson(additions));
    if (!file.ok) throw new Error('not valid');
    const base = national();
    const plan = planMerge(base, file.network);
    expect(plan.relations.added).toBe(1);
    expect(plan.sources.added).toBe(1);
    const merged: Network = {
      ...base,
      sources: [...base.sources, ...plan.sourcesToPut],
      organisations: base.organisations.map(
        (o) => plan.organisationsToPut.find((p) => p.id === o.id) ?? o,
      ),
      relations: [...base.relations, ...plan.relationsToPut],
    };
    const roles = rolesOnTheme(merged, 'informatieveiligheid');
    expect(roles.get('GM0513')).toEqual({ role: 'follower', stated: true });
    expect(roles.get('GM0363')).toEqual({ role: 'frontrunner', stated: false });
    const g = merged.organisations.find((o) => o.id === 'GM0513')!;
    expect(g.population).toBe(70_000);
    expect(g.positions![0]!.sourceId).toBe(goudaSource.id);
  });
});

describe('merging knowledge lists', () => {
  it('adds positions and themes to what is there instead of replacing them', () => {
    const base = national();
    base.organisations[0]!.positions = [{ theme: 'verkiezingen', role: 'frontrunner' }];
    base.organisations[4]!.themes = ['informatieveiligheid'];
    const incoming: Network = {
      title: 'x',
      sources: [],
      themes: [{ id: 'verkiezingen', label: 'Verkiezingen en referenda' }],
      organisations: [
        {
          id: 'GM0513',
          kind: 'municipality',
          name: 'Gouda',
          positions: [
            { theme: 'informatieveiligheid', role: 'follower' },
            { theme: 'verkiezingen', role: 'follower' },
          ],
        },
        { id: 'ibd', kind: 'sharedService', name: 'IBD', themes: ['verkiezingen'] },
      ],
      relations: [],
    };
    const plan = planMerge(base, incoming);
    const g = plan.organisationsToPut.find((o) => o.id === 'GM0513')!;
    expect(g.positions).toEqual([
      { theme: 'verkiezingen', role: 'follower' },
      { theme: 'informatieveiligheid', role: 'follower' },
    ]);
    expect(g.population).toBe(70_000);
    expect(plan.organisationsToPut.find((o) => o.id === 'ibd')!.themes).toEqual([
      'informatieveiligheid',
      'verkiezingen',
    ]);
    expect(plan.themes).toEqual({ added: 0, updated: 1, unchanged: 0 });
  });
});

describe('incomingKnowledge (the merge preview)', () => {
  it('lists the positions and learned-from relations a file adds or changes', () => {
    const { network: file } = myAdditions(recorded(), national(), { recorder: 'GM0513' });
    const facts = incomingKnowledge(national(), file);
    expect(facts.map((f) => f.kind)).toEqual(['position', 'learned']);
    expect(facts[1]).toMatchObject({ kind: 'learned', learner: 'GM0513', from: 'GM0363' });
    // Once merged, the same file adds nothing new.
    expect(incomingKnowledge(recorded(), file)).toEqual([]);
  });
});
