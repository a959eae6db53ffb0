import { useLiveQuery } from 'dexie-react-hooks';
import { readUndoState } from './editStore';
import type { Network } from '../domain/network';
import { db } from './db';
import { readRecorder } from './knowledgeStore';
import { listSnapshots, readNetwork, readNetworkMeta, readSnapshotNetwork } from './repository';

// Live queries: a write anywhere (also in another tab) re-runs them, so every
// view shows the stored network without a second copy in UI state.

/** The stored network; undefined while loading. */
export function useNetwork(): Network | undefined {
  return useLiveQuery(() => readNetwork(db), []);
}

export function useNetworkMeta() {
  return useLiveQuery(async () => (await readNetworkMeta(db)) ?? null, []);
}

export function useSnapshots() {
  return useLiveQuery(() => listSnapshots(db), []);
}

/** A snapshot's network, validated; null when it does not exist; undefined while loading. */
export function useSnapshotNetwork(id: number | null) {
  return useLiveQuery(async () => {
    if (id === null) return null;
    try {
      return await readSnapshotNetwork(db, id);
    } catch {
      return null;
    }
  }, [id]);
}

/** The shared undo/redo history (all tabs). */
export function useUndoState() {
  return useLiveQuery(() => readUndoState(db), []);
}

/** The municipality this browser records knowledge for; null when not set, undefined while loading. */
export function useRecorder() {
  return useLiveQuery(() => readRecorder(db), []);
}
