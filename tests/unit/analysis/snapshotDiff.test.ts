import { describe, expect, it } from 'vitest';
import { diffIsEmpty, diffNetworks, unionForDiff } from '../../../src/analysis/snapshotDiff';
import { sampleNetwork } from '../fixtures';

describe('diffNetworks', () => {
  it('finds nothing between a network and itself', () => {
    expect(diffIsEmpty(diffNetworks(sampleNetwork(), sampleNetwork()))).toBe(true);
  });

  it('lists exactly the known set of changes, with field, old and new value', () => {
    const before = sampleNetwork();
    const after = sampleNetwork();
    after.organisations = after.organisations.filter((o) => o.id !== 'min-bzk');
    after.relations = after.relations.filter((r) => r.target !== 'min-bzk');
    after.organisations.push({ id: 'g40', kind: 'association', name: 'G40' });
    after.relations.push({ source: 'GM0513', target: 'g40', type: 'member' });
    after.organisations[0] = { ...after.organisations[0]!, population: 71_000, shortName: 'Gouda' };
    after.relations[3] = { ...after.relations[3]!, role: 'frontrunner' };
    const d = diffNetworks(before, after);
    expect(d.organisations.added.map((o) => o.id)).toEqual(['g40']);
    expect(d.organisations.removed.map((o) => o.id)).toEqual(['min-bzk']);
    expect(d.organisations.changed).toHaveLength(1);
    expect(d.organisations.changed[0]!.fields).toEqual([
      { field: 'population', before: 70_000, after: 71_000 },
      { field: 'shortName', before: undefined, after: 'Gouda' },
    ]);
    expect(d.relations.added.map((r) => r.target)).toEqual(['g40']);
    expect(d.relations.removed.map((r) => r.source)).toEqual(['vng']);
    expect(d.relations.changed.map((c) => c.fields)).toEqual([
      [{ field: 'role', before: 'follower', after: 'frontrunner' }],
    ]);
  });

  it('keeps removed organisations in the union so the map can mark them', () => {
    const before = sampleNetwork();
    const after = {
      ...sampleNetwork(),
      organisations: sampleNetwork().organisations.slice(0, 5),
      relations: sampleNetwork().relations.slice(0, 5),
    };
    const d = diffNetworks(before, after);
    const union = unionForDiff(before, after, d);
    expect(union.organisations).toHaveLength(6);
    expect(union.relations).toHaveLength(7);
  });
});
