import { positionKey, type Position, type Theme } from './knowledge';
import type { Network, Source } from './network';
import type { Organisation, OrganisationKind } from './organisation';
import { relationKey, type Relation } from './relation';

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** One field a merge would set: its value now (undefined: not set) and after. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** How an incoming organisation was recognised as one already there. */
export type MatchedBy = 'id' | 'cbsCode' | 'name';

export interface OrganisationChange {
  status: 'added' | 'updated';
  /** The record as it would be written. */
  record: Organisation;
  /** Every field it sets or changes; for an added record, every field it has. */
  changes: FieldChange[];
  /** For an updated record: how it was found. */
  matchedBy?: MatchedBy;
  /** The id the file used, when it differs from the stored one (matched by CBS code or name). */
  incomingId?: string;
}

export interface RelationChange {
  status: 'added' | 'updated';
  record: Relation;
  changes: FieldChange[];
}

/** An incoming record says another kind than the stored one: kept unless the user chooses it. */
export interface KindConflict {
  id: string;
  name: string;
  current: OrganisationKind;
  incoming: OrganisationKind;
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
  /** What the preview lists, record by record, field by field. */
  organisationChanges: OrganisationChange[];
  relationChanges: RelationChange[];
  /** Kinds the file would change; only those in `MergeOptions.acceptKinds` are. */
  kindConflicts: KindConflict[];
}

export interface MergeOptions {
  /** Ids of stored organisations whose kind the user chose to take from the file. */
  acceptKinds?: ReadonlySet<string>;
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

/** The fields that differ between two versions of a record, in the order they first appear. */
export function fieldChanges(before: object | undefined, after: object): FieldChange[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields
    .filter((field) => !sameRecord(a[field], b[field]))
    .map((field) => ({ field, before: a[field], after: b[field] }));
}

function plan<T extends object>(current: T[], incoming: T[], key: (t: T) => string) {
  const byKey = new Map(current.map((t) => [key(t), t]));
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
  const toPut: T[] = [];
  const changes: { status: 'added' | 'updated'; record: T; changes: FieldChange[] }[] = [];
  for (const record of incoming) {
    const existing = byKey.get(key(record));
    if (existing === undefined) {
      counts.added++;
      toPut.push(record);
      changes.push({ status: 'added', record, changes: fieldChanges(undefined, record) });
    } else {
      // Merge updates by key: fields the incoming record carries replace the
      // old ones, fields it leaves out are kept.
      const merged = mergeFields(existing, record);
      if (sameRecord(existing, merged)) counts.unchanged++;
      else {
        counts.updated++;
        toPut.push(merged);
        changes.push({
          status: 'updated',
          record: merged,
          changes: fieldChanges(existing, merged),
        });
      }
    }
  }
  return { counts, toPut, changes };
}

/**
 * Which stored organisation each incoming one is: the same id; else, for a
 * file that names municipalities its own way (a d3 file with "gouda", a list
 * without ids), the one municipality with its CBS code, or the one
 * municipality with exactly its name. Anything else is new.
 */
function matchOrganisations(current: readonly Organisation[], incoming: readonly Organisation[]) {
  const byId = new Map(current.map((o) => [o.id, o]));
  const byCbs = new Map<string, Organisation>();
  const byName = new Map<string, Organisation | null>();
  for (const org of current) {
    if (org.cbsCode) byCbs.set(org.cbsCode, org);
    if (org.kind === 'municipality')
      // Two municipalities of one name (it happens across years): no guess.
      byName.set(org.name, byName.has(org.name) ? null : org);
  }
  const incomingIds = new Set(incoming.map((o) => o.id));
  const matches = new Map<string, { id: string; by: MatchedBy }>();
  const taken = new Set<string>();
  for (const org of incoming) {
    if (byId.has(org.id)) {
      matches.set(org.id, { id: org.id, by: 'id' });
      continue;
    }
    const found =
      (org.cbsCode !== undefined ? byCbs.get(org.cbsCode) : undefined) ??
      byName.get(org.name) ??
      undefined;
    // A stored record the file also names by its own id stays that record's.
    if (!found || incomingIds.has(found.id) || taken.has(found.id)) continue;
    taken.add(found.id);
    matches.set(org.id, {
      id: found.id,
      by: org.cbsCode !== undefined && found.cbsCode === org.cbsCode ? 'cbsCode' : 'name',
    });
  }
  return matches;
}

/**
 * What merging `incoming` into `current` would do: update what is there (by
 * id, CBS code or a municipality's exact name), add what is new, delete
 * nothing, and never change a stored organisation's kind unless the user
 * chose that for it (`acceptKinds`).
 */
export function planMerge(
  current: Network,
  incoming: Network,
  options: MergeOptions = {},
): MergePlan {
  const matches = matchOrganisations(current.organisations, incoming.organisations);
  const stored = new Map(current.organisations.map((o) => [o.id, o]));
  const idOf = (id: string) => matches.get(id)?.id ?? id;
  const kindConflicts: KindConflict[] = [];
  const incomingOrgs = incoming.organisations.map((org) => {
    const match = matches.get(org.id);
    if (!match) return org;
    const existing = stored.get(match.id)!;
    const record = { ...org, id: match.id };
    if (record.kind !== existing.kind) {
      kindConflicts.push({
        id: existing.id,
        name: existing.name,
        current: existing.kind,
        incoming: record.kind,
      });
      if (!options.acceptKinds?.has(existing.id)) record.kind = existing.kind;
    }
    return record;
  });
  const incomingRels = incoming.relations.map((rel) =>
    matches.has(rel.source) || matches.has(rel.target)
      ? { ...rel, source: idOf(rel.source), target: idOf(rel.target) }
      : rel,
  );
  const orgs = plan(current.organisations, incomingOrgs, (o) => o.id);
  const rels = plan(current.relations, incomingRels, relationKey);
  const srcs = plan(current.sources, incoming.sources, (s) => s.id);
  const thms = plan(current.themes ?? [], incoming.themes ?? [], (t) => t.id);
  const incomingIdOf = new Map([...matches].map(([from, to]) => [to.id, { from, by: to.by }]));
  return {
    organisations: orgs.counts,
    relations: rels.counts,
    sources: srcs.counts,
    themes: thms.counts,
    organisationsToPut: orgs.toPut,
    relationsToPut: rels.toPut,
    sourcesToPut: srcs.toPut,
    themesToPut: thms.toPut,
    organisationChanges: orgs.changes.map((change) => {
      const match = incomingIdOf.get(change.record.id);
      return {
        ...change,
        ...(change.status === 'updated' && match ? { matchedBy: match.by } : {}),
        ...(match && match.from !== change.record.id ? { incomingId: match.from } : {}),
      };
    }),
    relationChanges: rels.changes,
    kindConflicts,
  };
}

/** The theme list after a merge: the current order, changed themes in place, new ones at the end. */
export function mergeThemes(current: Theme[] | undefined, toPut: Theme[]): Theme[] | undefined {
  if (!current && toPut.length === 0) return undefined;
  const byId = new Map((current ?? []).map((t) => [t.id, t]));
  for (const theme of toPut) byId.set(theme.id, theme);
  return [...byId.values()];
}
