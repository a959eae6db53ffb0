import { describe, expect, it } from 'vitest';
import { exportCsv, exportCsvZip } from '../../../src/io/csvExport';
import { exchangeJson } from '../../../src/io/exportNetwork';
import { exportGexf } from '../../../src/io/gexfFormat';
import { createImporter } from '../../../src/io/importClient';
import { existingFor, runImport, type ImportInput } from '../../../src/io/importJob';
import { sampleNetwork } from '../fixtures';

const network = sampleNetwork();

describe('runImport', () => {
  it('reads a text file, a pair of CSV files in either order, and a zip alike', async () => {
    const csv = exportCsv(network, { separator: ';' });
    const inputs: ImportInput[] = [
      { kind: 'text', fileName: 'n.json', text: exchangeJson(network) },
      { kind: 'csvPair', texts: [csv.relations, csv.organisations] },
      { kind: 'zip', bytes: exportCsvZip(network, { separator: ';' }) },
    ];
    for (const input of inputs) {
      const result = await runImport(input, {});
      expect(result.ok, input.kind).toBe(true);
      if (!result.ok) continue;
      expect(result.network.organisations.map((o) => o.id).sort()).toEqual(
        network.organisations.map((o) => o.id).sort(),
      );
      expect(result.network.relations).toHaveLength(network.relations.length);
    }
  });

  it('refuses a pair of files that holds no table it knows', async () => {
    const result = await runImport({ kind: 'csvPair', texts: ['a;b\n1;2', 'hallo'] }, {});
    expect(result.ok).toBe(false);
  });
});

describe('existingFor', () => {
  const big = { ...network, sources: [{ id: 's', title: 'Bron' }] };

  it('gives CSV readers the whole current network', () => {
    const csv = exportCsv(network, { separator: ';' });
    expect(existingFor({ kind: 'text', fileName: 'r.csv', text: csv.relations }, big)).toBe(big);
    expect(existingFor({ kind: 'csvPair', texts: [] }, big)).toBe(big);
    expect(existingFor({ kind: 'zip', bytes: new Uint8Array() }, big)).toBe(big);
  });

  it('tells a file chosen as bytes by its name or its start, as the worker will', () => {
    const csv = exportCsv(network, { separator: ';' });
    const bytesOf = (text: string) => new TextEncoder().encode(text);
    expect(
      existingFor({ kind: 'file', fileName: 'r.csv', bytes: bytesOf(csv.relations) }, big),
    ).toBe(big);
    expect(existingFor({ kind: 'file', fileName: 'x.zip', bytes: new Uint8Array() }, big)).toBe(
      big,
    );
    const gexf = existingFor(
      { kind: 'file', fileName: 'n.gexf', bytes: bytesOf(exportGexf(network)) },
      big,
    );
    expect(gexf.organisations).toEqual([]);
  });

  it('gives the other readers only the sources, not the organisations and relations', () => {
    for (const text of [exchangeJson(network), exportGexf(network)]) {
      const given = existingFor({ kind: 'text', fileName: 'n', text }, big);
      expect(given.sources).toEqual(big.sources);
      expect(given.organisations).toEqual([]);
      expect(given.relations).toEqual([]);
    }
  });
});

describe('createImporter (in this thread, as without Worker)', () => {
  it('reads, and reads the same input again with other defaults', async () => {
    const importer = createImporter({ useWorker: false });
    const d3 = JSON.stringify({
      nodes: [{ id: 'a' }, { id: 'b' }],
      links: [{ source: 'a', target: 'b' }],
    });
    const first = await importer.read(
      { kind: 'text', fileName: 'd3.json', text: d3 },
      {
        defaultKind: 'association',
        defaultType: 'knowledge',
      },
    );
    const again = await importer.reread({ defaultKind: 'sharedService', defaultType: 'uses' });
    expect(first.ok && first.network.organisations.map((o) => o.kind)).toEqual([
      'association',
      'association',
    ]);
    expect(again.ok && again.network.organisations.map((o) => o.kind)).toEqual([
      'sharedService',
      'sharedService',
    ]);
    expect(again.ok && again.network.relations[0]?.type).toBe('uses');
    importer.dispose();
  });

  it('answers only the newest read: an older one is dropped', async () => {
    const importer = createImporter({ useWorker: false });
    let olderAnswered = false;
    void importer
      .read({ kind: 'text', fileName: 'a.json', text: exchangeJson(network) }, {})
      .then(() => (olderAnswered = true));
    const newer = await importer.read({ kind: 'text', fileName: 'b.json', text: '{' }, {});
    await new Promise((r) => setTimeout(r, 20));
    expect(newer.ok).toBe(false);
    expect(olderAnswered).toBe(false);
    importer.dispose();
  });

  it('says so when reread comes before any read', async () => {
    const importer = createImporter({ useWorker: false });
    await expect(importer.reread({})).rejects.toThrow(/geen bestand/);
  });
});
