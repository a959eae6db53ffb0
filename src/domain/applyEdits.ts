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
// being told. Undo and redo are stricter: each tab replays only its own
// steps, and a replay that would overwrite what another tab changed after the
// step is refused (ReplayConflict) unless the user, told what changed,
// confirms it.

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
 * An undo or redo would overwrite a change another tab made after the step:
 * nothing is written, and `changes` names each change, for the user to see
 * before confirming (replay with `force`).
 */
export class ReplayConflict extends EditRefused {
  readonly changes: string[];
  constructor(message: string, changes: string[]) {
    super(message);
    this.name = 'ReplayConflict';
    this.changes = changes;
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
  /** Replay only: what another tab changed after the step, which the replay would overwrite. */
  overwrites: EditConflict[];
}

/** A value as a person reads it in a message. */
function shownValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'leeg';
  if (typeof value === 'number') return new Intl.NumberFormat('nl-NL').format(value);
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'leeg';
  const text = String(value);
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** Fields whose values differ between two versions of a record. */
function changedFields(a: object, b: object): string[] {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].filter(
    (f) => !sameRecord(x[f], y[f]),
  );
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
  stored?: object,
) {
  if (fields.length === 0) return;
  const verb = fields.length === 1 ? 'is' : 'zijn';
  if (ctx.mode === 'replay') {
    const now = stored as Record<string, unknown> | undefined;
    const shownNow = fields.map((f) => `${names[f] ?? f} (nu ${shownValue(now?.[f])})`);
    ctx.overwrites.push({
      label,
      fields,
      message: `${label}: ${listInDutch(shownNow)} ${verb} daarna in een ander tabblad gewijzigd`,
    });
    return;
  }
  const shown = fields.map((f) => names[f] ?? f);
  ctx.conflicts.push({
    label,
    fields,
    message: `${label}: ${listInDutch(shown)} ${verb} intussen ook in een ander tabblad gewijzigd; uw wijziging gaat voor.`,
  });
}

function report(ctx: Context, label: string, message: string) {
  ctx.conflicts.push({ label, fields: [], message });
}

/** What another tab changed after the step: for an edit a notice, for a replay an overwrite. */
function reportChange(ctx: Context, label: string, editMessage: string, replayMessage: string) {
  if (ctx.mode === 'replay') ctx.overwrites.push({ label, fields: [], message: replayMessage });
  else report(ctx, label, editMessage);
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
    reportFields(ctx, label, conflicts, orgFields, stored);
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
  if (stored !== undefined && !sameRecord(stored, edit.organisation)) {
    const fields = changedFields(edit.organisation, stored).map((f) => orgFields[f] ?? f);
    reportChange(
      ctx,
      label,
      `${label} was intussen in een ander tabblad gewijzigd en is toch verwijderd; ongedaan maken brengt die versie terug.`,
      `${label} is daarna in een ander tabblad gewijzigd (${listInDutch(fields)}) en zou verdwijnen`,
    );
  }
  const seen = new Set(edit.relations.map(relationKey));
  const extra = relations.filter((r) => !seen.has(relationKey(r)));
  if (extra.length > 0) {
    const n = extra.length;
    reportChange(
      ctx,
      label,
      `Met ${label} ${n === 1 ? 'is 1 relatie' : `zijn ${n} relaties`} verwijderd die intussen in een ander tabblad ${n === 1 ? 'was' : 'waren'} toegevoegd; ongedaan maken brengt ze terug.`,
      `met ${label} zou${n === 1 ? '' : 'den'} ${listInDutch(extra.slice(0, 3).map((r) => relationLabel(r, ctx.nameOf)))}${n > 3 ? ` en nog ${n - 3}` : ''} verdwijnen, daarna in een ander tabblad toegevoegd`,
    );
  }
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
    reportFields(ctx, label, conflicts, relFields, stored);
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
    const fields = changedFields(edit.relation, stored).map((f) => relFields[f] ?? f);
    reportChange(
      ctx,
      label,
      `${label} was intussen in een ander tabblad gewijzigd en is toch verwijderd; ongedaan maken brengt die versie terug.`,
      `${label} is daarna in een ander tabblad gewijzigd (${listInDutch(fields)}) en zou verdwijnen`,
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
  const ctx: Context = { rows, mode: 'edit', nameOf, conflicts: [], overwrites: [] };
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
 * A part that would overwrite what another tab changed after the step throws
 * ReplayConflict, naming every such change, unless `force` (the user saw them
 * and confirmed): then the replay goes ahead and says what it overwrote.
 */
export function applyReplay(
  rows: EditRows,
  replay: Replay,
  { force = false }: { force?: boolean } = {},
): EditOutcome {
  const nameOf = namesFor(rows, [replay.original, replay.edit]);
  const ctx: Context = { rows, mode: 'replay', nameOf, conflicts: [], overwrites: [] };
  const written = applyToRows(ctx, replay.edit);
  const what = describeEdit(replay.original, nameOf);
  const action = replay.direction === 'undo' ? 'Ongedaan maken' : 'Opnieuw doen';
  if (ctx.overwrites.length > 0 && !force) {
    const changes = ctx.overwrites.map((c) => c.message);
    throw new ReplayConflict(
      `${action} van "${what}" zou een nieuwere wijziging uit een ander tabblad overschrijven: ${changes.join('; ')}. Er is niets gewijzigd.`,
      changes,
    );
  }
  const overwritten = ctx.overwrites.map((c) => ({
    ...c,
    message: `Overschreven: ${c.message}.`,
  }));
  const prefix = replay.direction === 'undo' ? 'Ongedaan gemaakt' : 'Opnieuw gedaan';
  return {
    edit: written,
    description: `${prefix}: ${what}`,
    conflicts: [...overwritten, ...ctx.conflicts],
  };
}
