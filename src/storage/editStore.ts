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
import type { NetwerkkaartDB, NetworkMeta, UndoRecord } from './db';
import { loadRowSets, readNetworkMeta, writeNetworkMeta } from './repository';
import { StorageWriteError, asStorageError } from './storageError';
import { thisTab } from './tabId';

// Edits from the app, written one step at a time in one transaction each.
// What an edit does to the rows, with the merge of another tab's changes and
// what the user is told, is domain/applyEdits.ts; this file holds the
// transaction, the persisted undo histories and the network's header. Other
// tabs see each step through Dexie's live queries. Each tab has its own
// history (tabId.ts): undo takes back this tab's last step, never another's.

/** How many steps the persisted undo history keeps. */
export const PERSISTED_UNDO_LIMIT = 50;

export interface ApplyEditsOptions {
  now?: Date;
  /** The tab whose history records the step; this tab when not given (tests give two). */
  tab?: string;
  /** Description of a multi-edit step in the undo history. */
  label?: string;
  /** Steps kept in the persisted undo history. */
  historyLimit?: number;
}

const undoKey = (tab: string) => `undo:${tab}`;
/** A history not written for this long belongs to a tab closed long ago. */
const HISTORY_KEPT_MS = 30 * 24 * 3600 * 1000;

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

/** What a history is checked against; a header from before baseAt existed is its own base. */
const baseOf = (meta: NetworkMeta) => meta.baseAt ?? meta.updatedAt;

/**
 * The tab's history as it applies to the stored network: empty when that was
 * replaced since. A tab without one of its own takes over the history that
 * all tabs shared before per-tab histories, until its first step.
 */
async function currentUndo(db: NetwerkkaartDB, tab: string): Promise<UndoState> {
  const [own, shared, meta] = await Promise.all([
    db.history.get(undoKey(tab)),
    db.history.get('undo'),
    readNetworkMeta(db),
  ]);
  const record = own ?? shared;
  if (!record || !meta || baseOf(meta) !== record.networkUpdatedAt) return emptyUndo();
  return { past: record.past, future: record.future };
}

async function writeUndo(
  db: NetwerkkaartDB,
  tab: string,
  state: UndoState,
  base: string,
  now: Date,
): Promise<void> {
  const record: UndoRecord = {
    key: undoKey(tab),
    ...state,
    networkUpdatedAt: base,
    savedAt: now.toISOString(),
  };
  await db.history.put(record);
  // Histories of tabs closed long ago, and the one history all tabs shared before.
  const old = new Date(now.getTime() - HISTORY_KEPT_MS).toISOString();
  await db.history
    .filter((r) => r.key === 'undo' || (r.key !== record.key && (r.savedAt ?? '') < old))
    .delete();
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
  {
    now = new Date(),
    label,
    historyLimit = PERSISTED_UNDO_LIMIT,
    tab = thisTab(),
  }: ApplyEditsOptions = {},
): Promise<EditOutcome> {
  return inEditTransaction(db, async () => {
    const { rows, flush } = await loadEditRows(db);
    const history = await currentUndo(db, tab);
    const outcome = applyStep(rows, stepOf(edits, label));
    await flush();
    if (outcome.edit) {
      const meta = await writeNetworkMeta(db, 'edit', now);
      await writeUndo(db, tab, recordEdit(history, outcome.edit, historyLimit), baseOf(meta), now);
    }
    return outcome;
  });
}

export interface ReplayOptions {
  now?: Date;
  tab?: string;
  /**
   * Overwrite what another tab changed after the step. Without it such a
   * replay throws StorageWriteError whose cause is a ReplayConflict naming
   * the changes, and nothing is written.
   */
  force?: boolean;
}

async function replay(
  db: NetwerkkaartDB,
  direction: 'undo' | 'redo',
  { now = new Date(), tab = thisTab(), force = false }: ReplayOptions,
): Promise<EditOutcome | null> {
  return inEditTransaction(db, async () => {
    const next = nextReplay(await currentUndo(db, tab), direction);
    if (!next) return null;
    const { rows, flush } = await loadEditRows(db);
    const outcome = applyReplay(rows, next, { force });
    await flush();
    const meta = outcome.edit ? await writeNetworkMeta(db, 'edit', now) : await readNetworkMeta(db);
    await writeUndo(db, tab, next.history, baseOf(meta!), now);
    return outcome;
  });
}

/** Undo this tab's last step (in one transaction); null when there is nothing to undo. */
export function undoLast(
  db: NetwerkkaartDB,
  options: ReplayOptions = {},
): Promise<EditOutcome | null> {
  return replay(db, 'undo', options);
}

/** Redo this tab's last undone step (in one transaction); null when there is nothing to redo. */
export function redoLast(
  db: NetwerkkaartDB,
  options: ReplayOptions = {},
): Promise<EditOutcome | null> {
  return replay(db, 'redo', options);
}

/** This tab's undo history as it applies to the stored network (empty after an import or reset). */
export async function readUndoState(
  db: NetwerkkaartDB,
  tab: string = thisTab(),
): Promise<UndoState> {
  return db.transaction('r', [db.meta, db.history], () => currentUndo(db, tab));
}
