import type Graph from 'graphology';
import type { Source } from '../domain/network';
import { readPosition, type Point } from './positions';
import { organisationFieldFor, relationFieldFor } from './fieldAliases';
import { coerceOrganisation, coerceRelation, resolveSources, type FlatRecord } from './flatRecords';
import { fail, type ImportIssue, type ImportOptions, type ImportResult } from './importResult';
import { readJson } from './jsonRead';
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

export function graphToNetwork(
  graph: Graph,
  format: 'gexf' | 'graphml',
  options: ImportOptions,
): ImportResult {
  const warnings: string[] = [];
  const issues: ImportIssue[] = [];
  const skipped = new Set<string>();
  const positions = new Map<string, Point>();
  const kindPolicy = {
    fallback: options.defaultKind ?? 'association',
    unknown: 'default' as const,
  };
  const typePolicy = { fallback: options.defaultType ?? 'knowledge', unknown: 'default' as const };
  let assumedKinds = 0;
  let assumedTypes = 0;
  let namedById = 0;

  const organisations: FlatRecord[] = [];
  graph.forEachNode((id, attributes: Record<string, unknown>) => {
    const view: Record<string, unknown> = {};
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(attributes))
      (VIEW_ATTRIBUTES.has(key) ? view : data)[key] = value;
    const { label, ...rest } = data;
    const raw = flatten(rest, organisationFieldFor, skipped);
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
    organisations.push(coerced.record);
    const position = readPosition(view.x, view.y);
    if (position) positions.set(id, position);
  });

  const relations: FlatRecord[] = [];
  graph.forEachEdge((edge, attributes: Record<string, unknown>, source, target) => {
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(attributes))
      if (!VIEW_ATTRIBUTES.has(key)) data[key] = value;
    const raw = flatten(data, relationFieldFor, skipped);
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
    if (coerced.assumed) assumedTypes++;
    relations.push(coerced.record);
  });
  if (issues.length) return fail(issues, options.limits);

  if (namedById)
    warnings.push(
      `${namedById} ${namedById === 1 ? 'knoop heeft' : 'knopen hebben'} geen label of naam; de id is als naam gebruikt.`,
    );
  if (skipped.size)
    warnings.push(
      `Attributen ${[...skipped].map((k) => `"${k}"`).join(', ')} zijn om veiligheidsredenen genegeerd.`,
    );
  const title = graph.getAttribute('title');
  const sources = resolveSources(
    [...organisations, ...relations],
    carriedSources(graph.getAttribute('sources'), warnings),
    options.existing?.sources,
    warnings,
  );
  return validateRecords(
    {
      ...(typeof title === 'string' && title.trim() !== '' ? { title } : {}),
      sources,
      organisations,
      relations,
    },
    format,
    {
      warnings,
      assumed: { kinds: assumedKinds, types: assumedTypes },
      ...(positions.size ? { positions } : {}),
    },
    options,
  );
}
