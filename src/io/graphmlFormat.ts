import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { sortNetwork, type Network, type Source } from '../domain/network';
import { parseColor, finitePosition, finiteSize, type ExportView } from './exportView';
import { ORGANISATION_FIELDS, RELATION_FIELDS } from './fieldAliases';
import { graphToNetwork, SOURCE_ATTRIBUTES } from './graphRecords';
import { graphFileY, roundCoordinate } from './positions';
import type { FormatWriter, TextReader } from './formats';
import { fail, fileIssue, textTooBig, type ImportOptions, type ImportResult } from './importResult';
import {
  escapeXmlAttribute,
  escapeXmlText,
  graphStructureIssues,
  parseXmlDocument,
} from './xmlDocument';

// GraphML, the XML graph format most tools (Gephi, yEd, networkx, igraph)
// read. graphology-graphml only parses, so the writer is here: every
// attribute gets a <key> declaration, the view included as the keys Gephi
// reads (x, y, size, r, g, b).

type KeyType = 'string' | 'int' | 'double';

interface KeySpec {
  /** Document-wide unique key id. */
  id: string;
  for: 'graph' | 'node' | 'edge';
  name: string;
  type: KeyType;
}

const NUMBER_TYPES: Partial<Record<string, KeyType>> = {
  population: 'int',
  populationYear: 'int',
  expectedMembers: 'int',
  sourceYear: 'int',
  lat: 'double',
  lon: 'double',
  weight: 'double',
};

const GRAPH_KEYS: KeySpec[] = [
  { id: 'title', for: 'graph', name: 'title', type: 'string' },
  { id: 'referenceDate', for: 'graph', name: 'referenceDate', type: 'string' },
  // The sources as JSON, in a graph attribute, which networkx and igraph keep.
  { id: 'sources', for: 'graph', name: 'sources', type: 'string' },
];

// Node key ids equal their names, as Gephi writes them; the name is the label.
const NODE_DATA_KEYS: KeySpec[] = [
  { id: 'label', for: 'node', name: 'label', type: 'string' },
  ...ORGANISATION_FIELDS.filter((f) => f !== 'id' && f !== 'name').map((f): KeySpec => ({
    id: f,
    for: 'node',
    name: f,
    type: NUMBER_TYPES[f] ?? 'string',
  })),
];
// The record's source field by field, as in GEXF: a tool that writes GEXF
// from this file (networkx does) has no place for the graph's list.
const SOURCE_KEYS = (prefix: '' | 'edge'): KeySpec[] =>
  Object.keys(SOURCE_ATTRIBUTES).map((name) => ({
    id: prefix ? `${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}` : name,
    for: prefix ? 'edge' : 'node',
    name,
    type: NUMBER_TYPES[name] ?? 'string',
  }));
const NODE_SOURCE_KEYS = SOURCE_KEYS('');
const EDGE_SOURCE_KEYS = SOURCE_KEYS('edge');

function sourceData(record: { sourceId?: string }, sources: ReadonlyMap<string, Source>) {
  const source = record.sourceId === undefined ? undefined : sources.get(record.sourceId);
  const data: Record<string, unknown> = {};
  if (source)
    for (const [name, field] of Object.entries(SOURCE_ATTRIBUTES)) data[name] = source[field];
  return data;
}

const NODE_VIEW_KEYS: KeySpec[] = [
  { id: 'x', for: 'node', name: 'x', type: 'double' },
  { id: 'y', for: 'node', name: 'y', type: 'double' },
  { id: 'size', for: 'node', name: 'size', type: 'double' },
  { id: 'r', for: 'node', name: 'r', type: 'int' },
  { id: 'g', for: 'node', name: 'g', type: 'int' },
  { id: 'b', for: 'node', name: 'b', type: 'int' },
];
// Edge key ids get a prefix where a node key has the same name (sourceId).
// The relation type is "relationType", as in GEXF: networkx turns an edge
// attribute "type" into GEXF's edge direction when it writes GEXF.
const EDGE_KEYS: KeySpec[] = RELATION_FIELDS.filter((f) => f !== 'source' && f !== 'target').map(
  (f): KeySpec => ({
    id: f === 'sourceId' ? 'edgeSourceId' : f === 'type' ? 'relationType' : f,
    for: 'edge',
    name: f === 'type' ? 'relationType' : f,
    type: NUMBER_TYPES[f] ?? 'string',
  }),
);
const EDGE_FIELD_OF_KEY = new Map<string, string>(
  RELATION_FIELDS.map((f) => [f === 'type' ? 'relationType' : f, f]),
);

function formatValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (Array.isArray(value)) return value.length ? value.join('|') : undefined;
  return String(value);
}

function dataLines(keys: readonly KeySpec[], record: Record<string, unknown>, indent: string) {
  const lines: string[] = [];
  for (const key of keys) {
    const field = key.for === 'edge' ? (EDGE_FIELD_OF_KEY.get(key.name) ?? key.name) : key.name;
    const value = formatValue(record[field]);
    if (value !== undefined)
      lines.push(`${indent}<data key="${key.id}">${escapeXmlText(value)}</data>`);
  }
  return lines;
}

/**
 * The network as GraphML. All edges are written directed (edgedefault); the
 * relation type says whether direction matters. Positions have y upwards, as
 * Gephi and plots of networkx and igraph layouts have it.
 */
export function exportGraphml(network: Network, view: ExportView = {}): string {
  const sorted = sortNetwork(network);
  const sources = new Map(sorted.sources.map((s) => [s.id, s]));
  const keys = [
    ...GRAPH_KEYS,
    ...NODE_DATA_KEYS,
    ...NODE_SOURCE_KEYS,
    ...NODE_VIEW_KEYS,
    ...EDGE_KEYS,
    ...EDGE_SOURCE_KEYS,
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map(
      (k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`,
    ),
    '  <graph id="netwerkkaart" edgedefault="directed">',
    ...dataLines(
      GRAPH_KEYS,
      {
        title: sorted.title,
        referenceDate: sorted.referenceDate,
        sources: sorted.sources.length ? JSON.stringify(sorted.sources) : undefined,
      },
      '    ',
    ),
  ];
  for (const org of sorted.organisations) {
    const viewData: Record<string, unknown> = {};
    const position = finitePosition(view, org.id);
    if (position) {
      viewData.x = roundCoordinate(position.x);
      viewData.y = roundCoordinate(graphFileY(position.y));
    }
    viewData.size = finiteSize(view, org.id);
    const color = view.colors?.get(org.id);
    const rgba = color ? parseColor(color) : undefined;
    if (rgba) Object.assign(viewData, { r: rgba.r, g: rgba.g, b: rgba.b });
    lines.push(
      `    <node id="${escapeXmlAttribute(org.id)}">`,
      ...dataLines(NODE_DATA_KEYS, { ...org, label: org.name }, '      '),
      ...dataLines(NODE_SOURCE_KEYS, sourceData(org, sources), '      '),
      ...dataLines(NODE_VIEW_KEYS, viewData, '      '),
      '    </node>',
    );
  }
  sorted.relations.forEach((rel, index) => {
    lines.push(
      `    <edge id="e${index}" source="${escapeXmlAttribute(rel.source)}" target="${escapeXmlAttribute(rel.target)}">`,
      ...dataLines(EDGE_KEYS, rel as unknown as Record<string, unknown>, '      '),
      ...dataLines(EDGE_SOURCE_KEYS, sourceData(rel, sources), '      '),
      '    </edge>',
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** A GraphML file, validated like a JSON import. */
export function importGraphml(text: string, options: ImportOptions = {}): ImportResult {
  const tooBig = textTooBig([text], options.limits);
  if (tooBig) return tooBig;
  const xml = parseXmlDocument(text, 'graphml', 'GraphML');
  if (!xml.ok) return fail([xml.issue], options.limits);
  const structure = graphStructureIssues(xml.document);
  if (structure.length) return fail(structure, options.limits);
  // The relation type carries direction. Per-edge "directed" attributes are
  // dropped before parsing: graphology-graphml copies the whole graph for
  // every edge once directions are mixed, which large files cannot afford.
  // (A snapshot first: xmldom rescans a live list after every change.)
  for (const edge of Array.from(xml.document.getElementsByTagName('edge')))
    if (edge.hasAttribute('directed')) edge.removeAttribute('directed');
  // The graph's own <data> may stand anywhere among its nodes (networkx puts
  // it last); graphology-graphml reads only what comes before the first node.
  const graphElement = xml.document.getElementsByTagName('graph')[0];
  if (graphElement) {
    const data = Array.from(graphElement.childNodes).filter(
      (n): n is Element => n.nodeType === 1 && (n as Element).localName === 'data',
    );
    for (const element of data.reverse())
      graphElement.insertBefore(element, graphElement.firstChild);
  }
  let graph: Graph;
  try {
    graph = parse(Graph, xml.document);
  } catch {
    // The library's words are English and name its internals; the checks above leave little.
    return fail(
      [
        fileIssue(
          'kon niet als GraphML worden gelezen: de opbouw klopt niet met wat GraphML voorschrijft (keys, knopen en verbindingen).',
        ),
      ],
      options.limits,
    );
  }
  return graphToNetwork(graph, 'graphml', options);
}

/** The format table's reader and writer. */
export const graphmlReader: TextReader = (texts, options) => importGraphml(texts[0] ?? '', options);
export const graphmlWriter: FormatWriter = (network, { view }) => [
  { data: exportGraphml(network, view?.()) },
];
