import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { exportGraphml, importGraphml } from '../../../src/io/graphmlFormat';
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
  positions: new Map([['GM0513', { x: 10.5, y: -20.25 }]]),
  colors: new Map([['GM0513', '#1F77B4']]),
  sizes: new Map([['GM0513', 8]]),
});

describe('GraphML export', () => {
  it('declares a <key> for every data element it writes', () => {
    const text = exportGraphml(interopNetwork(), view());
    const declared = new Set([...text.matchAll(/<key id="([^"]+)"/g)].map((m) => m[1]));
    const used = new Set([...text.matchAll(/<data key="([^"]+)"/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(declared).toContain(key);
    // Key ids are unique across the document, also where node and edge share a name.
    const ids = [...text.matchAll(/<key id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is read by graphology-graphml with attributes, position, size and colour', () => {
    const graph = parse(Graph, exportGraphml(interopNetwork(), view()));
    expect(graph.order).toBe(7);
    expect(graph.size).toBe(8);
    expect(graph.getNodeAttributes('GM0513')).toMatchObject({
      label: 'Gouda',
      kind: 'municipality',
      population: 70_000,
      lat: 52.0116,
      tags: 'G40|Midden-Holland',
      // y upwards in the file, as Gephi, networkx and igraph plots have it.
      x: 10.5,
      y: 20.25,
      size: 8,
      color: '#1f77b4',
    });
    expect(graph.getAttribute('title')).toBe('Testnetwerk');
  });

  it('escapes markup and entities', () => {
    const text = exportGraphml(interopNetwork());
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; Co');
    expect(text).toContain('&amp;amp; letterlijk');
    // A carriage return in text survives only as a reference.
    expect(text).toContain('Regel één&#13;\nRegel twee');
  });
});

describe('GraphML round trip', () => {
  it('gives back the same network, sources and title included', () => {
    const network = interopNetwork();
    const result = success(importGraphml(exportGraphml(network, view())));
    expect(result.format).toBe('graphml');
    expect(result.warnings).toEqual([]);
    expect(result.assumed).toEqual({ kinds: 0, types: 0 });
    expect(comparable(result.network)).toEqual(comparable(network));
    expect(result.network.sources).toEqual(network.sources);
    expect(result.network.title).toBe(network.title);
    expect(result.positions?.get('GM0513')).toEqual({ x: 10.5, y: -20.25 });
  });

  it('keeps hostile text exactly', () => {
    const result = success(importGraphml(exportGraphml(interopNetwork())));
    const byId = new Map(result.network.organisations.map((o) => [o.id, o]));
    expect(byId.get('min-bzk')!.name).toBe('<script>alert("x")</script> & Co');
    expect(byId.get('vng')!.description).toBe('-5 punten\tmet een tab');
    expect(result.network.relations.map((r) => r.note)).toEqual(
      expect.arrayContaining(['Regel één\r\nRegel twee, "geciteerd"', '\t=cmd|/c calc']),
    );
  });
});

describe('GraphML import from other tools', () => {
  const foreign = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="Naam" attr.type="string"/>
  <key id="d1" for="node" attr.name="Soort" attr.type="string"/>
  <key id="d2" for="node" attr.name="inwoners" attr.type="long"/>
  <key id="d3" for="edge" attr.name="relatie" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <node id="gouda"><data key="d0">Gouda</data><data key="d1">Gemeente</data><data key="d2">75758</data></node>
    <node id="ibd"><data key="d0">IBD</data></node>
    <node id="vng"><data key="d0">VNG</data><data key="d1">koepel</data></node>
    <edge source="gouda" target="ibd" directed="true"><data key="d3">gebruikt</data></edge>
    <edge source="gouda" target="vng"><data key="d3">lid</data></edge>
    <edge source="gouda" target="vng"><data key="d3">kennis</data></edge>
  </graph>
</graphml>`;

  it('maps aliases, mixed directions and parallel edges, and counts defaults', () => {
    const result = success(importGraphml(foreign, { defaultKind: 'sharedService' }));
    expect(result.network.organisations).toEqual([
      { id: 'gouda', name: 'Gouda', kind: 'municipality', population: 75_758 },
      { id: 'ibd', name: 'IBD', kind: 'sharedService' },
      { id: 'vng', name: 'VNG', kind: 'association' },
    ]);
    expect(result.network.relations).toEqual([
      { source: 'gouda', target: 'ibd', type: 'uses' },
      { source: 'gouda', target: 'vng', type: 'member' },
      { source: 'gouda', target: 'vng', type: 'knowledge' },
    ]);
    expect(result.assumed).toEqual({ kinds: 1, types: 0 });
  });

  it('refuses malformed XML with a Dutch message', () => {
    const [issue] = errors(importGraphml('<graphml><graph><node id="a"></graph></graphml>'));
    expect(issue!.message).toMatch(/^is geen geldige XML op regel 1/);
  });

  it('refuses an XML file that is not GraphML', () => {
    const [issue] = errors(importGraphml('<gexf><graph/></gexf>'));
    expect(issue!.message).toContain('een GraphML-bestand begint met <graphml>');
  });

  it('refuses duplicate node ids', () => {
    const [issue] = errors(
      importGraphml('<graphml><graph><node id="a"/><node id="a"/></graph></graphml>'),
    );
    expect(issue).toMatchObject({ where: 'knoop 2 (id "a")' });
  });

  it('refuses a file over the size limit', () => {
    const huge = `<graphml><graph><node id="${'x'.repeat(1_000)}"/></graph></graphml>`;
    const limits = { maxFileBytes: 1_000 };
    expect(errors(importGraphml(huge, { limits }))[0]!.message).toContain(
      'Netwerkkaart leest bestanden tot',
    );
  });
});
