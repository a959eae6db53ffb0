import {
  ORGANISATION_FIELD_LABELS,
  RELATION_FIELD_LABELS,
  describeEdit,
  emptyUndo,
  mergeConcurrent,
  nameLookup,
  organisationLabel,
  recordEdit,
  redo,
  referencedIds,
  relationLabel,
  undo,
  type Edit,
  type NameOf,
  type UndoState,
} from '../domain/edits';
import { sameRecord } from '../domain/merge';
import { emptyNetwork } from '../domain/network';
import type { Organisation } from '../domain/organisation';
import { relationKey, type Relation } from '../domain/relation';
import type { RowSet } from './chunkedRows';
import type { NetwerkkaartDB, NetworkMeta, UndoRecord } from './db';
import { loadRowSets } from './repository';
import { StorageWriteError, asStorageError } from './storageError';

// Edits from the app, written one step at a time in one transaction each.
// Two tabs share this database: every put carries the record the user saw
// (`before`); when the stored record differs, another tab wrote meanwhile and
// the two are merged field by field (domain/edits.ts mergeConcurrent), so a
// newer field is never overwritten without the user being told.

/** How many steps the persisted undo history keeps. */
export const PERSISTED_UNDO_LIMIT = 50;

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

export interface ApplyEditsOptions {
  now?: Date;
  /** Description of a multi-edit step in the undo history. */
  label?: string;
  /** Steps kept in the persisted undo history. */
  historyLimit?: number;
}

const UNDO_KEY = 'undo';

/**
 * 'edit': a step the user asked for now; what no longer exists fails the whole
 * step with a message. 'replay' (undo/redo): a part that no longer applies is
 * skipped and reported, so an old step never blocks the history.
 */
type Mode = 'edit' | 'replay';

interface Context {
  /** The stored rows, loaded once per step and written back when it is done. */
  organisations: RowSet<Organisation>;
  relations: RowSet<Relation>;
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

/** Something the step needs is gone: fail the step (edit) or skip this part (replay). */
function missing(ctx: Context, label: string, what: string): null {
  if (ctx.mode === 'edit') throw new StorageWriteError(`${what}. Er is niets gewijzigd.`);
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
    throw new StorageWriteError('De id van een bestaande organisatie kan niet worden gewijzigd.');
  const stored = ctx.organisations.get(after.id);
  if (before !== null && stored === undefined)
    return missing(ctx, label, `${label} bestaat niet meer (verwijderd in een ander tabblad)`);
  let next = after;
  if (stored !== undefined && !sameRecord(stored, before)) {
    const { merged, conflicts } = mergeConcurrent(before, after, stored);
    reportFields(ctx, label, conflicts, orgFields);
    next = merged;
  }
  if (stored !== undefined && sameRecord(stored, next)) return null;
  ctx.organisations.put(next);
  return { type: 'putOrganisation', before: stored ?? null, after: next };
}

function removeOrganisation(
  ctx: Context,
  edit: Extract<Edit, { type: 'removeOrganisation' }>,
): Edit | null {
  const id = edit.organisation.id;
  const label = organisationLabel(edit.organisation);
  const stored = ctx.organisations.get(id);
  // The relations that go with it are the stored ones: another tab may have added one.
  const relations = ctx.relations.filter((r) => r.source === id || r.target === id);
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
  relations.forEach((r) => ctx.relations.delete(relationKey(r)));
  ctx.organisations.delete(id);
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
      : (ctx.organisations.get(edit.organisation.id) ?? edit.organisation);
  const relations: Relation[] = [];
  for (const relation of edit.relations) {
    const done = putRelation(ctx, { type: 'putRelation', before: null, after: relation });
    if (done?.type === 'putRelation') relations.push(done.after);
  }
  if (written === null && relations.length === 0) return null;
  return { type: 'restoreOrganisation', organisation, relations };
}

function putRelation(ctx: Context, edit: Extract<Edit, { type: 'putRelation' }>): Edit | null {
  const { nameOf } = ctx;
  const { before, after } = edit;
  const label = relationLabel(after, nameOf);
  const stored = ctx.relations.get(relationKey(before ?? after));
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
  const gone = [next.source, next.target].filter((id) => !ctx.organisations.has(id));
  if (gone.length > 0)
    return missing(
      ctx,
      label,
      `${label} kan niet worden opgeslagen: organisatie "${nameOf(gone[0]!)}" bestaat niet meer`,
    );
  const key = relationKey(next);
  if (stored !== undefined && relationKey(stored) !== key) {
    if (ctx.relations.has(key))
      return missing(ctx, label, `${relationLabel(next, nameOf)} bestaat al`);
    ctx.relations.delete(relationKey(stored));
  }
  ctx.relations.put(next);
  return { type: 'putRelation', before: stored ?? null, after: next };
}

function removeRelation(
  ctx: Context,
  edit: Extract<Edit, { type: 'removeRelation' }>,
): Edit | null {
  const key = relationKey(edit.relation);
  const stored = ctx.relations.get(key);
  if (stored === undefined) return null;
  if (!sameRecord(stored, edit.relation)) {
    const label = relationLabel(stored, ctx.nameOf);
    report(
      ctx,
      label,
      `${label} was intussen in een ander tabblad gewijzigd en is toch verwijderd; ongedaan maken brengt die versie terug.`,
    );
  }
  ctx.relations.delete(key);
  return { type: 'removeRelation', relation: stored };
}

/** Apply one edit to the store; returns what was actually written, null for nothing. */
function applyInStore(ctx: Context, edit: Edit): Edit | null {
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
        const written = applyInStore(ctx, part);
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

/** Names for descriptions: the stored organisations an edit mentions, overlaid by the edit's own. */
function namesFor(organisations: RowSet<Organisation>, edits: Edit[]): NameOf {
  const ids = [...new Set(edits.flatMap(referencedIds))];
  const stored = ids
    .map((id) => organisations.get(id))
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

async function readMeta(db: NetwerkkaartDB): Promise<NetworkMeta | undefined> {
  return (await db.meta.get('network')) as NetworkMeta | undefined;
}

/** The history as it applies to the stored network: empty when that was replaced since. */
async function currentUndo(db: NetwerkkaartDB): Promise<UndoState> {
  const [record, meta] = await Promise.all([db.history.get(UNDO_KEY), readMeta(db)]);
  if (!record || meta?.origin !== 'edit' || meta.updatedAt !== record.networkUpdatedAt)
    return emptyUndo();
  return { past: record.past, future: record.future };
}

/** Mark the network as edited; returns the stamp the history keeps to recognise it. */
async function touchMeta(db: NetwerkkaartDB, now: Date): Promise<string> {
  const meta = await readMeta(db);
  const updatedAt = now.toISOString();
  await db.meta.put({
    key: 'network',
    title: meta?.title ?? emptyNetwork().title,
    sources: meta?.sources ?? [],
    ...(meta?.themes ? { themes: meta.themes } : {}),
    origin: 'edit',
    updatedAt,
  });
  return updatedAt;
}

async function writeUndo(db: NetwerkkaartDB, state: UndoState, stamp: string): Promise<void> {
  const record: UndoRecord = { key: UNDO_KEY, ...state, networkUpdatedAt: stamp };
  await db.history.put(record);
}

function editTables(db: NetwerkkaartDB) {
  return [db.organisationChunks, db.relationChunks, db.meta, db.history];
}

/** Apply one step to the loaded rows, then write back the chunks it changed. */
async function applyStep(ctx: Context, step: Edit): Promise<Edit | null> {
  const written = applyInStore(ctx, step);
  await ctx.organisations.flush();
  await ctx.relations.flush();
  return written;
}

/**
 * Apply the edits as one step, in one transaction, and record the step in the
 * persisted undo history. Conflicts with another tab are merged and returned.
 * Throws StorageWriteError (quota: plain message) and then nothing has changed.
 */
export async function applyEdits(
  db: NetwerkkaartDB,
  edits: Edit[],
  { now = new Date(), label, historyLimit = PERSISTED_UNDO_LIMIT }: ApplyEditsOptions = {},
): Promise<EditOutcome> {
  const step: Edit =
    edits.length === 1 && label === undefined
      ? edits[0]!
      : { type: 'batch', edits, ...(label === undefined ? {} : { label }) };
  try {
    return await db.transaction('rw', editTables(db), async () => {
      const rows = await loadRowSets(db);
      const nameOf = namesFor(rows.organisations, [step]);
      const ctx: Context = { ...rows, mode: 'edit', nameOf, conflicts: [] };
      const history = await currentUndo(db);
      const written = await applyStep(ctx, step);
      if (written) {
        const stamp = await touchMeta(db, now);
        await writeUndo(db, recordEdit(history, written, historyLimit), stamp);
      }
      return {
        edit: written,
        description: describeEdit(written ?? step, nameOf),
        conflicts: ctx.conflicts,
      };
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

async function replay(
  db: NetwerkkaartDB,
  direction: 'undo' | 'redo',
  now: Date,
): Promise<EditOutcome | null> {
  try {
    return await db.transaction('rw', editTables(db), async () => {
      const history = await currentUndo(db);
      const original = direction === 'undo' ? history.past.at(-1) : history.future[0];
      const { state, edit } = direction === 'undo' ? undo(history) : redo(history);
      if (!edit || !original) return null;
      const rows = await loadRowSets(db);
      const nameOf = namesFor(rows.organisations, [original, edit]);
      const ctx: Context = { ...rows, mode: 'replay', nameOf, conflicts: [] };
      const written = await applyStep(ctx, edit);
      const stamp = written ? await touchMeta(db, now) : (await readMeta(db))!.updatedAt;
      await writeUndo(db, state, stamp);
      const prefix = direction === 'undo' ? 'Ongedaan gemaakt' : 'Opnieuw gedaan';
      return {
        edit: written,
        description: `${prefix}: ${describeEdit(original, nameOf)}`,
        conflicts: ctx.conflicts,
      };
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

/** Undo the last step (in one transaction); null when there is nothing to undo. */
export function undoLast(db: NetwerkkaartDB, now: Date = new Date()): Promise<EditOutcome | null> {
  return replay(db, 'undo', now);
}

/** Redo the last undone step (in one transaction); null when there is nothing to redo. */
export function redoLast(db: NetwerkkaartDB, now: Date = new Date()): Promise<EditOutcome | null> {
  return replay(db, 'redo', now);
}

/** The undo history that applies to the stored network (empty after an import or reset). */
export async function readUndoState(db: NetwerkkaartDB): Promise<UndoState> {
  return db.transaction('r', [db.meta, db.history], () => currentUndo(db));
}
