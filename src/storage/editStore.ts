import {
  EditRefused,
  applyReplay,
  applyStep,
  nextReplay,
  stepOf,
  type EditOutcome,
  type EditRows,
} from '../domain/applyEdits';
import { emptyUndo, recordEdit, type Edit, type UndoState } from '../domain/edits';
import type { Organisation } from '../domain/organisation';
import type { Relation } from '../domain/relation';
import type { RowSet } from './chunkedRows';
import type { NetwerkkaartDB, UndoRecord } from './db';
import { loadRowSets, readNetworkMeta, writeNetworkMeta } from './repository';
import { StorageWriteError, asStorageError } from './storageError';

// Edits from the app, written one step at a time in one transaction each.
// What an edit does to the rows, with the merge of another tab's changes and
// what the user is told, is domain/applyEdits.ts; this file holds the
// transaction, the persisted undo history and the network's header. Other
// tabs see each step through Dexie's live queries.

/** How many steps the persisted undo history keeps. */
export const PERSISTED_UNDO_LIMIT = 50;

export interface ApplyEditsOptions {
  now?: Date;
  /** Description of a multi-edit step in the undo history. */
  label?: string;
  /** Steps kept in the persisted undo history. */
  historyLimit?: number;
}

const UNDO_KEY = 'undo';

/** The row interface of applyEdits.ts over the rows loaded for one transaction. */
function editRows(rows: {
  organisations: RowSet<Organisation>;
  relations: RowSet<Relation>;
}): EditRows {
  const { organisations, relations } = rows;
  return {
    getOrganisation: (id) => organisations.get(id),
    putOrganisation: (organisation) => organisations.put(organisation),
    deleteOrganisation: (id) => void organisations.delete(id),
    getRelation: (key) => relations.get(key),
    putRelation: (relation) => relations.put(relation),
    deleteRelation: (key) => void relations.delete(key),
    relationsOf: (id) => relations.filter((r) => r.source === id || r.target === id),
  };
}

/** The history as it applies to the stored network: empty when that was replaced since. */
async function currentUndo(db: NetwerkkaartDB): Promise<UndoState> {
  const [record, meta] = await Promise.all([db.history.get(UNDO_KEY), readNetworkMeta(db)]);
  if (!record || meta?.origin !== 'edit' || meta.updatedAt !== record.networkUpdatedAt)
    return emptyUndo();
  return { past: record.past, future: record.future };
}

async function writeUndo(db: NetwerkkaartDB, state: UndoState, stamp: string): Promise<void> {
  const record: UndoRecord = { key: UNDO_KEY, ...state, networkUpdatedAt: stamp };
  await db.history.put(record);
}

function editTables(db: NetwerkkaartDB) {
  return [db.organisationChunks, db.relationChunks, db.meta, db.history];
}

/** The rows loaded for one step, and the write-back of the chunks that changed. */
async function loadEditRows(db: NetwerkkaartDB) {
  const loaded = await loadRowSets(db);
  return {
    rows: editRows(loaded),
    flush: async () => {
      await loaded.organisations.flush();
      await loaded.relations.flush();
    },
  };
}

/**
 * One step in one transaction. A refused step and a failed write both leave
 * the store as it was (the transaction fails); the error says so in Dutch.
 */
async function inEditTransaction<T>(db: NetwerkkaartDB, step: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', editTables(db), step);
  } catch (error) {
    if (error instanceof EditRefused)
      throw new StorageWriteError(error.message, false, { cause: error });
    throw asStorageError(error);
  }
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
  return inEditTransaction(db, async () => {
    const { rows, flush } = await loadEditRows(db);
    const history = await currentUndo(db);
    const outcome = applyStep(rows, stepOf(edits, label));
    await flush();
    if (outcome.edit) {
      const { updatedAt } = await writeNetworkMeta(db, 'edit', now);
      await writeUndo(db, recordEdit(history, outcome.edit, historyLimit), updatedAt);
    }
    return outcome;
  });
}

async function replay(
  db: NetwerkkaartDB,
  direction: 'undo' | 'redo',
  now: Date,
): Promise<EditOutcome | null> {
  return inEditTransaction(db, async () => {
    const next = nextReplay(await currentUndo(db), direction);
    if (!next) return null;
    const { rows, flush } = await loadEditRows(db);
    const outcome = applyReplay(rows, next);
    await flush();
    const stamp = outcome.edit
      ? (await writeNetworkMeta(db, 'edit', now)).updatedAt
      : (await readNetworkMeta(db))!.updatedAt;
    await writeUndo(db, next.history, stamp);
    return outcome;
  });
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
