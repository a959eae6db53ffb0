import type { Source } from '../domain/network';
import type { NetwerkkaartDB, NetworkMeta, RecorderMeta } from './db';
import { asStorageError } from './storageError';

// The "Mijn aanvullingen" setting and the provenance sources of recorded
// facts. Both live in the meta table beside the network.

export async function readRecorder(db: NetwerkkaartDB): Promise<string | null> {
  const record = (await db.meta.get('recorder')) as RecorderMeta | undefined;
  return record?.organisationId ?? null;
}

/** Remember for which municipality this browser records; null forgets it. */
export async function writeRecorder(db: NetwerkkaartDB, organisationId: string | null) {
  try {
    if (organisationId === null) await db.meta.delete('recorder');
    else await db.meta.put({ key: 'recorder', organisationId });
  } catch (error) {
    throw asStorageError(error);
  }
}

/**
 * Add a source to the stored network unless it is there. The network's
 * `updatedAt` and `origin` stay as they are: the undo history recognises the
 * network by them, and a source nobody refers to yet changes nothing a user
 * sees. (After an undo the source stays; it still says who recorded that day.)
 */
export async function ensureSource(db: NetwerkkaartDB, source: Source): Promise<void> {
  try {
    await db.transaction('rw', db.meta, async () => {
      const meta = (await db.meta.get('network')) as NetworkMeta | undefined;
      if (!meta || meta.sources.some((s) => s.id === source.id)) return;
      await db.meta.put({ ...meta, sources: [...meta.sources, source] });
    });
  } catch (error) {
    throw asStorageError(error);
  }
}
