import { describe, expect, it } from 'vitest';
import {
  EditRefused,
  ReplayConflict,
  applyReplay,
  applyStep,
  nextReplay,
  stepOf,
  type EditRows,
} from '../../../src/domain/applyEdits';
import {
  emptyUndo,
  recordEdit,
  relationsOf,
  type Edit,
  type UndoState,
} from '../../../src/domain/edits';
import type { Network } from '../../../src/domain/network';
import type { Organisation } from '../../../src/domain/organisation';
import { relationKey, type Relation } from '../../../src/domain/relation';
import { sampleNetwork } from '../fixtures';

// The rows of a network in plain maps, as storage keeps them in its chunks:
// what an edit does is tested here without IndexedDB.
function mapRows(network: Network = sampleNetwork()) {
  const organisations = new Map(network.organisations.map((o) => [o.id, o]));
  const relations = new Map(network.relations.map((r) => [relationKey(r), r]));
  let writes = 0;
  const rows: EditRows = {
    getOrganisation: (id) => organisations.get(id),
    putOrganisation: (o) => void (writes++, organisations.set(o.id, o)),
    deleteOrganisation: (id) => void (writes++, organisations.delete(id)),
    getRelation: (key) => relations.get(key),
    putRelation: (r) => void (writes++, relations.set(relationKey(r), r)),
    deleteRelation: (key) => void (writes++, relations.delete(key)),
    relationsOf: (id) => [...relations.values()].filter((r) => r.source === id || r.target === id),
  };
  return {
    rows,
    organisation: (id: string) => organisations.get(id),
    relation: (key: string) => relations.get(key),
    relationsOf: (id: string) => rows.relationsOf(id),
    get writes() {
      return writes;
    },
  };
}

const g40: Organisation = {
  id: 'g40',
  kind: 'association',
  name: 'G40-stedennetwerk',
  shortName: 'G40',
};
const goudaG40: Relation = { source: 'GM0513', target: 'g40', type: 'member' };
const seenGouda = () => sampleNetwork().organisations.find((o) => o.id === 'GM0513')!;
const seenRelation = (key: string) =>
  sampleNetwork().relations.find((r) => relationKey(r) === key)!;

describe('applyStep', () => {
  it('adds an organisation and says so', () => {
    const store = mapRows();
    const step: Edit = { type: 'putOrganisation', before: null, after: g40 };
    expect(applyStep(store.rows, step)).toEqual({
      edit: step,
      description: 'Vereniging / netwerk G40 toegevoegd',
      conflicts: [],
    });
    expect(store.organisation('g40')).toEqual(g40);
  });

  it('applies several edits as one step', () => {
    const store = mapRows();
    const gouda = seenGouda();
    const rel = seenRelation('GM0513|uses|ibd');
    const outcome = applyStep(
      store.rows,
      stepOf([
        { type: 'putOrganisation', before: gouda, after: { ...gouda, population: 75_000 } },
        { type: 'putRelation', before: rel, after: { ...rel, role: 'frontrunner' } },
      ]),
    );
    expect(outcome.description).toBe('2 wijzigingen');
    expect(outcome.edit).toMatchObject({ type: 'batch', edits: [{}, {}] });
    expect(store.organisation('GM0513')?.population).toBe(75_000);
    expect(store.relation('GM0513|uses|ibd')?.role).toBe('frontrunner');
    expect(stepOf([{ type: 'putOrganisation', before: null, after: g40 }], 'G40')).toMatchObject({
      type: 'batch',
      label: 'G40',
    });
  });

  it('writes nothing for a form saved without changes', () => {
    const store = mapRows();
    const gouda = seenGouda();
    const outcome = applyStep(store.rows, {
      type: 'putOrganisation',
      before: gouda,
      after: { ...gouda },
    });
    expect(outcome).toEqual({ edit: null, description: 'Gemeente Gouda gewijzigd', conflicts: [] });
    expect(store.writes).toBe(0);
  });

  it('moves a relation whose type changes to its new key', () => {
    const store = mapRows();
    const rel = seenRelation('vng|partner|min-bzk');
    applyStep(store.rows, {
      type: 'putRelation',
      before: rel,
      after: { ...rel, type: 'knowledge' },
    });
    expect(store.relation('vng|partner|min-bzk')).toBeUndefined();
    expect(store.relation('vng|knowledge|min-bzk')).toMatchObject({ type: 'knowledge' });
  });

  it('removes an organisation with its relations, naming it as it was', () => {
    const store = mapRows();
    const network = sampleNetwork();
    const outcome = applyStep(store.rows, {
      type: 'removeOrganisation',
      organisation: seenGouda(),
      relations: relationsOf(network, 'GM0513'),
    });
    expect(outcome.description).toBe('Gemeente Gouda verwijderd (met 3 relaties)');
    expect(store.organisation('GM0513')).toBeUndefined();
    expect(store.relationsOf('GM0513')).toEqual([]);
  });

  it('refuses what would break the network, whatever the tabs did', () => {
    const store = mapRows();
    const gouda = seenGouda();
    const refused = (step: Edit) => () => applyStep(store.rows, step);
    expect(
      refused({ type: 'putOrganisation', before: gouda, after: { ...gouda, id: 'GM9999' } }),
    ).toThrow('De id van een bestaande organisatie kan niet worden gewijzigd.');
    expect(
      refused({ type: 'putRelation', before: null, after: { ...goudaG40, target: 'GM0513' } }),
    ).toThrow(/verbindt een organisatie met zichzelf\. Er is niets gewijzigd/);
    expect(refused({ type: 'putRelation', before: null, after: goudaG40 })).toThrow(
      /organisatie "g40" bestaat niet meer\. Er is niets gewijzigd/,
    );
    const rel = seenRelation('GM0513|member|vng');
    expect(
      refused({ type: 'putRelation', before: rel, after: { ...rel, target: 'ibd', type: 'uses' } }),
    ).toThrow(/Relatie Gouda → IBD bestaat al\. Er is niets gewijzigd/);
    expect(refused({ type: 'putOrganisation', before: null, after: g40 })).not.toThrow();
  });
});

describe('applyStep with a change from another tab', () => {
  it('merges field by field and reports a field both changed', () => {
    const store = mapRows();
    const seen = seenGouda();
    // The other tab wrote first.
    store.rows.putOrganisation({ ...seen, population: 76_000, populationYear: 2026 });
    const outcome = applyStep(store.rows, {
      type: 'putOrganisation',
      before: seen,
      after: { ...seen, population: 75_000, description: 'Groene Hart' },
    });
    expect(outcome.conflicts).toEqual([
      {
        label: 'Gemeente Gouda',
        fields: ['population'],
        message:
          'Gemeente Gouda: inwonertal is intussen ook in een ander tabblad gewijzigd; uw wijziging gaat voor.',
      },
    ]);
    const merged = {
      ...seen,
      population: 75_000,
      populationYear: 2026,
      description: 'Groene Hart',
    };
    expect(store.organisation('GM0513')).toEqual(merged);
    // What was written starts from their version, so undo brings their figures back.
    expect(outcome.edit).toEqual({
      type: 'putOrganisation',
      before: { ...seen, population: 76_000, populationYear: 2026 },
      after: merged,
    });
  });

  it('names every field both changed, in Dutch', () => {
    const store = mapRows();
    const seen = seenGouda();
    store.rows.putOrganisation({ ...seen, population: 1, populationYear: 2020, province: 'X' });
    const outcome = applyStep(store.rows, {
      type: 'putOrganisation',
      before: seen,
      after: { ...seen, population: 2, populationYear: 2021, province: 'Y' },
    });
    expect(outcome.conflicts[0]?.message).toBe(
      'Gemeente Gouda: provincie, inwonertal en peiljaar inwonertal zijn intussen ook in een ander tabblad gewijzigd; uw wijziging gaat voor.',
    );
  });

  it('keeps their change to another field without a conflict', () => {
    const store = mapRows();
    const seen = seenGouda();
    store.rows.putOrganisation({ ...seen, province: 'Utrecht' });
    const outcome = applyStep(store.rows, {
      type: 'putOrganisation',
      before: seen,
      after: { ...seen, population: 75_000 },
    });
    expect(outcome.conflicts).toEqual([]);
    expect(store.organisation('GM0513')).toMatchObject({ province: 'Utrecht', population: 75_000 });
  });

  it('refuses to change what the other tab removed', () => {
    const store = mapRows();
    const seen = seenGouda();
    store.rows.deleteOrganisation('GM0513');
    const attempt = () =>
      applyStep(store.rows, {
        type: 'putOrganisation',
        before: seen,
        after: { ...seen, population: 1 },
      });
    expect(attempt).toThrow(EditRefused);
    expect(attempt).toThrow(
      'Gemeente Gouda bestaat niet meer (verwijderd in een ander tabblad). Er is niets gewijzigd.',
    );
  });

  it('a removal takes the relations the other tab added too, and says so', () => {
    const store = mapRows();
    const seenRelations = relationsOf(sampleNetwork(), 'GM0513');
    store.rows.putRelation({ source: 'GM0513', target: 'min-bzk', type: 'partner' });
    const outcome = applyStep(store.rows, {
      type: 'removeOrganisation',
      organisation: seenGouda(),
      relations: seenRelations,
    });
    expect(outcome.description).toBe('Gemeente Gouda verwijderd (met 4 relaties)');
    expect(outcome.conflicts.map((c) => c.message)).toEqual([
      'Met Gemeente Gouda is 1 relatie verwijderd die intussen in een ander tabblad was toegevoegd; ongedaan maken brengt ze terug.',
    ]);
    expect(store.relationsOf('GM0513')).toEqual([]);
    // The written step holds all four, so undo brings all four back.
    expect(outcome.edit).toMatchObject({ relations: { length: 4 } });
  });

  it('a removal of what the other tab changed goes ahead, keeping their version for undo', () => {
    const store = mapRows();
    const theirs = { ...seenGouda(), population: 76_000 };
    store.rows.putOrganisation(theirs);
    const outcome = applyStep(store.rows, {
      type: 'removeOrganisation',
      organisation: seenGouda(),
      relations: relationsOf(sampleNetwork(), 'GM0513'),
    });
    expect(outcome.conflicts.map((c) => c.message)).toEqual([
      'Gemeente Gouda was intussen in een ander tabblad gewijzigd en is toch verwijderd; ongedaan maken brengt die versie terug.',
    ]);
    expect(outcome.edit).toMatchObject({ type: 'removeOrganisation', organisation: theirs });
  });

  it('removing a relation: gone already is nothing, changed meanwhile is said', () => {
    const store = mapRows();
    const rel = seenRelation('GM0513|uses|ibd');
    store.rows.putRelation({ ...rel, role: 'frontrunner' });
    const outcome = applyStep(store.rows, { type: 'removeRelation', relation: rel });
    expect(outcome.conflicts.map((c) => c.message)).toEqual([
      'Relatie Gouda → IBD was intussen in een ander tabblad gewijzigd en is toch verwijderd; ongedaan maken brengt die versie terug.',
    ]);
    expect(outcome.edit).toEqual({
      type: 'removeRelation',
      relation: { ...rel, role: 'frontrunner' },
    });
    expect(applyStep(store.rows, { type: 'removeRelation', relation: rel }).edit).toBeNull();
  });
});

describe('undo and redo', () => {
  function historyOf(store: ReturnType<typeof mapRows>, ...steps: Edit[]): UndoState {
    let history = emptyUndo();
    for (const step of steps) {
      const { edit } = applyStep(store.rows, step);
      if (edit) history = recordEdit(history, edit);
    }
    return history;
  }

  it('has nothing to replay on an empty history', () => {
    expect(nextReplay(emptyUndo(), 'undo')).toBeNull();
    expect(nextReplay(emptyUndo(), 'redo')).toBeNull();
  });

  it('undoes with the inverse and redoes the step, describing the step itself', () => {
    const store = mapRows();
    const history = historyOf(store, { type: 'putOrganisation', before: null, after: g40 });
    const back = nextReplay(history, 'undo')!;
    expect(back.edit).toEqual({ type: 'removeOrganisation', organisation: g40, relations: [] });
    expect(back.history).toEqual({ past: [], future: history.past });
    expect(applyReplay(store.rows, back)).toMatchObject({
      description: 'Ongedaan gemaakt: Vereniging / netwerk G40 toegevoegd',
      conflicts: [],
    });
    expect(store.organisation('g40')).toBeUndefined();

    const again = nextReplay(back.history, 'redo')!;
    expect(applyReplay(store.rows, again).description).toBe(
      'Opnieuw gedaan: Vereniging / netwerk G40 toegevoegd',
    );
    expect(store.organisation('g40')).toEqual(g40);
    expect(again.history).toEqual(history);
  });

  it('skips a part that no longer applies, instead of refusing the undo', () => {
    const store = mapRows();
    const history = historyOf(
      store,
      { type: 'putOrganisation', before: null, after: g40 },
      { type: 'putRelation', before: null, after: goudaG40 },
    );
    // Another tab removed G40 with its relation; then this tab undoes adding that relation.
    store.rows.deleteRelation(relationKey(goudaG40));
    store.rows.deleteOrganisation('g40');
    const undone = applyReplay(store.rows, nextReplay(history, 'undo')!);
    // G40 is gone from the store, so its id stands in for its name.
    expect(undone).toEqual({
      edit: null,
      description: 'Ongedaan gemaakt: Relatie Gouda → g40 toegevoegd',
      conflicts: [],
    });
  });

  it('refuses an undo that would overwrite a newer change of another tab, unless forced', () => {
    const gouda = seenGouda();
    const scene = () => {
      const store = mapRows();
      const history = historyOf(store, {
        type: 'putOrganisation',
        before: gouda,
        after: { ...gouda, population: 75_000, province: 'Utrecht' },
      });
      // Another tab changes the population after this step; the province it leaves.
      store.rows.putOrganisation({ ...store.organisation('GM0513')!, population: 76_000 });
      return { store, back: nextReplay(history, 'undo')! };
    };
    const refused = scene();
    let thrown: unknown;
    try {
      applyReplay(refused.store.rows, refused.back);
    } catch (error) {
      thrown = error;
    }
    // The caller keeps none of the rows written (storage fails its transaction).
    expect(thrown).toBeInstanceOf(ReplayConflict);
    expect((thrown as ReplayConflict).changes).toEqual([
      'Gemeente Gouda: inwonertal (nu 76.000) is daarna in een ander tabblad gewijzigd',
    ]);
    const confirmed = scene();
    const forced = applyReplay(confirmed.store.rows, confirmed.back, { force: true });
    expect(forced.conflicts[0]!.message).toMatch(/^Overschreven: Gemeente Gouda: inwonertal/);
    expect(confirmed.store.organisation('GM0513')).toEqual(gouda);
  });

  it('an undo that touches only fields nobody else changed needs no question', () => {
    const store = mapRows();
    const gouda = seenGouda();
    const history = historyOf(store, {
      type: 'putOrganisation',
      before: gouda,
      after: { ...gouda, province: 'Utrecht' },
    });
    store.rows.putOrganisation({ ...store.organisation('GM0513')!, population: 76_000 });
    const undone = applyReplay(store.rows, nextReplay(history, 'undo')!);
    expect(undone.conflicts).toEqual([]);
    expect(store.organisation('GM0513')).toEqual({ ...gouda, population: 76_000 });
  });

  it('reports a redo of a change to what another tab removed as skipped', () => {
    const store = mapRows();
    const gouda = seenGouda();
    const history = historyOf(store, {
      type: 'putOrganisation',
      before: gouda,
      after: { ...gouda, population: 1 },
    });
    const back = nextReplay(history, 'undo')!;
    applyReplay(store.rows, back);
    store.rows.deleteOrganisation('GM0513');
    const redone = applyReplay(store.rows, nextReplay(back.history, 'redo')!);
    expect(redone.edit).toBeNull();
    expect(redone.conflicts.map((c) => c.message)).toEqual([
      'Gemeente Gouda bestaat niet meer (verwijderd in een ander tabblad); dit deel is overgeslagen.',
    ]);
    expect(store.organisation('GM0513')).toBeUndefined();
  });

  it('brings back an organisation with its relations, skipping one whose other end is gone', () => {
    const store = mapRows();
    const relations = relationsOf(sampleNetwork(), 'GM0513');
    const history = historyOf(store, {
      type: 'removeOrganisation',
      organisation: seenGouda(),
      relations,
    });
    store.rows.deleteOrganisation('ibd');
    store.rows.deleteRelation('GM0363|uses|ibd');
    const undone = applyReplay(store.rows, nextReplay(history, 'undo')!);
    expect(undone.edit).toMatchObject({ type: 'restoreOrganisation', relations: { length: 2 } });
    expect(undone.conflicts.map((c) => c.message)).toEqual([
      'Relatie Gouda → ibd kan niet worden opgeslagen: organisatie "ibd" bestaat niet meer; dit deel is overgeslagen.',
    ]);
    expect(store.organisation('GM0513')).toEqual(seenGouda());
    expect(store.relationsOf('GM0513')).toHaveLength(2);
  });
});
