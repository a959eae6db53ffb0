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

export async function saveLayout(
  db: NetwerkkaartDB,
  fingerprint: string,
  ids: string[],
  xs: Float32Array,
  ys: Float32Array,
): Promise<void> {
  await db.meta.put({ key: 'layout', fingerprint, ids, xs, ys, savedAt: new Date().toISOString() });
}

/** Positions by id for this network, or undefined when none were saved for it. */
export async function readLayout(
  db: NetwerkkaartDB,
  fingerprint: string,
): Promise<Map<string, [number, number]> | undefined> {
  const record = (await db.meta.get('layout')) as LayoutMeta | undefined;
  if (!record || record.fingerprint !== fingerprint) return undefined;
  const positions = new Map<string, [number, number]>();
  record.ids.forEach((id, i) => positions.set(id, [record.xs[i]!, record.ys[i]!]));
  return positions;
}

export async function clearLayout(db: NetwerkkaartDB): Promise<void> {
  await db.meta.delete('layout');
}
