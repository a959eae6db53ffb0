import { positionKey, type Position, type Theme } from './knowledge';
import type { Network, Source } from './network';
import type { Organisation } from './organisation';
import { relationKey, type Relation } from './relation';

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface MergePlan {
  organisations: MergeCounts;
  relations: MergeCounts;
  sources: MergeCounts;
  themes: MergeCounts;
  /** Records to write: new ones and changed ones (incoming wins, field by field). */
  organisationsToPut: Organisation[];
  relationsToPut: Relation[];
  sourcesToPut: Source[];
  themesToPut: Theme[];
}

/** Deep equality for plain JSON records, independent of key order. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameRecord(v, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * Knowledge lists gather facts from several municipalities: a merge adds to
 * them instead of replacing them, so importing Gouda's file keeps what
 * Utrecht recorded on the same record. Positions match by theme and network.
 */
function mergeFields<T extends object>(existing: T, incoming: T): T {
  const merged = { ...existing, ...incoming } as Record<string, unknown>;
  const before = existing as Record<string, unknown>;
  const after = incoming as Record<string, unknown>;
  if (Array.isArray(before.themes) && Array.isArray(after.themes))
    merged.themes = [...new Set([...(before.themes as string[]), ...(after.themes as string[])])];
  if (Array.isArray(before.positions) && Array.isArray(after.positions)) {
    const byKey = new Map((before.positions as Position[]).map((p) => [positionKey(p), p]));
    for (const p of after.positions as Position[]) byKey.set(positionKey(p), p);
    merged.positions = [...byKey.values()];
  }
  return merged as T;
}

function plan<T extends object>(current: T[], incoming: T[], key: (t: T) => string) {
  const byKey = new Map(current.map((t) => [key(t), t]));
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
  const toPut: T[] = [];
  for (const record of incoming) {
    const existing = byKey.get(key(record));
    if (existing === undefined) {
      counts.added++;
      toPut.push(record);
    } else {
      // Merge updates by id: fields the incoming record carries replace the old ones,
      // fields it leaves out are kept.
      const merged = mergeFields(existing, record);
      if (sameRecord(existing, merged)) counts.unchanged++;
      else {
        counts.updated++;
        toPut.push(merged);
      }
    }
  }
  return { counts, toPut };
}

/** What merging `incoming` into `current` would do: update by id, add new, delete nothing. */
export function planMerge(current: Network, incoming: Network): MergePlan {
  const orgs = plan(current.organisations, incoming.organisations, (o) => o.id);
  const rels = plan(current.relations, incoming.relations, relationKey);
  const srcs = plan(current.sources, incoming.sources, (s) => s.id);
  const thms = plan(current.themes ?? [], incoming.themes ?? [], (t) => t.id);
  return {
    organisations: orgs.counts,
    relations: rels.counts,
    sources: srcs.counts,
    themes: thms.counts,
    organisationsToPut: orgs.toPut,
    relationsToPut: rels.toPut,
    sourcesToPut: srcs.toPut,
    themesToPut: thms.toPut,
  };
}

/** The theme list after a merge: the current order, changed themes in place, new ones at the end. */
export function mergeThemes(current: Theme[] | undefined, toPut: Theme[]): Theme[] | undefined {
  if (!current && toPut.length === 0) return undefined;
  const byId = new Map((current ?? []).map((t) => [t.id, t]));
  for (const theme of toPut) byId.set(theme.id, theme);
  return [...byId.values()];
}
