import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { relationKey } from '../../../src/domain/relation';
import { toExchangeDocument } from '../../../src/io/exportNetwork';
import { ROWS_PER_CHUNK } from '../../../src/storage/chunkedRows';
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

/** Version 2 added the undo history; its other tables are version 1's. */
const VERSION_2_STORES = { ...VERSION_1_STORES, history: 'key' };

async function createVersion1(name: string, version: 1 | 2 = 1) {
  const v1 = new Dexie(name);
  v1.version(version).stores(version === 1 ? VERSION_1_STORES : VERSION_2_STORES);
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
  expect(v1.verno).toBe(version);
  v1.close();
  return rows;
}

const CURRENT_VERSION = 4;

describe('migration from versions 1 and 2 to the current version', () => {
  it('finds every version-1 record intact after the upgrade', async () => {
    const name = `test-migration-${Math.random()}`;
    const rows = await createVersion1(name);

    const db = new NetwerkkaartDB(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    // The per-row tables are gone; their rows live in the chunk tables.
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'history',
      'meta',
      'organisationChunks',
      'relationChunks',
      'snapshots',
    ]);

    const byId = <T extends { id: string }>(list: T[]) =>
      [...list].sort((a, b) => a.id.localeCompare(b.id));
    const byKey = <T extends { key: string }>(list: T[]) =>
      [...list].sort((a, b) => a.key.localeCompare(b.key));
    const stored = await readNetwork(db);
    expect(byId(stored.organisations)).toEqual(byId(rows.organisations));
    // The key was a column in version 1; now it is derived, and not stored.
    expect(byKey(stored.relations.map((r) => ({ ...r, key: relationKey(r) })))).toEqual(
      byKey(rows.relations),
    );
    expect(byKey(await db.meta.toArray())).toEqual(byKey(rows.meta));
    const layout = await db.meta.get('layout');
    expect(layout && 'xs' in layout && layout.xs).toBeInstanceOf(Float32Array);
    expect(await db.snapshots.toArray()).toEqual([{ ...rows.snapshot, id: 1 }]);
    expect(stored.relations.filter((r) => r.target === 'vng')).toHaveLength(3);
    // The new table starts empty: there is no undo history before the upgrade.
    expect(await db.history.count()).toBe(0);
    expect(await readUndoState(db)).toEqual({ past: [], future: [] });
    // Version 1 stored no reference date; the rest comes back as it was.
    const { referenceDate: _notInVersion1, ...sample } = sampleNetwork();
    expect(await readNetwork(db)).toEqual({
      ...sample,
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
    expect((await readNetwork(reopened)).organisations).toHaveLength(6);
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
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await readNetwork(db)).toMatchObject({ organisations: [], relations: [] });
  });

  it('keeps a version-2 undo history, and undo works on the chunked rows', async () => {
    const name = `test-migration-${Math.random()}`;
    await createVersion1(name, 2);
    const v2 = new Dexie(name);
    v2.version(2).stores(VERSION_2_STORES);
    const g40 = { id: 'g40', kind: 'association', name: 'G40-stedennetwerk' };
    // As version 2 left it after adding G40: the row, the edited meta and the step.
    await v2.table('organisations').add(g40);
    await v2.table('meta').put({
      key: 'network',
      title: sampleNetwork().title,
      sources: sampleNetwork().sources,
      origin: 'edit',
      updatedAt: '2026-11-28T13:00:00.000Z',
    });
    await v2.table('history').put({
      key: 'undo',
      past: [{ type: 'putOrganisation', before: null, after: g40 }],
      future: [],
      networkUpdatedAt: '2026-11-28T13:00:00.000Z',
    });
    v2.close();

    const db = new NetwerkkaartDB(name);
    opened.push(db);
    expect((await readNetwork(db)).organisations).toHaveLength(7);
    expect((await readUndoState(db)).past).toHaveLength(1);
    await undoLast(db);
    expect((await readNetwork(db)).organisations.map((o) => o.id)).not.toContain('g40');
  });

  it('splits a large version-1 table into chunks and reads it back whole, in key order', async () => {
    const name = `test-migration-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(VERSION_1_STORES);
    const count = ROWS_PER_CHUNK * 2 + 7;
    const organisations = Array.from({ length: count }, (_, i) => ({
      id: `org-${String(i).padStart(6, '0')}`,
      kind: 'association',
      name: `Organisatie ${i}`,
    }));
    const relations = organisations.slice(1).map((o) => ({
      source: o.id,
      target: 'org-000000',
      type: 'member',
      key: `${o.id}|member|org-000000`,
    }));
    await v1.table('organisations').bulkAdd(organisations);
    await v1.table('relations').bulkAdd(relations);
    v1.close();

    const db = new NetwerkkaartDB(name);
    opened.push(db);
    expect(await db.organisationChunks.count()).toBe(3);
    expect((await db.organisationChunks.get(3))?.rows).toHaveLength(7);
    const network = await readNetwork(db);
    expect(network.organisations).toEqual(organisations);
    expect(network.relations).toEqual(relations.map(({ key: _key, ...r }) => r));
  });
});
