import { detectCsvTable, stripBom } from './csvHeader';
import { FILE_FORMAT_LIST, type FileFormat, type FileFormatId, type TextFormat } from './formats';

// Which format a file is, from what the format table says about each, and the
// import page's accept list. Apart from the table so the map, which imports
// the table, does not load the CSV header reader and the column names it
// needs, nor code only the import page runs.

/** For the file input: every extension and MIME type of the table. */
export function acceptList(formats: readonly FileFormat[] = FILE_FORMAT_LIST): string {
  const extensions = formats.flatMap((f) => f.extensions.map((e) => `.${e}`));
  // A MIME type in `accept` takes no parameters (text/csv, not text/csv;charset=utf-8).
  const types = formats.map((f) => f.mime.split(';')[0]!.trim());
  return [...new Set([...extensions, ...types])].join(',');
}

const extensionOf = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();

/** The format a file's name says, when exactly one format has its extension (.xml names none). */
export function formatOfName(
  fileName: string,
  formats: readonly FileFormat[] = FILE_FORMAT_LIST,
): FileFormat | undefined {
  const extension = extensionOf(fileName);
  if (extension === undefined) return undefined;
  const owners = formats.filter((f) => f.extensions.includes(extension));
  return owners.length === 1 ? owners[0] : undefined;
}

const TEXT_FORMATS = FILE_FORMAT_LIST.filter((f): f is TextFormat => !f.binary);

/** Past the XML declaration and comments, the first element names the dialect. */
function xmlRoot(start: string): string | undefined {
  return /<(?![?!])([\w.-]+:)?([\w.-]+)/.exec(start)?.[2]?.toLowerCase();
}

/**
 * The format of a text file: content that names its format decides (a JSON
 * object or list, a <gexf> or <graphml> root), else the file's name, else a
 * CSV header Netwerkkaart knows. Undefined when nothing says it is a format
 * Netwerkkaart reads (another XML dialect, say).
 */
export function detectFormat(fileName: string, text: string): FileFormatId | undefined {
  const start = stripBom(text).trimStart().slice(0, 4096);
  const byStart = TEXT_FORMATS.find(
    (f) => f.detect.by === 'start' && f.detect.chars.some((c) => start.startsWith(c)),
  );
  if (byStart) return byStart.id;
  if (start.startsWith('<')) {
    const root = xmlRoot(start);
    return TEXT_FORMATS.find((f) => f.detect.by === 'xmlRoot' && f.detect.root === root)?.id;
  }
  const byName = formatOfName(fileName, TEXT_FORMATS);
  if (byName) return byName.id;
  if (!detectCsvTable(text)) return undefined;
  return TEXT_FORMATS.find((f) => f.detect.by === 'csvHeader')?.id;
}

/**
 * Which zip a binary file is: a workbook (.xlsx is a zip whose directory names
 * xl/workbook.xml) or a zip of CSV files. The directory sits at the end, with
 * the names uncompressed, so the last stretch of bytes tells.
 */
export function detectBinaryFormat(bytes: Uint8Array): 'xlsx' | 'csvZip' {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1_048_576));
  const names = new TextDecoder('latin1').decode(tail);
  return names.includes('xl/workbook.xml') ? 'xlsx' : 'csvZip';
}
