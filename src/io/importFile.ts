import { detectCsvTable, importCsv } from './csvFormat';
import { importGexf } from './gexfFormat';
import { importGraphml } from './graphmlFormat';
import { importJsonText } from './importNetwork';
import {
  failWith,
  fileIssue,
  type InteropImportOptions,
  type InteropImportResult,
} from './interopResult';

// One entry for every file the user drops on the import page: which format
// it is, and the reader for it. All readers end in the same validation and
// return the same result, so the preview does not care where data came from.

export type FileFormat = 'json' | 'csv' | 'gexf' | 'graphml';

const EXTENSIONS: Record<string, FileFormat> = {
  json: 'json',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  gexf: 'gexf',
  graphml: 'graphml',
};

/**
 * The format of a file: the content decides where it is unambiguous (a JSON
 * object, a <gexf> or <graphml> root), else the extension. Undefined when
 * neither says anything Netwerkkaart reads (another XML dialect, say).
 */
export function detectFormat(fileName: string, text: string): FileFormat | undefined {
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (start.startsWith('<')) {
    // Past the XML declaration and comments, the first element names the dialect.
    const root = /<(?![?!])([\w.-]+:)?([\w.-]+)/.exec(start)?.[2]?.toLowerCase();
    if (root === 'gexf') return 'gexf';
    if (root === 'graphml') return 'graphml';
    return undefined;
  }
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const byName = extension ? EXTENSIONS[extension] : undefined;
  if (byName === 'csv' || byName === undefined) return detectCsvTable(text) ? 'csv' : byName;
  return byName;
}

/**
 * Read one file. A CSV holds organisations or relations, decided by its
 * header; a relations CSV on its own is read against `options.existing` and
 * comes back `mergeOnly`.
 */
export function importText(
  fileName: string,
  text: string,
  options: InteropImportOptions = {},
): InteropImportResult {
  const format = detectFormat(fileName, text);
  switch (format) {
    case 'json':
      return importJsonText(text, options);
    case 'gexf':
      return importGexf(text, options);
    case 'graphml':
      return importGraphml(text, options);
    case 'csv': {
      const table = detectCsvTable(text);
      if (!table)
        return failWith([
          fileIssue(
            'is een CSV-bestand zonder herkenbare kopregel: verwacht kolommen "id" en "name" (organisaties) of "source" en "target" (relaties).',
          ),
        ]);
      return importCsv({ [table]: text }, options);
    }
    default:
      return failWith([
        fileIssue(
          `"${fileName}" is geen bestand dat Netwerkkaart kent. Netwerkkaart leest JSON (uitwisselformaat of d3), CSV, GEXF en GraphML.`,
        ),
      ]);
  }
}
