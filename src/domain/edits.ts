import { sameRecord } from './merge';
import type { Network } from './network';
import { KIND_LABELS, displayName, type Organisation } from './organisation';
import { isDirected, relationKey, type Relation } from './relation';

// Edits in the app as plain data: they can be stored (the persisted undo
// history), inverted (undo) and applied to a network (tests, previews).
// Every edit carries what was there before, so an inverse needs no lookup
// and storage can tell whether another tab wrote in the meantime.

export type Edit =
  /** Add (before = null) or change an organisation. Its id never changes. */
  | { type: 'putOrganisation'; before: Organisation | null; after: Organisation }
  /** Remove an organisation together with the relations that go with it. */
  | { type: 'removeOrganisation'; organisation: Organisation; relations: Relation[] }
  /** The inverse of a removal: the organisation and its relations come back. */
  | { type: 'restoreOrganisation'; organisation: Organisation; relations: Relation[] }
  /** Add (before = null) or change a relation; a change may move it to another key. */
  | { type: 'putRelation'; before: Relation | null; after: Relation }
  | { type: 'removeRelation'; relation: Relation }
  /** Several edits that are done and undone as one step. */
  | { type: 'batch'; edits: Edit[]; label?: string };

export type NameOf = (id: string) => string;

/** Dutch field names, for conflict messages and forms. */
export const ORGANISATION_FIELD_LABELS: Record<keyof Organisation, string> = {
  id: 'id',
  kind: 'soort',
  name: 'naam',
  shortName: 'korte naam',
  description: 'beschrijving',
  category: 'categorie',
  domain: 'domein',
  expectedMembers: 'werkelijk aantal leden',
  website: 'website',
  tags: 'labels',
  sourceId: 'bron',
  cbsCode: 'CBS-code',
  province: 'provincie',
  population: 'inwonertal',
  populationYear: 'peiljaar inwonertal',
  lat: 'breedtegraad',
  lon: 'lengtegraad',
  themes: "thema's",
  positions: 'koploper of volger',
};

export const RELATION_FIELD_LABELS: Record<keyof Relation, string> = {
  source: 'van',
  target: 'naar',
  type: 'soort relatie',
  role: 'rol',
  since: 'sinds',
  note: 'notitie',
  weight: 'gewicht',
  sourceId: 'bron',
  themes: "thema's",
  reason: 'argumenten',
};

// ---------------------------------------------------------------------------
// Invert and apply

export function invertEdit(edit: Edit): Edit {
  switch (edit.type) {
    case 'putOrganisation':
      return edit.before === null
        ? { type: 'removeOrganisation', organisation: edit.after, relations: [] }
        : { type: 'putOrganisation', before: edit.after, after: edit.before };
    case 'removeOrganisation':
      return {
        type: 'restoreOrganisation',
        organisation: edit.organisation,
        relations: edit.relations,
      };
    case 'restoreOrganisation':
      return {
        type: 'removeOrganisation',
        organisation: edit.organisation,
        relations: edit.relations,
      };
    case 'putRelation':
      return edit.before === null
        ? { type: 'removeRelation', relation: edit.after }
        : { type: 'putRelation', before: edit.after, after: edit.before };
    case 'removeRelation':
      return { type: 'putRelation', before: null, after: edit.relation };
    case 'batch':
      return {
        type: 'batch',
        edits: [...edit.edits].reverse().map(invertEdit),
        ...(edit.label === undefined ? {} : { label: edit.label }),
      };
  }
}

/** The relations that touch an organisation (what goes with it on removal). */
export function relationsOf(network: Pick<Network, 'relations'>, id: string): Relation[] {
  return network.relations.filter((r) => r.source === id || r.target === id);
}

function putOrganisationIn(list: Organisation[], org: Organisation): Organisation[] {
  const index = list.findIndex((o) => o.id === org.id);
  if (index < 0) return [...list, org];
  const next = [...list];
  next[index] = org;
  return next;
}

function putRelationIn(list: Relation[], rel: Relation, replaceKey = relationKey(rel)): Relation[] {
  const key = relationKey(rel);
  const index = list.findIndex((r) => relationKey(r) === replaceKey);
  const rest = list.filter((r, i) => i === index || relationKey(r) !== key);
  if (index < 0) return [...rest, rel];
  return rest.map((r) => (relationKey(r) === replaceKey ? rel : r));
}

/** The network after the edit; the input is not changed. */
export function applyEdit(network: Network, edit: Edit): Network {
  switch (edit.type) {
    case 'putOrganisation':
      return { ...network, organisations: putOrganisationIn(network.organisations, edit.after) };
    case 'removeOrganisation': {
      const id = edit.organisation.id;
      return {
        ...network,
        organisations: network.organisations.filter((o) => o.id !== id),
        relations: network.relations.filter((r) => r.source !== id && r.target !== id),
      };
    }
    case 'restoreOrganisation': {
      let relations = network.relations;
      for (const rel of edit.relations) relations = putRelationIn(relations, rel);
      return {
        ...network,
        organisations: putOrganisationIn(network.organisations, edit.organisation),
        relations,
      };
    }
    case 'putRelation':
      return {
        ...network,
        relations: putRelationIn(
          network.relations,
          edit.after,
          edit.before ? relationKey(edit.before) : undefined,
        ),
      };
    case 'removeRelation': {
      const key = relationKey(edit.relation);
      return { ...network, relations: network.relations.filter((r) => relationKey(r) !== key) };
    }
    case 'batch':
      return edit.edits.reduce(applyEdit, network);
  }
}

// ---------------------------------------------------------------------------
// Descriptions

/** A name lookup for descriptions: the short name where there is one, else the id. */
export function nameLookup(organisations: Iterable<Organisation>): NameOf {
  const names = new Map<string, string>();
  for (const org of organisations) names.set(org.id, displayName(org));
  return (id) => names.get(id) ?? id;
}

/** Organisation ids an edit refers to, for looking up names. */
export function referencedIds(edit: Edit): string[] {
  const ids = new Set<string>();
  const visit = (e: Edit) => {
    switch (e.type) {
      case 'putOrganisation':
        ids.add(e.after.id);
        break;
      case 'removeOrganisation':
      case 'restoreOrganisation':
        ids.add(e.organisation.id);
        for (const r of e.relations) ids.add(r.source).add(r.target);
        break;
      case 'putRelation':
        ids.add(e.after.source).add(e.after.target);
        if (e.before) ids.add(e.before.source).add(e.before.target);
        break;
      case 'removeRelation':
        ids.add(e.relation.source).add(e.relation.target);
        break;
      case 'batch':
        e.edits.forEach(visit);
    }
  };
  visit(edit);
  return [...ids];
}

/** "Gemeente Gouda". */
export function organisationLabel(org: Organisation): string {
  return `${KIND_LABELS[org.kind].nl} ${displayName(org)}`;
}

/** "Relatie Gouda → G40"; symmetric types read "↔". */
export function relationLabel(rel: Relation, nameOf: NameOf): string {
  const arrow = isDirected(rel.type) ? '→' : '↔';
  return `Relatie ${nameOf(rel.source)} ${arrow} ${nameOf(rel.target)}`;
}

const withRelations = (n: number) =>
  n === 0 ? '' : n === 1 ? ' (met 1 relatie)' : ` (met ${n} relaties)`;

/** What an edit did, in Dutch: "Gemeente Gouda gewijzigd", "Relatie Gouda → G40 toegevoegd". */
export function describeEdit(edit: Edit, nameOf: NameOf): string {
  switch (edit.type) {
    case 'putOrganisation':
      return `${organisationLabel(edit.after)} ${edit.before ? 'gewijzigd' : 'toegevoegd'}`;
    case 'removeOrganisation':
      return `${organisationLabel(edit.organisation)} verwijderd${withRelations(edit.relations.length)}`;
    case 'restoreOrganisation':
      return `${organisationLabel(edit.organisation)} teruggezet${withRelations(edit.relations.length)}`;
    case 'putRelation':
      return `${relationLabel(edit.after, nameOf)} ${edit.before ? 'gewijzigd' : 'toegevoegd'}`;
    case 'removeRelation':
      return `${relationLabel(edit.relation, nameOf)} verwijderd`;
    case 'batch':
      if (edit.label !== undefined) return edit.label;
      if (edit.edits.length === 1) return describeEdit(edit.edits[0]!, nameOf);
      return `${edit.edits.length} wijzigingen`;
  }
}

/** Whether applying the edit changes nothing (a form saved without changes). */
export function isNoOp(edit: Edit): boolean {
  switch (edit.type) {
    case 'putOrganisation':
    case 'putRelation':
      return edit.before !== null && sameRecord(edit.before, edit.after);
    case 'batch':
      return edit.edits.every(isNoOp);
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Undo history: pure functions over { past, future }

export interface UndoState {
  /** Done edits, oldest first. */
  past: Edit[];
  /** Undone edits, next to redo first. */
  future: Edit[];
}

export const DEFAULT_UNDO_LIMIT = 100;

export function emptyUndo(): UndoState {
  return { past: [], future: [] };
}

/** A new edit: it goes on top of the past (the oldest drop off past `limit`); redo is cleared. */
export function recordEdit(state: UndoState, edit: Edit, limit = DEFAULT_UNDO_LIMIT): UndoState {
  const past = [...state.past, edit];
  return { past: past.slice(Math.max(0, past.length - limit)), future: [] };
}

/** Take back the last edit: `edit` is the inverse to apply, null when there is nothing to undo. */
export function undo(state: UndoState): { state: UndoState; edit: Edit | null } {
  const last = state.past[state.past.length - 1];
  if (last === undefined) return { state, edit: null };
  return {
    state: { past: state.past.slice(0, -1), future: [last, ...state.future] },
    edit: invertEdit(last),
  };
}

/** Do the last undone edit again: `edit` is the edit to apply, null when there is nothing to redo. */
export function redo(state: UndoState): { state: UndoState; edit: Edit | null } {
  const [next, ...rest] = state.future;
  if (next === undefined) return { state, edit: null };
  return { state: { past: [...state.past, next], future: rest }, edit: next };
}

// ---------------------------------------------------------------------------
// Concurrent edits (two tabs)

export interface ConcurrentMerge<T> {
  merged: T;
  /** Fields both sides changed to different values; `mine` won them. */
  conflicts: string[];
}

/**
 * Field-level three-way merge of one record. `base` is what I saw (null for a
 * record I created), `mine` what I want, `theirs` what is stored now. Fields I
 * changed win; fields only they changed are kept; fields both changed to
 * different values are conflicts: mine wins and the field is reported.
 * Arrays (tags) count as one field.
 */
export function mergeConcurrent<T extends object>(
  base: T | null,
  mine: T,
  theirs: T,
): ConcurrentMerge<T> {
  const b = (base ?? {}) as Record<string, unknown>;
  const m = mine as Record<string, unknown>;
  const t = theirs as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  const conflicts: string[] = [];
  const fields = new Set([...Object.keys(m), ...Object.keys(t), ...Object.keys(b)]);
  for (const field of fields) {
    const [bv, mv, tv] = [b[field], m[field], t[field]];
    let value: unknown;
    if (sameRecord(bv, mv)) value = tv;
    else if (sameRecord(bv, tv) || sameRecord(mv, tv)) value = mv;
    else {
      value = mv;
      conflicts.push(field);
    }
    if (value !== undefined) merged[field] = value;
  }
  return { merged: merged as T, conflicts };
}
