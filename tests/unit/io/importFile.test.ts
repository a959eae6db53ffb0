import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../src/io/csvFormat';
import { exchangeJson } from '../../../src/io/exportNetwork';
import { exportGexf } from '../../../src/io/gexfFormat';
import { exportGraphml } from '../../../src/io/graphmlFormat';
import { detectFormat, importText } from '../../../src/io/importFile';
import { sampleNetwork } from '../fixtures';

describe('detectFormat', () => {
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
  });

  it('says nothing for files it cannot read', () => {
    expect(detectFormat('tekening.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>')).toBe(
      undefined,
    );
    expect(detectFormat('notities', 'Boodschappen: melk, brood')).toBe(undefined);
  });
});

describe('importText', () => {
  const network = sampleNetwork();

  it('reads every format into the same result shape', () => {
    const json = importText('n.json', exchangeJson(network));
    const gexf = importText('n.gexf', exportGexf(network));
    const graphml = importText('n.graphml', exportGraphml(network));
    const csv = importText(
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

  it('keeps the d3 shape', () => {
    const result = importText('d3.json', JSON.stringify({ nodes: [{ id: 'a' }], links: [] }));
    expect(result.ok && result.format).toBe('d3');
  });

  it('reads a relations CSV against the current network as a merge', () => {
    const result = importText(
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

  it('says in Dutch what it cannot read', () => {
    const result = importText('tekening.svg', '<svg/>');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toContain('Netwerkkaart leest JSON');
    const csv = importText('lijst.csv', 'kleur;maat\nrood;L\n');
    expect(csv.ok).toBe(false);
    if (!csv.ok) expect(csv.errors[0]!.message).toContain('zonder herkenbare kopregel');
  });
});
