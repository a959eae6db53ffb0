import type { Network } from '../domain/network';
import type { CsvSeparator } from './csvTable';
import { exchangeJson, exportFileName } from './exportNetwork';
import type { ExportView } from './exportView';
import type { ImportOptions, ImportResult } from './importResult';

// Every file format Netwerkkaart reads and writes, described once: the import
// page takes its accept list, its labels and its detection from here, and the
// export menu its buttons, file names and MIME types. The map imports this
// table, so it holds no code of its own weight: readers and writers load on
// first use (papaparse, fflate, graphology and xmldom are most of theirs), and
// detection is described as data that detectFormat.ts reads, so the CSV
// header reader and its column names stay on the import page.

/** What in a file's content says it is this format. */
export type Detect =
  /** The first character after a BOM and white space: `{` or `[` for JSON. */
  | { by: 'start'; chars: readonly string[] }
  /** The root element of an XML document (content that starts with `<`). */
  | { by: 'xmlRoot'; root: string }
  /** A header line that names columns Netwerkkaart knows; weaker than the file's name. */
  | { by: 'csvHeader' }
  /** Nothing in the content: a binary file, known by its name (a zip). */
  | { by: 'name' };

export type TextReader = (texts: readonly string[], options: ImportOptions) => ImportResult;
/** A workbook reads asynchronously (its library unzips with promises). */
export type BytesReader = (
  bytes: Uint8Array,
  options: ImportOptions,
) => ImportResult | Promise<ImportResult>;

export interface ExportOptions {
  /** CSV: the cell separator; a semicolon, as Dutch Excel expects, when not given. */
  separator?: CsvSeparator;
  /** How the network looks (positions for every format; colours and sizes for GEXF and GraphML). */
  view?: () => ExportView;
  now?: Date;
}

/** One file a writer produces; `part` names it beside the others of one export. */
export interface WrittenPart {
  part?: string;
  data: string | Uint8Array;
}

export type FormatWriter = (
  network: Network,
  options: ExportOptions,
) => WrittenPart[] | Promise<WrittenPart[]>;

interface FormatBase<Id extends string> {
  id: Id;
  /** Dutch, on the export button. */
  label: string;
  /** Lower case, without the dot; an export gets the first. */
  extensions: readonly string[];
  /** Of a written file; the import's accept list offers it too. */
  mime: string;
  /** A CSV of relations alone is read against the organisations in the app. */
  readsAgainstNetwork: boolean;
  /** Loads the writer. */
  write(): Promise<FormatWriter>;
  /** false: the import worker does not load the reader before a file of this format comes. */
  preload?: boolean;
}

export interface TextFormat<Id extends string = FileFormatId> extends FormatBase<Id> {
  binary: false;
  detect: Exclude<Detect, { by: 'name' }>;
  /** Loads the reader. It reads one file's text; only CSV reads two (organisations and relations). */
  read(): Promise<TextReader>;
}

export interface BinaryFormat<Id extends string = FileFormatId> extends FormatBase<Id> {
  binary: true;
  detect: { by: 'name' };
  read(): Promise<BytesReader>;
}

export type FileFormat = TextFormat | BinaryFormat;

const FILE_FORMAT_IDS = ['json', 'xlsx', 'csvZip', 'csv', 'gexf', 'graphml'] as const;
export type FileFormatId = (typeof FILE_FORMAT_IDS)[number];

// One loader per module, so the bundler emits one preload wrapper for each;
// each module holds its own reader and writer in the shape the table gives.
const jsonReader = () => import('./importNetwork');
const csvReader = () => import('./csvImport');
const csvWriter = () => import('./csvExport');
const gexfModule = () => import('./gexfFormat');
const xlsxModule = () => import('./xlsxFormat');
const graphmlModule = () => import('./graphmlFormat');

const json: TextFormat<'json'> = {
  id: 'json',
  label: 'JSON (Netwerkkaart)',
  extensions: ['json'],
  mime: 'application/json',
  binary: false,
  readsAgainstNetwork: false,
  detect: { by: 'start', chars: ['{', '['] },
  read: async () => (await jsonReader()).jsonTextReader,
  // Positions always go along when there are any: they are optional fields, so
  // every reader of version 1 takes the file, and one button does for all.
  // The JSON writer is part of the app's start anyway (snapshots are exchange documents).
  write: async () => (network, options) => [
    { data: exchangeJson(network, options.now, options.view?.().positions) },
  ],
};

const xlsx: BinaryFormat<'xlsx'> = {
  id: 'xlsx',
  label: 'Excel-werkmap (.xlsx)',
  extensions: ['xlsx'],
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  binary: true,
  readsAgainstNetwork: true,
  detect: { by: 'name' },
  // Preloading would fetch a megabyte few visits need: the workbook reader loads when a workbook comes.
  preload: false,
  read: async () => (await xlsxModule()).importXlsx,
  write: async () => (await xlsxModule()).xlsxWriter,
};

const csvZip: BinaryFormat<'csvZip'> = {
  id: 'csvZip',
  label: 'CSV voor Excel (zip)',
  extensions: ['zip'],
  mime: 'application/zip',
  binary: true,
  readsAgainstNetwork: true,
  detect: { by: 'name' },
  read: async () => (await csvReader()).importCsvZip,
  write: async () => (await csvWriter()).csvZipWriter,
};

const csv: TextFormat<'csv'> = {
  id: 'csv',
  label: 'CSV voor Excel (losse bestanden)',
  extensions: ['csv', 'tsv', 'txt'],
  mime: 'text/csv;charset=utf-8',
  binary: false,
  readsAgainstNetwork: true,
  detect: { by: 'csvHeader' },
  read: async () => (await csvReader()).importCsvTexts,
  write: async () => (await csvWriter()).csvFilesWriter,
};

const gexf: TextFormat<'gexf'> = {
  id: 'gexf',
  label: 'GEXF (Gephi)',
  extensions: ['gexf', 'xml'],
  mime: 'application/gexf+xml',
  binary: false,
  readsAgainstNetwork: false,
  detect: { by: 'xmlRoot', root: 'gexf' },
  read: async () => (await gexfModule()).gexfReader,
  write: async () => (await gexfModule()).gexfWriter,
};

const graphml: TextFormat<'graphml'> = {
  id: 'graphml',
  label: 'GraphML',
  extensions: ['graphml', 'xml'],
  mime: 'application/graphml+xml',
  binary: false,
  readsAgainstNetwork: false,
  detect: { by: 'xmlRoot', root: 'graphml' },
  read: async () => (await graphmlModule()).graphmlReader,
  write: async () => (await graphmlModule()).graphmlWriter,
};

/** In the order the export menu shows them. */
export const FILE_FORMATS = { json, xlsx, csvZip, csv, gexf, graphml } as const satisfies Record<
  FileFormatId,
  FileFormat
>;

export const FILE_FORMAT_LIST: readonly FileFormat[] = FILE_FORMAT_IDS.map(
  (id) => FILE_FORMATS[id],
);

/** One file of an export, ready to be offered for download. */
export interface ExportedFile {
  name: string;
  data: string | Uint8Array;
  mime: string;
}

/**
 * The network in `format`, as files named netwerkkaart-YYYY-MM-DD(-suffix).ext;
 * a format that writes several files adds each one's part to the name.
 */
export async function exportFiles(
  format: FileFormat,
  network: Network,
  options: ExportOptions & { suffix?: string } = {},
): Promise<ExportedFile[]> {
  const write = await format.write();
  const now = options.now ?? new Date();
  const extension = format.extensions[0]!;
  const name = exportFileName(now, options.suffix, extension);
  const base = name.slice(0, -(extension.length + 1));
  return (await write(network, { ...options, now })).map(({ part, data }) => ({
    name: part === undefined ? name : `${base}-${part}`,
    data,
    mime: format.mime,
  }));
}
