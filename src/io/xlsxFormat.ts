import ExcelJS from 'exceljs';
import type { Network } from '../domain/network';
import type { CsvTable } from './csvTable';
import { importTables, type CsvImportResult, type TableNaming, type Tables } from './csvImport';
import { tableKindOfHeader, type CsvTableKind } from './csvHeader';
import type { FormatWriter } from './formats';
import { checkFileSize, fail, fileIssue, type ImportOptions } from './importResult';
import { networkTables, type Table, type TableOptions } from './tableRows';

// An Excel workbook (.xlsx) with a sheet for organisations, one for relations
// and one for the network itself: the same tables as the CSV export, with
// numbers as numbers and no formula guard (a workbook stores text as text, so
// "=SOM(A1)" in a name stays a name). Read back through the CSV reader's
// table logic, so both forgive the same things and report rows alike.
// exceljs is large: this module loads only when a workbook is written or read.

const SHEETS: Record<CsvTableKind, string> = {
  organisations: 'Organisaties',
  relations: 'Relaties',
  network: 'Netwerk',
};

const XLSX_NAMING: TableNaming = {
  format: 'xlsx',
  name: (file) => `blad ${file.charAt(0).toUpperCase()}${file.slice(1)}`,
  // A workbook stores text as text: no apostrophe was added, so none comes off.
  cellText: (text) => text,
};

function addSheet(workbook: ExcelJS.Workbook, name: string, table: Table) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => (cell === undefined ? null : cell)));
  // Wide enough to read, narrow enough to see several columns.
  sheet.columns.forEach((column, index) => {
    const longest = Math.max(
      table.header[index]?.length ?? 0,
      ...table.rows.slice(0, 200).map((r) => String(r[index] ?? '').length),
    );
    column.width = Math.min(60, Math.max(8, longest + 2));
  });
}

/** The network as a workbook, with Dutch column names and words as the CSV for Excel has them. */
export async function exportXlsx(
  network: Network,
  options: TableOptions = {},
): Promise<Uint8Array> {
  const tables = networkTables(network, { dutch: true, ...options });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Netwerkkaart';
  workbook.title = network.title;
  addSheet(workbook, SHEETS.organisations, tables.organisations);
  addSheet(workbook, SHEETS.relations, tables.relations);
  addSheet(workbook, SHEETS.network, tables.network);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a CSV cell would hold. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A date someone typed: the day it names, as the exchange format writes dates.
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}

function sheetTable(sheet: ExcelJS.Worksheet): CsvTable | undefined {
  let header: string[] | undefined;
  const rows: CsvTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    // row.values is 1-based: index 0 is empty.
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    const cells = values.map(cellText);
    if (cells.every((c) => c.trim() === '')) return;
    if (!header) header = cells;
    else rows.push({ line: row.number, cells });
  });
  if (!header) return undefined;
  const width = header.length;
  // Trailing empty cells are left out of a row; the CSV reader expects the header's width.
  for (const row of rows) while (row.cells.length < width) row.cells.push('');
  return { header, rows, rejected: [], lostLines: [] };
}

/** A workbook: each sheet goes to the table its header (or its name) says. */
export async function importXlsx(
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<CsvImportResult> {
  const tooBig = checkFileSize(bytes.length, options.limits);
  if (tooBig) return tooBig;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as never,
    );
  } catch {
    return fail(
      [
        fileIssue(
          'is geen leesbare Excel-werkmap (.xlsx). Sla het bestand in Excel of LibreOffice op als "Excel-werkmap" en probeer het opnieuw.',
        ),
      ],
      options.limits,
    );
  }
  const tables: Tables = {};
  const ignored: string[] = [];
  for (const sheet of workbook.worksheets) {
    const table = sheetTable(sheet);
    if (!table) continue;
    const kind =
      tableKindOfHeader(table.header) ??
      (Object.keys(SHEETS) as CsvTableKind[]).find(
        (k) => SHEETS[k].toLowerCase() === sheet.name.trim().toLowerCase(),
      );
    if (kind && tables[kind] === undefined) tables[kind] = table;
    else ignored.push(sheet.name);
  }
  if (!tables.organisations && !tables.relations)
    return fail(
      [
        fileIssue(
          `bevat geen blad met organisaties of relaties: verwacht een blad met de kolommen "id" en "naam", of "van" en "naar".`,
        ),
      ],
      options.limits,
    );
  const result = importTables(tables, options, XLSX_NAMING);
  if (result.ok && ignored.length)
    result.warnings.push(
      `Niet gelezen uit de werkmap: ${ignored.map((n) => `blad "${n}"`).join(', ')}.`,
    );
  return result;
}

/** The format table's writer. */
export const xlsxWriter: FormatWriter = async (network, { view }) => [
  { data: await exportXlsx(network, { positions: view?.().positions }) },
];
