import Graph, { MultiGraph } from 'graphology';
import { parse, write } from 'graphology-gexf';
import { sortNetwork, type Network } from '../domain/network';
import { isDirected } from '../domain/relation';
import { parseColor, finitePosition, finiteSize, type ExportView } from './exportView';
import { ORGANISATION_FIELDS, RELATION_FIELDS } from './fieldAliases';
import { graphToNetwork } from './graphRecords';
import { fail, fileIssue, textTooBig, type ImportOptions, type ImportResult } from './importResult';
import { graphStructureIssues, parseXmlDocument, xmlErrorMessage, xmlSafe } from './xmlDocument';

// GEXF, Gephi's own format, through graphology-gexf. Nodes carry the
// organisation fields as attributes and the view as viz:color, viz:position
// and viz:size, so Gephi and Gephi Lite open the network as it looks here.

/** Fields written as node attributes; id is the node id and name its label. */
const NODE_ATTRIBUTES = ORGANISATION_FIELDS.filter((f) => f !== 'id' && f !== 'name');
/** Fields written as edge attributes; weight goes in GEXF's own weight. */
const EDGE_ATTRIBUTES = RELATION_FIELDS.filter((f) => f !== 'source' && f !== 'target');

function attributeValue(value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  // Tags as one text "a|b", as in CSV: GEXF list values do not survive commas.
  if (Array.isArray(value)) return value.length ? xmlSafe(value.join('|')) : undefined;
  return xmlSafe(String(value));
}

function withValues(fields: readonly string[], record: object): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const field of fields) {
    const value = attributeValue((record as Record<string, unknown>)[field]);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/**
 * The network as GEXF 1.3. Colours are written as r/g/b(/a), which every
 * Gephi version reads; symmetric relations (partner, knowledge) are
 * undirected edges, member and uses directed ones.
 */
export function exportGexf(network: Network, view: ExportView = {}): string {
  const sorted = sortNetwork(network);
  const graph = new MultiGraph({ type: 'mixed' });
  graph.setAttribute('title', xmlSafe(sorted.title));
  graph.setAttribute('creator', 'Netwerkkaart');
  // GEXF has no place for data sources; this meta element keeps sourceIds resolvable.
  if (sorted.sources.length) graph.setAttribute('sources', xmlSafe(JSON.stringify(sorted.sources)));

  for (const org of sorted.organisations) {
    const attributes: Record<string, string | number> = {
      label: xmlSafe(org.name),
      ...withValues(NODE_ATTRIBUTES, org),
    };
    const position = finitePosition(view, org.id);
    if (position) {
      attributes.x = position.x;
      attributes.y = position.y;
    }
    const color = view.colors?.get(org.id);
    const rgba = color ? parseColor(color) : undefined;
    if (rgba)
      attributes.color =
        rgba.a === undefined
          ? `rgb(${rgba.r},${rgba.g},${rgba.b})`
          : `rgba(${rgba.r},${rgba.g},${rgba.b},${rgba.a})`;
    const size = finiteSize(view, org.id);
    if (size !== undefined) attributes.size = size;
    graph.addNode(xmlSafe(org.id), attributes);
  }
  sorted.relations.forEach((rel, index) => {
    const attributes = withValues(EDGE_ATTRIBUTES, rel);
    const key = `e${index}`;
    const [source, target] = [xmlSafe(rel.source), xmlSafe(rel.target)];
    if (isDirected(rel.type)) graph.addDirectedEdgeWithKey(key, source, target, attributes);
    else graph.addUndirectedEdgeWithKey(key, source, target, attributes);
  });
  return write(graph, { version: '1.3', pretty: true });
}

/** A GEXF file (from Netwerkkaart, Gephi or Gephi Lite), validated like a JSON import. */
export function importGexf(text: string, options: ImportOptions = {}): ImportResult {
  const tooBig = textTooBig([text], options.limits);
  if (tooBig) return tooBig;
  const xml = parseXmlDocument(text, 'gexf', 'GEXF');
  if (!xml.ok) return fail([xml.issue], options.limits);
  const structure = graphStructureIssues(xml.document);
  if (structure.length) return fail(structure, options.limits);
  let graph: Graph;
  try {
    graph = parse(Graph, xml.document, { allowUndeclaredAttributes: true });
  } catch (error) {
    return fail(
      [fileIssue(`kon niet als GEXF worden gelezen (${xmlErrorMessage(error)}).`)],
      options.limits,
    );
  }
  return graphToNetwork(graph, 'gexf', options);
}
