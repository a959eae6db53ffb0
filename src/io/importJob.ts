import type { Network } from '../domain/network';
import { detectBinaryFormat, detectFormat } from './detectFormat';
import { FILE_FORMATS } from './formats';
import { fail, fileIssue, type ImportOptions, type ImportResult } from './importResult';

// What the user chose on the import page, as plain data: it crosses to the
// import worker and back by structured clone, and the worker keeps it so a
// change of defaults in the preview reads it again without sending it twice.

export type ImportInput =
  | { kind: 'text'; fileName: string; text: string }
  /** Two CSV files: organisations and relations, in either order. */
  | { kind: 'csvPair'; texts: string[] }
  /** A zip of CSV files. */
  | { kind: 'zip'; bytes: Uint8Array };

/**
 * Read the input with the reader of its format (loaded on first use). A CSV
 * holds organisations or relations, decided by its header; a relations CSV on
 * its own is read against `options.existing` and comes back `mergeOnly`.
 */
export async function runImport(input: ImportInput, options: ImportOptions): Promise<ImportResult> {
  switch (input.kind) {
    case 'zip':
      return (await FILE_FORMATS[detectBinaryFormat(input.bytes)].read())(input.bytes, options);
    case 'csvPair':
      return (await FILE_FORMATS.csv.read())(input.texts, options);
    case 'text': {
      const id = detectFormat(input.fileName, input.text);
      const format = id === undefined ? undefined : FILE_FORMATS[id];
      if (format === undefined || format.binary)
        return fail(
          [
            fileIssue(
              `"${input.fileName}" is geen bestand dat Netwerkkaart kent. Netwerkkaart leest JSON (uitwisselformaat of d3), CSV, GEXF en GraphML.`,
            ),
          ],
          options.limits,
        );
      return (await format.read())([input.text], options);
    }
  }
}

/**
 * The part of the current network a reader needs: all of it for CSV (a
 * relations file alone is read against its organisations), else only the
 * sources, so a big network is not copied to the worker for nothing.
 */
export function existingFor(input: ImportInput, current: Network): Network {
  // Two files or a zip are CSV; a text file says so by its content or name.
  const id =
    input.kind === 'text' ? detectFormat(input.fileName, input.text.slice(0, 65_536)) : 'csv';
  return id !== undefined && FILE_FORMATS[id].readsAgainstNetwork
    ? current
    : { title: current.title, sources: current.sources, organisations: [], relations: [] };
}
