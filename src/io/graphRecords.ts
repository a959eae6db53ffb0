import type Graph from 'graphology';
import type { Source } from '../domain/network';
import { isDirected, type RelationType } from '../domain/relation';
import { graphFileY, readPosition, type Point } from './positions';
import { organisationFieldFor, relationFieldFor } from './fieldAliases';
import { coerceOrganisation, coerceRelation, resolveSources, type FlatRecord } from './flatRecords';
import {
  fail,
  type ImportIssue,
  type ImportOptions,
  type ImportResult,
  type UnmappedValue,
} from './importResult';
import { readJson } from './jsonRead';
import { IMPORT_LIMITS } from './limits';
import { validateRecords } from './validateDocument';

// A graphology graph read from GEXF or GraphML, turned into exchange records:
// attribute names through the same aliases as CSV headers, values through the
// same coercion, and the result through the same validation as JSON.

/** How the picture looks, not what the network is: read as positions, or left out. */
const VIEW_ATTRIBUTES = new Set([
  'x',
  'y',
  'z',
  'size',
  'color',
  'shape',
  'thickness',
  'r',
  'g',
  'b',
  'a',
]);

/**
 * What the tools add about the file rather than the relation: Netwerkkaart's
 * own direction flag, networkx's multigraph key, GEXF's edge label and kind.
 */
const EDGE_TOOL_ATTRIBUTES = new Set(['symmetric', 'networkx_key', 'id', 'label', 'kind']);

/** A record's source, field by field (GEXF has no place for a list of sources). */
export const SOURCE_ATTRIBUTES = {
  sourceTitle: 'title',
  sourceUrl: 'url',
  sourcePublisher: 'publisher',
  sourceYear: 'year',
  sourceLicence: 'licence',
} as const satisfies Record<string, keyof Source>;

// Same keys the JSON import refuses: they could reach an object's prototype.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function flatten(
  attributes: Record<string, unknown>,
  fieldFor: (name: string) => string | undefined,
  skipped: Set<string>,
): FlatRecord {
  const record: FlatRecord = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (FORBIDDEN_KEYS.has(key)) {
      skipped.add(key);
      continue;
    }
    const field = fieldFor(key) ?? key;
    // The first of two attributes for one field wins ("name" before "label" is handled below).
    if (!(field in record)) record[field] = value;
  }
  return record;
}

function carriedSources(value: unknown, warnings: string[]): Source[] {
  if (typeof value !== 'string' || value.trim() === '') return [];
  const parsed = readJson(value);
  if (parsed.ok && Array.isArray(parsed.value)) return parsed.value as Source[];
  warnings.push('De lijst met bronnen in het bestand is niet leesbaar en is genegeerd.');
  return [];
}

/** Takes the source attributes off a record and remembers the source they describe. */
function takeSource(record: FlatRecord, found: Map<string, Source>) {
  const source: Record<string, unknown> = {};
  for (const [attribute, field] of Object.entries(SOURCE_ATTRIBUTES)) {
    if (!(attribute in record)) continue;
    const value = record[attribute];
    delete record[attribute];
    if (value === undefined || value === null || value === '') continue;
    source[field] =
      field === 'year' && typeof value === 'string' && /^\d+$/.test(value.trim())
        ? Number(value)
        : typeof value === 'number' && field !== 'year'
          ? String(value)
          : value;
  }
  const id = record.sourceId;
  const key = typeof id === 'number' ? String(id) : id;
  if (typeof key !== 'string' || key.trim() === '' || found.has(key.trim())) return;
  if (typeof source.title === 'string' && source.title.trim() !== '')
    found.set(key.trim(), { id: key.trim(), ...source } as Source);
}

/** A title from the graph's attributes: ours, or a GEXF description short enough to be one. */
function graphTitle(graph: Graph): string | undefined {
  for (const key of ['title', 'description', 'name']) {
    const value: unknown = graph.getAttribute(key);
    if (typeof value !== 'string') continue;
    const text = value.trim();
    if (text !== '' && text.length <= IMPORT_LIMITS.maxNameLength && !/[\r\n]/.test(text))
      return text;
  }
  return undefined;
}

/**
 * igraph names nodes n0, n1, … in the files it writes and keeps the ids it
 * read as a node attribute "id": those are the organisations' ids, when every
 * node has one and no two share it.
 */
function idsFromAttributes(graph: Graph, warnings: string[]): Map<string, string> | undefined {
  const ids = new Map<string, string>();
  const seen = new Set<string>();
  let carried = 0;
  let usable = true;
  graph.forEachNode((node, attributes: Record<string, unknown>) => {
    const entry = Object.entries(attributes).find(([key]) => organisationFieldFor(key) === 'id');
    if (!entry) return;
    carried++;
    const value = entry[1];
    const id = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    if (typeof id !== 'string' || id.trim() === '' || seen.has(id.trim())) {
      usable = false;
      return;
    }
    seen.add(id.trim());
    ids.set(node, id.trim());
  });
  if (carried === 0) return undefined;
  if (usable && carried === graph.order) return ids;
  warnings.push(
    'De knopen hebben een attribuut "id", maar niet elke knoop heeft er een of twee knopen delen er een; de ids van de knopen zelf zijn gebruikt.',
  );
  return undefined;
}

function countUnmapped(list: Map<string, UnmappedValue>, field: 'kind' | 'type', value: string) {
  const key = `${field}|${value}`;
  const entry = list.get(key);
  if (entry) entry.count++;
  else list.set(key, { field, value, count: 1 });
}

export function graphToNetwork(
  graph: Graph,
  format: 'gexf' | 'graphml',
  options: ImportOptions,
): ImportResult {
  const warnings: string[] = [];
  const issues: ImportIssue[] = [];
  const skipped = new Set<string>();
  const positions = new Map<string, Point>();
  const foundSources = new Map<string, Source>();
  const unmapped = new Map<string, UnmappedValue>();
  const kindPolicy = {
    fallback: options.defaultKind ?? 'association',
    unknown: 'default' as const,
  };
  const typePolicy = { fallback: options.defaultType ?? 'knowledge', unknown: 'default' as const };
  let assumedKinds = 0;
  let assumedTypes = 0;
  let namedById = 0;
  const renamed = idsFromAttributes(graph, warnings);
  const idOf = (node: string) => renamed?.get(node) ?? node;

  const organisations: FlatRecord[] = [];
  graph.forEachNode((node, attributes: Record<string, unknown>) => {
    const id = idOf(node);
    const view: Record<string, unknown> = {};
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(attributes))
      (VIEW_ATTRIBUTES.has(key) ? view : data)[key] = value;
    const { label, ...rest } = data;
    const raw = flatten(rest, organisationFieldFor, skipped);
    takeSource(raw, foundSources);
    // The node label is the name (Gephi's convention); a node without either is named by its id.
    if (raw.name === undefined || raw.name === '') {
      if (typeof label === 'string' && label.trim() !== '') raw.name = label;
      else {
        raw.name = id;
        namedById++;
      }
    }
    raw.id = id;
    const coerced = coerceOrganisation(raw, kindPolicy);
    if (!coerced.ok) {
      issues.push({ where: `knoop "${id}"`, message: coerced.reason, path: ['nodes', id] });
      return;
    }
    if (coerced.assumed) assumedKinds++;
    if (coerced.unmapped !== undefined) countUnmapped(unmapped, 'kind', coerced.unmapped);
    organisations.push(coerced.record);
    const position = readPosition(view.x, view.y);
    if (position) positions.set(id, { x: position.x, y: graphFileY(position.y) });
  });

  const relations: FlatRecord[] = [];
  // Symmetric relations a tool wrote in both directions are one relation.
  const symmetricSeen = new Set<string>();
  let doubled = 0;
  graph.forEachEdge((edge, attributes: Record<string, unknown>, sourceNode, targetNode) => {
    const source = idOf(sourceNode);
    const target = idOf(targetNode);
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(attributes))
      if (!VIEW_ATTRIBUTES.has(key) && !EDGE_TOOL_ATTRIBUTES.has(key)) data[key] = value;
    const raw = flatten(data, relationFieldFor, skipped);
    takeSource(raw, foundSources);
    raw.source = source;
    raw.target = target;
    const coerced = coerceRelation(raw, typePolicy);
    if (!coerced.ok) {
      issues.push({
        where: `verbinding ${source} → ${target}`,
        message: coerced.reason,
        path: ['edges', edge],
      });
      return;
    }
    const type = coerced.record.type as RelationType;
    if (!isDirected(type)) {
      if (symmetricSeen.has(`${target}|${type}|${source}`)) {
        doubled++;
        return;
      }
      symmetricSeen.add(`${source}|${type}|${target}`);
    }
    if (coerced.assumed) assumedTypes++;
    if (coerced.unmapped !== undefined) countUnmapped(unmapped, 'type', coerced.unmapped);
    relations.push(coerced.record);
  });
  if (issues.length) return fail(issues, options.limits);

  if (namedById)
    warnings.push(
      `${namedById} ${namedById === 1 ? 'knoop heeft' : 'knopen hebben'} geen label of naam; de id is als naam gebruikt.`,
    );
  if (doubled)
    warnings.push(
      `${doubled} ${doubled === 1 ? 'relatie die' : 'relaties die'} in beide richtingen gelden ${doubled === 1 ? 'stond' : 'stonden'} er ook andersom in; die zijn één keer ingelezen.`,
    );
  if (skipped.size)
    warnings.push(
      `Attributen ${[...skipped].map((k) => `"${k}"`).join(', ')} zijn om veiligheidsredenen genegeerd.`,
    );
  const title = graphTitle(graph);
  const referenceDate: unknown = graph.getAttribute('referenceDate');
  const sources = resolveSources(
    [...organisations, ...relations],
    [...carriedSources(graph.getAttribute('sources'), warnings), ...foundSources.values()],
    options.existing?.sources,
    warnings,
  );
  return validateRecords(
    {
      ...(title ? { title } : {}),
      ...(typeof referenceDate === 'string' && referenceDate !== '' ? { referenceDate } : {}),
      sources,
      organisations,
      relations,
    },
    format,
    {
      warnings,
      assumed: { kinds: assumedKinds, types: assumedTypes },
      ...(unmapped.size ? { unmapped: [...unmapped.values()] } : {}),
      ...(positions.size ? { positions } : {}),
    },
    options,
  );
}
