import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { exportGexf, importGexf } from '../../../src/io/gexfFormat';
import type { ImportResult } from '../../../src/io/importResult';
import { comparable, interopNetwork } from '../../fixtures/interopNetwork';

function success(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result;
}

function errors(result: ImportResult) {
  if (result.ok) throw new Error('expected the import to be rejected');
  return result.errors;
}

const view = () => ({
  positions: new Map([
    ['GM0513', { x: 10.5, y: -20.25 }],
    ['vng', { x: 0, y: 0 }],
    ['ibd', { x: Number.NaN, y: 3 }],
  ]),
  colors: new Map([
    ['GM0513', '#1f77b4'],
    ['vng', 'rgba(255, 127, 14, 0.5)'],
    ['ibd', 'hsl(10 20% 30%)'],
  ]),
  sizes: new Map([
    ['GM0513', 8],
    ['vng', 12.5],
  ]),
});

describe('GEXF export', () => {
  it('is read by graphology-gexf with positions, colours, sizes and attributes', () => {
    const graph = parse(Graph, exportGexf(interopNetwork(), view()));
    expect(graph.order).toBe(7);
    expect(graph.size).toBe(8);
    const gouda = graph.getNodeAttributes('GM0513');
    expect(gouda).toMatchObject({
      label: 'Gouda',
      kind: 'municipality',
      cbsCode: 'GM0513',
      province: 'Zuid-Holland',
      population: 70_000,
      populationYear: 2025,
      // y upwards in the file, as Gephi draws it; downwards on the map.
      x: 10.5,
      y: 20.25,
      size: 8,
      color: 'rgb(31,119,180)',
    });
    expect(graph.getNodeAttributes('vng')).toMatchObject({
      x: 0,
      y: 0,
      size: 12.5,
      color: 'rgba(255,127,14,0.5)',
      shortName: 'VNG',
      website: 'https://vng.nl',
    });
    // A NaN position and a colour it cannot express are left out, not written as garbage.
    expect(graph.getNodeAttributes('ibd')).not.toHaveProperty('x');
    expect(graph.getNodeAttributes('ibd')).not.toHaveProperty('color');
    const edge = graph.findEdge((_e, _a, s, t) => s === 'GM0363' && t === 'ibd')!;
    expect(graph.getEdgeAttributes(edge)).toMatchObject({
      relationType: 'uses',
      symmetric: false,
      role: 'frontrunner',
      since: '2013-01',
    });
    const knowledge = graph.findEdge((_e, a) => a.relationType === 'knowledge')!;
    expect(graph.getEdgeAttributes(knowledge)).toMatchObject({ weight: 2.5, symmetric: true });
    // Every edge directed: networkx refuses an undirected edge in a directed graph.
    expect(graph.type).toBe('directed');
  });

  it('writes GEXF 1.3 with the viz namespace Gephi expects', () => {
    const text = exportGexf(interopNetwork(), view());
    expect(text).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(text).toContain('version="1.3"');
    expect(text).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
    expect(text).toContain('<viz:position x="10.5" y="20.25"');
    expect(text).toContain('<viz:color r="31" g="119" b="180"');
  });

  it('puts the title in <description> and the sources beside each record, not in <meta> tags GEXF lacks', () => {
    const text = exportGexf(interopNetwork(), {}, new Date('2026-11-30T12:00:00Z'));
    const meta = /<meta[\s\S]*?<\/meta>/.exec(text)![0];
    expect(meta).toBe(
      [
        '<meta lastmodifieddate="2026-11-30">',
        '    <creator>Netwerkkaart</creator>',
        '    <description>Testnetwerk</description>',
        '  </meta>',
      ].join('\n'),
    );
    expect(text).toContain('<attvalue for="sourceTitle" value="Testbron">');
    expect(text).toContain('<attvalue for="sourceYear" value="2025">');
    expect(text).not.toMatch(/ type="(undirected|mutual|mixed)"/);
    expect(text).toContain('<graph defaultedgetype="directed">');
  });

  it('escapes markup and entities instead of writing them', () => {
    const text = exportGexf(interopNetwork());
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(text).toContain('&amp;amp; letterlijk');
  });
});

describe('GEXF round trip', () => {
  it('gives back the same network, sources and title included', () => {
    const network = interopNetwork();
    const result = success(importGexf(exportGexf(network, view())));
    expect(result.format).toBe('gexf');
    expect(result.assumed).toEqual({ kinds: 0, types: 0 });
    expect(result.warnings).toEqual([]);
    expect(comparable(result.network)).toEqual(comparable(network));
    expect(result.network.sources).toEqual(network.sources);
    expect(result.network.title).toBe(network.title);
    expect(result.positions?.get('GM0513')).toEqual({ x: 10.5, y: -20.25 });
  });

  it('keeps hostile text exactly', () => {
    const result = success(importGexf(exportGexf(interopNetwork())));
    const byId = new Map(result.network.organisations.map((o) => [o.id, o]));
    expect(byId.get('min-bzk')!.name).toBe('<script>alert("x")</script> & Co');
    expect(byId.get('min-bzk')!.description).toBe("'=al beschermd; &amp; letterlijk; <b>vet</b>");
    expect(result.network.relations.map((r) => r.note)).toContain(
      'Regel één\r\nRegel twee, "geciteerd"',
    );
  });
});

describe('GEXF import from other tools', () => {
  it('maps Gephi attributes, gives a default kind and type, and counts them', () => {
    const result = success(
      importGexf(readFileSync('tests/fixtures/gephi-export.gexf', 'utf8'), {
        defaultKind: 'association',
        defaultType: 'knowledge',
      }),
    );
    const byId = new Map(result.network.organisations.map((o) => [o.id, o]));
    expect(byId.get('0')).toMatchObject({
      name: 'Gouda',
      kind: 'municipality',
      population: 75_758,
      province: 'Zuid-Holland',
    });
    expect(byId.get('1')).toMatchObject({ name: 'G40', kind: 'association' });
    expect(byId.get('2')).toMatchObject({ name: '2', kind: 'association' });
    expect(result.assumed).toEqual({ kinds: 2, types: 1 });
    expect(result.network.relations).toEqual([
      { source: '0', target: '1', type: 'member', weight: 1 },
      { source: '0', target: '2', type: 'knowledge', weight: 1 },
    ]);
    expect(result.warnings.join(' ')).toContain('"modularity_class"');
    expect(result.warnings.join(' ')).toContain('de id is als naam gebruikt');
    // Gephi's y points up, the map's down.
    expect(result.positions?.get('1')).toEqual({ x: -3.5, y: -7 });
  });

  it('refuses malformed XML with a Dutch message', () => {
    const text = exportGexf(interopNetwork()).slice(0, 400);
    const [issue] = errors(importGexf(text));
    expect(issue!.message).toMatch(/^is geen geldige XML/);
    expect(issue!.message).toContain('houdt op terwijl');
    expect(issue!.message).toContain('regel');
  });

  it('refuses a document type declaration', () => {
    const text = `<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY x "xxxxxxxx">]><gexf><graph><nodes><node id="a" label="&x;"/></nodes></graph></gexf>`;
    expect(errors(importGexf(text))[0]!.message).toContain('DOCTYPE');
  });

  it('refuses another XML dialect', () => {
    const [issue] = errors(importGexf('<graphml><graph/></graphml>'));
    expect(issue!.message).toContain('begint met <graphml>');
  });

  it('names an edge to a node that is not in the file', () => {
    const text = `<gexf version="1.3"><graph defaultedgetype="directed"><nodes><node id="a" label="A"/></nodes><edges><edge id="0" source="a" target="b"/></edges></graph></gexf>`;
    const [issue] = errors(importGexf(text));
    expect(issue).toMatchObject({
      where: 'verbinding 1 (a → b)',
      message: 'verwijst naar knoop "b", die niet in het bestand staat.',
    });
  });

  it('validates the records like a JSON import', () => {
    const text = `<gexf version="1.3"><graph><attributes class="node"><attribute id="0" title="population" type="string"/></attributes><nodes><node id="a" label="A"><attvalues><attvalue for="0" value="veel"/></attvalues></node></nodes></graph></gexf>`;
    const [issue] = errors(importGexf(text, { defaultKind: 'municipality' }));
    expect(issue!.where).toContain('veld "population"');
    expect(issue!.message).toContain('verwacht een aantal inwoners');
  });

  it('refuses a file over the size limit', () => {
    const huge = `<gexf><graph><nodes><node id="a" label="${'x'.repeat(1_000)}"/></nodes></graph></gexf>`;
    const limits = { maxFileBytes: 1_000 };
    expect(errors(importGexf(huge, { limits }))[0]!.message).toContain(
      'Netwerkkaart leest bestanden tot',
    );
  });
});
