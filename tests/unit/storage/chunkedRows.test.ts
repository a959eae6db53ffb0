import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Organisation } from '../../../src/domain/organisation';
import {
  ROWS_PER_CHUNK,
  RowSet,
  readRows,
  toChunks,
  writeRows,
} from '../../../src/storage/chunkedRows';
import { NetwerkkaartDB } from '../../../src/storage/db';

let db: NetwerkkaartDB;
beforeEach(() => {
  db = new NetwerkkaartDB(`test-chunks-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const org = (i: number, name = `Organisatie ${i}`): Organisation => ({
  id: `o${i}`,
  kind: 'association',
  name,
});
const many = (n: number) => Array.from({ length: n }, (_, i) => org(i));
const load = () => RowSet.load(db.organisationChunks, (o) => o.id);

describe('chunked rows', () => {
  it('cuts rows into numbered chunks of at most ROWS_PER_CHUNK', () => {
    const chunks = toChunks(many(ROWS_PER_CHUNK * 2 + 1));
    expect(chunks.map((c) => [c.id, c.rows.length])).toEqual([
      [1, ROWS_PER_CHUNK],
      [2, ROWS_PER_CHUNK],
      [3, 1],
    ]);
    expect(toChunks([])).toEqual([]);
  });

  it('reads back what it wrote, in order, and a second write replaces the first', async () => {
    const rows = many(ROWS_PER_CHUNK + 10);
    await writeRows(db.organisationChunks, rows);
    expect(await readRows(db.organisationChunks)).toEqual(rows);
    await writeRows(db.organisationChunks, [org(1)]);
    expect(await db.organisationChunks.count()).toBe(1);
    expect(await readRows(db.organisationChunks)).toEqual([org(1)]);
    await writeRows(db.organisationChunks, []);
    expect(await readRows(db.organisationChunks)).toEqual([]);
  });

  it('replaces a row in place, appends a new one and removes a deleted one', async () => {
    await writeRows(db.organisationChunks, many(3));
    const set = await load();
    set.put(org(1, 'Nieuwe naam'));
    set.put(org(9));
    expect(set.delete('o0')).toBe(true);
    expect(set.delete('bestaat-niet')).toBe(false);
    expect(set.get('o1')?.name).toBe('Nieuwe naam');
    expect(set.has('o0')).toBe(false);
    expect(set.size).toBe(3);
    await set.flush();
    expect(await readRows(db.organisationChunks)).toEqual([org(1, 'Nieuwe naam'), org(2), org(9)]);
  });

  it('opens a new chunk when the last one is full, and writes only changed chunks', async () => {
    await writeRows(db.organisationChunks, many(ROWS_PER_CHUNK * 2));
    const written: number[] = [];
    db.organisationChunks.hook('creating', (key) => {
      written.push(key as number);
    });
    db.organisationChunks.hook('updating', (_changes, key) => {
      written.push(key as number);
    });
    const set = await load();
    set.put(org(ROWS_PER_CHUNK * 2));
    await set.flush();
    expect(written).toEqual([3]);
    expect((await db.organisationChunks.get(3))?.rows).toEqual([org(ROWS_PER_CHUNK * 2)]);
    expect(await readRows(db.organisationChunks)).toHaveLength(ROWS_PER_CHUNK * 2 + 1);
  });

  it('drops a chunk that an edit emptied, and keeps filling the last chunk afterwards', async () => {
    await writeRows(db.organisationChunks, many(ROWS_PER_CHUNK + 1));
    const set = await load();
    set.delete(`o${ROWS_PER_CHUNK}`);
    await set.flush();
    expect(await db.organisationChunks.count()).toBe(1);
    const again = await load();
    again.put(org(-1));
    await again.flush();
    expect(await db.organisationChunks.count()).toBe(2);
    expect((await readRows(db.organisationChunks)).at(-1)).toEqual(org(-1));
  });

  it('writes nothing when nothing changed', async () => {
    await writeRows(db.organisationChunks, many(2));
    let writes = 0;
    db.organisationChunks.hook('updating', () => {
      writes++;
    });
    const set = await load();
    expect(set.all()).toEqual(many(2));
    expect(set.filter((o) => o.id === 'o1')).toEqual([org(1)]);
    await set.flush();
    expect(writes).toBe(0);
  });
});
