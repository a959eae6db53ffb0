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
