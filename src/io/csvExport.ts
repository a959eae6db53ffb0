import { strToU8, zipSync } from 'fflate';
import type { Network } from '../domain/network';
import { cellNumber, guardFormula } from './cellValues';
import { CSV_FILE_NAMES, writeCsvTable, type CsvSeparator } from './csvTable';
import { NETWORK_CSV_FILE_NAME } from './csvHeader';
import type { FormatWriter } from './formats';
import { networkTables, type Cell, type Table, type TableOptions } from './tableRows';

// CSV for Excel and friends: organisations, relations and the network itself
// (title, date, sources, themes) as three tables, written the way Dutch Excel
// opens them (semicolons, decimal commas) and, on request, with Dutch column
// names and words.

export interface CsvExportOptions extends TableOptions {
  separator: CsvSeparator;
}

function cell(value: Cell, separator: CsvSeparator): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return cellNumber(value, separator);
  return guardFormula(value);
}

const csvText = (table: Table, separator: CsvSeparator) =>
  writeCsvTable(
    table.header,
    table.rows.map((row) => row.map((value) => cell(value, separator))),
    separator,
  );

/** The three tables, UTF-8 text with a byte-order mark so Excel reads the accents right. */
export function exportCsv(
  network: Network,
  options: CsvExportOptions,
): { organisations: string; relations: string; network: string } {
  const tables = networkTables(network, options);
  return {
    organisations: csvText(tables.organisations, options.separator),
    relations: csvText(tables.relations, options.separator),
    network: csvText(tables.network, options.separator),
  };
}

/** The tables as the files of an export, named as a zip holds them. */
export function exportCsvFiles(
  network: Network,
  options: CsvExportOptions,
): { part: string; data: string }[] {
  const { organisations, relations, network: about } = exportCsv(network, options);
  return [
    { part: CSV_FILE_NAMES.organisations, data: organisations },
    { part: CSV_FILE_NAMES.relations, data: relations },
    { part: NETWORK_CSV_FILE_NAME, data: about },
  ];
}

/** One zip holding organisaties.csv, relaties.csv and netwerk.csv. */
export function exportCsvZip(network: Network, options: CsvExportOptions): Uint8Array {
  const { organisations, relations, network: about } = exportCsv(network, options);
  return zipSync({
    [CSV_FILE_NAMES.organisations]: strToU8(organisations),
    [CSV_FILE_NAMES.relations]: strToU8(relations),
    [NETWORK_CSV_FILE_NAME]: strToU8(about),
  });
}

/** The format table's writers: Dutch headers and words, a semicolon unless asked otherwise. */
export const csvZipWriter: FormatWriter = (network, { separator = ';', view }) => [
  { data: exportCsvZip(network, { separator, dutch: true, positions: view?.().positions }) },
];
export const csvFilesWriter: FormatWriter = (network, { separator = ';', view }) =>
  exportCsvFiles(network, { separator, dutch: true, positions: view?.().positions });
