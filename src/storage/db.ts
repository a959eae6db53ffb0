import Dexie, { type Table } from 'dexie';
import { toChunks, type ChunkTable } from './chunkedRows';
import type { UndoState } from '../domain/edits';
import type { Theme } from '../domain/knowledge';
import type { Source } from '../domain/network';
import type { Organisation } from '../domain/organisation';
import type { Relation } from '../domain/relation';
import type { ExchangeDocumentOut } from '../io/exportNetwork';

/** A relation row as versions 1 and 2 stored it, one per record. */
interface Version2Relation extends Relation {
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
  /** Network.referenceDate: the date the data describes. */
  referenceDate?: string;
  sources: Source[];
  /** The document's themes (issue #15); absent in networks stored before them. */
  themes?: Theme[];
  origin: 'embedded' | 'import' | 'snapshot' | 'edit';
  updatedAt: string;
  /**
   * When the network was last written other than by an edit (a replace or a
   * merge). Edits keep it, so every tab's undo history stays valid through
   * another tab's edits and ends with a replace.
   */
  baseAt?: string;
}

/** For whom this browser records knowledge facts ("Mijn aanvullingen"); kept across resets. */
export interface RecorderMeta {
  key: 'recorder';
  /** Id of the recording municipality. */
  organisationId: string;
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

export type MetaRecord = NetworkMeta | LayoutMeta | RecorderMeta;

/**
 * One tab's persisted undo/redo stack (key `undo:<tab id>`, see tabId.ts):
 * each tab undoes its own steps. Records of version 2 (key 'undo', shared by
 * all tabs) are ignored and pruned.
 */
export interface UndoRecord extends UndoState {
  key: string;
  /**
   * NetworkMeta.baseAt when the last step was written: while the network has
   * not been replaced since (import, restore, reset, merge), the steps apply.
   */
  networkUpdatedAt: string;
  /** ISO time of the last write, so histories of tabs long closed can be pruned. */
  savedAt?: string;
}

export type HistoryRecord = UndoRecord;

export class NetwerkkaartDB extends Dexie {
  /** Organisations, ROWS_PER_CHUNK to a record (chunkedRows.ts). */
  organisationChunks!: ChunkTable<Organisation>;
  /** Relations, ROWS_PER_CHUNK to a record; a relation's key is relationKey(). */
  relationChunks!: ChunkTable<Relation>;
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
    // 2026-11-29, version 3: organisations and relations move to chunk tables
    // (many rows per record; see chunkedRows.ts for the figures). The rows are
    // copied in file order: organisations by id, relations by key, as v2 read them.
    this.version(3)
      .stores({
        organisationChunks: 'id',
        relationChunks: 'id',
      })
      .upgrade(async (tx) => {
        const organisations = (await tx.table('organisations').toArray()) as Organisation[];
        const relations = (await tx.table('relations').toArray()) as Version2Relation[];
        await tx.table('organisationChunks').bulkAdd(toChunks(organisations));
        await tx
          .table('relationChunks')
          .bulkAdd(toChunks(relations.map(({ key: _key, ...relation }) => relation)));
      });
    // Version 4: the per-row tables go, once version 3 has copied them.
    this.version(4).stores({
      organisations: null,
      relations: null,
    });
  }
}

/** The app's database; tests create their own with another name. */
export const db = new NetwerkkaartDB();
