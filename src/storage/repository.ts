import { emptyNetwork, type Network } from '../domain/network';
import { relationKey } from '../domain/relation';
import { toExchangeDocument } from '../io/exportNetwork';
import { validateValue } from '../io/validateDocument';
import { RowSet, readRows, writeRows } from './chunkedRows';
import type { NetwerkkaartDB, NetworkMeta, SnapshotRecord } from './db';
import { StorageWriteError, asStorageError } from './storageError';
import type { LayoutRecord } from './layoutStore';

// The only place that reads and writes the network. Every write that spans
// tables is one transaction: it happens whole or not at all.

/** The tables that hold the network itself. */
export const networkTables = (db: NetwerkkaartDB) => [
  db.organisationChunks,
  db.relationChunks,
  db.meta,
];

/** The network's rows loaded for a read-modify-write inside one transaction. */
export async function loadRowSets(db: NetwerkkaartDB) {
  const [organisations, relations] = await Promise.all([
    RowSet.load(db.organisationChunks, (o) => o.id),
    RowSet.load(db.relationChunks, relationKey),
  ]);
  return { organisations, relations };
}

/** The stored network, organisations and relations in the order they were written. */
export async function readNetwork(db: NetwerkkaartDB): Promise<Network> {
  return db.transaction('r', networkTables(db), async () => {
    const [meta, organisations, relations] = await Promise.all([
      db.meta.get('network') as Promise<NetworkMeta | undefined>,
      readRows(db.organisationChunks),
      readRows(db.relationChunks),
    ]);
    return {
      title: meta?.title ?? emptyNetwork().title,
      ...(meta?.referenceDate ? { referenceDate: meta.referenceDate } : {}),
      sources: meta?.sources ?? [],
      organisations,
      relations,
      ...(meta?.themes ? { themes: meta.themes } : {}),
    };
  });
}

export async function readNetworkMeta(db: NetwerkkaartDB): Promise<NetworkMeta | undefined> {
  return (await db.meta.get('network')) as NetworkMeta | undefined;
}

function snapshotOf(network: Network, name: string, auto: boolean, now: Date): SnapshotRecord {
  const document = toExchangeDocument(network, now);
  return {
    name,
    createdAt: now.toISOString(),
    auto,
    organisationCount: network.organisations.length,
    relationCount: network.relations.length,
    bytes: new TextEncoder().encode(JSON.stringify(document)).length,
    document,
  };
}

/**
 * Write the network's header: the one place that does, for a replace, a
 * merge and an edit alike. What `header` leaves out is kept from the stored
 * header. Its baseAt, kept by edits, is how the undo histories recognise the
 * network they belong to. Run it inside a transaction that holds db.meta.
 */
export async function writeNetworkMeta(
  db: NetwerkkaartDB,
  origin: NetworkMeta['origin'],
  now: Date,
  header: Partial<Pick<NetworkMeta, 'title' | 'sources' | 'referenceDate' | 'themes'>> = {},
): Promise<NetworkMeta> {
  // A key given (even as undefined) sets that field; an absent key keeps what is stored.
  const given = (key: 'referenceDate' | 'themes') => key in header;
  const stored =
    header.title === undefined ||
    header.sources === undefined ||
    !given('referenceDate') ||
    !given('themes')
      ? await readNetworkMeta(db)
      : undefined;
  const referenceDate = given('referenceDate') ? header.referenceDate : stored?.referenceDate;
  const themes = given('themes') ? header.themes : stored?.themes;
  const meta: NetworkMeta = {
    key: 'network',
    title: header.title ?? stored?.title ?? emptyNetwork().title,
    ...(referenceDate ? { referenceDate } : {}),
    sources: header.sources ?? stored?.sources ?? [],
    ...(themes ? { themes } : {}),
    origin,
    updatedAt: now.toISOString(),
    // A header written before baseAt existed: its last write is the base.
    baseAt:
      origin === 'edit'
        ? (stored?.baseAt ?? stored?.updatedAt ?? now.toISOString())
        : now.toISOString(),
  };
  await db.meta.put(meta);
  return meta;
}

async function writeWhole(
  db: NetwerkkaartDB,
  network: Network,
  origin: NetworkMeta['origin'],
  now: Date,
): Promise<void> {
  await db.meta.delete('layout');
  await writeRows(db.organisationChunks, network.organisations);
  await writeRows(db.relationChunks, network.relations);
  await writeNetworkMeta(db, origin, now, {
    title: network.title,
    sources: network.sources,
    referenceDate: network.referenceDate,
    themes: network.themes,
  });
}

export interface ReplaceOptions {
  origin: NetworkMeta['origin'];
  /** The imported file's positions as a layout (importedLayout.ts): stored in the same transaction. */
  layout?: LayoutRecord;
  /** Name of the automatic snapshot of what is replaced; none when the store is empty. */
  snapshotName?: string;
  now?: Date;
}

/**
 * Replace the stored network. The current one is first kept as an automatic
 * snapshot, in the same transaction: if anything fails, nothing changes.
 * Returns the id of that snapshot, if one was taken.
 */
export async function replaceNetwork(
  db: NetwerkkaartDB,
  network: Network,
  { origin, snapshotName, layout, now = new Date() }: ReplaceOptions,
): Promise<number | undefined> {
  try {
    return await db.transaction('rw', [...networkTables(db), db.snapshots], async () => {
      let snapshotId: number | undefined;
      if (snapshotName !== undefined) {
        const current = await readNetwork(db);
        if (current.organisations.length > 0) {
          snapshotId = await db.snapshots.add(snapshotOf(current, snapshotName, true, now));
        }
      }
      await writeWhole(db, network, origin, now);
      if (layout) await db.meta.put({ key: 'layout', ...layout, savedAt: now.toISOString() });
      return snapshotId;
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

export async function saveSnapshot(
  db: NetwerkkaartDB,
  name: string,
  now: Date = new Date(),
): Promise<number> {
  try {
    return await db.transaction('rw', [...networkTables(db), db.snapshots], async () =>
      db.snapshots.add(snapshotOf(await readNetwork(db), name, false, now)),
    );
  } catch (error) {
    throw asStorageError(error);
  }
}

/** Snapshot headers, newest first, without their documents. */
export async function listSnapshots(
  db: NetwerkkaartDB,
): Promise<Omit<SnapshotRecord, 'document'>[]> {
  const all: Omit<SnapshotRecord, 'document'>[] = [];
  await db.snapshots
    .orderBy('createdAt')
    .reverse()
    .each(({ document: _doc, ...header }) => {
      all.push(header);
    });
  return all;
}

export async function deleteSnapshot(db: NetwerkkaartDB, id: number): Promise<void> {
  await db.snapshots.delete(id);
}

export async function readSnapshotNetwork(db: NetwerkkaartDB, id: number): Promise<Network> {
  const snapshot = await db.snapshots.get(id);
  if (!snapshot) throw new StorageWriteError('Deze momentopname bestaat niet (meer).');
  // Snapshots are validated like any import: a damaged one is refused, not half-restored.
  const result = validateValue(snapshot.document);
  if (!result.ok)
    throw new StorageWriteError(
      `Deze momentopname is beschadigd: ${result.errors[0]?.where} ${result.errors[0]?.message}`,
    );
  return result.network;
}

export async function restoreSnapshot(
  db: NetwerkkaartDB,
  id: number,
  now: Date = new Date(),
): Promise<void> {
  const snapshot = await db.snapshots.get(id);
  const network = await readSnapshotNetwork(db, id);
  await replaceNetwork(db, network, {
    origin: 'snapshot',
    snapshotName: `Automatisch: vóór herstel van "${snapshot?.name ?? id}"`,
    now,
  });
}

export type EmbeddedLoader = () => Promise<Network>;

/** Bring back the embedded national dataset, keeping the current network as a snapshot. */
export async function resetToEmbedded(
  db: NetwerkkaartDB,
  loadEmbedded: EmbeddedLoader,
  now: Date = new Date(),
): Promise<void> {
  const network = await loadEmbedded();
  await replaceNetwork(db, network, {
    origin: 'embedded',
    snapshotName: 'Automatisch: vóór terugzetten naar de landelijke gegevens',
    now,
  });
}

/**
 * First start: fill an empty store with the embedded dataset. Safe when two
 * tabs start at once: the check is repeated inside the write transaction.
 */
export async function ensureSeeded(
  db: NetwerkkaartDB,
  loadEmbedded: EmbeddedLoader,
): Promise<boolean> {
  if (await db.meta.get('network')) return false;
  const network = await loadEmbedded();
  try {
    return await db.transaction('rw', networkTables(db), async () => {
      if (await db.meta.get('network')) return false;
      await writeWhole(db, network, 'embedded', new Date());
      return true;
    });
  } catch (error) {
    throw asStorageError(error);
  }
}
