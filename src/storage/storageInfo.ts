import type { RowChunk } from './chunkedRows';
import type { NetwerkkaartDB } from './db';

// What the browser promises about our storage, and how much of it we use.
// navigator.storage is passed in so tests (and browsers without it) can say
// what they have.

export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

type StorageApi = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

const browserStorage = (): Partial<StorageApi> | undefined =>
  typeof navigator === 'undefined' ? undefined : navigator.storage;

/**
 * Ask the browser to keep our data under storage pressure (it may decide
 * without asking the user). 'granted' when it was already granted.
 */
export async function requestPersistence(
  storage: Partial<StorageApi> | undefined = browserStorage(),
): Promise<PersistenceResult> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (storage.persisted && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

/** Whether storage is already persistent, without asking. */
export async function persistenceState(
  storage: Partial<StorageApi> | undefined = browserStorage(),
): Promise<PersistenceResult> {
  if (!storage?.persisted) return 'unsupported';
  try {
    return (await storage.persisted()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

export interface StorageEstimateBytes {
  /** Bytes used by this origin (all of it, not only the network). */
  usage: number;
  /** Bytes this origin may use. */
  quota: number;
}

/** The browser's estimate of usage and quota; undefined when it gives none. */
export async function storageEstimate(
  storage: Partial<StorageApi> | undefined = browserStorage(),
): Promise<StorageEstimateBytes | undefined> {
  if (!storage?.estimate) return undefined;
  try {
    const { usage, quota } = await storage.estimate();
    if (usage === undefined || quota === undefined) return undefined;
    return { usage, quota };
  } catch {
    return undefined;
  }
}

const encoder = new TextEncoder();
const jsonBytes = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

/**
 * The stored network (organisations, relations, title and sources) as JSON,
 * in bytes: the rows as an export writes them, not the chunks' own framing.
 * A chunk at a time, each in its own task, so a big network does not hold
 * the page while the data page shows its size.
 */
export async function networkSize(db: NetwerkkaartDB): Promise<number> {
  return db.transaction('r', [db.organisationChunks, db.relationChunks, db.meta], async () => {
    let bytes = jsonBytes((await db.meta.get('network')) ?? null);
    for (const table of [db.organisationChunks, db.relationChunks] as const) {
      for (const key of await table.toCollection().primaryKeys()) {
        const chunk = (await table.get(key)) as RowChunk<unknown> | undefined;
        if (!chunk?.rows.length) continue;
        // The rows' JSON in one go, less the '[', ']' and commas around them.
        bytes += jsonBytes(chunk.rows) - (chunk.rows.length + 1);
      }
    }
    return bytes;
  });
}

/** All snapshots together, in bytes (each carries its own size). */
export async function snapshotsSize(db: NetwerkkaartDB): Promise<number> {
  let bytes = 0;
  await db.snapshots.each((snapshot) => {
    bytes += snapshot.bytes;
  });
  return bytes;
}
