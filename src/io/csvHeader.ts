import { unguardFormula } from './cellValues';
import { normaliseName, organisationFieldFor, relationFieldFor } from './fieldAliases';

// The first line of a CSV file: its byte-order mark, its separator, its header
// and the table that header names. Read by hand rather than with papaparse:
// format detection runs on the page before any reader is loaded, and a header
// line needs no more than quotes and separators.

export type CsvTableKind = 'organisations' | 'relations' | 'network';

/** The third file of a CSV export: title, date, sources and themes (tableRows.ts). */
export const NETWORK_CSV_FILE_NAME = 'netwerk.csv';

export const BOM = '\uFEFF';

export const stripBom = (text: string) => (text.startsWith(BOM) ? text.slice(1) : text);

/** Comma, semicolon or tab: whichever occurs most in the first line, outside quotes. */
export function detectSeparator(text: string): string {
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

const isBlankRecord = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * The cells of the first record that is not blank (a line of separators only,
 * as Excel leaves them, is blank). A quoted cell may hold separators, line
 * breaks and doubled quotes, as in RFC 4180.
 */
export function readHeader(text: string): string[] {
  const body = stripBom(text);
  const separator = detectSeparator(body);
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (body[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
      fieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      cells.push(cell);
      if (!isBlankRecord(cells)) return cells;
      if (ch === '\r' && body[i + 1] === '\n') i++;
      cells = [];
      cell = '';
      fieldStart = true;
    } else {
      cell += ch;
      fieldStart = false;
    }
  }
  cells.push(cell);
  return isBlankRecord(cells) ? [] : cells;
}

/** Which table a CSV holds, from its header: relations have a source and a target. */
export function detectCsvTable(text: string): CsvTableKind | undefined {
  return tableKindOfHeader(readHeader(text));
}

/** Which table a header names, in a CSV file or on a sheet of a workbook. */
export function tableKindOfHeader(cells: readonly string[]): CsvTableKind | undefined {
  const header = cells.map((h) => unguardFormula(h));
  // The network table's first column says what each row is ("wat"/"record").
  const first = normaliseName(header[0] ?? '');
  if (first === 'wat' || first === 'record') return 'network';
  const relationFields = new Set(header.map(relationFieldFor));
  if (relationFields.has('source') && relationFields.has('target')) return 'relations';
  const orgFields = new Set(header.map(organisationFieldFor));
  if (orgFields.has('id') || orgFields.has('name')) return 'organisations';
  return undefined;
}
