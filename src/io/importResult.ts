import type { Network } from '../domain/network';
import { showNonXmlChars } from '../domain/xmlText';
import type { OrganisationKind } from '../domain/organisation';
import type { RelationType } from '../domain/relation';
import type { NodePositions } from './positions';
import { formatBytes, readLimits, type ReadLimits } from './limits';
import type { TextPosition } from './textPosition';

// What every reader returns, whatever the format, and the issues it reports.
// The preview shows one result shape, so it does not care where data came from.

/** One thing wrong with an import, located so a person can find and fix it. */
export interface ImportIssue {
  /** Where, in words: "organisatie 4 (id "GM0513"), veld "population"". */
  where: string;
  message: string;
  /** Machine-readable location, for tests and highlighting. */
  path: (string | number)[];
  /** Where in the file's text a parse error is (the file itself could not be read). */
  position?: TextPosition;
}

/** The shape a reader found: JSON holds the exchange format or the d3 shape. */
export type ImportFormat = 'netwerkkaart-v1' | 'd3' | 'csv' | 'xlsx' | 'gexf' | 'graphml';

/** A CSV row that could not be read; the rest of the file is still imported. */
export interface RejectedRow {
  /** The table: a CSV file (organisaties.csv) or a sheet of a workbook. */
  file: 'organisaties' | 'relaties' | 'netwerk';
  /** 1-based line in the file where the row starts (the header is line 1). */
  row: number;
  /**
   * The last line, when a quote made many lines one row (or the rest of the
   * file): every line from `row` to here is lost, and the preview says so.
   */
  lastRow?: number;
  /** How many records (lines that are not blank) are lost with it; 1 when absent. */
  records?: number;
  reason: string;
}

/** The records a preview must say are lost: one per rejected row, more for a row of many lines. */
export const lostRecords = (rows: readonly RejectedRow[]): number =>
  rows.reduce((n, r) => n + (r.records ?? 1), 0);

/** "regel 8" or "regel 8 tot en met 344". */
export const rejectedLines = (r: RejectedRow): string =>
  r.lastRow === undefined || r.lastRow === r.row
    ? `regel ${r.row}`
    : `regel ${r.row} tot en met ${r.lastRow}`;

export interface ImportOptions {
  /** Kind for records that carry none; shown in the preview, never applied silently. */
  defaultKind?: OrganisationKind;
  /** Relation type for records that carry none. */
  defaultType?: RelationType;
  /**
   * The network in the app now. A CSV with relations only is read against its
   * organisations, and sources named by a sourceId are looked up in it.
   */
  existing?: Network;
  /** Lower limits than IMPORT_LIMITS (tests). */
  limits?: Partial<ReadLimits>;
}

/** A kind or type value the vocabulary does not know, replaced by the default the preview names. */
export interface UnmappedValue {
  field: 'kind' | 'type';
  value: string;
  /** How many records had it. */
  count: number;
}

export interface ImportSuccess {
  ok: true;
  format: ImportFormat;
  network: Network;
  warnings: string[];
  /** Records that got a default kind or type, for the preview to ask about. */
  assumed: { kinds: number; types: number };
  /** Of those, the values that were given but not understood ("Provincie"), to name in the preview. */
  unmapped?: UnmappedValue[];
  /** CSV rows left out, to show (and confirm) before anything is stored. */
  rejectedRows?: RejectedRow[];
  /**
   * The file held relations only: `network` holds the current organisations
   * plus the new relations and is meant to be merged, not to replace.
   */
  mergeOnly?: boolean;
  /**
   * Node positions the file carried (every format can), for a layout that
   * looks like the source: finite numbers in the map's orientation (y
   * downwards), only for organisations in `network`, and absent when the file
   * had none. A replacing import stores them as the saved layout.
   */
  positions?: NodePositions;
}

export interface ImportFailure {
  ok: false;
  /** At most `limits.maxErrorsReported` of the errors. */
  errors: ImportIssue[];
  /** All errors found. */
  totalErrors: number;
}

export type ImportResult = ImportSuccess | ImportFailure;

export function fail(errors: ImportIssue[], limits?: Partial<ReadLimits>): ImportFailure {
  return {
    ok: false,
    errors: errors.slice(0, readLimits(limits).maxErrorsReported),
    totalErrors: errors.length,
  };
}

export const fileIssue = (message: string): ImportIssue => ({
  where: 'het bestand',
  message,
  path: [],
});

export function checkFileSize(
  bytes: number,
  limits?: Partial<ReadLimits>,
): ImportFailure | undefined {
  const { maxFileBytes } = readLimits(limits);
  if (bytes <= maxFileBytes) return undefined;
  return fail(
    [
      fileIssue(
        `is ${formatBytes(bytes)} groot; Netwerkkaart leest bestanden tot ${formatBytes(maxFileBytes)}.`,
      ),
    ],
    limits,
  );
}

/** The size check on text; encodes only when the length alone cannot decide. */
export function textTooBig(
  texts: readonly (string | undefined)[],
  limits?: Partial<ReadLimits>,
): ImportFailure | undefined {
  const chars = texts.reduce((n, t) => n + (t?.length ?? 0), 0);
  // UTF-8 needs at most three bytes per UTF-16 code unit.
  if (chars * 3 <= readLimits(limits).maxFileBytes) return undefined;
  const encoder = new TextEncoder();
  return checkFileSize(
    texts.reduce((n, t) => n + encoder.encode(t ?? '').length, 0),
    limits,
  );
}

const COLLECTION_WORDS: Record<string, string> = {
  organisations: 'organisatie',
  relations: 'relatie',
  sources: 'bron',
  themes: 'thema',
  nodes: 'knoop',
  links: 'verbinding',
};

function recordLabel(record: unknown): string {
  if (record && typeof record === 'object') {
    const r = record as Record<string, unknown>;
    if (typeof r.id === 'string' || typeof r.id === 'number') return ` (id "${String(r.id)}")`;
    const src = r.source;
    const tgt = r.target;
    if (
      (typeof src === 'string' || typeof src === 'number') &&
      (typeof tgt === 'string' || typeof tgt === 'number')
    )
      return ` (${String(src)} → ${String(tgt)})`;
  }
  return '';
}

/** Describe a path into the document in Dutch, with 1-based record numbers and the record's id. */
export function describePath(path: readonly PropertyKey[], root: unknown): string {
  if (path.length === 0) return 'het bestand';
  const [collection, index, ...rest] = path;
  const word = typeof collection === 'string' ? COLLECTION_WORDS[collection] : undefined;
  if (word && typeof index === 'number') {
    const list = (root as Record<string, unknown> | null)?.[collection as string];
    const record = Array.isArray(list) ? list[index] : undefined;
    const field = rest.length ? `, veld "${rest.map(String).join('.')}"` : '';
    return `${word} ${index + 1}${recordLabel(record)}${field}`;
  }
  return `veld "${path.map(String).join('.')}"`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'niets';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    // A control character is invisible: show it as ⟨U+0008⟩.
    return `"${showNonXmlChars(shown)}"`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'een lijst';
  return 'een object';
}
