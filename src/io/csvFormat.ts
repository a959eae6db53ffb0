import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import type { z } from 'zod';
import { sortNetwork, type Network } from '../domain/network';
import { KIND_LABELS, type Organisation, type OrganisationKind } from '../domain/organisation';
import {
  RELATION_TYPE_LABELS,
  ROLE_LABELS,
  relationKey,
  type Relation,
  type RelationRole,
  type RelationType,
} from '../domain/relation';
import { formatNumber, guardFormula, unguardFormula } from './cellValues';
import { organisationSchema, relationSchema } from './exchangeSchema';
import {
  ORGANISATION_FIELDS,
  RELATION_FIELDS,
  organisationFieldFor,
  relationColumnHint,
  relationFieldFor,
} from './fieldAliases';
import { coerceOrganisation, coerceRelation, type FlatRecord } from './flatRecords';
import { describeValue, type ImportIssue } from './importIssue';
import { checkFileSize, type ImportFailure } from './importNetwork';
import {
  failWith,
  fileIssue,
  resolveSources,
  textTooBig,
  validateBuilt,
  type InteropImportOptions,
  type InteropImportSuccess,
  type RejectedRow,
} from './interopResult';
import { IMPORT_LIMITS, formatBytes } from './limits';

// CSV for Excel and friends: one table of organisations, one of relations.
// Export writes what Dutch Excel opens correctly (BOM, semicolons, decimal
// commas); import forgives what people do to a spreadsheet (Dutch headers
// and words, thousands separators, either separator) and reports the rows it
// cannot read instead of refusing the whole file.

export type CsvSeparator = ',' | ';';

export interface CsvExportOptions {
  separator: CsvSeparator;
  /**
   * Dutch column names and words (soort "Gemeente", not kind "municipality"),
   * for people who open the file in Excel. The import reads both.
   */
  dutch?: boolean;
}

// Each header and word below is one the import knows (fieldAliases), so a
// Dutch file comes back in unchanged.
const DUTCH_ORGANISATION_HEADERS: Record<(typeof ORGANISATION_FIELDS)[number], string> = {
  id: 'id',
  kind: 'soort',
  name: 'naam',
  shortName: 'afkorting',
  category: 'categorie',
  domain: 'domein',
  expectedMembers: 'aantal leden',
  cbsCode: 'CBS-code',
  province: 'provincie',
  population: 'inwoners',
  populationYear: 'peiljaar',
  website: 'website',
  description: 'omschrijving',
  tags: 'labels',
  lat: 'breedtegraad',
  lon: 'lengtegraad',
  sourceId: 'bron',
};
const DUTCH_RELATION_HEADERS: Record<(typeof RELATION_FIELDS)[number], string> = {
  source: 'van',
  target: 'naar',
  type: 'soort',
  role: 'rol',
  since: 'sinds',
  note: 'toelichting',
  weight: 'gewicht',
  sourceId: 'bron-id',
};
const DUTCH_WORDS: Record<string, (value: string) => string> = {
  kind: (v) => KIND_LABELS[v as OrganisationKind]?.nl ?? v,
  type: (v) => RELATION_TYPE_LABELS[v as RelationType]?.nl ?? v,
  role: (v) => ROLE_LABELS[v as RelationRole] ?? v,
};

export const CSV_FILE_NAMES = {
  organisations: 'organisaties.csv',
  relations: 'relaties.csv',
} as const;

const BOM = '\uFEFF';
const NEWLINE = '\r\n';

function cell(value: unknown, separator: CsvSeparator): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return formatNumber(value, separator);
  if (Array.isArray(value)) return guardFormula(value.join('|'));
  return guardFormula(String(value));
}

function table(
  fields: readonly string[],
  records: readonly object[],
  separator: CsvSeparator,
  dutch?: { headers: Record<string, string> },
): string {
  const data = records.map((record) =>
    fields.map((field) => {
      const value = (record as Record<string, unknown>)[field];
      const word = dutch && typeof value === 'string' ? DUTCH_WORDS[field] : undefined;
      return cell(word ? word(value as string) : value, separator);
    }),
  );
  const header = dutch ? fields.map((f) => dutch.headers[f] ?? f) : [...fields];
  // The guard above is ours; papaparse's own escapeFormulae would not round-trip.
  const text = Papa.unparse(
    { fields: header, data },
    { delimiter: separator, newline: NEWLINE, quotes: false, escapeFormulae: false },
  );
  return `${BOM}${text}${NEWLINE}`;
}

/** Both tables, UTF-8 text with a byte-order mark so Excel reads the accents right. */
export function exportCsv(
  network: Network,
  options: CsvExportOptions,
): { organisations: string; relations: string } {
  const sorted = sortNetwork(network);
  return {
    organisations: table(
      ORGANISATION_FIELDS,
      sorted.organisations,
      options.separator,
      options.dutch ? { headers: DUTCH_ORGANISATION_HEADERS } : undefined,
    ),
    relations: table(
      RELATION_FIELDS,
      sorted.relations,
      options.separator,
      options.dutch ? { headers: DUTCH_RELATION_HEADERS } : undefined,
    ),
  };
}

/** One zip holding organisaties.csv and relaties.csv. */
export function exportCsvZip(network: Network, options: CsvExportOptions): Uint8Array {
  const { organisations, relations } = exportCsv(network, options);
  return zipSync({
    [CSV_FILE_NAMES.organisations]: strToU8(organisations),
    [CSV_FILE_NAMES.relations]: strToU8(relations),
  });
}

// ---------------------------------------------------------------- import

export type CsvTableKind = 'organisations' | 'relations';
type FileWord = RejectedRow['file'];

export interface CsvFiles {
  organisations?: string;
  relations?: string;
}

export type CsvImportResult =
  (InteropImportSuccess & { format: 'csv'; rejectedRows: RejectedRow[] }) | ImportFailure;

const stripBom = (text: string) => text.replace(/^\uFEFF/, '');

/** Comma, semicolon or tab: whichever occurs most in the header line, outside quotes. */
function detectSeparator(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [sep, n] of counts) if (n > (counts.get(best) ?? 0)) best = sep;
  return best;
}

interface CsvRow {
  line: number;
  cells: string[];
}

interface CsvTable {
  header: string[];
  rows: CsvRow[];
  rejected: RejectedRow[];
}

function readTable(text: string, file: FileWord): CsvTable | ImportIssue {
  const body = stripBom(text);
  if (body.trim() === '')
    return {
      where: `${file}.csv`,
      message: 'is leeg; verwacht een kopregel en rijen.',
      path: [file],
    };
  let header: string[] | undefined;
  const rows: CsvRow[] = [];
  const rejected: RejectedRow[] = [];
  // Rows are contiguous (empty lines arrive as empty rows), so a row starts
  // where the previous one ended; its line is the line breaks before that + 1.
  let scanned = 0;
  let breaks = 0;
  let rowStart = 0;
  const lineAt = (position: number) => {
    for (; scanned < position; scanned++) {
      const ch = body[scanned];
      if (ch === '\n' || (ch === '\r' && body[scanned + 1] !== '\n')) breaks++;
    }
    return breaks + 1;
  };
  Papa.parse<string[]>(body, {
    delimiter: detectSeparator(body),
    skipEmptyLines: false,
    step: (results) => {
      const cells = results.data;
      const line = lineAt(rowStart);
      rowStart = results.meta.cursor;
      if (results.errors.length) {
        const error = results.errors[0];
        const reason =
          error?.code === 'MissingQuotes'
            ? 'een aanhalingsteken (") wordt niet gesloten; de rest van het bestand is daardoor niet te lezen.'
            : `de rij is geen geldige CSV (${error?.message ?? 'onbekende fout'}).`;
        rejected.push({ file, row: line, reason });
        return;
      }
      // Empty lines, and lines of separators only as Excel leaves them.
      if (cells.every((c) => c.trim() === '')) return;
      if (!header) header = cells;
      else rows.push({ line, cells });
    },
  });
  if (!header) return { where: `${file}.csv`, message: 'heeft geen kopregel.', path: [file] };
  return { header, rows, rejected };
}

interface ColumnMap<F extends string> {
  /** Column index -> field. */
  columns: { index: number; field: F; heading: string }[];
  fields: Set<F>;
}

function mapColumns<F extends string>(
  header: string[],
  fieldFor: (name: string) => F | undefined,
  hint: (name: string) => string | undefined,
  file: FileWord,
  warnings: string[],
): ColumnMap<F> {
  const columns: ColumnMap<F>['columns'] = [];
  const fields = new Set<F>();
  header.forEach((raw, index) => {
    const heading = unguardFormula(raw).trim();
    if (heading === '') return;
    const field = fieldFor(heading);
    if (!field) {
      const extra = hint(heading);
      warnings.push(
        `${file}.csv: kolom "${heading}" is onbekend en genegeerd.${extra ? ` ${extra}` : ''}`,
      );
    } else if (fields.has(field)) {
      warnings.push(
        `${file}.csv: kolom "${heading}" komt dubbel voor (${field}); alleen de eerste telt.`,
      );
    } else {
      fields.add(field);
      columns.push({ index, field, heading });
    }
  });
  return { columns, fields };
}

/** The cells of a row as a field map, or why the row cannot be read. */
function rowRecord<F extends string>(
  row: CsvRow,
  header: string[],
  map: ColumnMap<F>,
): FlatRecord | string {
  const extra = row.cells.slice(header.length);
  if (row.cells.length < header.length || extra.some((c) => c.trim() !== ''))
    return `heeft ${row.cells.length} ${row.cells.length === 1 ? 'veld' : 'velden'}, maar de kopregel heeft er ${header.length}. Staat er een scheidingsteken of aanhalingsteken te veel of te weinig?`;
  const record: FlatRecord = {};
  for (const { index, field } of map.columns)
    record[field] = unguardFormula(row.cells[index] ?? '');
  return record;
}

function schemaReason(issues: readonly z.core.$ZodIssue[], headings: Map<string, string>): string {
  return issues
    .map((issue) => {
      const field = String(issue.path[0] ?? '');
      const heading = headings.get(field) ?? field;
      const given =
        'input' in issue && issue.input !== undefined
          ? `, kreeg ${describeValue(issue.input)}`
          : '';
      return `kolom "${heading}": ${issue.message}${given}`;
    })
    .join('; ');
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

interface ReadOrganisations {
  organisations: Organisation[];
  lineOf: Map<string, number>;
  rejectedIds: Set<string>;
  assumedKinds: number;
}

function readOrganisations(
  tableText: CsvTable,
  options: InteropImportOptions,
  rejected: RejectedRow[],
  warnings: string[],
): ReadOrganisations | ImportIssue {
  const file = 'organisaties';
  const map = mapColumns(tableText.header, organisationFieldFor, () => undefined, file, warnings);
  const missing = (['id', 'name'] as const).filter((f) => !map.fields.has(f));
  if (missing.length)
    return {
      where: `${file}.csv, kopregel`,
      message: `mist de kolom ${missing.map((f) => (f === 'id' ? '"id"' : '"name" (of "naam")')).join(' en ')}. Gevonden: ${tableText.header.map((h) => `"${h}"`).join(', ')}.`,
      path: [file, 'header'],
    };
  const headings = new Map(map.columns.map((c) => [c.field as string, c.heading]));
  const kindPolicy = {
    fallback: options.defaultKind ?? 'association',
    // An unknown value is a bad row; only an empty one takes the default the preview asks for.
    unknown: 'reject' as const,
  };
  const out: ReadOrganisations = {
    organisations: [],
    lineOf: new Map(),
    rejectedIds: new Set(),
    assumedKinds: 0,
  };
  for (const row of tableText.rows) {
    const reject = (reason: string, id?: unknown) => {
      rejected.push({ file, row: row.line, reason });
      if (typeof id === 'string' && id.trim() !== '') out.rejectedIds.add(id.trim());
    };
    const raw = rowRecord(row, tableText.header, map);
    if (typeof raw === 'string') {
      const idColumn = map.columns.find((c) => c.field === 'id');
      reject(raw, idColumn ? row.cells[idColumn.index] : undefined);
      continue;
    }
    if (blank(raw.id)) {
      reject('de id ontbreekt.');
      continue;
    }
    if (blank(raw.name)) {
      reject('de naam ontbreekt.', raw.id);
      continue;
    }
    const coerced = coerceOrganisation(raw, kindPolicy);
    if (!coerced.ok) {
      reject(coerced.reason, raw.id);
      continue;
    }
    const parsed = organisationSchema.safeParse(coerced.record, { reportInput: true });
    if (!parsed.success) {
      reject(schemaReason(parsed.error.issues, headings), raw.id);
      continue;
    }
    const id = parsed.data.id;
    const first = out.lineOf.get(id);
    if (first !== undefined) {
      reject(`de id "${id}" staat al op regel ${first}; elke id moet uniek zijn.`);
      continue;
    }
    out.lineOf.set(id, row.line);
    out.organisations.push(parsed.data as Organisation);
    if (coerced.assumed) out.assumedKinds++;
  }
  if (!map.fields.has('kind') && out.organisations.length)
    warnings.push(
      `organisaties.csv heeft geen kolom "kind" (of "soort"): alle organisaties krijgen de gekozen standaardsoort.`,
    );
  return out;
}

interface ReadRelations {
  relations: Relation[];
  assumedTypes: number;
}

function readRelations(
  tableText: CsvTable,
  knownIds: ReadonlySet<string>,
  rejectedIds: ReadonlySet<string>,
  options: InteropImportOptions,
  rejected: RejectedRow[],
  warnings: string[],
): ReadRelations | ImportIssue {
  const file = 'relaties';
  const map = mapColumns(tableText.header, relationFieldFor, relationColumnHint, file, warnings);
  const missing = (['source', 'target'] as const).filter((f) => !map.fields.has(f));
  if (missing.length)
    return {
      where: `${file}.csv, kopregel`,
      message: `mist de kolom ${missing.map((f) => (f === 'source' ? '"source" (of "van")' : '"target" (of "naar")')).join(' en ')}. Gevonden: ${tableText.header.map((h) => `"${h}"`).join(', ')}.`,
      path: [file, 'header'],
    };
  const headings = new Map(map.columns.map((c) => [c.field as string, c.heading]));
  const typePolicy = {
    fallback: options.defaultType ?? 'knowledge',
    unknown: 'reject' as const,
  };
  const out: ReadRelations = { relations: [], assumedTypes: 0 };
  const lineOf = new Map<string, number>();
  for (const row of tableText.rows) {
    const reject = (reason: string) => rejected.push({ file, row: row.line, reason });
    const raw = rowRecord(row, tableText.header, map);
    if (typeof raw === 'string') {
      reject(raw);
      continue;
    }
    if (blank(raw.source) || blank(raw.target)) {
      reject(`${blank(raw.source) ? 'van (source)' : 'naar (target)'} ontbreekt.`);
      continue;
    }
    const coerced = coerceRelation(raw, typePolicy);
    if (!coerced.ok) {
      reject(coerced.reason);
      continue;
    }
    const parsed = relationSchema.safeParse(coerced.record, { reportInput: true });
    if (!parsed.success) {
      reject(schemaReason(parsed.error.issues, headings));
      continue;
    }
    const rel = parsed.data;
    const unknownEnd = [rel.source, rel.target].find((id) => !knownIds.has(id));
    if (unknownEnd !== undefined) {
      reject(
        rejectedIds.has(unknownEnd)
          ? `verwijst naar organisatie "${unknownEnd}", waarvan de rij is afgewezen.`
          : `verwijst naar organisatie "${unknownEnd}", die niet bij de organisaties staat.`,
      );
      continue;
    }
    if (rel.source === rel.target) {
      reject('verbindt een organisatie met zichzelf.');
      continue;
    }
    const key = relationKey(rel);
    const first = lineOf.get(key);
    if (first !== undefined) {
      reject(`staat er dubbel in (zelfde van, naar en soort als regel ${first}).`);
      continue;
    }
    lineOf.set(key, row.line);
    out.relations.push(rel as Relation);
    if (coerced.assumed) out.assumedTypes++;
  }
  if (!map.fields.has('type') && out.relations.length)
    warnings.push(
      'relaties.csv heeft geen kolom "type" (of "soort"): alle relaties krijgen de gekozen standaardsoort.',
    );
  return out;
}

const rejectedAsIssues = (rows: readonly RejectedRow[]): ImportIssue[] =>
  rows.map((r) => ({
    where: `${r.file}.csv, regel ${r.row}`,
    message: r.reason,
    path: [r.file, r.row],
  }));

/**
 * Organisations and/or relations as CSV. Rows that cannot be read are left
 * out and listed in `rejectedRows`; the rest is validated as one network. A
 * relations file on its own is read against `options.existing` and the
 * result is marked `mergeOnly`.
 */
export function importCsv(files: CsvFiles, options: InteropImportOptions = {}): CsvImportResult {
  const tooBig = textTooBig(files.organisations, files.relations);
  if (tooBig) return tooBig;
  if (files.organisations === undefined && files.relations === undefined)
    return failWith([fileIssue('geen CSV-bestand ontvangen.')]);

  const warnings: string[] = [];
  const rejected: RejectedRow[] = [];
  const mergeOnly = files.organisations === undefined;
  const existing = options.existing;

  let orgs: ReadOrganisations = {
    organisations: [],
    lineOf: new Map(),
    rejectedIds: new Set(),
    assumedKinds: 0,
  };
  if (files.organisations !== undefined) {
    const tableText = readTable(files.organisations, 'organisaties');
    if (!('header' in tableText)) return failWith([tableText]);
    rejected.push(...tableText.rejected);
    const read = readOrganisations(tableText, options, rejected, warnings);
    if (!('organisations' in read)) return failWith([read]);
    orgs = read;
    if (orgs.organisations.length === 0)
      return failWith([
        fileIssue('organisaties.csv bevat geen enkele organisatie die gelezen kon worden.'),
        ...rejectedAsIssues(rejected),
      ]);
  } else if (!existing || existing.organisations.length === 0) {
    return failWith([
      fileIssue(
        'bevat alleen relaties. Importeer eerst de organisaties (of beide bestanden samen), zodat de relaties ergens naar kunnen verwijzen.',
      ),
    ]);
  }

  let rels: ReadRelations = { relations: [], assumedTypes: 0 };
  if (files.relations !== undefined) {
    const tableText = readTable(files.relations, 'relaties');
    if (!('header' in tableText)) return failWith([tableText]);
    rejected.push(...tableText.rejected);
    const knownIds = mergeOnly
      ? new Set((existing?.organisations ?? []).map((o) => o.id))
      : new Set(orgs.lineOf.keys());
    const read = readRelations(tableText, knownIds, orgs.rejectedIds, options, rejected, warnings);
    if (!('relations' in read)) return failWith([read]);
    rels = read;
    if (mergeOnly && rels.relations.length === 0)
      return failWith([
        fileIssue('relaties.csv bevat geen enkele relatie die gelezen kon worden.'),
        ...rejectedAsIssues(rejected),
      ]);
  }

  rejected.sort((a, b) => (a.file === b.file ? a.row - b.row : a.file === 'organisaties' ? -1 : 1));
  const organisations = mergeOnly ? (existing?.organisations ?? []) : orgs.organisations;
  const sources = resolveSources(
    [...organisations, ...rels.relations] as unknown as Record<string, unknown>[],
    mergeOnly ? (existing?.sources ?? []) : [],
    existing?.sources,
    warnings,
  );
  const result = validateBuilt(
    {
      ...(mergeOnly && existing ? { title: existing.title } : {}),
      sources,
      organisations,
      relations: rels.relations,
    },
    'csv',
    {
      warnings,
      assumed: { kinds: orgs.assumedKinds, types: rels.assumedTypes },
      rejectedRows: rejected,
      ...(mergeOnly ? { mergeOnly: true } : {}),
    },
  );
  if (!result.ok) return result;
  return { ...result, format: 'csv', rejectedRows: rejected };
}

/** Which table a CSV holds, from its header: relations have a source and a target. */
export function detectCsvTable(text: string): CsvTableKind | undefined {
  const body = stripBom(text);
  const parsed = Papa.parse<string[]>(body, {
    delimiter: detectSeparator(body),
    preview: 1,
    skipEmptyLines: 'greedy',
  });
  const header = (parsed.data[0] ?? []).map((h) => unguardFormula(h));
  const relationFields = new Set(header.map(relationFieldFor));
  if (relationFields.has('source') && relationFields.has('target')) return 'relations';
  const orgFields = new Set(header.map(organisationFieldFor));
  if (orgFields.has('id') || orgFields.has('name')) return 'organisations';
  return undefined;
}

/** A zip as written by exportCsvZip (or any zip with one table of each kind). */
export function importCsvZip(
  data: Uint8Array,
  options: InteropImportOptions = {},
): CsvImportResult {
  const tooBig = checkFileSize(data.length);
  if (tooBig) return tooBig;
  let declared = 0;
  let tooLarge = false;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data, {
      // Sizes come from the zip's own directory: stop before inflating a zip bomb.
      filter: (file) => {
        declared += file.originalSize;
        if (declared > IMPORT_LIMITS.maxFileBytes) tooLarge = true;
        return !tooLarge && /\.(csv|txt)$/i.test(file.name) && !file.name.startsWith('__MACOSX/');
      },
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failWith([fileIssue(`is geen leesbaar zip-bestand (${detail}).`)]);
  }
  if (tooLarge)
    return failWith([
      fileIssue(
        `pakt uit tot meer dan ${formatBytes(IMPORT_LIMITS.maxFileBytes)}; zo groot leest Netwerkkaart niet.`,
      ),
    ]);
  const files: CsvFiles = {};
  const ignored: string[] = [];
  for (const [name, bytes] of Object.entries(entries)) {
    const text = strFromU8(bytes);
    const kind = detectCsvTable(text);
    if (kind && files[kind] === undefined) files[kind] = text;
    else ignored.push(name);
  }
  if (!files.organisations && !files.relations)
    return failWith([
      fileIssue(
        `bevat geen ${CSV_FILE_NAMES.organisations} of ${CSV_FILE_NAMES.relations} met een herkenbare kopregel.`,
      ),
    ]);
  const result = importCsv(files, options);
  if (result.ok && ignored.length)
    result.warnings.push(`Niet gelezen uit de zip: ${ignored.map((n) => `"${n}"`).join(', ')}.`);
  return result;
}
