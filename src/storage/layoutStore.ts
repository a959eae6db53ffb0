import type { Network } from '../domain/network';
import { relationKey } from '../domain/relation';
import type { LayoutMeta, NetwerkkaartDB } from './db';

// The finished layout is kept so the map looks the same after a reload. It
// belongs to one network: a fingerprint of ids and relations says which.

export function networkFingerprint(
  ids: readonly string[],
  relationKeys: readonly string[],
): string {
  // FNV-1a over ids and relation keys; collisions only cost a fresh layout.
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x1f;
  };
  ids.forEach(feed);
  relationKeys.forEach(feed);
  return `${ids.length}:${relationKeys.length}:${h.toString(16)}`;
}

/** The fingerprint of a network as the map computes it: ids and relation keys in stored order. */
export function fingerprintOf(network: Pick<Network, 'organisations' | 'relations'>): string {
  return networkFingerprint(
    network.organisations.map((o) => o.id),
    network.relations.map(relationKey),
  );
}

export async function saveLayout(
  db: NetwerkkaartDB,
  fingerprint: string,
  ids: string[],
  xs: Float32Array,
  ys: Float32Array,
): Promise<void> {
  await db.meta.put({ key: 'layout', fingerprint, ids, xs, ys, savedAt: new Date().toISOString() });
}

/** A layout to store: the fingerprint of the network it is for and a position per id. */
export type LayoutRecord = Pick<LayoutMeta, 'fingerprint' | 'ids' | 'xs' | 'ys'>;

export interface SavedLayout {
  positions: Map<string, [number, number]>;
  /** Saved for exactly this network; otherwise for an earlier version of it (before an edit). */
  exact: boolean;
}

/** Saved positions by id, or undefined when none were saved. */
export async function readLayout(
  db: NetwerkkaartDB,
  fingerprint: string,
): Promise<SavedLayout | undefined> {
  const record = (await db.meta.get('layout')) as LayoutMeta | undefined;
  if (!record) return undefined;
  const positions = new Map<string, [number, number]>();
  record.ids.forEach((id, i) => positions.set(id, [record.xs[i]!, record.ys[i]!]));
  return { positions, exact: record.fingerprint === fingerprint };
}

export async function clearLayout(db: NetwerkkaartDB): Promise<void> {
  await db.meta.delete('layout');
}
