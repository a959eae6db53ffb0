import type { Network } from '../domain/network';
import { detectCsvTable, importCsv, importCsvZip } from './csvFormat';
import { detectFormat, importText } from './importFile';
import type { InteropImportOptions, InteropImportResult } from './interopResult';

// What the user chose on the import page, as plain data: it crosses to the
// import worker and back by structured clone, and the worker keeps it so a
// change of defaults in the preview reads it again without sending it twice.

export type ImportInput =
  | { kind: 'text'; fileName: string; text: string }
  /** Two CSV files: organisations and relations, in either order. */
  | { kind: 'csvPair'; texts: string[] }
  /** A zip of CSV files. */
  | { kind: 'zip'; bytes: Uint8Array };

export function runImport(input: ImportInput, options: InteropImportOptions): InteropImportResult {
  switch (input.kind) {
    case 'zip':
      return importCsvZip(input.bytes, options);
    case 'csvPair': {
      const tables: { organisations?: string; relations?: string } = {};
      for (const text of input.texts) {
        const table = detectCsvTable(text);
        if (table) tables[table] = text;
      }
      return importCsv(tables, options);
    }
    case 'text':
      return importText(input.fileName, input.text, options);
  }
}

/**
 * The part of the current network a reader needs: all of it for CSV (a
 * relations file alone is read against its organisations), else only the
 * sources, so a big network is not copied to the worker for nothing.
 */
export function existingFor(input: ImportInput, current: Network): Network {
  const csv =
    input.kind !== 'text' || detectFormat(input.fileName, input.text.slice(0, 65_536)) === 'csv';
  return csv
    ? current
    : { title: current.title, sources: current.sources, organisations: [], relations: [] };
}
