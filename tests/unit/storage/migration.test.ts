import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { relationKey } from '../../../src/domain/relation';
import { toExchangeDocument } from '../../../src/io/exportNetwork';
import { NetwerkkaartDB } from '../../../src/storage/db';
import { applyEdits, readUndoState, undoLast } from '../../../src/storage/editStore';
import { readNetwork } from '../../../src/storage/repository';
import { sampleNetwork } from '../fixtures';

// A database as version 1 of the app left it, opened by the current app.
// The version-1 schema is written out here on purpose: it is what users'
// browsers hold, whatever db.ts says today.
const VERSION_1_STORES = {
  organisations: 'id, kind',
  relations: 'key, source, target, type',
  snapshots: '++id, createdAt',
  meta: 'key',
};

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function createVersion1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(VERSION_1_STORES);
  const network = sampleNetwork();
  const rows = {
    organisations: network.organisations,
    relations: network.relations.map((r) => ({ ...r, key: relationKey(r) })),
    meta: [
      {
        key: 'network',
        title: network.title,
        sources: network.sources,
        origin: 'import',
        updatedAt: '2026-11-28T12:00:00.000Z',
      },
      {
        key: 'layout',
        fingerprint: '6:7:abc',
        ids: ['GM0513', 'vng'],
        xs: new Float32Array([1.5, -2]),
        ys: new Float32Array([3, 4.25]),
        savedAt: '2026-11-28T12:00:00.000Z',
      },
    ],
    snapshot: {
      name: 'Stand november',
      createdAt: '2026-11-28T12:00:00.000Z',
      auto: false,
      organisationCount: 6,
      relationCount: 7,
      bytes: 1234,
      document: toExchangeDocument(network, new Date('2026-11-28T12:00:00Z')),
    },
  };
  await v1.table('organisations').bulkAdd(rows.organisations);
  await v1.table('relations').bulkAdd(rows.relations);
  await v1.table('meta').bulkAdd(rows.meta);
  await v1.table('snapshots').add(rows.snapshot);
  expect(v1.verno).toBe(1);
  v1.close();
  return rows;
}

describe('migration from version 1 to version 2', () => {
  it('finds every version-1 record intact after the upgrade', async () => {
    const name = `test-migration-${Math.random()}`;
    const rows = await createVersion1(name);

    const db = new NetwerkkaartDB(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'history',
      'meta',
      'organisations',
      'relations',
      'snapshots',
    ]);

    const byId = <T extends { id: string }>(list: T[]) =>
      [...list].sort((a, b) => a.id.localeCompare(b.id));
    const byKey = <T extends { key: string }>(list: T[]) =>
      [...list].sort((a, b) => a.key.localeCompare(b.key));
    expect(byId(await db.organisations.toArray())).toEqual(byId(rows.organisations));
    expect(byKey(await db.relations.toArray())).toEqual(byKey(rows.relations));
    expect(byKey(await db.meta.toArray())).toEqual(byKey(rows.meta));
    const layout = await db.meta.get('layout');
    expect(layout && 'xs' in layout && layout.xs).toBeInstanceOf(Float32Array);
    expect(await db.snapshots.toArray()).toEqual([{ ...rows.snapshot, id: 1 }]);
    // Indexes of version 1 still answer.
    expect(await db.relations.where('target').equals('vng').count()).toBe(3);
    expect(await db.organisations.where('kind').equals('municipality').count()).toBe(3);
    // The new table starts empty: there is no undo history before the upgrade.
    expect(await db.history.count()).toBe(0);
    expect(await readUndoState(db)).toEqual({ past: [], future: [] });
    expect(await readNetwork(db)).toEqual({
      ...sampleNetwork(),
      organisations: byId(sampleNetwork().organisations),
      relations: [...sampleNetwork().relations].sort((a, b) =>
        relationKey(a).localeCompare(relationKey(b)),
      ),
    });
  });

  it('edits and undo work on the upgraded database and survive reopening', async () => {
    const name = `test-migration-${Math.random()}`;
    await createVersion1(name);
    const db = new NetwerkkaartDB(name);
    await applyEdits(db, [
      {
        type: 'putOrganisation',
        before: null,
        after: { id: 'g40', kind: 'association', name: 'G40-stedennetwerk' },
      },
    ]);
    db.close();
    const reopened = new NetwerkkaartDB(name);
    opened.push(reopened);
    expect((await readUndoState(reopened)).past).toHaveLength(1);
    await undoLast(reopened);
    expect(await reopened.organisations.count()).toBe(6);
  });

  it('upgrades an empty version-1 database', async () => {
    const name = `test-migration-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(VERSION_1_STORES);
    await v1.open();
    v1.close();
    const db = new NetwerkkaartDB(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.organisations.count()).toBe(0);
  });
});
