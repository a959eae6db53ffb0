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
  /** Records to write: new ones and changed ones (incoming wins, field by field). */
  organisationsToPut: Organisation[];
  relationsToPut: Relation[];
  sourcesToPut: Source[];
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

function plan<T>(current: T[], incoming: T[], key: (t: T) => string) {
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
      const merged = { ...existing, ...record };
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
  return {
    organisations: orgs.counts,
    relations: rels.counts,
    sources: srcs.counts,
    organisationsToPut: orgs.toPut,
    relationsToPut: rels.toPut,
    sourcesToPut: srcs.toPut,
  };
}
