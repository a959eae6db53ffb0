import Papa from 'papaparse';
import { BOM, detectSeparator, stripBom } from './csvHeader';
import type { ImportIssue, RejectedRow } from './importResult';

// CSV rows in and out, with nothing about what the columns mean: text to a
// header and rows that know their line in the file, and back to text that
// Dutch Excel opens correctly (BOM, CRLF, the chosen separator).

export type CsvSeparator = ',' | ';';

/** The file names an export writes, and a zip of tables is expected to hold. */
export const CSV_FILE_NAMES = {
  organisations: 'organisaties.csv',
  relations: 'relaties.csv',
} as const;

/** The word a message uses for a file: "organisaties.csv, regel 4". */
export type CsvFileWord = RejectedRow['file'];

const NEWLINE = '\r\n';

export interface CsvRow {
  /** 1-based line where the row starts (the header is on line 1, or later after blank lines). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  /** Rows that are not CSV at all (an unclosed quote); the rest is still read. */
  rejected: RejectedRow[];
  /** The cells of each line lost to a quote, split plainly, so relations to their ids can say why they fail. */
  lostLines: string[][];
}

export interface CsvTableOptions {
  /**
   * Whether a column, by its heading, may hold a line break inside quotes (a
   * description may; an id never does). A row that carries a line break
   * anywhere else was made by a stray quote that swallowed the lines after it.
   */
  allowsLineBreaks?: (heading: string) => boolean;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** A line of nothing but separators and white space holds no record (Excel leaves such lines). */
const isBlankLine = (line: string, separator: string) =>
  line.split(separator).join('').trim() === '';

/**
 * Whether a row that spans several lines was made by a stray quote rather
 * than being one record (a quoted description with a line break in it). The
 * signs: papaparse's own error, a count of fields other than the header's, a
 * line break in a column that has none, or a swallowed line that has as many
 * separators as a record.
 */
function swallowed(
  cells: readonly string[],
  header: readonly string[] | undefined,
  lines: readonly string[],
  separator: string,
  allowsLineBreaks: (heading: string) => boolean,
  parseError: boolean,
): boolean {
  // A heading may hold a line break; what the header is, the header is.
  if (!header) return false;
  if (parseError || cells.length !== header.length) return true;
  if (cells.some((cell, i) => LINE_BREAK.test(cell) && !allowsLineBreaks(header[i] ?? '')))
    return true;
  return lines.slice(1).some((line) => line.split(separator).length >= header.length);
}

export function readCsvTable(
  text: string,
  file: CsvFileWord,
  { allowsLineBreaks = () => true }: CsvTableOptions = {},
): CsvTable | ImportIssue {
  const body = stripBom(text);
  if (body.trim() === '')
    return {
      where: `${file}.csv`,
      message: 'is leeg; verwacht een kopregel en rijen.',
      path: [file],
    };
  const separator = detectSeparator(body);
  let header: string[] | undefined;
  const rows: CsvRow[] = [];
  const rejected: RejectedRow[] = [];
  const lostLines: string[][] = [];
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
    delimiter: separator,
    skipEmptyLines: false,
    step: (results) => {
      const cells = results.data;
      const line = lineAt(rowStart);
      // The row's own text, without the line break that ends it.
      const raw = body.slice(rowStart, results.meta.cursor).replace(/(\r\n|\r|\n)$/, '');
      rowStart = results.meta.cursor;
      const lines = raw.split(LINE_BREAK);
      const error = results.errors[0];
      if (
        lines.length > 1 &&
        swallowed(cells, header, lines, separator, allowsLineBreaks, error !== undefined)
      ) {
        const lastRow = line + lines.length - 1;
        const kept = lines.filter((l) => !isBlankLine(l, separator));
        const records = kept.length;
        for (const lost of kept) lostLines.push(lost.split(separator));
        rejected.push({
          file,
          row: line,
          lastRow,
          records,
          reason:
            error?.code === 'MissingQuotes'
              ? `een aanhalingsteken (") op regel ${line} wordt nooit gesloten, zodat de rest van het bestand (${records} regels) als één rij is gelezen. Geen van die regels wordt ingelezen. Staat er op regel ${line} een " te veel?`
              : `een aanhalingsteken (") op regel ${line} opent een veld dat pas op regel ${lastRow} sluit, zodat ${records} regels als één rij zijn gelezen. Geen van die regels wordt ingelezen. Staat er op regel ${line} een " te veel?`,
        });
        return;
      }
      if (error) {
        lostLines.push(raw.split(separator));
        rejected.push({ file, row: line, reason: csvErrorReason(error.code, error.message) });
        return;
      }
      // Empty lines, and lines of separators only as Excel leaves them.
      if (cells.every((c) => c.trim() === '')) return;
      if (!header) header = cells;
      else rows.push({ line, cells });
    },
  });
  if (!header) return { where: `${file}.csv`, message: 'heeft geen kopregel.', path: [file] };
  return { header, rows, rejected, lostLines };
}

function csvErrorReason(code: string, detail: string): string {
  switch (code) {
    case 'MissingQuotes':
      return 'een aanhalingsteken (") wordt niet gesloten.';
    case 'InvalidQuotes':
      return 'na een veld tussen aanhalingstekens staat nog tekst vóór het volgende scheidingsteken; staat er een " te veel of te weinig?';
    default:
      return `de rij is geen geldige CSV (${detail}).`;
  }
}

/** Cells as they are (the caller formats and guards them), with a BOM so Excel reads the accents right. */
export function writeCsvTable(
  header: readonly string[],
  rows: readonly string[][],
  separator: CsvSeparator,
): string {
  // Formula guarding is the caller's; papaparse's own escapeFormulae would not round-trip.
  const text = Papa.unparse(
    { fields: [...header], data: rows as string[][] },
    { delimiter: separator, newline: NEWLINE, quotes: false, escapeFormulae: false },
  );
  return `${BOM}${text}${NEWLINE}`;
}
