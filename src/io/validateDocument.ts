import type { z } from 'zod';
import type { Network, Source } from '../domain/network';
import type { Organisation } from '../domain/organisation';
import { knowledgeReferenceErrors } from './knowledgeReferences';
import { relationKey, type Relation, type RelationType } from '../domain/relation';
import { convertD3, looksLikeD3 } from './d3Shape';
import { readPosition, type NodePositions, type Point } from './positions';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  KNOWN_ORGANISATION_FIELDS,
  KNOWN_RELATION_FIELDS,
  exchangeDocumentSchema,
} from './exchangeSchema';
import {
  describePath,
  describeValue,
  fail,
  type ImportFormat,
  type ImportIssue,
  type ImportOptions,
  type ImportResult,
  type ImportSuccess,
} from './importResult';

// A value -> a Network, or every issue with it. Every reader ends here: JSON
// gives its parsed value, CSV, GEXF and GraphML the records they built, so
// every rule of the exchange format holds for every format.

/** A parsed JSON value: the exchange format, or the d3 shape converted to it. */
export function validateValue(value: unknown, options: ImportOptions = {}): ImportResult {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return fail(
      [
        {
          where: 'het bestand',
          message: `verwacht een JSON-object met "format": "${FORMAT_NAME}" of met "nodes" en "links", maar kreeg ${describeValue(value)}.`,
          path: [],
        },
      ],
      options.limits,
    );
  }
  const record = value as Record<string, unknown>;
  if (record.format === undefined && looksLikeD3(record)) {
    const conversion = convertD3(record as { nodes: unknown[]; links?: unknown[] }, {
      kind: options.defaultKind ?? 'association',
      type: options.defaultType ?? 'knowledge',
    });
    const result = validateDocument(conversion.document, 'd3', options);
    if (!result.ok) return result;
    return {
      ...result,
      assumed: { kinds: conversion.missingKinds, types: conversion.missingTypes },
      ...(conversion.unmapped.length ? { unmapped: conversion.unmapped } : {}),
      ...(conversion.positions.size ? { positions: conversion.positions } : {}),
    };
  }
  return validateDocument(record, 'netwerkkaart-v1', options);
}

export interface BuiltNetwork {
  title?: string;
  referenceDate?: string;
  sources: Source[];
  themes?: unknown[];
  organisations: unknown[];
  relations: unknown[];
}

/** What a CSV, GEXF or GraphML reader built, validated exactly as a v1 JSON import. */
export function validateRecords(
  built: BuiltNetwork,
  format: ImportFormat,
  extra: Partial<Omit<ImportSuccess, 'ok' | 'format' | 'network'>>,
  options: ImportOptions = {},
): ImportResult {
  const result = validateDocument(
    {
      format: FORMAT_NAME,
      version: FORMAT_VERSION,
      ...(built.title ? { title: built.title } : {}),
      ...(built.referenceDate ? { referenceDate: built.referenceDate } : {}),
      sources: built.sources,
      ...(built.themes?.length ? { themes: built.themes } : {}),
      organisations: built.organisations,
      relations: built.relations,
    },
    format,
    options,
  );
  if (!result.ok) return result;
  const positions = mergedPositions(result.positions, extra.positions);
  return {
    ...result,
    ...extra,
    format,
    assumed: extra.assumed ?? result.assumed,
    warnings: [...(extra.warnings ?? []), ...result.warnings],
    ...(positions ? { positions } : {}),
  };
}

/** x and y in the records (a table's columns) and the reader's own (GEXF viz) together. */
function mergedPositions(a?: NodePositions, b?: NodePositions): NodePositions | undefined {
  if (!a?.size) return b?.size ? b : undefined;
  if (!b?.size) return a;
  return new Map([...a, ...b]);
}

function validateDocument(
  doc: Record<string, unknown>,
  format: ImportFormat,
  options: ImportOptions,
): ImportResult {
  const envelope = envelopeErrors(doc);
  if (envelope.length) return fail(envelope, options.limits);
  const parsed = exchangeDocumentSchema.safeParse(doc, { reportInput: true });
  const errors: ImportIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => zodIssueToImportIssue(issue, doc));
  errors.push(...referenceErrors(doc));
  errors.push(...knowledgeReferenceErrors(doc));
  if (errors.length || !parsed.success) return fail(errors, options.limits);
  const data = parsed.data;
  // x and y are the layout's, not the organisation's: they go to the saved
  // layout (ImportSuccess.positions), so an edit never has to keep them right.
  const positions = new Map<string, Point>();
  const organisations = data.organisations.map(({ x, y, ...org }) => {
    const position = readPosition(x, y);
    if (position) positions.set(org.id, position);
    return withoutUndefined(org) as Organisation;
  });
  const network: Network = {
    title: data.title ?? 'Geïmporteerd netwerk',
    ...(data.referenceDate ? { referenceDate: data.referenceDate } : {}),
    sources: (data.sources ?? []).map((s) => withoutUndefined(s)),
    organisations,
    relations: data.relations.map((r) => withoutUndefined(r) as Relation),
    ...(data.themes ? { themes: data.themes.map((t) => withoutUndefined(t)) } : {}),
  };
  return {
    ok: true,
    format,
    network,
    warnings: unknownFieldWarnings(doc),
    assumed: { kinds: 0, types: 0 },
    ...(positions.size ? { positions } : {}),
  };
}

function envelopeErrors(doc: Record<string, unknown>): ImportIssue[] {
  if (doc.format === undefined) {
    return [
      {
        where: 'veld "format"',
        message: `ontbreekt: een Netwerkkaart-bestand begint met "format": "${FORMAT_NAME}". Een d3-bestand heeft "nodes" en "links".`,
        path: ['format'],
      },
    ];
  }
  if (doc.format !== FORMAT_NAME) {
    return [
      {
        where: 'veld "format"',
        message: `is ${describeValue(doc.format)}; verwacht "${FORMAT_NAME}". Dit is geen Netwerkkaart-bestand.`,
        path: ['format'],
      },
    ];
  }
  if (doc.version !== FORMAT_VERSION) {
    return [
      {
        where: 'veld "version"',
        message: `is ${describeValue(doc.version)}; deze versie van Netwerkkaart leest versie ${FORMAT_VERSION}.`,
        path: ['version'],
      },
    ];
  }
  return [];
}

function zodIssueToImportIssue(issue: z.core.$ZodIssue, root: unknown): ImportIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let message = issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined)
    message = 'ontbreekt (verplicht veld)';
  else if ('input' in issue && issue.input !== undefined)
    message += `, kreeg ${describeValue(issue.input)}`;
  return { where: describePath(path, root), message, path };
}

function referenceErrors(doc: Record<string, unknown>): ImportIssue[] {
  const errors: ImportIssue[] = [];
  const orgs = Array.isArray(doc.organisations) ? doc.organisations : [];
  const rels = Array.isArray(doc.relations) ? doc.relations : [];
  const sources = Array.isArray(doc.sources) ? doc.sources : [];
  const firstIndex = new Map<string, number>();
  orgs.forEach((org, index) => {
    const id = (org as Record<string, unknown> | null)?.id;
    if (typeof id !== 'string') return;
    const first = firstIndex.get(id);
    if (first !== undefined) {
      errors.push({
        where: describePath(['organisations', index, 'id'], doc),
        message: `komt al voor bij organisatie ${first + 1}; elke id moet uniek zijn.`,
        path: ['organisations', index, 'id'],
      });
    } else firstIndex.set(id, index);
  });
  const sourceIds = new Set<string>();
  sources.forEach((source, index) => {
    const id = (source as Record<string, unknown> | null)?.id;
    if (typeof id !== 'string') return;
    if (sourceIds.has(id))
      errors.push({
        where: describePath(['sources', index, 'id'], doc),
        message: 'komt al eerder voor; elke bron-id moet uniek zijn.',
        path: ['sources', index, 'id'],
      });
    sourceIds.add(id);
  });
  const checkSourceRef = (collection: string, index: number, rec: Record<string, unknown>) => {
    if (typeof rec.sourceId === 'string' && !sourceIds.has(rec.sourceId))
      errors.push({
        where: describePath([collection, index, 'sourceId'], doc),
        message: `verwijst naar bron "${rec.sourceId}", die niet in "sources" staat.`,
        path: [collection, index, 'sourceId'],
      });
  };
  orgs.forEach((org, index) => {
    if (org && typeof org === 'object')
      checkSourceRef('organisations', index, org as Record<string, unknown>);
  });
  const seen = new Map<string, number>();
  rels.forEach((rel, index) => {
    if (!rel || typeof rel !== 'object') return;
    const r = rel as Record<string, unknown>;
    for (const end of ['source', 'target'] as const) {
      const ref = r[end];
      if (typeof ref === 'string' && !firstIndex.has(ref))
        errors.push({
          where: describePath(['relations', index, end], doc),
          message: `verwijst naar organisatie "${ref}", die niet in het bestand staat.`,
          path: ['relations', index, end],
        });
    }
    if (typeof r.source === 'string' && r.source === r.target)
      errors.push({
        where: describePath(['relations', index], doc),
        message: 'verbindt een organisatie met zichzelf.',
        path: ['relations', index],
      });
    if (
      typeof r.source === 'string' &&
      typeof r.target === 'string' &&
      typeof r.type === 'string'
    ) {
      const key = relationKey({ source: r.source, target: r.target, type: r.type as RelationType });
      const first = seen.get(key);
      if (first !== undefined)
        errors.push({
          where: describePath(['relations', index], doc),
          message: `staat er dubbel in (zelfde bron, doel en soort als relatie ${first + 1}).`,
          path: ['relations', index],
        });
      else seen.set(key, index);
    }
    checkSourceRef('relations', index, r);
  });
  return errors;
}

function unknownFieldWarnings(doc: Record<string, unknown>): string[] {
  const counts = new Map<string, number>();
  const count = (list: unknown, known: Set<string>, label: string) => {
    if (!Array.isArray(list)) return;
    for (const rec of list) {
      if (!rec || typeof rec !== 'object') continue;
      for (const key of Object.keys(rec)) {
        if (!known.has(key))
          counts.set(`${label} "${key}"`, (counts.get(`${label} "${key}"`) ?? 0) + 1);
      }
    }
  };
  count(doc.organisations, KNOWN_ORGANISATION_FIELDS, 'organisatieveld');
  count(doc.relations, KNOWN_RELATION_FIELDS, 'relatieveld');
  return [...counts].map(([field, n]) => `Onbekend ${field} genegeerd (${n}×).`);
}

function withoutUndefined<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as T;
}
