import {
  ORGANISATION_FIELD_LABELS,
  RELATION_FIELD_LABELS,
  describeEdit,
  mergeConcurrent,
  nameLookup,
  redo,
  referencedIds,
  relationLabel,
  organisationLabel,
  undo,
  type Edit,
  type NameOf,
  type UndoState,
} from './edits';
import { sameRecord } from './merge';
import type { Organisation } from './organisation';
import { relationKey, type Relation } from './relation';

// Applying an edit to the stored rows, as pure functions over a small row
// interface: storage implements it over its chunked rows inside one
// transaction, tests over plain maps. Two tabs share the rows: every put
// carries the record the user saw (`before`); when the stored record differs,
// another tab wrote meanwhile and the two are merged field by field
// (mergeConcurrent), so a newer field is never overwritten without the user
// being told.

/** The stored network as an edit reads and writes it. */
export interface EditRows {
  getOrganisation(id: string): Organisation | undefined;
  putOrganisation(organisation: Organisation): void;
  deleteOrganisation(id: string): void;
  /** By relationKey(). */
  getRelation(key: string): Relation | undefined;
  /** A relation with the key of one stored replaces it. */
  putRelation(relation: Relation): void;
  deleteRelation(key: string): void;
  /** The stored relations with the organisation at either end. */
  relationsOf(id: string): Relation[];
}

export interface EditConflict {
  /** "Gemeente Gouda", "Relatie Gouda → G40". */
  label: string;
  /** Fields both tabs changed (ours won); empty for a conflict about the whole record. */
  fields: string[];
  /** What happened, in Dutch, for the user. */
  message: string;
}

export interface EditOutcome {
  /** What was actually written (after merging), or null when nothing changed. */
  edit: Edit | null;
  /** "Gemeente Gouda gewijzigd"; for undo/redo prefixed "Ongedaan gemaakt: " / "Opnieuw gedaan: ". */
  description: string;
  conflicts: EditConflict[];
}

/**
 * A step the user asked for cannot be done as asked (what it changes is gone,
 * or it would break the network). Nothing of the step may be kept: the caller
 * drops every row it wrote, as storage does by failing its transaction.
 */
export class EditRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditRefused';
  }
}

/**
 * 'edit': a step the user asked for now; what no longer exists refuses the
 * whole step. 'replay' (undo/redo): a part that no longer applies is skipped
 * and reported, so an old step never blocks the history.
 */
type Mode = 'edit' | 'replay';

interface Context {
  rows: EditRows;
  mode: Mode;
  nameOf: NameOf;
  conflicts: EditConflict[];
}

function listInDutch(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

function reportFields(
  ctx: Context,
  label: string,
  fields: string[],
  names: Record<string, string>,
) {
  if (fields.length === 0) return;
  const shown = fields.map((f) => names[f] ?? f);
  const verb = fields.length === 1 ? 'is' : 'zijn';
  ctx.conflicts.push({
    label,
    fields,
    message: `${label}: ${listInDutch(shown)} ${verb} intussen ook in een ander tabblad gewijzigd; uw wijziging gaat voor.`,
  });
}

function report(ctx: Context, label: string, message: string) {
  ctx.conflicts.push({ label, fields: [], message });
}

/** Something the step needs is gone: refuse the step (edit) or skip this part (replay). */
function missing(ctx: Context, label: string, what: string): null {
  if (ctx.mode === 'edit') throw new EditRefused(`${what}. Er is niets gewijzigd.`);
  report(ctx, label, `${what}; dit deel is overgeslagen.`);
  return null;
}

const orgFields = ORGANISATION_FIELD_LABELS as Record<string, string>;
const relFields = RELATION_FIELD_LABELS as Record<string, string>;

function putOrganisation(
  ctx: Context,
  edit: Extract<Edit, { type: 'putOrganisation' }>,
): Edit | null {
  const { before, after } = edit;
  const label = organisationLabel(after);
  if (before !== null && before.id !== after.id)
    throw new EditRefused('De id van een bestaande organisatie kan niet worden gewijzigd.');
  const stored = ctx.rows.getOrganisation(after.id);
  if (before !== null && stored === undefined)
    return missing(ctx, label, `${label} bestaat niet meer (verwijderd in een ander tabblad)`);
  let next = after;
  if (stored !== undefined && !sameRecord(stored, before)) {
    const { merged, conflicts } = mergeConcurrent(before, after, stored);
    reportFields(ctx, label, conflicts, orgFields);
    next = merged;
  }
  if (stored !== undefined && sameRecord(stored, next)) return null;
  ctx.rows.putOrganisation(next);
  return { type: 'putOrganisation', before: stored ?? null, after: next };
}

function removeOrganisation(
  ctx: Context,
  edit: Extract<Edit, { type: 'removeOrganisation' }>,
): Edit | null {
  const id = edit.organisation.id;
  const label = organisationLabel(edit.organisation);
  const stored = ctx.rows.getOrganisation(id);
  // The relations that go with it are the stored ones: another tab may have added one.
  const relations = ctx.rows.relationsOf(id);
  if (stored === undefined && relations.length === 0) return null;
  if (stored !== undefined && !sameRecord(stored, edit.organisation))
    report(
      ctx,
      label,
      `${label} was intussen in een ander tabblad gewijzigd en is toch verwijderd; ongedaan maken brengt die versie terug.`,
    );
  const seen = new Set(edit.relations.map(relationKey));
  const extra = relations.filter((r) => !seen.has(relationKey(r))).length;
  if (extra > 0)
    report(
      ctx,
      label,
      `Met ${label} ${extra === 1 ? 'is 1 relatie' : `zijn ${extra} relaties`} verwijderd die intussen in een ander tabblad ${extra === 1 ? 'was' : 'waren'} toegevoegd; ongedaan maken brengt ze terug.`,
    );
  relations.forEach((r) => ctx.rows.deleteRelation(relationKey(r)));
  ctx.rows.deleteOrganisation(id);
  return { type: 'removeOrganisation', organisation: stored ?? edit.organisation, relations };
}

function restoreOrganisation(
  ctx: Context,
  edit: Extract<Edit, { type: 'restoreOrganisation' }>,
): Edit | null {
  const written = putOrganisation(ctx, {
    type: 'putOrganisation',
    before: null,
    after: edit.organisation,
  });
  const organisation =
    written?.type === 'putOrganisation'
      ? written.after
      : (ctx.rows.getOrganisation(edit.organisation.id) ?? edit.organisation);
  const relations: Relation[] = [];
  for (const relation of edit.relations) {
    const done = putRelation(ctx, { type: 'putRelation', before: null, after: relation });
    if (done?.type === 'putRelation') relations.push(done.after);
  }
  if (written === null && relations.length === 0) return null;
  return { type: 'restoreOrganisation', organisation, relations };
}

function putRelation(ctx: Context, edit: Extract<Edit, { type: 'putRelation' }>): Edit | null {
  const { nameOf, rows } = ctx;
  const { before, after } = edit;
  const label = relationLabel(after, nameOf);
  const stored = rows.getRelation(relationKey(before ?? after));
  if (before !== null && stored === undefined)
    return missing(ctx, label, `${label} bestaat niet meer (verwijderd in een ander tabblad)`);
  let next = after;
  if (stored !== undefined && !sameRecord(stored, before)) {
    const { merged, conflicts } = mergeConcurrent(before, after, stored);
    reportFields(ctx, label, conflicts, relFields);
    next = merged;
  }
  if (stored !== undefined && sameRecord(stored, next)) return null;
  if (next.source === next.target)
    return missing(ctx, label, `${label} verbindt een organisatie met zichzelf`);
  const gone = [next.source, next.target].filter((id) => rows.getOrganisation(id) === undefined);
  if (gone.length > 0)
    return missing(
      ctx,
      label,
      `${label} kan niet worden opgeslagen: organisatie "${nameOf(gone[0]!)}" bestaat niet meer`,
    );
  const key = relationKey(next);
  if (stored !== undefined && relationKey(stored) !== key) {
    if (rows.getRelation(key) !== undefined)
      return missing(ctx, label, `${relationLabel(next, nameOf)} bestaat al`);
    rows.deleteRelation(relationKey(stored));
  }
  rows.putRelation(next);
  return { type: 'putRelation', before: stored ?? null, after: next };
}

function removeRelation(
  ctx: Context,
  edit: Extract<Edit, { type: 'removeRelation' }>,
): Edit | null {
  const key = relationKey(edit.relation);
  const stored = ctx.rows.getRelation(key);
  if (stored === undefined) return null;
  if (!sameRecord(stored, edit.relation)) {
    const label = relationLabel(stored, ctx.nameOf);
    report(
      ctx,
      label,
      `${label} was intussen in een ander tabblad gewijzigd en is toch verwijderd; ongedaan maken brengt die versie terug.`,
    );
  }
  ctx.rows.deleteRelation(key);
  return { type: 'removeRelation', relation: stored };
}

/** Apply one edit to the rows; returns what was actually written, null for nothing. */
function applyToRows(ctx: Context, edit: Edit): Edit | null {
  switch (edit.type) {
    case 'putOrganisation':
      return putOrganisation(ctx, edit);
    case 'removeOrganisation':
      return removeOrganisation(ctx, edit);
    case 'restoreOrganisation':
      return restoreOrganisation(ctx, edit);
    case 'putRelation':
      return putRelation(ctx, edit);
    case 'removeRelation':
      return removeRelation(ctx, edit);
    case 'batch': {
      const done: Edit[] = [];
      for (const part of edit.edits) {
        const written = applyToRows(ctx, part);
        if (written) done.push(written);
      }
      if (done.length === 0) return null;
      return {
        type: 'batch',
        edits: done,
        ...(edit.label === undefined ? {} : { label: edit.label }),
      };
    }
  }
}

/** Names for descriptions: the stored organisations the edits mention, overlaid by the edits' own. */
function namesFor(rows: EditRows, edits: Edit[]): NameOf {
  const ids = [...new Set(edits.flatMap(referencedIds))];
  const stored = ids
    .map((id) => rows.getOrganisation(id))
    .filter((o): o is Organisation => o !== undefined);
  const carried: Organisation[] = [];
  const collect = (e: Edit) => {
    if (e.type === 'putOrganisation') carried.push(e.after);
    else if (e.type === 'removeOrganisation' || e.type === 'restoreOrganisation')
      carried.push(e.organisation);
    else if (e.type === 'batch') e.edits.forEach(collect);
  };
  edits.forEach(collect);
  return nameLookup([...stored, ...carried]);
}

/** The edits as one step of the history: a single edit as it is, several as a batch. */
export function stepOf(edits: Edit[], label?: string): Edit {
  return edits.length === 1 && label === undefined
    ? edits[0]!
    : { type: 'batch', edits, ...(label === undefined ? {} : { label }) };
}

/**
 * Apply a step the user asked for now. Conflicts with another tab are merged
 * and reported; throws EditRefused when the step cannot be done, after which
 * the caller must keep none of the rows written.
 */
export function applyStep(rows: EditRows, step: Edit): EditOutcome {
  // Names first: a removal must still find the name of what it removes.
  const nameOf = namesFor(rows, [step]);
  const ctx: Context = { rows, mode: 'edit', nameOf, conflicts: [] };
  const written = applyToRows(ctx, step);
  return {
    edit: written,
    description: describeEdit(written ?? step, nameOf),
    conflicts: ctx.conflicts,
  };
}

/** The step undo or redo takes from the history, and the history after it. */
export interface Replay {
  direction: 'undo' | 'redo';
  /** The step as it was recorded. */
  original: Edit;
  /** What to apply: the inverse of `original` for undo, `original` itself for redo. */
  edit: Edit;
  history: UndoState;
}

/** What undo or redo would apply; null when there is nothing to undo or redo. */
export function nextReplay(history: UndoState, direction: 'undo' | 'redo'): Replay | null {
  const original = direction === 'undo' ? history.past.at(-1) : history.future[0];
  const { state, edit } = direction === 'undo' ? undo(history) : redo(history);
  if (!edit || !original) return null;
  return { direction, original, edit, history: state };
}

/**
 * Apply an undo or redo. A part that no longer applies (another tab removed
 * what it touches) is skipped and reported instead of blocking the history.
 */
export function applyReplay(rows: EditRows, replay: Replay): EditOutcome {
  const nameOf = namesFor(rows, [replay.original, replay.edit]);
  const ctx: Context = { rows, mode: 'replay', nameOf, conflicts: [] };
  const written = applyToRows(ctx, replay.edit);
  const prefix = replay.direction === 'undo' ? 'Ongedaan gemaakt' : 'Opnieuw gedaan';
  return {
    edit: written,
    description: `${prefix}: ${describeEdit(replay.original, nameOf)}`,
    conflicts: ctx.conflicts,
  };
}
