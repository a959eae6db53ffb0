import type { Network, Source } from '../domain/network';
import { FORMAT_NAME, FORMAT_VERSION } from './exchangeSchema';
import type { ImportIssue } from './importIssue';
import {
  importValue,
  type ImportFailure,
  type ImportFormat,
  type ImportOptions,
  type ImportSuccess,
} from './importNetwork';
import { checkFileSize } from './importNetwork';
import { IMPORT_LIMITS } from './limits';

// What every import from another tool returns, and the last step they share:
// the records they read become an exchange document that goes through the
// very same validation as a JSON import, so every rule holds for every format.

export type InteropFormat = ImportFormat | 'csv' | 'gexf' | 'graphml';

/** A CSV row that could not be read; the rest of the file is still imported. */
export interface RejectedRow {
  file: 'organisaties' | 'relaties';
  /** 1-based line in the file where the row starts (the header is line 1). */
  row: number;
  reason: string;
}

export interface InteropImportOptions extends ImportOptions {
  /**
   * The network in the app now. A CSV with relations only is read against its
   * organisations (and sources named by sourceId are looked up in it).
   */
  existing?: Network;
}

export interface InteropImportSuccess extends Omit<ImportSuccess, 'format'> {
  format: InteropFormat;
  /** CSV rows left out, to show (and confirm) before anything is stored. */
  rejectedRows?: RejectedRow[];
  /**
   * The file held relations only: `network` holds the current organisations
   * plus the new relations and is meant to be merged, not to replace.
   */
  mergeOnly?: boolean;
  /** Node positions the file carried (GEXF, GraphML), for a layout that looks like the source. */
  positions?: Map<string, { x: number; y: number }>;
}

export type InteropImportResult = InteropImportSuccess | ImportFailure;

export function failWith(errors: ImportIssue[]): ImportFailure {
  return {
    ok: false,
    errors: errors.slice(0, IMPORT_LIMITS.maxErrorsReported),
    totalErrors: errors.length,
  };
}

/** The size check on text; encodes only when the length alone cannot decide. */
export function textTooBig(...texts: (string | undefined)[]): ImportFailure | undefined {
  const chars = texts.reduce((n, t) => n + (t?.length ?? 0), 0);
  // UTF-8 needs at most three bytes per UTF-16 code unit.
  if (chars * 3 <= IMPORT_LIMITS.maxFileBytes) return undefined;
  const encoder = new TextEncoder();
  return checkFileSize(texts.reduce((n, t) => n + encoder.encode(t ?? '').length, 0));
}

export const fileIssue = (message: string): ImportIssue => ({
  where: 'het bestand',
  message,
  path: [],
});

/**
 * Sources for the sourceIds the records name: from the file if it carried
 * them, else from the current network, else a stand-in titled with the id
 * (with a warning), so a reference never fails an otherwise good import.
 */
export function resolveSources(
  records: readonly Record<string, unknown>[],
  carried: readonly Source[],
  existing: readonly Source[] | undefined,
  warnings: string[],
): Source[] {
  const byId = new Map<string, Source>();
  for (const source of carried) byId.set(source.id, source);
  const known = new Map((existing ?? []).map((s) => [s.id, s]));
  const standIns: string[] = [];
  for (const record of records) {
    const id = record.sourceId;
    if (typeof id !== 'string' || byId.has(id)) continue;
    const found = known.get(id);
    if (found) byId.set(id, found);
    else {
      byId.set(id, { id, title: id });
      standIns.push(id);
    }
  }
  if (standIns.length)
    warnings.push(
      `${standIns.length === 1 ? 'Bron' : 'Bronnen'} ${standIns.map((id) => `"${id}"`).join(', ')} ${standIns.length === 1 ? 'staat' : 'staan'} niet in het bestand; aangemaakt met de id als titel.`,
    );
  return [...byId.values()];
}

export interface BuiltNetwork {
  title?: string;
  sources: Source[];
  organisations: unknown[];
  relations: unknown[];
}

/** Validate what a format reader built, exactly as a v1 JSON import is validated. */
export function validateBuilt(
  built: BuiltNetwork,
  format: InteropFormat,
  extra: Partial<Omit<InteropImportSuccess, 'ok' | 'format' | 'network'>> & {
    warnings?: string[];
  },
): InteropImportResult {
  const result = importValue({
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    ...(built.title ? { title: built.title } : {}),
    sources: built.sources,
    organisations: built.organisations,
    relations: built.relations,
  });
  if (!result.ok) return result;
  return {
    ...result,
    ...extra,
    format,
    assumed: extra.assumed ?? result.assumed,
    warnings: [...(extra.warnings ?? []), ...result.warnings],
  };
}
