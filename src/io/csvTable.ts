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
}

export function readCsvTable(text: string, file: CsvFileWord): CsvTable | ImportIssue {
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
