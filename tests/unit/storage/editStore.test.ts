import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { relationsOf, type Edit } from '../../../src/domain/edits';
import { sortNetwork, type Network } from '../../../src/domain/network';
import type { Organisation } from '../../../src/domain/organisation';
import { relationKey, type Relation } from '../../../src/domain/relation';
import type { ChunkTable } from '../../../src/storage/chunkedRows';
import { NetwerkkaartDB } from '../../../src/storage/db';
import {
  PERSISTED_UNDO_LIMIT,
  applyEdits,
  readUndoState,
  redoLast,
  undoLast,
} from '../../../src/storage/editStore';
import {
  readNetwork,
  readNetworkMeta,
  replaceNetwork,
  saveSnapshot,
} from '../../../src/storage/repository';
import { StorageWriteError } from '../../../src/storage/storageError';
import { ReplayConflict } from '../../../src/domain/applyEdits';
import {
  networkSize,
  persistenceState,
  requestPersistence,
  snapshotsSize,
  storageEstimate,
} from '../../../src/storage/storageInfo';
import { sampleNetwork } from '../fixtures';

let name: string;
let db: NetwerkkaartDB;
const others: NetwerkkaartDB[] = [];

beforeEach(async () => {
  name = `test-edit-${Math.random()}`;
  db = new NetwerkkaartDB(name);
  await replaceNetwork(db, sampleNetwork(), { origin: 'import' });
});
afterEach(async () => {
  for (const other of others.splice(0)) other.close();
  await db.delete();
});

/** A second tab: another connection to the same database. */
function secondTab(): NetwerkkaartDB {
  const tab = new NetwerkkaartDB(name);
  others.push(tab);
  return tab;
}

const g40: Organisation = {
  id: 'g40',
  kind: 'association',
  name: 'G40-stedennetwerk',
  shortName: 'G40',
};
const goudaG40: Relation = { source: 'GM0513', target: 'g40', type: 'member' };
const sorted = (n: Network) => sortNetwork(n);

async function org(id: string, from: NetwerkkaartDB = db): Promise<Organisation> {
  const found = (await readNetwork(from)).organisations.find((o) => o.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

/** A stored row, or undefined: read as the app reads it. */
async function storedOrganisation(id: string) {
  return (await readNetwork(db)).organisations.find((o) => o.id === id);
}
async function storedRelation(key: string) {
  return (await readNetwork(db)).relations.find((r) => relationKey(r) === key);
}

/** Make every write to a chunk table throw, whether it adds, replaces or removes a chunk. */
function failWrites<T>(table: ChunkTable<T>, error: () => Error) {
  const fail = () => {
    throw error();
  };
  table.hook('creating', fail);
  table.hook('updating', fail);
  table.hook('deleting', fail);
}

async function everything(from: NetwerkkaartDB = db) {
  return {
    network: sorted(await readNetwork(from)),
    meta: await readNetworkMeta(from),
    undo: await readUndoState(from),
  };
}

describe('applyEdits', () => {
  it('adds an organisation, records the step and marks the network as edited', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const outcome = await applyEdits(db, [{ type: 'putOrganisation', before: null, after: g40 }], {
      now,
    });
    expect(outcome).toEqual({
      edit: { type: 'putOrganisation', before: null, after: g40 },
      description: 'Vereniging / netwerk G40 toegevoegd',
      conflicts: [],
    });
    expect(await org('g40')).toEqual(g40);
    expect(await readNetworkMeta(db)).toMatchObject({
      origin: 'edit',
      updatedAt: now.toISOString(),
      title: 'Testnetwerk',
    });
    expect((await readUndoState(db)).past).toHaveLength(1);
  });

  it('changes an organisation and a relation', async () => {
    const gouda = await org('GM0513');
    const rel = (await readNetwork(db)).relations.find((r) => r.role === 'follower')!;
    const outcome = await applyEdits(db, [
      { type: 'putOrganisation', before: gouda, after: { ...gouda, population: 75_000 } },
      { type: 'putRelation', before: rel, after: { ...rel, role: 'frontrunner' } },
    ]);
    expect(outcome.description).toBe('2 wijzigingen');
    expect((await org('GM0513')).population).toBe(75_000);
    const net = await readNetwork(db);
    expect(net.relations.find((r) => r.source === rel.source && r.target === 'ibd')?.role).toBe(
      'frontrunner',
    );
  });

  it('moves a relation whose type changes to its new key', async () => {
    const rel = (await readNetwork(db)).relations.find((r) => r.type === 'partner')!;
    await applyEdits(db, [
      { type: 'putRelation', before: rel, after: { ...rel, type: 'knowledge' } },
    ]);
    expect(await storedRelation('vng|partner|min-bzk')).toBeUndefined();
    expect(await storedRelation('vng|knowledge|min-bzk')).toMatchObject({ type: 'knowledge' });
    await undoLast(db);
    expect(await storedRelation('vng|knowledge|min-bzk')).toBeUndefined();
    expect(await storedRelation('vng|partner|min-bzk')).toMatchObject({ type: 'partner' });
  });

  it('saving a form without changes writes and records nothing', async () => {
    const gouda = await org('GM0513');
    const before = await everything();
    const outcome = await applyEdits(db, [
      { type: 'putOrganisation', before: gouda, after: { ...gouda } },
    ]);
    expect(outcome.edit).toBeNull();
    expect(await everything()).toEqual(before);
  });

  it('removes an organisation with its relations; undo brings them back, redo removes again', async () => {
    const original = await everything();
    const network = await readNetwork(db);
    const gouda = await org('GM0513');
    const outcome = await applyEdits(db, [
      {
        type: 'removeOrganisation',
        organisation: gouda,
        relations: relationsOf(network, 'GM0513'),
      },
    ]);
    expect(outcome.description).toBe('Gemeente Gouda verwijderd (met 3 relaties)');
    let now = await readNetwork(db);
    expect(now.organisations.map((o) => o.id)).not.toContain('GM0513');
    expect(relationsOf(now, 'GM0513')).toEqual([]);
    expect(now.relations).toHaveLength(4);

    const undone = await undoLast(db);
    expect(undone?.description).toBe(
      'Ongedaan gemaakt: Gemeente Gouda verwijderd (met 3 relaties)',
    );
    expect(undone?.conflicts).toEqual([]);
    expect((await everything()).network).toEqual(original.network);

    const redone = await redoLast(db);
    expect(redone?.description).toBe('Opnieuw gedaan: Gemeente Gouda verwijderd (met 3 relaties)');
    now = await readNetwork(db);
    expect(now.relations).toHaveLength(4);
    expect(await redoLast(db)).toBeNull();
  });

  it('undo removes an added organisation and redo restores it', async () => {
    expect(await undoLast(db)).toBeNull();
    await applyEdits(db, [{ type: 'putOrganisation', before: null, after: g40 }]);
    await applyEdits(db, [{ type: 'putRelation', before: null, after: goudaG40 }]);
    expect((await undoLast(db))?.description).toBe(
      'Ongedaan gemaakt: Relatie Gouda → G40 toegevoegd',
    );
    expect((await undoLast(db))?.description).toBe(
      'Ongedaan gemaakt: Vereniging / netwerk G40 toegevoegd',
    );
    expect(await storedOrganisation('g40')).toBeUndefined();
    expect(await readUndoState(db)).toMatchObject({ past: [], future: [{}, {}] });
    await redoLast(db);
    await redoLast(db);
    expect(await storedOrganisation('g40')).toEqual(g40);
    expect(await storedRelation('GM0513|member|g40')).toBeDefined();
  });

  it('a new edit clears redo, and the history keeps the last 50 steps', async () => {
    await applyEdits(db, [{ type: 'putOrganisation', before: null, after: g40 }]);
    await undoLast(db);
    expect((await readUndoState(db)).future).toHaveLength(1);
    let current = g40;
    for (let n = 1; n <= PERSISTED_UNDO_LIMIT + 5; n++) {
      const next = { ...current, description: `stap ${n}` };
      await applyEdits(db, [
        { type: 'putOrganisation', before: n === 1 ? null : current, after: next },
      ]);
      current = next;
    }
    const state = await readUndoState(db);
    expect(state.future).toEqual([]);
    expect(state.past).toHaveLength(PERSISTED_UNDO_LIMIT);
    expect(state.past.at(-1)).toMatchObject({
      after: { description: `stap ${PERSISTED_UNDO_LIMIT + 5}` },
    });
  });

  it('the undo history survives a new connection (a reload)', async () => {
    await applyEdits(db, [{ type: 'putOrganisation', before: null, after: g40 }]);
    db.close();
    db = new NetwerkkaartDB(name);
    expect((await readUndoState(db)).past).toEqual([
      { type: 'putOrganisation', before: null, after: g40 },
    ]);
    expect((await undoLast(db))?.description).toBe(
      'Ongedaan gemaakt: Vereniging / netwerk G40 toegevoegd',
    );
    expect(await storedOrganisation('g40')).toBeUndefined();
  });

  it('forgets the history when the network is replaced (import, restore, reset)', async () => {
    await applyEdits(db, [{ type: 'putOrganisation', before: null, after: g40 }]);
    await replaceNetwork(db, sampleNetwork(), { origin: 'import' });
    expect(await readUndoState(db)).toEqual({ past: [], future: [] });
    expect(await undoLast(db)).toBeNull();
  });
});

describe('two tabs', () => {
  it('merges field by field and reports a field both changed', async () => {
    const tab2 = secondTab();
    const seen = await org('GM0513'); // both tabs show this
    await applyEdits(tab2, [
      {
        type: 'putOrganisation',
        before: seen,
        after: { ...seen, population: 76_000, populationYear: 2026 },
      },
    ]);
    const outcome = await applyEdits(db, [
      {
        type: 'putOrganisation',
        before: seen,
        after: { ...seen, population: 75_000, description: 'Groene Hart' },
      },
    ]);
    expect(outcome.conflicts).toEqual([
      {
        label: 'Gemeente Gouda',
        fields: ['population'],
        message:
          'Gemeente Gouda: inwonertal is intussen ook in een ander tabblad gewijzigd; uw wijziging gaat voor.',
      },
    ]);
    const stored = await org('GM0513', tab2);
    expect(stored).toEqual({
      ...seen,
      population: 75_000, // mine, reported
      populationYear: 2026, // theirs, kept
      description: 'Groene Hart', // mine
    });
    // Undo takes back only what this step changed: their figures come back.
    await undoLast(db);
    expect(await org('GM0513')).toEqual({ ...seen, population: 76_000, populationYear: 2026 });
  });

  it('keeps their change to another field without a conflict', async () => {
    const tab2 = secondTab();
    const seen = await org('GM0513');
    await applyEdits(tab2, [
      { type: 'putOrganisation', before: seen, after: { ...seen, province: 'Utrecht' } },
    ]);
    const outcome = await applyEdits(db, [
      { type: 'putOrganisation', before: seen, after: { ...seen, population: 75_000 } },
    ]);
    expect(outcome.conflicts).toEqual([]);
    expect(await org('GM0513')).toMatchObject({ province: 'Utrecht', population: 75_000 });
  });

  it('refuses to change what the other tab removed, and changes nothing', async () => {
    const tab2 = secondTab();
    const network = await readNetwork(db);
    const seen = await org('GM0513');
    await applyEdits(tab2, [
      { type: 'removeOrganisation', organisation: seen, relations: relationsOf(network, 'GM0513') },
    ]);
    const before = await everything();
    const attempt = applyEdits(db, [
      { type: 'putOrganisation', before: seen, after: { ...seen, population: 1 } },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(StorageWriteError);
    await expect(attempt).rejects.toThrow(/bestaat niet meer.*Er is niets gewijzigd/);
    expect(await everything()).toEqual(before);
  });

  it('a removal takes the relations the other tab added too, and says so', async () => {
    const tab2 = secondTab();
    const network = await readNetwork(db);
    const seen = await org('GM0513');
    await applyEdits(tab2, [
      {
        type: 'putRelation',
        before: null,
        after: { source: 'GM0513', target: 'min-bzk', type: 'partner' },
      },
    ]);
    const outcome = await applyEdits(db, [
      { type: 'removeOrganisation', organisation: seen, relations: relationsOf(network, 'GM0513') },
    ]);
    expect(outcome.description).toBe('Gemeente Gouda verwijderd (met 4 relaties)');
    expect(outcome.conflicts.map((c) => c.message)).toEqual([
      'Met Gemeente Gouda is 1 relatie verwijderd die intussen in een ander tabblad was toegevoegd; ongedaan maken brengt ze terug.',
    ]);
    expect(relationsOf(await readNetwork(tab2), 'GM0513')).toEqual([]);
    await undoLast(db);
    expect(relationsOf(await readNetwork(tab2), 'GM0513')).toHaveLength(4);
  });

  it('each tab has its own undo history', async () => {
    const tab2 = secondTab();
    await applyEdits(db, [{ type: 'putOrganisation', before: null, after: g40 }], { tab: 'A' });
    expect((await readUndoState(tab2, 'B')).past).toHaveLength(0);
    expect((await readUndoState(db, 'A')).past).toHaveLength(1);
  });
});

describe('undo per tab (issue #19)', () => {
  it('undo in one tab takes back its own step, not the newer one of the other tab', async () => {
    const tab2 = secondTab();
    const gouda = await org('GM0513');
    const nijmegen = await org('GM0268', tab2);
    await applyEdits(
      db,
      [{ type: 'putOrganisation', before: gouda, after: { ...gouda, description: 'Kaasstad' } }],
      { tab: 'A' },
    );
    await applyEdits(
      tab2,
      [{ type: 'putOrganisation', before: nijmegen, after: { ...nijmegen, population: 190_000 } }],
      { tab: 'B' },
    );
    const undone = await undoLast(db, { tab: 'A' });
    expect(undone?.description).toBe('Ongedaan gemaakt: Gemeente Gouda gewijzigd');
    expect(await org('GM0513')).toEqual(gouda);
    // The other tab's edit stays, and so does its history.
    expect((await org('GM0268')).population).toBe(190_000);
    expect((await readUndoState(tab2, 'B')).past).toHaveLength(1);
    expect((await readUndoState(db, 'A')).future).toHaveLength(1);
  });

  it('an undo that would overwrite a newer change from the other tab is refused, naming it', async () => {
    const tab2 = secondTab();
    const gouda = await org('GM0513');
    await applyEdits(
      db,
      [{ type: 'putOrganisation', before: gouda, after: { ...gouda, population: 75_000 } }],
      { tab: 'A' },
    );
    const seenByB = await org('GM0513', tab2);
    await applyEdits(
      tab2,
      [{ type: 'putOrganisation', before: seenByB, after: { ...seenByB, population: 76_000 } }],
      { tab: 'B' },
    );
    const before = await everything();
    const attempt = undoLast(db, { tab: 'A' });
    await expect(attempt).rejects.toBeInstanceOf(StorageWriteError);
    const error = (await attempt.catch((e: unknown) => e)) as StorageWriteError;
    expect(error.message).toBe(
      'Ongedaan maken van "Gemeente Gouda gewijzigd" zou een nieuwere wijziging uit een ander tabblad overschrijven: Gemeente Gouda: inwonertal (nu 76.000) is daarna in een ander tabblad gewijzigd. Er is niets gewijzigd.',
    );
    expect(error.cause).toBeInstanceOf(ReplayConflict);
    expect(await everything()).toEqual(before);
    expect((await readUndoState(db, 'A')).past).toHaveLength(1);
    // Confirmed: the undo goes ahead and says what it overwrote.
    const forced = await undoLast(db, { tab: 'A', force: true });
    expect(forced?.conflicts.map((c) => c.message)).toEqual([
      'Overschreven: Gemeente Gouda: inwonertal (nu 76.000) is daarna in een ander tabblad gewijzigd.',
    ]);
    expect((await org('GM0513')).population).toBe(gouda.population);
  });

  it('an undo of an addition that the other tab changed since is refused too', async () => {
    const tab2 = secondTab();
    await applyEdits(db, [{ type: 'putOrganisation', before: null, after: g40 }], { tab: 'A' });
    await applyEdits(
      tab2,
      [{ type: 'putOrganisation', before: g40, after: { ...g40, name: 'G40 (nieuw)' } }],
      { tab: 'B' },
    );
    await expect(undoLast(db, { tab: 'A' })).rejects.toThrow(
      /G40 is daarna in een ander tabblad gewijzigd \(naam\) en zou verdwijnen/,
    );
    expect(await storedOrganisation('g40')).toBeDefined();
  });

  it("a history outlives another tab's edits, and ends when the network is replaced", async () => {
    const tab2 = secondTab();
    await applyEdits(db, [{ type: 'putOrganisation', before: null, after: g40 }], { tab: 'A' });
    const gouda = await org('GM0513', tab2);
    await applyEdits(
      tab2,
      [{ type: 'putOrganisation', before: gouda, after: { ...gouda, shortName: 'Gda' } }],
      { tab: 'B' },
    );
    expect((await readUndoState(db, 'A')).past).toHaveLength(1);
    await replaceNetwork(tab2, sampleNetwork(), { origin: 'import' });
    expect((await readUndoState(db, 'A')).past).toHaveLength(0);
    expect((await readUndoState(db, 'B')).past).toHaveLength(0);
  });
});

describe('failed writes', () => {
  it('a failure halfway through a step leaves the store exactly as it was', async () => {
    await applyEdits(db, [
      {
        type: 'putOrganisation',
        before: await org('GM0513'),
        after: { ...(await org('GM0513')), population: 1 },
      },
    ]);
    const before = await everything();
    // The organisation is written first; the relation after it fails.
    failWrites(db.relationChunks, () => new Error('schijf kapot (test)'));
    const attempt = applyEdits(db, [
      { type: 'putOrganisation', before: null, after: g40 },
      { type: 'putRelation', before: null, after: goudaG40 },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(StorageWriteError);
    await expect(attempt).rejects.toThrow(/Opslaan is mislukt; er is niets gewijzigd/);
    expect(await everything()).toEqual(before);
  });

  it('a failure writing the history (the last write) also undoes the data writes', async () => {
    const before = await everything();
    db.history.hook('creating', () => {
      throw new Error('geschiedenis kapot (test)');
    });
    await expect(
      applyEdits(db, [{ type: 'putOrganisation', before: null, after: g40 }]),
    ).rejects.toBeInstanceOf(StorageWriteError);
    expect(await everything()).toEqual(before);
  });

  it('a quota error gives a plain message with quota=true, and nothing changed', async () => {
    const before = await everything();
    const network = await readNetwork(db);
    db.meta.hook('updating', () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    const edit: Edit = {
      type: 'removeOrganisation',
      organisation: await org('GM0513'),
      relations: relationsOf(network, 'GM0513'),
    };
    const error = await applyEdits(db, [edit]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageWriteError);
    expect((error as StorageWriteError).quota).toBe(true);
    expect((error as StorageWriteError).message).toContain('geen opslagruimte');
    expect((error as StorageWriteError).message).toContain('Er is niets gewijzigd');
    expect(await everything()).toEqual(before);
  });

  it('a quota error during undo leaves the step to undo in place', async () => {
    await applyEdits(db, [{ type: 'putOrganisation', before: null, after: g40 }]);
    const before = await everything();
    failWrites(db.organisationChunks, () =>
      Object.assign(new Error('quota'), { name: 'QuotaExceededError' }),
    );
    await expect(undoLast(db)).rejects.toMatchObject({ quota: true });
    expect(await everything()).toEqual(before);
  });
});

describe('storage info', () => {
  it('measures the network and the snapshots in bytes', async () => {
    const size = await networkSize(db);
    expect(size).toBeGreaterThan(JSON.stringify(sampleNetwork().organisations).length);
    await applyEdits(db, [{ type: 'putOrganisation', before: null, after: g40 }]);
    expect(await networkSize(db)).toBeGreaterThan(size);
    // Exactly the UTF-8 bytes of every row's JSON, plus the network's header.
    await applyEdits(db, [
      {
        type: 'putOrganisation',
        before: null,
        after: { ...g40, id: 'fy', name: 'Fryslân “ü” 🚲' },
      },
    ]);
    const utf8 = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;
    let expected = utf8((await db.meta.get('network')) ?? null);
    for (const table of [db.organisationChunks, db.relationChunks])
      for (const chunk of await table.toArray())
        for (const row of chunk.rows) expected += utf8(row);
    expect(await networkSize(db)).toBe(expected);

    expect(await snapshotsSize(db)).toBe(0);
    await saveSnapshot(db, 'een');
    await saveSnapshot(db, 'twee');
    const snapshots = await db.snapshots.toArray();
    expect(await snapshotsSize(db)).toBe(snapshots[0]!.bytes + snapshots[1]!.bytes);
  });

  it('asks for persistent storage and reports the answer', async () => {
    const storage = (persisted: boolean, grant: boolean) => ({
      persisted: async () => persisted,
      persist: async () => grant,
    });
    expect(await requestPersistence(storage(false, true))).toBe('granted');
    expect(await requestPersistence(storage(false, false))).toBe('denied');
    expect(await requestPersistence(storage(true, false))).toBe('granted');
    expect(await requestPersistence({})).toBe('unsupported');
    expect(await requestPersistence(undefined)).toBe('unsupported');
    expect(await persistenceState(storage(true, false))).toBe('granted');
    expect(await persistenceState({})).toBe('unsupported');
  });

  it('gives the browser estimate when there is one', async () => {
    expect(await storageEstimate({ estimate: async () => ({ usage: 10, quota: 100 }) })).toEqual({
      usage: 10,
      quota: 100,
    });
    expect(await storageEstimate({ estimate: async () => ({}) })).toBeUndefined();
    expect(await storageEstimate(undefined)).toBeUndefined();
  });
});
