import type { Table } from 'dexie';

// Organisations and relations are stored many to a record. IndexedDB pays per
// record (a structured clone, a key, a backend write), so 250 000 relations as
// single rows took 9 to 11 s to write in Chromium and 1.2 s to read back; as 50
// records of 5 000 they take under 0.1 s either way (measured 2026-11-29,
// bench/README). Nothing queries single rows by index, and an edit reads the
// whole network anyway to check references, so nothing is lost.

/** Rows per stored record: large enough that the record count stays small at 50 000 organisations. */
export const ROWS_PER_CHUNK = 5000;

export interface RowChunk<T> {
  id: number;
  rows: T[];
}

export type ChunkTable<T> = Table<RowChunk<T>, number>;

/** All rows, in the order they were first written. */
export async function readRows<T>(table: ChunkTable<T>): Promise<T[]> {
  // A request per chunk, not one for all: the browser turns each result back
  // into objects in its own task, so 250 000 rows never hold the page at once.
  const keys = await table.toCollection().primaryKeys();
  const chunks = await Promise.all(keys.map((key) => table.get(key)));
  return chunks.flatMap((chunk) => chunk?.rows ?? []);
}

/** Rows cut into chunks numbered from 1. */
export function toChunks<T>(rows: readonly T[]): RowChunk<T>[] {
  const chunks: RowChunk<T>[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK)
    chunks.push({ id: chunks.length + 1, rows: rows.slice(i, i + ROWS_PER_CHUNK) });
  return chunks;
}

/** Replace every row. Run it inside a transaction that also holds the table. */
export async function writeRows<T>(table: ChunkTable<T>, rows: readonly T[]): Promise<void> {
  await table.clear();
  const chunks = toChunks(rows);
  if (chunks.length > 0) await table.bulkAdd(chunks);
}

/**
 * A table's rows loaded for editing inside one transaction: reads and writes
 * go to memory, and flush() writes back only the chunks that changed. A row
 * that is replaced keeps its place; a new row goes to the last chunk.
 */
export class RowSet<T> {
  private readonly chunks = new Map<number, Map<string, T>>();
  private readonly chunkOf = new Map<string, number>();
  private readonly dirty = new Set<number>();
  private lastId = 0;

  private constructor(
    private readonly table: ChunkTable<T>,
    private readonly keyOf: (row: T) => string,
  ) {}

  static async load<T>(table: ChunkTable<T>, keyOf: (row: T) => string): Promise<RowSet<T>> {
    const set = new RowSet(table, keyOf);
    for (const chunk of await table.toArray()) {
      const rows = new Map<string, T>();
      for (const row of chunk.rows) {
        const key = keyOf(row);
        rows.set(key, row);
        set.chunkOf.set(key, chunk.id);
      }
      set.chunks.set(chunk.id, rows);
      set.lastId = Math.max(set.lastId, chunk.id);
    }
    return set;
  }

  get size(): number {
    return this.chunkOf.size;
  }

  get(key: string): T | undefined {
    const id = this.chunkOf.get(key);
    return id === undefined ? undefined : this.chunks.get(id)?.get(key);
  }

  has(key: string): boolean {
    return this.chunkOf.has(key);
  }

  all(): T[] {
    return [...this.chunks.values()].flatMap((rows) => [...rows.values()]);
  }

  filter(keep: (row: T) => boolean): T[] {
    return this.all().filter(keep);
  }

  put(row: T): void {
    const key = this.keyOf(row);
    let id = this.chunkOf.get(key);
    if (id === undefined) {
      const last = this.chunks.get(this.lastId);
      if (!last || last.size >= ROWS_PER_CHUNK) {
        id = ++this.lastId;
        this.chunks.set(id, new Map());
      } else id = this.lastId;
      this.chunkOf.set(key, id);
    }
    this.chunks.get(id)!.set(key, row);
    this.dirty.add(id);
  }

  delete(key: string): boolean {
    const id = this.chunkOf.get(key);
    if (id === undefined) return false;
    this.chunks.get(id)!.delete(key);
    this.chunkOf.delete(key);
    this.dirty.add(id);
    return true;
  }

  /** Write the changed chunks; an emptied chunk is removed. */
  async flush(): Promise<void> {
    const puts: RowChunk<T>[] = [];
    const deletes: number[] = [];
    for (const id of this.dirty) {
      const rows = this.chunks.get(id)!;
      if (rows.size === 0) deletes.push(id);
      else puts.push({ id, rows: [...rows.values()] });
    }
    this.dirty.clear();
    if (puts.length > 0) await this.table.bulkPut(puts);
    if (deletes.length > 0) await this.table.bulkDelete(deletes);
  }
}
