import { describe, expect, it } from 'vitest';
import { planMerge, sameRecord } from '../../../src/domain/merge';
import { networkProblems, sortNetwork } from '../../../src/domain/network';
import { sampleNetwork } from '../fixtures';

describe('planMerge', () => {
  it('counts added, updated and unchanged records and deletes nothing', () => {
    const current = sampleNetwork();
    const incoming = sampleNetwork();
    incoming.organisations = [
      { ...incoming.organisations[0]!, population: 71_000 }, // updated
      incoming.organisations[1]!, // unchanged
      { id: 'g40', kind: 'association', name: 'G40-stedennetwerk' }, // added
    ];
    incoming.relations = [
      incoming.relations[0]!,
      { source: 'GM0513', target: 'g40', type: 'member' },
    ];
    const plan = planMerge(current, incoming);
    expect(plan.organisations).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(plan.relations).toEqual({ added: 1, updated: 0, unchanged: 1 });
    expect(plan.organisationsToPut.map((o) => o.id).sort()).toEqual(['GM0513', 'g40']);
    expect(plan.organisationsToPut.find((o) => o.id === 'GM0513')?.population).toBe(71_000);
  });

  it('keeps fields the incoming record leaves out', () => {
    const current = sampleNetwork();
    const plan = planMerge(current, {
      ...current,
      organisations: [{ id: 'vng', kind: 'association', name: 'VNG' }],
    });
    expect(plan.organisations.updated).toBe(1);
    expect(plan.organisationsToPut[0]).toMatchObject({ name: 'VNG', website: 'https://vng.nl' });
  });
});

describe('planMerge recognises what is there and changes nothing quietly', () => {
  it('finds a municipality by CBS code under another id, with its relations', () => {
    const current = sampleNetwork();
    const plan = planMerge(current, {
      title: 'Bestand',
      sources: [],
      organisations: [
        { id: 'gouda', kind: 'municipality', name: 'Gouda', cbsCode: 'GM0513', population: 76_000 },
        { id: 'vng', kind: 'association', name: 'Vereniging van Nederlandse Gemeenten' },
      ],
      relations: [{ source: 'gouda', target: 'vng', type: 'member', since: '2000' }],
    });
    expect(plan.organisations.added).toBe(0);
    const gouda = plan.organisationChanges.find((c) => c.record.id === 'GM0513')!;
    expect(gouda).toMatchObject({ status: 'updated', matchedBy: 'cbsCode', incomingId: 'gouda' });
    expect(gouda.changes).toEqual([{ field: 'population', before: 70_000, after: 76_000 }]);
    // The relation lands on the stored id, and is the stored relation with a date.
    expect(plan.relationChanges).toEqual([
      {
        status: 'updated',
        record: {
          source: 'GM0513',
          target: 'vng',
          type: 'member',
          sourceId: 'test',
          since: '2000',
        },
        changes: [{ field: 'since', before: undefined, after: '2000' }],
      },
    ]);
  });

  it('finds a municipality by its exact name, as a d3 file names it, and keeps its kind', () => {
    const current = sampleNetwork();
    const plan = planMerge(current, {
      title: 'd3',
      sources: [],
      // A d3 node without kind gets the chosen default, here an association.
      organisations: [{ id: 'Gouda', kind: 'association', name: 'Gouda', population: 75_000 }],
      relations: [],
    });
    expect(plan.organisations).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(plan.kindConflicts).toEqual([
      { id: 'GM0513', name: 'Gouda', current: 'municipality', incoming: 'association' },
    ]);
    const [put] = plan.organisationsToPut;
    expect(put).toMatchObject({ id: 'GM0513', kind: 'municipality', population: 75_000 });
  });

  it('changes a kind only where the user chose it', () => {
    const current = sampleNetwork();
    const incoming = {
      ...current,
      organisations: [{ ...current.organisations[4]!, kind: 'association' as const }],
    };
    expect(planMerge(current, incoming).organisationsToPut).toEqual([]);
    const chosen = planMerge(current, incoming, { acceptKinds: new Set(['ibd']) });
    expect(chosen.organisationsToPut[0]!.kind).toBe('association');
    expect(chosen.organisationChanges[0]!.changes).toEqual([
      { field: 'kind', before: 'sharedService', after: 'association' },
    ]);
  });

  it('does not guess between two municipalities of one name, nor matches other kinds by name', () => {
    const current = sampleNetwork();
    current.organisations.push({ id: 'GM9999', kind: 'municipality', name: 'Gouda' });
    const plan = planMerge(current, {
      ...current,
      organisations: [
        { id: 'gouda', kind: 'municipality', name: 'Gouda' },
        { id: 'vng2', kind: 'association', name: 'Vereniging van Nederlandse Gemeenten' },
      ],
      relations: [],
    });
    expect(plan.organisations.added).toBe(2);
  });

  it('lists every field of an added record', () => {
    const current = sampleNetwork();
    const plan = planMerge(current, {
      ...current,
      organisations: [{ id: 'g40', kind: 'association', name: 'G40' }],
      relations: [{ source: 'GM0513', target: 'g40', type: 'member' }],
    });
    expect(plan.organisationChanges).toEqual([
      {
        status: 'added',
        record: { id: 'g40', kind: 'association', name: 'G40' },
        changes: [
          { field: 'id', before: undefined, after: 'g40' },
          { field: 'kind', before: undefined, after: 'association' },
          { field: 'name', before: undefined, after: 'G40' },
        ],
      },
    ]);
    expect(plan.relationChanges[0]!.status).toBe('added');
  });
});

describe('sameRecord', () => {
  it('ignores key order and undefined fields', () => {
    expect(sameRecord({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(
      true,
    );
    expect(sameRecord({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameRecord([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});

describe('network invariants', () => {
  it('finds no problem in a sound network', () => {
    expect(networkProblems(sampleNetwork())).toEqual([]);
  });
  it('names duplicate ids, dangling and duplicate relations', () => {
    const n = sampleNetwork();
    n.organisations.push({ id: 'vng', kind: 'association', name: 'dubbel' });
    n.relations.push({ source: 'GM0513', target: 'nergens', type: 'member' });
    n.relations.push({ ...n.relations[0]! });
    const problems = networkProblems(n);
    expect(problems).toContain('dubbele id "vng"');
    expect(problems).toContain('relatie naar onbekend doel "nergens"');
    expect(problems.some((p) => p.startsWith('dubbele relatie'))).toBe(true);
  });
  it('sorts into a stable order', () => {
    const a = sampleNetwork();
    const b = sampleNetwork();
    b.organisations.reverse();
    b.relations.reverse();
    expect(sortNetwork(a)).toEqual(sortNetwork(b));
  });
});
