import type { z } from 'zod';
import type { Organisation } from '../domain/organisation';
import { relationKey, type Relation } from '../domain/relation';
import { NETWORK_CSV_FILE_NAME, detectCsvTable, stripBom } from './csvHeader';
import { CSV_FILE_NAMES, readCsvTable, type CsvFileWord, type CsvTable } from './csvTable';
import type { Theme } from '../domain/knowledge';
import type { Source } from '../domain/network';
import { parseWholeNumber, unguardFormula } from './cellValues';
import { organisationSchema, relationSchema, sourceSchema, themeSchema } from './exchangeSchema';
import {
  layoutFieldFor,
  organisationFieldFor,
  relationColumnHint,
  relationFieldFor,
} from './fieldAliases';
import { networkFieldFor, networkRecordOf, type NetworkField } from './tableRows';
import {
  coerceOrganisation,
  coerceRelation,
  resolveSources,
  type Coerced,
  type FlatRecord,
  type VocabularyPolicy,
} from './flatRecords';
import {
  checkFileSize,
  describeValue,
  fail,
  fileIssue,
  textTooBig,
  type ImportFailure,
  type ImportIssue,
  type ImportOptions,
  type ImportSuccess,
  type RejectedRow,
  rejectedLines,
} from './importResult';
import { readLimits } from './limits';
import { decodeText } from './textDecoding';
import { readZip } from './zipRead';
import { validateRecords } from './validateDocument';

// Reading CSV forgives what people do to a spreadsheet (Dutch headers and
// words, thousands separators, either separator) and reports the rows it
// cannot read instead of refusing the whole file. Both tables are read by one
// reader; what differs between them is in a TableSpec.

export interface CsvFiles {
  organisations?: string;
  relations?: string;
  /** Title, date, sources and themes (netwerk.csv). */
  network?: string;
}

/** The same tables, read already: from CSV text, or from the sheets of a workbook. */
export type Tables = Partial<Record<keyof CsvFiles, CsvTable>>;

/** How messages name a table: "organisaties.csv", or "blad Organisaties". */
export interface TableNaming {
  format: 'csv' | 'xlsx';
  name(file: CsvFileWord): string;
  /** A cell's text as written: CSV takes off the apostrophe its export put before a formula start. */
  cellText(text: string): string;
}

const CSV_NAMING: TableNaming = {
  format: 'csv',
  name: (file) => `${file}.csv`,
  cellText: unguardFormula,
};

export type CsvImportResult =
  (ImportSuccess & { format: 'csv' | 'xlsx'; rejectedRows: RejectedRow[] }) | ImportFailure;

/** What one table needs that the other does not. */
interface TableSpec<T> {
  file: CsvFileWord;
  /** The table's name in messages. */
  label: string;
  cellText(text: string): string;
  fieldFor(heading: string): string | undefined;
  /** More to say about a heading that is not read. */
  hint?(heading: string): string | undefined;
  /** Columns without which no row can be read; a blank cell in one rejects the row (the first blank is named). */
  required: readonly { field: string; column: string; blank: string }[];
  /** The kind or type column: without it every record gets the default the preview asks about. */
  vocabulary: { field: string; policy: VocabularyPolicy; absent: string };
  coerce(raw: FlatRecord, policy: VocabularyPolicy): Coerced;
  schema: z.ZodType<T>;
  /** The column whose value relations refer to: a rejected row's value is remembered. */
  idField?: string;
  /** Why a valid record still cannot be taken (it refers to something not read). */
  refuse?(record: T): string | undefined;
  key(record: T): string;
  duplicate(record: T, firstLine: number): string;
}

interface TableRead<T> {
  records: T[];
  /** Key -> the line it was read from. */
  lineOf: Map<string, number>;
  /** Ids of rows that were rejected, so a relation to one can say why it is rejected too. */
  rejectedIds: Set<string>;
  assumed: number;
}

const emptyRead = <T>(): TableRead<T> => ({
  records: [],
  lineOf: new Map(),
  rejectedIds: new Set(),
  assumed: 0,
});

interface ColumnMap {
  columns: { index: number; field: string; heading: string }[];
  fields: Set<string>;
}

function mapColumns<T>(header: string[], spec: TableSpec<T>, warnings: string[]): ColumnMap {
  const columns: ColumnMap['columns'] = [];
  const fields = new Set<string>();
  header.forEach((raw, index) => {
    const heading = unguardFormula(raw).trim();
    if (heading === '') return;
    const field = spec.fieldFor(heading);
    if (!field) {
      const extra = spec.hint?.(heading);
      warnings.push(
        `${spec.label}: kolom "${heading}" is onbekend en genegeerd.${extra ? ` ${extra}` : ''}`,
      );
    } else if (fields.has(field)) {
      warnings.push(
        `${spec.label}: kolom "${heading}" komt dubbel voor (${field}); alleen de eerste telt.`,
      );
    } else {
      fields.add(field);
      columns.push({ index, field, heading });
    }
  });
  return { columns, fields };
}

/** The cells of a row as a field map, or why the row cannot be read. */
function rowRecord(
  cells: string[],
  header: string[],
  map: ColumnMap,
  cellText: (text: string) => string,
): FlatRecord | string {
  const extra = cells.slice(header.length);
  if (cells.length < header.length || extra.some((c) => c.trim() !== ''))
    return `heeft ${cells.length} ${cells.length === 1 ? 'veld' : 'velden'}, maar de kopregel heeft er ${header.length}. Staat er een scheidingsteken of aanhalingsteken te veel of te weinig?`;
  const record: FlatRecord = {};
  for (const { index, field } of map.columns) record[field] = cellText(cells[index] ?? '');
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

function readRecords<T>(
  table: CsvTable,
  spec: TableSpec<T>,
  rejected: RejectedRow[],
  warnings: string[],
): TableRead<T> | ImportIssue {
  const map = mapColumns(table.header, spec, warnings);
  const missing = spec.required.filter((r) => !map.fields.has(r.field));
  if (missing.length)
    return {
      where: `${spec.label}, kopregel`,
      message: `mist de kolom ${missing.map((r) => r.column).join(' en ')}. Gevonden: ${table.header.map((h) => `"${h}"`).join(', ')}.`,
      path: [spec.file, 'header'],
    };
  const headings = new Map(map.columns.map((c) => [c.field, c.heading]));
  const idColumn = map.columns.find((c) => c.field === spec.idField);
  const out = emptyRead<T>();
  for (const row of table.rows) {
    const reject = (reason: string, id?: unknown) => {
      rejected.push({ file: spec.file, row: row.line, reason });
      if (typeof id === 'string' && id.trim() !== '') out.rejectedIds.add(id.trim());
    };
    const raw = rowRecord(row.cells, table.header, map, spec.cellText);
    if (typeof raw === 'string') {
      reject(raw, idColumn && row.cells[idColumn.index]);
      continue;
    }
    const id = spec.idField === undefined ? undefined : raw[spec.idField];
    const empty = spec.required.find((r) => blank(raw[r.field]));
    if (empty) {
      reject(empty.blank, empty.field === spec.idField ? undefined : id);
      continue;
    }
    const coerced = spec.coerce(raw, spec.vocabulary.policy);
    if (!coerced.ok) {
      reject(coerced.reason, id);
      continue;
    }
    const parsed = spec.schema.safeParse(coerced.record, { reportInput: true });
    if (!parsed.success) {
      reject(schemaReason(parsed.error.issues, headings), id);
      continue;
    }
    const refused = spec.refuse?.(parsed.data);
    if (refused !== undefined) {
      reject(refused);
      continue;
    }
    const key = spec.key(parsed.data);
    const first = out.lineOf.get(key);
    if (first !== undefined) {
      reject(spec.duplicate(parsed.data, first));
      continue;
    }
    out.lineOf.set(key, row.line);
    out.records.push(parsed.data);
    if (coerced.assumed) out.assumed++;
  }
  if (!map.fields.has(spec.vocabulary.field) && out.records.length)
    warnings.push(spec.vocabulary.absent);
  return out;
}

function organisationTable(options: ImportOptions, naming: TableNaming): TableSpec<Organisation> {
  const label = naming.name('organisaties');
  return {
    file: 'organisaties',
    label,
    cellText: naming.cellText,
    // x and y are the layout's: read beside the fields, stored as the saved layout.
    fieldFor: (heading) => organisationFieldFor(heading) ?? layoutFieldFor(heading),
    required: [
      { field: 'id', column: '"id"', blank: 'de id ontbreekt.' },
      { field: 'name', column: '"name" (of "naam")', blank: 'de naam ontbreekt.' },
    ],
    vocabulary: {
      field: 'kind',
      // An unknown value is a bad row; only an empty one takes the default the preview asks for.
      policy: { fallback: options.defaultKind ?? 'association', unknown: 'reject' },
      absent: `${label} heeft geen kolom "kind" (of "soort"): alle organisaties krijgen de gekozen standaardsoort.`,
    },
    coerce: coerceOrganisation,
    schema: organisationSchema as unknown as z.ZodType<Organisation>,
    idField: 'id',
    key: (org) => org.id,
    duplicate: (org, first) =>
      `de id "${org.id}" staat al op regel ${first}; elke id moet uniek zijn.`,
  };
}

function relationTable(
  knownIds: ReadonlySet<string>,
  rejectedIds: ReadonlySet<string>,
  options: ImportOptions,
  naming: TableNaming,
): TableSpec<Relation> {
  const label = naming.name('relaties');
  return {
    file: 'relaties',
    label,
    cellText: naming.cellText,
    fieldFor: relationFieldFor,
    hint: relationColumnHint,
    required: [
      { field: 'source', column: '"source" (of "van")', blank: 'van (source) ontbreekt.' },
      { field: 'target', column: '"target" (of "naar")', blank: 'naar (target) ontbreekt.' },
    ],
    vocabulary: {
      field: 'type',
      policy: { fallback: options.defaultType ?? 'knowledge', unknown: 'reject' },
      absent: `${label} heeft geen kolom "type" (of "soort"): alle relaties krijgen de gekozen standaardsoort.`,
    },
    coerce: coerceRelation,
    schema: relationSchema as unknown as z.ZodType<Relation>,
    refuse: (rel) => {
      const unknownEnd = [rel.source, rel.target].find((id) => !knownIds.has(id));
      if (unknownEnd !== undefined)
        return rejectedIds.has(unknownEnd)
          ? `verwijst naar organisatie "${unknownEnd}", waarvan de rij is afgewezen.`
          : `verwijst naar organisatie "${unknownEnd}", die niet bij de organisaties staat.`;
      if (rel.source === rel.target) return 'verbindt een organisatie met zichzelf.';
      return undefined;
    },
    key: relationKey,
    duplicate: (_rel, first) =>
      `staat er dubbel in (zelfde van, naar en soort als regel ${first}).`,
  };
}

// Free text may hold a line break inside quotes; ids, kinds, numbers and dates
// never do, so a quote that runs on over lines there has swallowed rows.
const MULTILINE_FIELDS = new Set([
  'name',
  'shortName',
  'description',
  'category',
  'province',
  'tags',
  'note',
  'reason',
  'positions',
]);
const lineBreaksIn = (fieldFor: (heading: string) => string | undefined) => (heading: string) =>
  MULTILINE_FIELDS.has(fieldFor(unguardFormula(heading).trim()) ?? '');
const LINE_BREAKS: Record<CsvFileWord, (heading: string) => boolean> = {
  organisaties: lineBreaksIn(organisationFieldFor),
  relaties: lineBreaksIn(relationFieldFor),
  // The network table holds titles and descriptions of sources: free text throughout.
  netwerk: () => true,
};

const rejectedAsIssues = (rows: readonly RejectedRow[], naming: TableNaming): ImportIssue[] =>
  rows.map((r) => ({
    where: `${naming.name(r.file)}, ${rejectedLines(r)}`,
    message: r.reason,
    path: [r.file, r.row],
  }));

/**
 * Organisations and/or relations as CSV, with the network table when there
 * is one. Rows that cannot be read are left out and listed in
 * `rejectedRows`; the rest is validated as one network. A relations file on
 * its own is read against `options.existing` and the result is marked
 * `mergeOnly`.
 */
export function importCsv(files: CsvFiles, options: ImportOptions = {}): CsvImportResult {
  const { limits } = options;
  const tooBig = textTooBig([files.organisations, files.relations, files.network], limits);
  if (tooBig) return tooBig;
  if (files.organisations === undefined && files.relations === undefined)
    return fail([fileIssue('geen CSV-bestand met organisaties of relaties ontvangen.')], limits);
  const tables: Tables = {};
  for (const [key, word] of [
    ['organisations', 'organisaties'],
    ['relations', 'relaties'],
    ['network', 'netwerk'],
  ] as const) {
    const text = files[key];
    if (text === undefined) continue;
    const table = readCsvTable(text, word, { allowsLineBreaks: LINE_BREAKS[word] });
    if (!('header' in table)) return fail([table], limits);
    tables[key] = table;
  }
  return importTables(tables, options, CSV_NAMING);
}

function resolveThemes(
  named: readonly string[],
  existing: readonly Theme[] | undefined,
  warnings: string[],
): Theme[] {
  const known = new Map((existing ?? []).map((t) => [t.id, t]));
  const out = new Map<string, Theme>();
  const standIns: string[] = [];
  for (const id of named) {
    if (out.has(id)) continue;
    const found = known.get(id);
    out.set(id, found ?? { id, label: id });
    if (!found) standIns.push(id);
  }
  if (standIns.length)
    warnings.push(
      `${standIns.length === 1 ? 'Thema' : "Thema's"} ${standIns.map((id) => `"${id}"`).join(', ')} ${standIns.length === 1 ? 'staat' : 'staan'} niet in het bestand (geen netwerktabel); aangemaakt met de id als naam.`,
    );
  return [...out.values()];
}

const ORDER: Record<CsvFileWord, number> = { netwerk: 0, organisaties: 1, relaties: 2 };

/** The tables of a CSV export or a workbook, read into one network. */
export function importTables(
  tables: Tables,
  options: ImportOptions,
  naming: TableNaming,
): CsvImportResult {
  const { limits } = options;
  const warnings: string[] = [];
  const rejected: RejectedRow[] = [];
  const mergeOnly = tables.organisations === undefined;
  const existing = options.existing;
  if (tables.organisations === undefined && tables.relations === undefined)
    return fail([fileIssue('bevat geen tabel met organisaties of relaties.')], limits);
  for (const table of Object.values(tables)) rejected.push(...table.rejected);

  const about = tables.network
    ? readNetworkTable(tables.network, naming, rejected, warnings)
    : undefined;
  if (about && 'where' in about) return fail([about], limits);

  let orgs = emptyRead<Organisation>();
  if (tables.organisations !== undefined) {
    const read = readRecords(
      tables.organisations,
      organisationTable(options, naming),
      rejected,
      warnings,
    );
    if (!('records' in read)) return fail([read], limits);
    orgs = read;
    // Ids on lines a stray quote swallowed: relations to them say why they fail.
    const table = tables.organisations;
    const idIndex = table.header.findIndex(
      (h) => organisationFieldFor(unguardFormula(h).trim()) === 'id',
    );
    for (const cells of table.lostLines ?? []) {
      const id = unguardFormula(cells[idIndex] ?? '')
        .replace(/^"/, '')
        .trim();
      if (id !== '' && !orgs.lineOf.has(id)) orgs.rejectedIds.add(id);
    }
    if (orgs.records.length === 0)
      return fail(
        [
          fileIssue(
            `${naming.name('organisaties')} bevat geen enkele organisatie die gelezen kon worden.`,
          ),
          ...rejectedAsIssues(rejected, naming),
        ],
        limits,
      );
  } else if (!existing || existing.organisations.length === 0) {
    return fail(
      [
        fileIssue(
          'bevat alleen relaties. Importeer eerst de organisaties (of beide bestanden samen), zodat de relaties ergens naar kunnen verwijzen.',
        ),
      ],
      limits,
    );
  }

  let rels = emptyRead<Relation>();
  if (tables.relations !== undefined) {
    const knownIds = mergeOnly
      ? new Set((existing?.organisations ?? []).map((o) => o.id))
      : new Set(orgs.lineOf.keys());
    const spec = relationTable(knownIds, orgs.rejectedIds, options, naming);
    const read = readRecords(tables.relations, spec, rejected, warnings);
    if (!('records' in read)) return fail([read], limits);
    rels = read;
    if (mergeOnly && rels.records.length === 0)
      return fail(
        [
          fileIssue(`${naming.name('relaties')} bevat geen enkele relatie die gelezen kon worden.`),
          ...rejectedAsIssues(rejected, naming),
        ],
        limits,
      );
  }

  rejected.sort((a, b) => (a.file === b.file ? a.row - b.row : ORDER[a.file] - ORDER[b.file]));
  const organisations = mergeOnly ? (existing?.organisations ?? []) : orgs.records;
  const carried = [...(about?.sources ?? []), ...(mergeOnly ? (existing?.sources ?? []) : [])];
  const positions = organisations.flatMap((o) => o.positions ?? []);
  const sources = resolveSources(
    [...organisations, ...rels.records, ...positions] as unknown as Record<string, unknown>[],
    carried,
    existing?.sources,
    warnings,
  );
  // Every source the file lists comes along, also one no record names.
  const listed = new Set(sources.map((s) => s.id));
  for (const source of about?.sources ?? []) if (!listed.has(source.id)) sources.push(source);
  // Without the network table (organisations or relations chosen alone) the
  // themes named come from the network in the app, or stand in by their id.
  const themes = about?.themes.length
    ? about.themes
    : resolveThemes(
        [
          ...organisations.flatMap((o) => o.themes ?? []),
          ...positions.map((p) => p.theme),
          ...rels.records.flatMap((r) => r.themes ?? []),
        ],
        existing?.themes,
        warnings,
      );
  const title = about?.title ?? (mergeOnly ? existing?.title : undefined);
  const result = validateRecords(
    {
      ...(title ? { title } : {}),
      ...(about?.referenceDate ? { referenceDate: about.referenceDate } : {}),
      sources,
      ...(themes?.length ? { themes } : {}),
      organisations,
      relations: rels.records,
    },
    naming.format,
    {
      warnings,
      assumed: { kinds: orgs.assumed, types: rels.assumed },
      rejectedRows: rejected,
      ...(mergeOnly ? { mergeOnly: true } : {}),
    },
    options,
  );
  if (!result.ok) return result;
  return { ...result, format: naming.format, rejectedRows: rejected };
}

interface NetworkAbout {
  title?: string;
  referenceDate?: string;
  sources: Source[];
  themes: Theme[];
}

/** The network table: its title and date, and the sources and themes it lists. */
function readNetworkTable(
  table: CsvTable,
  naming: TableNaming,
  rejected: RejectedRow[],
  warnings: string[],
): NetworkAbout | ImportIssue {
  const label = naming.name('netwerk');
  const columns = new Map<NetworkField, number>();
  table.header.forEach((raw, index) => {
    const heading = unguardFormula(raw).trim();
    const field = networkFieldFor(heading);
    if (field && !columns.has(field)) columns.set(field, index);
    else if (heading !== '')
      warnings.push(`${label}: kolom "${heading}" is onbekend en genegeerd.`);
  });
  if (!columns.has('record'))
    return {
      where: `${label}, kopregel`,
      message: 'mist de kolom "wat" (netwerk, bron of thema).',
      path: ['netwerk', 'header'],
    };
  const about: NetworkAbout = { sources: [], themes: [] };
  for (const row of table.rows) {
    const value = (field: NetworkField) => {
      const index = columns.get(field);
      const text = index === undefined ? '' : naming.cellText(row.cells[index] ?? '').trim();
      return text === '' ? undefined : text;
    };
    const reject = (reason: string) => rejected.push({ file: 'netwerk', row: row.line, reason });
    const record = networkRecordOf(value('record') ?? '');
    if (record === 'network') {
      about.title = value('title') ?? about.title;
      about.referenceDate = value('date') ?? about.referenceDate;
    } else if (record === 'source') {
      const year = value('year');
      const parsed = sourceSchema.safeParse(
        withoutEmpty({
          id: value('id'),
          title: value('title'),
          publisher: value('publisher'),
          year: year === undefined ? undefined : parseWholeNumber(year),
          url: value('url'),
          licence: value('licence'),
        }),
        { reportInput: true },
      );
      if (parsed.success) about.sources.push(withoutEmpty(parsed.data) as Source);
      else reject(`bron: ${schemaReason(parsed.error.issues, NETWORK_HEADINGS)}`);
    } else if (record === 'theme') {
      const parsed = themeSchema.safeParse(
        withoutEmpty({ id: value('id'), label: value('title'), description: value('description') }),
        { reportInput: true },
      );
      if (parsed.success) about.themes.push(withoutEmpty(parsed.data) as Theme);
      else reject(`thema: ${schemaReason(parsed.error.issues, NETWORK_HEADINGS)}`);
    } else reject(`kolom "wat" is "${value('record') ?? ''}"; verwacht netwerk, bron of thema.`);
  }
  return about;
}

const NETWORK_HEADINGS = new Map([
  ['label', 'titel'],
  ['title', 'titel'],
  ['url', 'webadres'],
  ['year', 'jaar'],
  ['publisher', 'uitgever'],
  ['licence', 'licentie'],
  ['description', 'omschrijving'],
]);

function withoutEmpty<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as T;
}

/** One CSV file, or two in either order: each goes to the table its header names. */
export function importCsvTexts(
  texts: readonly string[],
  options: ImportOptions = {},
): CsvImportResult {
  const files: CsvFiles = {};
  const problems: ImportIssue[] = [];
  texts.forEach((text, i) => {
    const table = detectCsvTable(text);
    // Of several files, none may be dropped without a word.
    const where = texts.length === 1 ? 'het bestand' : `bestand ${i + 1} van ${texts.length}`;
    if (!table) {
      const first = stripBom(text).split(/\r\n|\r|\n/, 1)[0] ?? '';
      problems.push({
        where,
        message: `is een CSV-bestand zonder herkenbare kopregel: verwacht kolommen "id" en "name" (organisaties) of "source" en "target" (relaties)${first.trim() ? `; de eerste regel is "${first.length > 80 ? `${first.slice(0, 80)}…` : first}"` : ''}.`,
        path: [],
      });
    } else if (files[table] !== undefined)
      problems.push({
        where,
        message: `bevat net als een ander bestand de tabel ${table === 'network' ? NETWORK_CSV_FILE_NAME : CSV_FILE_NAMES[table]}; kies elk bestand één keer.`,
        path: [],
      });
    else files[table] = text;
  });
  if (problems.length) return fail(problems, options.limits);
  return importCsv(files, options);
}

/** A zip as written by exportCsvZip (or any zip with one table of each kind). */
export function importCsvZip(data: Uint8Array, options: ImportOptions = {}): CsvImportResult {
  const { limits } = options;
  const { maxFileBytes } = readLimits(limits);
  const tooBig = checkFileSize(data.length, limits);
  if (tooBig) return tooBig;
  const zip = readZip(
    data,
    (name) => /\.(csv|txt)$/i.test(name) && !name.startsWith('__MACOSX/'),
    maxFileBytes,
  );
  if (!zip.ok) return fail([fileIssue(zip.message)], limits);
  const files: CsvFiles = {};
  const ignored: string[] = [];
  const encodings: string[] = [];
  for (const { name, bytes } of zip.entries) {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return fail([{ ...decoded.issue, where: name }], limits);
    const kind = detectCsvTable(decoded.text);
    if (kind && files[kind] === undefined) {
      files[kind] = decoded.text;
      if (decoded.warning) encodings.push(`${name}: ${decoded.warning}`);
    } else ignored.push(name);
  }
  if (!files.organisations && !files.relations)
    return fail(
      [
        fileIssue(
          `bevat geen ${CSV_FILE_NAMES.organisations} of ${CSV_FILE_NAMES.relations} met een herkenbare kopregel.`,
        ),
      ],
      limits,
    );
  const result = importCsv(files, options);
  if (result.ok) result.warnings.unshift(...encodings);
  if (result.ok && ignored.length)
    result.warnings.push(`Niet gelezen uit de zip: ${ignored.map((n) => `"${n}"`).join(', ')}.`);
  return result;
}
