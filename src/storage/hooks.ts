import { useLiveQuery } from 'dexie-react-hooks';
import type { Network } from '../domain/network';
import { db } from './db';
import { listSnapshots, readNetwork, readNetworkMeta } from './repository';

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
