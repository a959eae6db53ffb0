import type { Network } from '../domain/network';
import type { Organisation } from '../domain/organisation';
import { relationKey, type Relation } from '../domain/relation';
import { sameRecord } from '../domain/merge';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ChangedRecord<T> {
  key: string;
  before: T;
  after: T;
  fields: FieldChange[];
}

export interface NetworkDiff {
  organisations: {
    added: Organisation[];
    removed: Organisation[];
    changed: ChangedRecord<Organisation>[];
  };
  relations: { added: Relation[]; removed: Relation[]; changed: ChangedRecord<Relation>[] };
}

function fieldChanges(before: object, after: object): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return fields
    .filter((f) => !sameRecord(b[f], a[f]))
    .map((field) => ({ field, before: b[field], after: a[field] }));
}

function diffBy<T extends object>(before: T[], after: T[], key: (t: T) => string) {
  const oldByKey = new Map(before.map((t) => [key(t), t]));
  const newByKey = new Map(after.map((t) => [key(t), t]));
  const added: T[] = [];
  const removed: T[] = [];
  const changed: ChangedRecord<T>[] = [];
  for (const [k, t] of newByKey) {
    const old = oldByKey.get(k);
    if (old === undefined) added.push(t);
    else {
      const fields = fieldChanges(old, t);
      if (fields.length) changed.push({ key: k, before: old, after: t, fields });
    }
  }
  for (const [k, t] of oldByKey) if (!newByKey.has(k)) removed.push(t);
  const order = (x: T, y: T) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0);
  added.sort(order);
  removed.sort(order);
  changed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { added, removed, changed };
}

/** What changed from `before` to `after`: organisations by id, relations by source|type|target. */
export function diffNetworks(before: Network, after: Network): NetworkDiff {
  return {
    organisations: diffBy(before.organisations, after.organisations, (o) => o.id),
    relations: diffBy(before.relations, after.relations, relationKey),
  };
}

export function diffIsEmpty(diff: NetworkDiff): boolean {
  return (
    diff.organisations.added.length +
      diff.organisations.removed.length +
      diff.organisations.changed.length +
      diff.relations.added.length +
      diff.relations.removed.length +
      diff.relations.changed.length ===
    0
  );
}

/**
 * The network to show a comparison on: everything in `after`, plus what was
 * removed since `before`, so removed organisations can be marked on the map.
 */
export function unionForDiff(before: Network, after: Network, diff: NetworkDiff): Network {
  const ids = new Set(after.organisations.map((o) => o.id));
  const organisations = [
    ...after.organisations,
    ...diff.organisations.removed.filter((o) => !ids.has(o.id)),
  ];
  const all = new Set(organisations.map((o) => o.id));
  const relations = [
    ...after.relations,
    ...diff.relations.removed.filter((r) => all.has(r.source) && all.has(r.target)),
  ];
  return { title: after.title, sources: after.sources, organisations, relations };
}

export type ChangeMark = 'added' | 'removed' | 'changed';

/** What a comparison's map shows: the changes and what they touch, marked. */
export interface ChangeView {
  /** The changed organisations, their direct neighbours and the relations among them. */
  network: Network;
  /** Organisation id -> its mark; organisations without one are neighbours, for context. */
  organisations: Map<string, ChangeMark>;
  /** relationKey -> its mark. */
  relations: Map<string, ChangeMark>;
}

/**
 * Only what changed, and what it is directly linked to: an added, removed or
 * changed organisation comes with its neighbours (in either network, so a
 * removed one is drawn with what it was linked to); an added, removed or
 * changed relation with its two ends. Removed records come from `before`.
 */
export function changeView(before: Network, after: Network, diff: NetworkDiff): ChangeView {
  const union = unionForDiff(before, after, diff);
  const organisations = new Map<string, ChangeMark>();
  const relations = new Map<string, ChangeMark>();
  const mark = <K>(map: Map<K, ChangeMark>, key: K, m: ChangeMark) => {
    // An added relation to a changed organisation leaves the organisation "changed".
    if (!map.has(key)) map.set(key, m);
  };
  diff.organisations.added.forEach((o) => mark(organisations, o.id, 'added'));
  diff.organisations.removed.forEach((o) => mark(organisations, o.id, 'removed'));
  diff.organisations.changed.forEach((c) => mark(organisations, c.key, 'changed'));
  diff.relations.added.forEach((r) => mark(relations, relationKey(r), 'added'));
  diff.relations.removed.forEach((r) => mark(relations, relationKey(r), 'removed'));
  diff.relations.changed.forEach((c) => mark(relations, c.key, 'changed'));

  const shown = new Set(organisations.keys());
  for (const r of union.relations) {
    const ends =
      relations.has(relationKey(r)) || organisations.has(r.source) || organisations.has(r.target);
    if (ends) {
      shown.add(r.source);
      shown.add(r.target);
    }
  }
  return {
    network: {
      title: union.title,
      ...(after.referenceDate ? { referenceDate: after.referenceDate } : {}),
      sources: union.sources,
      organisations: union.organisations.filter((o) => shown.has(o.id)),
      relations: union.relations.filter((r) => shown.has(r.source) && shown.has(r.target)),
    },
    organisations,
    relations,
  };
}
