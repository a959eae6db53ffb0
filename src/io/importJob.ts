import type { Network } from '../domain/network';
import { detectBinaryFormat, detectFormat, formatOfName } from './detectFormat';
import { FILE_FORMATS, type FileFormatId } from './formats';
import { fail, fileIssue, type ImportOptions, type ImportResult } from './importResult';
import { decodeText, peekText } from './textDecoding';

// What the user chose on the import page, as plain data: it crosses to the
// import worker and back by structured clone, and the worker keeps it so a
// change of defaults in the preview reads it again without sending it twice.

export interface NamedBytes {
  fileName: string;
  bytes: Uint8Array;
}

export type ImportInput =
  /** Text already decoded (tests; a paste). */
  | { kind: 'text'; fileName: string; text: string }
  /** One file as chosen, as bytes: decoded here, in the worker (textDecoding.ts); a .zip is a zip. */
  | ({ kind: 'file' } & NamedBytes)
  /** Two CSV files: organisations and relations, in either order. */
  | { kind: 'csvPair'; texts: string[] }
  /** Two CSV files as chosen, as bytes. */
  | { kind: 'csvFiles'; files: NamedBytes[] }
  /** A zip of CSV files. */
  | { kind: 'zip'; bytes: Uint8Array };

const withWarning = (result: ImportResult, warnings: (string | undefined)[]): ImportResult => {
  if (result.ok) result.warnings.unshift(...warnings.filter((w): w is string => w !== undefined));
  return result;
};

function decoded(file: NamedBytes, named: boolean) {
  const result = decodeText(file.bytes);
  if (result.ok || !named) return result;
  return { ...result, issue: { ...result.issue, where: file.fileName } };
}

/**
 * Read the input with the reader of its format (loaded on first use). A CSV
 * holds organisations or relations, decided by its header; a relations CSV on
 * its own is read against `options.existing` and comes back `mergeOnly`.
 */
export async function runImport(input: ImportInput, options: ImportOptions): Promise<ImportResult> {
  switch (input.kind) {
    case 'zip':
      return (await FILE_FORMATS[detectBinaryFormat(input.bytes)].read())(input.bytes, options);
    case 'file': {
      // A zip is a workbook or zipped CSV tables: told apart by what it holds.
      if (formatOfName(input.fileName)?.binary)
        return (await FILE_FORMATS[detectBinaryFormat(input.bytes)].read())(input.bytes, options);
      const text = decoded(input, false);
      if (!text.ok) return fail([text.issue], options.limits);
      const result = await runImport(
        { kind: 'text', fileName: input.fileName, text: text.text },
        options,
      );
      return withWarning(result, [text.warning]);
    }
    case 'csvFiles': {
      const texts: string[] = [];
      const warnings: (string | undefined)[] = [];
      for (const file of input.files) {
        const text = decoded(file, true);
        if (!text.ok) return fail([text.issue], options.limits);
        texts.push(text.text);
        warnings.push(text.warning && `${file.fileName}: ${text.warning}`);
      }
      return withWarning(await runImport({ kind: 'csvPair', texts }, options), warnings);
    }
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
  let id: FileFormatId | undefined = 'csv';
  if (input.kind === 'text') id = detectFormat(input.fileName, input.text.slice(0, 65_536));
  else if (input.kind === 'file')
    id = formatOfName(input.fileName)?.binary
      ? 'csvZip'
      : detectFormat(input.fileName, peekText(input.bytes));
  return id !== undefined && FILE_FORMATS[id].readsAgainstNetwork
    ? current
    : { title: current.title, sources: current.sources, organisations: [], relations: [] };
}
