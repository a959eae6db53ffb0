import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../src/io/csvExport';
import { acceptList, detectFormat, formatOfName } from '../../../src/io/detectFormat';
import { exchangeJson } from '../../../src/io/exportNetwork';
import {
  FILE_FORMATS,
  FILE_FORMAT_LIST,
  exportFiles,
  type FileFormat,
} from '../../../src/io/formats';
import { exportGexf } from '../../../src/io/gexfFormat';
import { exportGraphml } from '../../../src/io/graphmlFormat';
import { IMPORT_FORMAT_LABELS } from '../../../src/io/importFormatLabels';
import { runImport } from '../../../src/io/importJob';
import type { ImportOptions } from '../../../src/io/importResult';
import { sampleNetwork } from '../fixtures';

const importText = (fileName: string, text: string, options: ImportOptions = {}) =>
  runImport({ kind: 'text', fileName, text }, options);

const now = new Date(2026, 11, 1, 12);
const textOf = (data: string | Uint8Array) => (typeof data === 'string' ? data : strFromU8(data));

describe('the format table', () => {
  it('describes every format with a label, extensions and a MIME type', () => {
    expect(FILE_FORMAT_LIST.map((f) => f.id)).toEqual(Object.keys(FILE_FORMATS));
    for (const format of FILE_FORMAT_LIST) {
      expect(format.label.trim(), format.id).not.toBe('');
      expect(format.extensions.length, format.id).toBeGreaterThan(0);
      for (const extension of format.extensions) expect(extension).toMatch(/^[a-z0-9]+$/);
      expect(format.mime, format.id).toMatch(/^[a-z]+\/[a-z0-9.+-]+(;charset=utf-8)?$/);
      expect(typeof format.read).toBe('function');
      expect(typeof format.write).toBe('function');
    }
    expect(new Set(FILE_FORMAT_LIST.map((f) => f.label)).size).toBe(FILE_FORMAT_LIST.length);
  });

  it('keeps the export menu in the order and words users know', () => {
    expect(FILE_FORMAT_LIST.map((f) => f.label)).toEqual([
      'JSON (Netwerkkaart)',
      'Excel-werkmap (.xlsx)',
      'CSV voor Excel (zip)',
      'CSV voor Excel (losse bestanden)',
      'GEXF (Gephi)',
      'GraphML',
    ]);
  });

  it('names every shape a reader can find, for the import preview', () => {
    expect(IMPORT_FORMAT_LABELS).toEqual({
      'netwerkkaart-v1': 'Netwerkkaart, versie 1',
      d3: 'd3 (nodes en links)',
      csv: 'CSV',
      xlsx: 'Excel-werkmap',
      gexf: 'GEXF (Gephi)',
      graphml: 'GraphML',
    });
  });

  it('derives the accept list of the file input from the table', () => {
    const accept = acceptList().split(',');
    for (const format of FILE_FORMAT_LIST) {
      for (const extension of format.extensions) expect(accept).toContain(`.${extension}`);
      expect(accept).toContain(format.mime.split(';')[0]);
    }
    // What the input accepted before the table, and nothing twice or with a parameter.
    for (const old of '.json,.csv,.gexf,.graphml,.xml,.zip,application/json,text/csv'.split(','))
      expect(accept).toContain(old);
    expect(new Set(accept).size).toBe(accept.length);
    expect(accept.join(',')).not.toContain(';');
    expect(acceptList([FILE_FORMATS.gexf])).toBe('.gexf,.xml,application/gexf+xml');
  });

  it('knows a format by the extension only one format has', () => {
    expect(formatOfName('netwerk.ZIP')?.id).toBe('csvZip');
    expect(formatOfName('organisaties.tsv')?.id).toBe('csv');
    expect(formatOfName('export.gexf')?.id).toBe('gexf');
    expect(formatOfName('export.xml')).toBeUndefined(); // GEXF or GraphML: the content decides
    expect(formatOfName('README')).toBeUndefined();
  });

  it('loads no reader or writer library with the table', () => {
    // The map imports the table; papaparse, fflate, graphology and xmldom must
    // come only through the table's dynamic imports. Follow the static imports.
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/^import (?!type )[^;]*?from '([^']+)';/gms)) {
        if (spec!.startsWith('.')) visit(resolve(dirname(file), `${spec}.ts`));
        else packages.add(spec!);
      }
    };
    visit(resolve('src/io/formats.ts'));
    expect([...packages].sort()).toEqual(['zod']);
    // Nor the readers' own modules: the JSON reader and the CSV header reader load with the import page.
    const modules = [...seen].map((f) => f.replace(/.*\/src\/io\//, ''));
    for (const reader of ['csvImport.ts', 'csvHeader.ts', 'fieldAliases.ts', 'jsonRead.ts'])
      expect(modules).not.toContain(reader);
  });
});

describe('detection through the table', () => {
  const network = sampleNetwork();

  it('picks the right reader for a file of each format, as the app writes it', async () => {
    for (const format of FILE_FORMAT_LIST) {
      const files = await exportFiles(format, network, { separator: ';', now });
      for (const file of files) {
        if (format.binary) {
          expect(formatOfName(file.name)?.id, file.name).toBe(format.id);
          continue;
        }
        expect(detectFormat(file.name, textOf(file.data)), file.name).toBe(format.id);
        // Without a name the content alone still says it.
        expect(detectFormat('plakbord', textOf(file.data)), file.name).toBe(format.id);
      }
    }
  });

  it('reads back what each format wrote', async () => {
    const shapes: Record<string, string | false> = {};
    for (const format of FILE_FORMAT_LIST) {
      const files = await exportFiles(format, network, { separator: ';', now });
      const result = format.binary
        ? await runImport({ kind: 'zip', bytes: files[0]!.data as Uint8Array }, {})
        : format.id === 'csv'
          ? await runImport({ kind: 'csvPair', texts: files.map((f) => textOf(f.data)) }, {})
          : await importText(files[0]!.name, textOf(files[0]!.data));
      shapes[format.id] = result.ok && result.format;
      expect(result.ok && result.network.organisations.length, format.id).toBe(
        network.organisations.length,
      );
    }
    expect(shapes).toEqual({
      json: 'netwerkkaart-v1',
      xlsx: 'xlsx',
      csvZip: 'csv',
      csv: 'csv',
      gexf: 'gexf',
      graphml: 'graphml',
    });
  });

  it('trusts unambiguous content over the extension', () => {
    expect(detectFormat('netwerk.txt', '  {"nodes": []}')).toBe('json');
    expect(detectFormat('export.xml', exportGexf(sampleNetwork()))).toBe('gexf');
    expect(detectFormat('export.xml', exportGraphml(sampleNetwork()))).toBe('graphml');
    expect(
      detectFormat('x', '\uFEFF<?xml version="1.0"?>\n<!-- Gephi -->\n<gexf version="1.2"/>'),
    ).toBe('gexf');
  });

  it('recognises CSV by its header when the name does not say', () => {
    expect(detectFormat('organisaties.csv', 'id;naam\n')).toBe('csv');
    expect(detectFormat('plakbord', 'van,naar,soort\na,b,lid\n')).toBe('csv');
    expect(detectFormat('export.xml', 'id;naam\n')).toBe('csv');
  });

  it('lets the name decide over a header that only looks like CSV', () => {
    expect(detectFormat('netwerk.gexf', 'id,name\na,A\n')).toBe('gexf');
    expect(detectFormat('netwerk.json', 'id,name\na,A\n')).toBe('json');
    expect(detectFormat('lijst.csv', 'kleur;maat\nrood;L\n')).toBe('csv');
  });

  it('says nothing for files it cannot read', () => {
    expect(detectFormat('tekening.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>')).toBe(
      undefined,
    );
    expect(detectFormat('notities', 'Boodschappen: melk, brood')).toBe(undefined);
    // XML of another dialect is not read as what its name claims.
    expect(detectFormat('netwerk.json', '<svg/>')).toBe(undefined);
    expect(detectFormat('netwerk.csv', '<svg/>')).toBe(undefined);
  });
});

describe('exportFiles', () => {
  const network = sampleNetwork();

  it('names each file after the date, the filter and its part, with the MIME type of the table', async () => {
    const [json] = await exportFiles(FILE_FORMATS.json, network, {
      now,
      suffix: 'Gemeenten Utrecht',
    });
    expect(json).toMatchObject({
      name: 'netwerkkaart-2026-12-01-gemeenten-utrecht.json',
      mime: 'application/json',
    });
    expect(json!.data).toBe(exchangeJson(network, now));
    const csv = await exportFiles(FILE_FORMATS.csv, network, { now, separator: ',' });
    expect(csv.map((f) => [f.name, f.mime])).toEqual([
      ['netwerkkaart-2026-12-01-organisaties.csv', 'text/csv;charset=utf-8'],
      ['netwerkkaart-2026-12-01-relaties.csv', 'text/csv;charset=utf-8'],
      ['netwerkkaart-2026-12-01-netwerk.csv', 'text/csv;charset=utf-8'],
    ]);
    const dutch = exportCsv(network, { separator: ',', dutch: true });
    expect(csv.map((f) => f.data)).toEqual([dutch.organisations, dutch.relations, dutch.network]);
    const [zip] = await exportFiles(FILE_FORMATS.csvZip, network, { now });
    expect(zip).toMatchObject({ name: 'netwerkkaart-2026-12-01.zip', mime: 'application/zip' });
    expect(zip!.data).toBeInstanceOf(Uint8Array);
  });

  it('hands every format the view: all carry positions', async () => {
    let asked = 0;
    const view = () => {
      asked++;
      return { positions: new Map([['GM0513', { x: 1.5, y: -2 }]]) };
    };
    for (const format of FILE_FORMAT_LIST) await exportFiles(format, network, { now, view });
    expect(asked).toBe(FILE_FORMAT_LIST.length);
    const [gexf] = await exportFiles(FILE_FORMATS.gexf, network, { now, view });
    expect(gexf!.data).toBe(exportGexf(network, view(), now));
  });
});

describe('reading through the table', () => {
  const network = sampleNetwork();

  it('reads every format into the same result shape', async () => {
    const json = await importText('n.json', exchangeJson(network));
    const gexf = await importText('n.gexf', exportGexf(network));
    const graphml = await importText('n.graphml', exportGraphml(network));
    const csv = await importText(
      'organisaties.csv',
      exportCsv(network, { separator: ';' }).organisations,
    );
    for (const result of [json, gexf, graphml, csv]) expect(result.ok).toBe(true);
    expect([json, gexf, graphml, csv].map((r) => r.ok && r.format)).toEqual([
      'netwerkkaart-v1',
      'gexf',
      'graphml',
      'csv',
    ]);
    if (csv.ok) {
      expect(csv.network.organisations).toHaveLength(network.organisations.length);
      expect(csv.network.relations).toEqual([]);
      expect(csv.rejectedRows).toEqual([]);
    }
  });

  it('keeps the d3 shape', async () => {
    const result = await importText('d3.json', JSON.stringify({ nodes: [{ id: 'a' }], links: [] }));
    expect(result.ok && result.format).toBe('d3');
  });

  it('reads a relations CSV against the current network as a merge', async () => {
    const result = await importText(
      'relaties.csv',
      readFileSync('tests/fixtures/relaties-nl.csv', 'utf8'),
      {
        existing: {
          ...network,
          organisations: [
            ...network.organisations,
            { id: 'bzk', kind: 'chainPartner', name: 'BZK' },
          ],
        },
      },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mergeOnly).toBe(true);
    expect(result.network.relations).toHaveLength(6);
  });

  it('says in Dutch what it cannot read', async () => {
    const result = await importText('tekening.svg', '<svg/>');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toContain('Netwerkkaart leest JSON');
    const csv = await importText('lijst.csv', 'kleur;maat\nrood;L\n');
    expect(csv.ok).toBe(false);
    if (!csv.ok) expect(csv.errors[0]!.message).toContain('zonder herkenbare kopregel');
  });
});

describe('positions', () => {
  const network = sampleNetwork();
  const positions = new Map(network.organisations.map((o, i) => [o.id, { x: i * 10, y: 1 - i }]));

  it('come back in one shape from every format that carries them', async () => {
    const view = () => ({ positions });
    const carried: Partial<Record<FileFormat['id'], unknown>> = {};
    for (const format of FILE_FORMAT_LIST) {
      const files = await exportFiles(format, network, { now, view });
      const result = format.binary
        ? await runImport({ kind: 'zip', bytes: files[0]!.data as Uint8Array }, {})
        : format.id === 'csv'
          ? await runImport({ kind: 'csvPair', texts: files.map((f) => textOf(f.data)) }, {})
          : await importText(files[0]!.name, textOf(files[0]!.data));
      carried[format.id] = result.ok && result.positions;
    }
    const d3 = await importText(
      'd3.json',
      JSON.stringify({
        nodes: network.organisations.map((o) => ({ id: o.id, ...positions.get(o.id), vx: 0.1 })),
        links: [],
      }),
    );
    for (const format of FILE_FORMAT_LIST) expect(carried[format.id], format.id).toEqual(positions);
    expect(d3.ok && d3.positions).toEqual(positions);
  });

  it('are absent when a file carries none, and never hold a number that is not finite', async () => {
    const json = await importText('n.json', exchangeJson(network));
    const gexf = await importText('n.gexf', exportGexf(network));
    expect(json.ok && json.positions).toBeUndefined();
    expect(gexf.ok && gexf.positions).toBeUndefined();
    const d3 = await importText(
      'd3.json',
      JSON.stringify({
        nodes: [{ id: 'a', x: 1, y: 2 }, { id: 'b', x: 'links', y: 0 }, { id: 'c' }],
      }),
    );
    expect(d3.ok && d3.positions).toEqual(new Map([['a', { x: 1, y: 2 }]]));
  });
});
