import Dexie, { type Table } from 'dexie';
import type { UndoState } from '../domain/edits';
import type { Source } from '../domain/network';
import type { Organisation } from '../domain/organisation';
import type { Relation } from '../domain/relation';
import type { ExchangeDocumentOut } from '../io/exportNetwork';

export interface StoredRelation extends Relation {
  /** relationKey(): source|type|target. */
  key: string;
}

export interface SnapshotRecord {
  id?: number;
  name: string;
  /** ISO timestamp. */
  createdAt: string;
  /** Taken by the app before a replacing import, restore or reset. */
  auto: boolean;
  organisationCount: number;
  relationCount: number;
  /** Size of the snapshot as JSON, in bytes. */
  bytes: number;
  document: ExchangeDocumentOut;
}

export interface NetworkMeta {
  key: 'network';
  title: string;
  sources: Source[];
  origin: 'embedded' | 'import' | 'snapshot' | 'edit';
  updatedAt: string;
}

export interface LayoutMeta {
  key: 'layout';
  /** Fingerprint of the network the positions belong to. */
  fingerprint: string;
  ids: string[];
  xs: Float32Array;
  ys: Float32Array;
  savedAt: string;
}

export type MetaRecord = NetworkMeta | LayoutMeta;

/** The persisted undo/redo stack, shared by the tabs on this database. */
export interface UndoRecord extends UndoState {
  key: 'undo';
  /**
   * The NetworkMeta.updatedAt written with the last edit. When the network
   * was replaced since (import, restore, reset), the steps no longer apply.
   */
  networkUpdatedAt: string;
}

export type HistoryRecord = UndoRecord;

export class NetwerkkaartDB extends Dexie {
  organisations!: Table<Organisation, string>;
  relations!: Table<StoredRelation, string>;
  snapshots!: Table<SnapshotRecord, number>;
  meta!: Table<MetaRecord, string>;
  history!: Table<HistoryRecord, string>;

  constructor(name = 'netwerkkaart') {
    super(name);
    // 2026-11-29, version 1: organisations, relations (keyed by source|type|target),
    // snapshots (whole exchange documents) and meta (title, sources, layout).
    // Never edit a released version: add version(2) with its own upgrade.
    this.version(1).stores({
      organisations: 'id, kind',
      relations: 'key, source, target, type',
      snapshots: '++id, createdAt',
      meta: 'key',
    });
    // 2026-11-29, version 2: table `history` for the persisted undo/redo stack
    // (key 'undo' -> UndoRecord). Existing tables and rows are unchanged: a
    // concurrent edit is detected by comparing the stored record with the one
    // the user saw, so rows need no revision field and no upgrade function.
    this.version(2).stores({
      history: 'key',
    });
  }
}

/** The app's database; tests create their own with another name. */
export const db = new NetwerkkaartDB();
