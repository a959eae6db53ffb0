import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { NetwerkkaartDB } from '../../../src/storage/db';
import {
  deleteSnapshot,
  ensureSeeded,
  listSnapshots,
  readNetwork,
  readNetworkMeta,
  replaceNetwork,
  resetToEmbedded,
  restoreSnapshot,
  saveSnapshot,
  writeNetworkMeta,
} from '../../../src/storage/repository';
import { mergeNetwork } from '../../../src/storage/mergeStore';
import { StorageWriteError, asStorageError } from '../../../src/storage/storageError';
import { sampleNetwork } from '../fixtures';

let db: NetwerkkaartDB;
beforeEach(() => {
  db = new NetwerkkaartDB(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const other = (): Network => ({
  title: 'Ander netwerk',
  sources: [],
  organisations: [
    { id: 'a', kind: 'association', name: 'A' },
    { id: 'b', kind: 'sharedService', name: 'B' },
  ],
  relations: [{ source: 'a', target: 'b', type: 'partner' }],
});

async function counts() {
  return {
    orgs: (await readNetwork(db)).organisations.length,
    rels: (await readNetwork(db)).relations.length,
    snaps: await db.snapshots.count(),
  };
}

describe('repository', () => {
  it('seeds an empty store once, from the embedded loader', async () => {
    let loads = 0;
    const loader = async () => {
      loads++;
      return sampleNetwork();
    };
    expect(await ensureSeeded(db, loader)).toBe(true);
    expect(await ensureSeeded(db, loader)).toBe(false);
    expect(loads).toBe(1);
    expect((await readNetwork(db)).organisations).toHaveLength(6);
  });

  it('two tabs seeding at once write the dataset once', async () => {
    const results = await Promise.all([
      ensureSeeded(db, async () => sampleNetwork()),
      ensureSeeded(db, async () => sampleNetwork()),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await readNetwork(db)).organisations).toHaveLength(6);
  });

  it('replace keeps the current network as an automatic snapshot', async () => {
    await replaceNetwork(db, sampleNetwork(), { origin: 'import' });
    const snapshotId = await replaceNetwork(db, other(), {
      origin: 'import',
      snapshotName: 'vóór import',
    });
    expect(snapshotId).toBeTypeOf('number');
    const net = await readNetwork(db);
    expect(net.title).toBe('Ander netwerk');
    expect(net.organisations.map((o) => o.id).sort()).toEqual(['a', 'b']);
    const [snap] = await listSnapshots(db);
    expect(snap).toMatchObject({
      name: 'vóór import',
      auto: true,
      organisationCount: 6,
      relationCount: 7,
    });
    expect(snap!.bytes).toBeGreaterThan(500);
  });

  it('merge updates by id, adds new, deletes nothing, and reports counts', async () => {
    await replaceNetwork(db, sampleNetwork(), { origin: 'import' });
    const incoming = sampleNetwork();
    incoming.organisations = [
      { ...incoming.organisations[0]!, population: 1 },
      incoming.organisations[1]!,
      ...other().organisations,
    ];
    incoming.relations = [...other().relations, incoming.relations[0]!];
    incoming.sources = [{ id: 'nieuw', title: 'Nieuwe bron' }];
    const plan = await mergeNetwork(db, incoming);
    expect(plan.organisations).toEqual({ added: 2, updated: 1, unchanged: 1 });
    expect(plan.relations).toEqual({ added: 1, updated: 0, unchanged: 1 });
    const net = await readNetwork(db);
    expect(net.organisations).toHaveLength(8);
    expect(net.relations).toHaveLength(8);
    expect(net.organisations.find((o) => o.id === 'GM0513')?.population).toBe(1);
    expect(net.sources.map((s) => s.id).sort()).toEqual(['nieuw', 'test']);
    expect(net.title).toBe('Testnetwerk');
  });

  it('save, list, restore and delete a snapshot gives the first network back', async () => {
    await replaceNetwork(db, sampleNetwork(), { origin: 'import' });
    const id = await saveSnapshot(db, 'Stand januari', new Date('2026-01-01T00:00:00Z'));
    await replaceNetwork(db, other(), { origin: 'import' });
    await restoreSnapshot(db, id, new Date('2026-01-02T00:00:00Z'));
    const restored = await readNetwork(db);
    const sort = (n: Network) => n.organisations.map((o) => o.id).sort();
    expect(sort(restored)).toEqual(sort(sampleNetwork()));
    expect(restored.relations).toHaveLength(7);
    const list = await listSnapshots(db);
    expect(list.map((s) => s.name)).toEqual([
      'Automatisch: vóór herstel van "Stand januari"',
      'Stand januari',
    ]);
    expect(list[0]).not.toHaveProperty('document');
    await deleteSnapshot(db, id);
    expect((await listSnapshots(db)).map((s) => s.id)).not.toContain(id);
  });

  it('refuses a damaged snapshot without touching the network', async () => {
    await replaceNetwork(db, sampleNetwork(), { origin: 'import' });
    const id = await saveSnapshot(db, 'goed');
    await db.snapshots.update(id, { 'document.version': 9 } as never);
    await expect(restoreSnapshot(db, id)).rejects.toThrow(/beschadigd/);
    expect((await readNetwork(db)).organisations).toHaveLength(6);
  });

  it('reset brings the embedded data back and keeps the current as a snapshot', async () => {
    await replaceNetwork(db, other(), { origin: 'import' });
    await resetToEmbedded(db, async () => sampleNetwork());
    expect((await readNetwork(db)).organisations).toHaveLength(6);
    expect((await listSnapshots(db))[0]!.name).toContain('terugzetten');
  });

  it('a failure halfway through a replace leaves the store exactly as it was', async () => {
    await replaceNetwork(db, sampleNetwork(), { origin: 'import' });
    const before = await counts();
    const beforeNet = await readNetwork(db);
    // Injected failure: the first relation chunk written throws, after the organisations were written.
    let written = 0;
    db.relationChunks.hook('creating', () => {
      if (++written === 1) throw new Error('schijf vol (test)');
    });
    await expect(
      replaceNetwork(db, other(), { origin: 'import', snapshotName: 'x' }),
    ).rejects.toBeInstanceOf(StorageWriteError);
    expect(await counts()).toEqual(before);
    expect(await readNetwork(db)).toEqual(beforeNet);
  });

  it('a failure halfway through a merge leaves the store exactly as it was', async () => {
    await replaceNetwork(db, sampleNetwork(), { origin: 'import' });
    const beforeNet = await readNetwork(db);
    const fail = () => {
      throw new Error('kapot (test)');
    };
    db.relationChunks.hook('creating', fail);
    db.relationChunks.hook('updating', fail);
    await expect(mergeNetwork(db, other())).rejects.toThrow(/Opslaan is mislukt/);
    expect(await readNetwork(db)).toEqual(beforeNet);
  });
});

describe('the network header', () => {
  it('is written in one shape by a replace, a merge and an edit', async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
    await replaceNetwork(db, sampleNetwork(), { origin: 'import', now: at(1) });
    expect(await readNetworkMeta(db)).toEqual({
      key: 'network',
      title: 'Testnetwerk',
      referenceDate: '2025-01-01',
      sources: sampleNetwork().sources,
      origin: 'import',
      updatedAt: at(1).toISOString(),
      baseAt: at(1).toISOString(),
    });
    const source = { id: 'extra', title: 'Extra bron' };
    await mergeNetwork(db, { ...other(), sources: [source] }, at(2));
    expect(await readNetworkMeta(db)).toEqual({
      key: 'network',
      title: 'Testnetwerk', // the stored title stays
      referenceDate: '2025-01-01', // and so does the stored date
      sources: [...sampleNetwork().sources, source],
      origin: 'import',
      updatedAt: at(2).toISOString(),
      baseAt: at(2).toISOString(),
    });
    // An edit keeps what it does not give.
    await db.transaction('rw', db.meta, () => writeNetworkMeta(db, 'edit', at(3)));
    expect(await readNetworkMeta(db)).toMatchObject({
      title: 'Testnetwerk',
      referenceDate: '2025-01-01',
      sources: [...sampleNetwork().sources, source],
      origin: 'edit',
      updatedAt: at(3).toISOString(),
      // An edit keeps the base: undo histories outlive edits, not a replace or merge.
      baseAt: at(2).toISOString(),
    });
  });

  it('has the empty network title when nothing was stored before', async () => {
    await db.transaction('rw', db.meta, () => writeNetworkMeta(db, 'edit', new Date(0)));
    expect(await readNetworkMeta(db)).toMatchObject({ title: 'Nieuw netwerk', sources: [] });
  });
});

describe('storage errors', () => {
  it('explains a quota error plainly, also when Dexie wraps it', () => {
    const inner = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const wrapped = Object.assign(new Error('AbortError'), { name: 'AbortError', inner });
    const e = asStorageError(wrapped);
    expect(e.quota).toBe(true);
    expect(e.message).toContain('geen opslagruimte');
    expect(e.message).toContain('momentopnamen');
  });
});
