import type { Network } from '../domain/network';
import { relationKey } from '../domain/relation';
import { toLayoutScale, type NodePositions } from '../io/positions';
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

/**
 * An imported file's positions as the saved layout of the network it brought,
 * so the map shows them as they were without running the layout. Positions
 * for only some organisations are saved for "an earlier version" of the
 * network: the map places the rest and lets the layout settle them in. Run
 * inside a transaction that holds db.meta (a replacing import writes it with
 * the network).
 */
export async function saveImportedLayout(
  db: NetwerkkaartDB,
  network: Pick<Network, 'organisations' | 'relations'>,
  positions: NodePositions,
): Promise<void> {
  const scaled = toLayoutScale(positions, network.organisations.length);
  const ids = network.organisations.map((o) => o.id).filter((id) => scaled.has(id));
  if (ids.length === 0) return;
  const complete = ids.length === network.organisations.length;
  const xs = Float32Array.from(ids, (id) => scaled.get(id)!.x);
  const ys = Float32Array.from(ids, (id) => scaled.get(id)!.y);
  const fingerprint = fingerprintOf(network);
  await saveLayout(db, complete ? fingerprint : `deels:${fingerprint}`, ids, xs, ys);
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
