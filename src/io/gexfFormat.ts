import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { sortNetwork, type Network, type Source } from '../domain/network';
import { isDirected } from '../domain/relation';
import { parseColor, finitePosition, finiteSize, type ExportView } from './exportView';
import { ORGANISATION_FIELDS, RELATION_FIELDS, isDirectionWord } from './fieldAliases';
import { graphToNetwork, SOURCE_ATTRIBUTES } from './graphRecords';
import type { FormatWriter, TextReader } from './formats';
import { fail, fileIssue, textTooBig, type ImportOptions, type ImportResult } from './importResult';
import { graphFileY, roundCoordinate } from './positions';
import {
  escapeXmlAttribute,
  escapeXmlText,
  graphStructureIssues,
  parseXmlDocument,
} from './xmlDocument';

// GEXF 1.3, Gephi's own format, as the official schema describes it (checked
// with xmllint against the RELAX NG grammar in tests/fixtures/external) and as
// networkx, Gephi and Gephi Lite read it:
// - every edge is directed (defaultedgetype="directed", no per-edge type):
//   networkx refuses an undirected edge in a directed graph and GEXF 1.3 has
//   no "mixed"; "mutual" would make networkx add each symmetric relation twice.
//   A boolean attribute `symmetric` says which relations go both ways.
// - the relation type is the attribute `relationType`: networkx writes an edge
//   attribute called "type" back as GEXF's own edge type, which no reader takes.
// - <meta> holds only what the schema allows: the title is the description;
//   sources travel as attributes next to each record's sourceId.
// - positions are viz:position with y upwards, as Gephi draws them.

type AttributeType = 'string' | 'integer' | 'double' | 'boolean';

interface AttributeSpec {
  id: string;
  type: AttributeType;
  value(record: Record<string, unknown>): unknown;
}

const INTEGER_FIELDS = new Set(['population', 'populationYear', 'expectedMembers']);
const DOUBLE_FIELDS = new Set(['lat', 'lon']);

const fieldAttribute = (field: string): AttributeSpec => ({
  id: field,
  type: INTEGER_FIELDS.has(field) ? 'integer' : DOUBLE_FIELDS.has(field) ? 'double' : 'string',
  value: (record) => record[field],
});

/** The source a record names, field by field, so Gephi shows it and a reader can rebuild it. */
function sourceAttributes(sources: ReadonlyMap<string, Source>): AttributeSpec[] {
  return Object.entries(SOURCE_ATTRIBUTES).map(([id, field]) => ({
    id,
    type: field === 'year' ? 'integer' : 'string',
    value: (record) => {
      const source = typeof record.sourceId === 'string' ? sources.get(record.sourceId) : undefined;
      return source?.[field];
    },
  }));
}

function nodeAttributes(sources: ReadonlyMap<string, Source>): AttributeSpec[] {
  return [
    ...ORGANISATION_FIELDS.filter((f) => f !== 'id' && f !== 'name').map(fieldAttribute),
    ...sourceAttributes(sources),
  ];
}

function edgeAttributes(sources: ReadonlyMap<string, Source>): AttributeSpec[] {
  return [
    { id: 'relationType', type: 'string', value: (r) => r.type },
    { id: 'symmetric', type: 'boolean', value: (r) => !isDirected(r.type as never) },
    ...RELATION_FIELDS.filter(
      (f) => f !== 'source' && f !== 'target' && f !== 'type' && f !== 'weight',
    ).map(fieldAttribute),
    ...sourceAttributes(sources),
  ];
}

function formatValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Tags as one text "a|b", as in CSV: GEXF list values do not survive commas.
  if (Array.isArray(value)) return value.length ? value.join('|') : undefined;
  const text = String(value);
  return text === '' ? undefined : text;
}

/** Only attributes some record has a value for are declared, in a fixed order. */
function usedAttributes(specs: AttributeSpec[], records: readonly object[]) {
  return specs.filter((spec) =>
    records.some((r) => formatValue(spec.value(r as Record<string, unknown>)) !== undefined),
  );
}

function declare(specs: AttributeSpec[], kind: 'node' | 'edge'): string[] {
  if (specs.length === 0) return [];
  return [
    `    <attributes class="${kind}">`,
    ...specs.map(
      (s) => `      <attribute id="${s.id}" title="${s.id}" type="${s.type}"></attribute>`,
    ),
    '    </attributes>',
  ];
}

function attvalues(specs: AttributeSpec[], record: object, indent: string): string[] {
  const lines: string[] = [];
  for (const spec of specs) {
    const value = formatValue(spec.value(record as Record<string, unknown>));
    if (value !== undefined)
      lines.push(
        `${indent}  <attvalue for="${spec.id}" value="${escapeXmlAttribute(value)}"></attvalue>`,
      );
  }
  return lines.length ? [`${indent}<attvalues>`, ...lines, `${indent}</attvalues>`] : [];
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The network as GEXF 1.3 (see the top of this file for what goes where and why). */
export function exportGexf(network: Network, view: ExportView = {}, now?: Date): string {
  const sorted = sortNetwork(network);
  const sources = new Map(sorted.sources.map((s) => [s.id, s]));
  const nodeSpecs = usedAttributes(nodeAttributes(sources), sorted.organisations);
  const edgeSpecs = usedAttributes(edgeAttributes(sources), sorted.relations);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // No xsi:schemaLocation: the RELAX NG grammar of GEXF 1.3 does not allow it.
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    now ? `  <meta lastmodifieddate="${isoDay(now)}">` : '  <meta>',
    '    <creator>Netwerkkaart</creator>',
    `    <description>${escapeXmlText(sorted.title)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed">',
    ...declare(nodeSpecs, 'node'),
    ...declare(edgeSpecs, 'edge'),
    '    <nodes>',
  ];
  for (const org of sorted.organisations) {
    lines.push(
      `      <node id="${escapeXmlAttribute(org.id)}" label="${escapeXmlAttribute(org.name)}">`,
    );
    lines.push(...attvalues(nodeSpecs, org, '        '));
    const color = view.colors?.get(org.id);
    const rgba = color ? parseColor(color) : undefined;
    if (rgba)
      lines.push(
        `        <viz:color r="${rgba.r}" g="${rgba.g}" b="${rgba.b}"${rgba.a === undefined ? '' : ` a="${rgba.a}"`}></viz:color>`,
      );
    const position = finitePosition(view, org.id);
    if (position)
      lines.push(
        `        <viz:position x="${roundCoordinate(position.x)}" y="${roundCoordinate(graphFileY(position.y))}"></viz:position>`,
      );
    const size = finiteSize(view, org.id);
    if (size !== undefined) lines.push(`        <viz:size value="${size}"></viz:size>`);
    lines.push('      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  sorted.relations.forEach((rel, index) => {
    const weight =
      rel.weight !== undefined && Number.isFinite(rel.weight) ? ` weight="${rel.weight}"` : '';
    const body = attvalues(edgeSpecs, rel, '        ');
    const start = `      <edge id="e${index}" source="${escapeXmlAttribute(rel.source)}" target="${escapeXmlAttribute(rel.target)}"${weight}`;
    if (body.length) lines.push(`${start}>`, ...body, '      </edge>');
    else lines.push(`${start}></edge>`);
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

/**
 * An edge's GEXF `type` that is not a direction is a relation type a tool put
 * there (networkx writes an edge attribute "type" that way). It becomes an
 * attribute again; directions are dropped, since the relation type carries
 * direction and one graph type keeps graphology from copying the graph.
 */
function liftEdgeTypes(document: Document): void {
  for (const graph of Array.from(document.getElementsByTagName('graph')))
    graph.setAttribute('defaultedgetype', 'directed');
  const edges = Array.from(document.getElementsByTagName('edge'));
  for (const edge of edges) {
    const type = edge.getAttribute('type');
    if (type === null) continue;
    edge.removeAttribute('type');
    if (type.trim() === '' || isDirectionWord(type)) continue;
    let values = Array.from(edge.childNodes).find(
      (n): n is Element => n.nodeType === 1 && (n as Element).localName === 'attvalues',
    );
    if (!values) {
      values = document.createElementNS(edge.namespaceURI, 'attvalues');
      edge.appendChild(values);
    }
    const value = document.createElementNS(edge.namespaceURI, 'attvalue');
    value.setAttribute('for', 'relationType');
    value.setAttribute('value', type);
    values.appendChild(value);
  }
}

/** A GEXF file (from Netwerkkaart, Gephi, Gephi Lite or networkx), validated like a JSON import. */
export function importGexf(text: string, options: ImportOptions = {}): ImportResult {
  const tooBig = textTooBig([text], options.limits);
  if (tooBig) return tooBig;
  const xml = parseXmlDocument(text, 'gexf', 'GEXF');
  if (!xml.ok) return fail([xml.issue], options.limits);
  const structure = graphStructureIssues(xml.document);
  if (structure.length) return fail(structure, options.limits);
  liftEdgeTypes(xml.document);
  let graph: Graph;
  try {
    graph = parse(Graph, xml.document, { allowUndeclaredAttributes: true });
  } catch {
    // The library's own words are English and name its internals; the checks
    // above leave little for it to refuse.
    return fail(
      [
        fileIssue(
          'kon niet als GEXF worden gelezen: de opbouw klopt niet met wat GEXF voorschrijft (knopen, verbindingen en hun attributen).',
        ),
      ],
      options.limits,
    );
  }
  return graphToNetwork(graph, 'gexf', options);
}

/** The format table's reader and writer. */
export const gexfReader: TextReader = (texts, options) => importGexf(texts[0] ?? '', options);
export const gexfWriter: FormatWriter = (network, { view, now }) => [
  { data: exportGexf(network, view?.(), now) },
];
