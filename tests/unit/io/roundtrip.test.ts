import { describe, expect, it } from 'vitest';
import { exchangeJson, exportFileName, toExchangeDocument } from '../../../src/io/exportNetwork';
import { importJsonText } from '../../../src/io/importNetwork';
import { NetwerkkaartDB } from '../../../src/storage/db';
import { readNetwork, replaceNetwork } from '../../../src/storage/repository';
import { sampleNetwork } from '../fixtures';

const withoutTime = (json: string) => {
  const doc = JSON.parse(json) as Record<string, unknown>;
  delete doc.exportedAt;
  return doc;
};

describe('exchange format round trip', () => {
  it('export, import, export gives the same document apart from exportedAt', () => {
    const first = exchangeJson(sampleNetwork(), new Date('2026-01-01T00:00:00Z'));
    const imported = importJsonText(first);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const second = exchangeJson(imported.network, new Date('2026-06-01T00:00:00Z'));
    expect(withoutTime(second)).toEqual(withoutTime(first));
  });

  it('survives a round trip through an empty store', async () => {
    const db = new NetwerkkaartDB(`roundtrip-${Math.random()}`);
    const first = exchangeJson(sampleNetwork());
    const imported = importJsonText(first);
    if (!imported.ok) throw new Error('sample must import');
    await replaceNetwork(db, imported.network, { origin: 'import' });
    const second = exchangeJson(await readNetwork(db));
    expect(withoutTime(second)).toEqual(withoutTime(first));
    db.close();
  });

  it('carries its format name and version', () => {
    const doc = toExchangeDocument(sampleNetwork(), new Date('2026-11-28T12:00:00Z'));
    expect(doc).toMatchObject({
      format: 'netwerkkaart',
      version: 1,
      exportedAt: '2026-11-28T12:00:00.000Z',
    });
  });

  it('names the file netwerkkaart-YYYY-MM-DD.json', () => {
    expect(exportFileName(new Date(2026, 10, 29, 10))).toBe('netwerkkaart-2026-11-29.json');
    expect(exportFileName(new Date(2026, 0, 5), 'Provincie: Zuid-Holland', 'csv')).toBe(
      'netwerkkaart-2026-01-05-provincie-zuid-holland.csv',
    );
  });
});
