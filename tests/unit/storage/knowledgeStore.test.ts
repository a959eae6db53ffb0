import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingSource } from '../../../src/domain/knowledge';
import type { Network } from '../../../src/domain/network';
import { NetwerkkaartDB } from '../../../src/storage/db';
import { applyEdits, readUndoState, undoLast } from '../../../src/storage/editStore';
import { ensureSource, readRecorder, writeRecorder } from '../../../src/storage/knowledgeStore';
import { readNetwork, replaceNetwork, resetToEmbedded } from '../../../src/storage/repository';
import { mergeNetwork } from '../../../src/storage/mergeStore';
import { sampleNetwork } from '../fixtures';

const THEMES = [
  { id: 'informatieveiligheid', label: 'Informatieveiligheid' },
  { id: 'verkiezingen', label: 'Verkiezingen' },
];
const withThemes = (): Network => ({ ...sampleNetwork(), themes: structuredClone(THEMES) });

let db: NetwerkkaartDB;
beforeEach(async () => {
  db = new NetwerkkaartDB(`test-knowledge-${Math.random()}`);
  await replaceNetwork(db, withThemes(), { origin: 'embedded' });
});
afterEach(async () => {
  await db.delete();
});

describe('themes in storage', () => {
  it('keeps the themes with the network, also through an edit', async () => {
    expect((await readNetwork(db)).themes).toEqual(THEMES);
    const gouda = (await readNetwork(db)).organisations[0]!;
    await applyEdits(db, [
      { type: 'putOrganisation', before: gouda, after: { ...gouda, shortName: 'Gda' } },
    ]);
    expect((await readNetwork(db)).themes).toEqual(THEMES);
  });

  it('adds the themes a merged file brings, keeping the order of the ones there', async () => {
    await mergeNetwork(db, {
      title: 'x',
      sources: [],
      organisations: [],
      relations: [],
      themes: [
        { id: 'omgevingswet', label: 'Omgevingswet' },
        { id: 'verkiezingen', label: 'Verkiezingen en referenda' },
      ],
    });
    expect((await readNetwork(db)).themes!.map((t) => t.label)).toEqual([
      'Informatieveiligheid',
      'Verkiezingen en referenda',
      'Omgevingswet',
    ]);
  });

  it('stores a network without themes as it was (files from before)', async () => {
    await replaceNetwork(db, sampleNetwork(), { origin: 'import' });
    expect((await readNetwork(db)).themes).toBeUndefined();
  });
});

describe('recording: the recorder setting and the provenance source', () => {
  it('remembers the recording municipality, also across a reset to the national data', async () => {
    expect(await readRecorder(db)).toBeNull();
    await writeRecorder(db, 'GM0513');
    await resetToEmbedded(db, async () => withThemes());
    expect(await readRecorder(db)).toBe('GM0513');
    await writeRecorder(db, null);
    expect(await readRecorder(db)).toBeNull();
  });

  it('adds the source once, and leaves the undo history of the network alone', async () => {
    const gouda = (await readNetwork(db)).organisations[0]!;
    await applyEdits(db, [
      { type: 'putOrganisation', before: gouda, after: { ...gouda, shortName: 'Gda' } },
    ]);
    const source = recordingSource(gouda, new Date(2026, 10, 30));
    await ensureSource(db, source);
    await ensureSource(db, source);
    const sources = (await readNetwork(db)).sources;
    expect(sources.filter((s) => s.id === source.id)).toHaveLength(1);
    expect((await readUndoState(db)).past).toHaveLength(1);

    const after = (await readNetwork(db)).organisations[0]!;
    await applyEdits(
      db,
      [
        {
          type: 'putOrganisation',
          before: after,
          after: {
            ...after,
            positions: [{ theme: 'informatieveiligheid', role: 'follower', sourceId: source.id }],
          },
        },
      ],
      { label: 'Gouda is volger op informatieveiligheid' },
    );
    expect((await readNetwork(db)).organisations[0]!.positions).toHaveLength(1);
    const undone = await undoLast(db);
    expect(undone?.description).toBe('Ongedaan gemaakt: Gouda is volger op informatieveiligheid');
    expect((await readNetwork(db)).organisations[0]!.positions).toBeUndefined();
    expect((await readNetwork(db)).themes).toEqual(THEMES);
  });
});
