import { describe, expect, it } from 'vitest';
import {
  applyEdit,
  describeEdit,
  emptyUndo,
  invertEdit,
  isNoOp,
  mergeConcurrent,
  nameLookup,
  recordEdit,
  redo,
  referencedIds,
  relationsOf,
  undo,
  type Edit,
} from '../../../src/domain/edits';
import { networkProblems, sortNetwork, type Network } from '../../../src/domain/network';
import type { Organisation } from '../../../src/domain/organisation';
import type { Relation } from '../../../src/domain/relation';
import { sampleNetwork } from '../fixtures';

const g40: Organisation = {
  id: 'g40',
  kind: 'association',
  name: 'G40-stedennetwerk',
  shortName: 'G40',
};
const gouda = () => sampleNetwork().organisations.find((o) => o.id === 'GM0513')!;
const goudaG40: Relation = { source: 'GM0513', target: 'g40', type: 'member' };

// Every kind of edit, valid against sampleNetwork() (batch: against it plus g40).
function edits(): Edit[] {
  const net = sampleNetwork();
  const vngBzk = net.relations.find((r) => r.source === 'vng' && r.target === 'min-bzk')!;
  return [
    { type: 'putOrganisation', before: null, after: g40 },
    { type: 'putOrganisation', before: gouda(), after: { ...gouda(), population: 75_000 } },
    { type: 'removeOrganisation', organisation: gouda(), relations: relationsOf(net, 'GM0513') },
    {
      type: 'putRelation',
      before: vngBzk,
      after: { ...vngBzk, note: 'Interbestuurlijk', since: '2020' },
    },
    // A change of type moves the relation to another key.
    { type: 'putRelation', before: vngBzk, after: { ...vngBzk, type: 'knowledge' } },
    { type: 'removeRelation', relation: vngBzk },
    {
      type: 'batch',
      label: 'G40 met Gouda',
      edits: [
        { type: 'putOrganisation', before: null, after: g40 },
        { type: 'putRelation', before: null, after: goudaG40 },
      ],
    },
  ];
}

const normal = (n: Network) => sortNetwork(n);

describe('applyEdit and invertEdit', () => {
  it.each(edits().map((e) => [e.type, e] as const))(
    '%s: applying the inverse gives the network back',
    (_type, edit) => {
      const net = sampleNetwork();
      const after = applyEdit(net, edit);
      expect(networkProblems(after)).toEqual([]);
      expect(normal(after)).not.toEqual(normal(net));
      expect(normal(applyEdit(after, invertEdit(edit)))).toEqual(normal(net));
      // Undo then redo: the inverse of the inverse does the same as the edit.
      expect(normal(applyEdit(net, invertEdit(invertEdit(edit))))).toEqual(normal(after));
    },
  );

  it('does not change the network it is given', () => {
    const net = sampleNetwork();
    for (const edit of edits()) applyEdit(net, edit);
    expect(net).toEqual(sampleNetwork());
  });

  it('removing an organisation takes its relations; restoring brings them back', () => {
    const net = sampleNetwork();
    const goes = relationsOf(net, 'GM0513');
    expect(goes).toHaveLength(3);
    const edit: Edit = { type: 'removeOrganisation', organisation: gouda(), relations: goes };
    const after = applyEdit(net, edit);
    expect(after.organisations.map((o) => o.id)).not.toContain('GM0513');
    expect(after.relations).toHaveLength(4);
    expect(relationsOf(after, 'GM0513')).toEqual([]);
    const back = applyEdit(after, invertEdit(edit));
    expect(invertEdit(edit).type).toBe('restoreOrganisation');
    expect(relationsOf(back, 'GM0513')).toHaveLength(3);
  });

  it('changes a record in place and adds a new one at the end', () => {
    const net = sampleNetwork();
    const changed = applyEdit(net, edits()[1]!);
    expect(changed.organisations[0]).toMatchObject({ id: 'GM0513', population: 75_000 });
    const added = applyEdit(net, edits()[0]!);
    expect(added.organisations.at(-1)).toEqual(g40);
  });

  it('a relation whose type changes leaves its old key', () => {
    const net = sampleNetwork();
    const after = applyEdit(net, edits()[4]!);
    const between = after.relations.filter((r) => r.source === 'vng' && r.target === 'min-bzk');
    expect(between.map((r) => r.type)).toEqual(['knowledge']);
    expect(after.relations).toHaveLength(net.relations.length);
  });

  it('inverts a batch in reverse order', () => {
    const batch = edits()[6]!;
    const inverse = invertEdit(batch);
    expect(inverse).toMatchObject({
      type: 'batch',
      label: 'G40 met Gouda',
      edits: [{ type: 'removeRelation' }, { type: 'removeOrganisation' }],
    });
  });

  it('knows an edit that changes nothing', () => {
    expect(isNoOp({ type: 'putOrganisation', before: gouda(), after: { ...gouda() } })).toBe(true);
    expect(isNoOp(edits()[1]!)).toBe(false);
    expect(isNoOp(edits()[0]!)).toBe(false);
  });
});

describe('describeEdit', () => {
  const nameOf = nameLookup([...sampleNetwork().organisations, g40]);

  it('says what happened in Dutch', () => {
    const all = edits();
    expect(describeEdit(all[0]!, nameOf)).toBe('Vereniging / netwerk G40 toegevoegd');
    expect(describeEdit(all[1]!, nameOf)).toBe('Gemeente Gouda gewijzigd');
    expect(describeEdit(all[2]!, nameOf)).toBe('Gemeente Gouda verwijderd (met 3 relaties)');
    expect(describeEdit(invertEdit(all[2]!), nameOf)).toBe(
      'Gemeente Gouda teruggezet (met 3 relaties)',
    );
    expect(describeEdit({ type: 'putRelation', before: null, after: goudaG40 }, nameOf)).toBe(
      'Relatie Gouda → G40 toegevoegd',
    );
    expect(describeEdit(all[3]!, nameOf)).toBe('Relatie VNG ↔ Ministerie van BZK gewijzigd');
    expect(describeEdit({ type: 'removeRelation', relation: goudaG40 }, nameOf)).toBe(
      'Relatie Gouda → G40 verwijderd',
    );
    expect(describeEdit(all[6]!, nameOf)).toBe('G40 met Gouda');
    expect(describeEdit({ type: 'batch', edits: all.slice(0, 3) }, nameOf)).toBe('3 wijzigingen');
  });

  it('says "1 relatie" and falls back to the id for an unknown name', () => {
    const lone: Edit = {
      type: 'removeOrganisation',
      organisation: g40,
      relations: [goudaG40],
    };
    expect(describeEdit(lone, nameOf)).toBe('Vereniging / netwerk G40 verwijderd (met 1 relatie)');
    expect(
      describeEdit(
        { type: 'removeRelation', relation: { source: 'x', target: 'y', type: 'uses' } },
        nameOf,
      ),
    ).toBe('Relatie x → y verwijderd');
  });

  it('lists the organisations an edit refers to', () => {
    expect(referencedIds(edits()[6]!).sort()).toEqual(['GM0513', 'g40']);
  });
});

describe('undo history', () => {
  const step = (n: number): Edit => ({
    type: 'putOrganisation',
    before: null,
    after: { id: `o${n}`, kind: 'association', name: `O${n}` },
  });

  it('undo gives the inverse and redo the edit again', () => {
    let state = recordEdit(emptyUndo(), step(1));
    state = recordEdit(state, step(2));
    const undone = undo(state);
    expect(undone.edit).toEqual(invertEdit(step(2)));
    expect(undone.state).toEqual({ past: [step(1)], future: [step(2)] });
    const redone = redo(undone.state);
    expect(redone.edit).toEqual(step(2));
    expect(redone.state).toEqual(state);
  });

  it('returns null and the same state when there is nothing to undo or redo', () => {
    const state = emptyUndo();
    expect(undo(state)).toEqual({ state, edit: null });
    expect(redo(state)).toEqual({ state, edit: null });
  });

  it('a new edit clears redo', () => {
    let state = recordEdit(recordEdit(emptyUndo(), step(1)), step(2));
    state = undo(state).state;
    expect(state.future).toHaveLength(1);
    state = recordEdit(state, step(3));
    expect(state.future).toEqual([]);
    expect(state.past).toEqual([step(1), step(3)]);
  });

  it('keeps only the last `limit` steps', () => {
    let state = emptyUndo();
    for (let n = 1; n <= 105; n++) state = recordEdit(state, step(n));
    expect(state.past).toHaveLength(100);
    expect(state.past[0]).toEqual(step(6));
    for (let n = 1; n <= 5; n++) state = recordEdit(state, step(200 + n), 3);
    expect(state.past).toEqual([step(203), step(204), step(205)]);
  });

  it('undoing everything and redoing everything replays the network', () => {
    let net = sampleNetwork();
    let state = emptyUndo();
    for (const edit of [edits()[0]!, edits()[1]!, edits()[3]!]) {
      net = applyEdit(net, edit);
      state = recordEdit(state, edit);
    }
    const done = net;
    for (;;) {
      const r = undo(state);
      if (!r.edit) break;
      net = applyEdit(net, r.edit);
      state = r.state;
    }
    expect(normal(net)).toEqual(normal(sampleNetwork()));
    for (;;) {
      const r = redo(state);
      if (!r.edit) break;
      net = applyEdit(net, r.edit);
      state = r.state;
    }
    expect(normal(net)).toEqual(normal(done));
  });
});

describe('mergeConcurrent', () => {
  const base = gouda();

  it('keeps my changes and their changes to other fields', () => {
    const mine = { ...base, population: 75_000 };
    const theirs = { ...base, province: 'Utrecht', shortName: 'Gouda (ZH)' };
    expect(mergeConcurrent(base, mine, theirs)).toEqual({
      merged: { ...base, population: 75_000, province: 'Utrecht', shortName: 'Gouda (ZH)' },
      conflicts: [],
    });
  });

  it('reports a field both changed differently, and mine wins it', () => {
    const mine = { ...base, population: 75_000, name: 'Gouda (gemeente)' };
    const theirs = { ...base, population: 76_000, populationYear: 2026 };
    const { merged, conflicts } = mergeConcurrent(base, mine, theirs);
    expect(conflicts).toEqual(['population']);
    expect(merged).toMatchObject({
      population: 75_000,
      populationYear: 2026,
      name: 'Gouda (gemeente)',
    });
  });

  it('is no conflict when both made the same change', () => {
    const mine = { ...base, population: 75_000 };
    expect(mergeConcurrent(base, mine, { ...mine }).conflicts).toEqual([]);
  });

  it('handles fields removed on either side', () => {
    const { sourceId: _mineDropped, ...mine } = base;
    const { province: _theirsDropped, ...theirs } = base;
    const { merged, conflicts } = mergeConcurrent(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged).not.toHaveProperty('sourceId');
    expect(merged).not.toHaveProperty('province');
    expect(merged.name).toBe('Gouda');
  });

  it('treats a removed field against a changed one as a conflict', () => {
    const { population: _dropped, ...mine } = base;
    const theirs = { ...base, population: 80_000 };
    const { merged, conflicts } = mergeConcurrent(base, mine, theirs);
    expect(conflicts).toEqual(['population']);
    expect(merged).not.toHaveProperty('population');
  });

  it('compares lists as one field', () => {
    const mine = { ...base, tags: ['G40'] };
    const theirs = { ...base, tags: ['GGU'] };
    expect(mergeConcurrent(base, mine, theirs)).toMatchObject({
      merged: { tags: ['G40'] },
      conflicts: ['tags'],
    });
  });

  it('without a base (both created it) every differing field is a conflict', () => {
    const mine: Organisation = { id: 'x', kind: 'association', name: 'X', website: 'https://x.nl' };
    const theirs: Organisation = { id: 'x', kind: 'association', name: 'Iks', category: 'koepel' };
    const { merged, conflicts } = mergeConcurrent(null, mine, theirs);
    expect(conflicts).toEqual(['name']);
    expect(merged).toEqual({ ...mine, category: 'koepel' });
  });
});
