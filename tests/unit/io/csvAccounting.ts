import { sortNetwork, type Network } from '../../../src/domain/network';
import { relationKey } from '../../../src/domain/relation';
import type { ImportSuccess, RejectedRow } from '../../../src/io/importResult';

// What "the store never loses a row that the preview did not name" means for
// a CSV made from `network` and then damaged: every line of the damaged file
// that is still exactly a line of the original is either read (its record is
// in the result) or named by a rejected row that covers it.

const LINES = /\r\n|\r|\n/;

type Files = { organisations?: string; relations?: string };

function covered(rows: readonly RejectedRow[], file: RejectedRow['file'], line: number) {
  return rows.some((r) => r.file === file && r.row <= line && line <= (r.lastRow ?? r.row));
}

/** Lines lost without being named, as "organisaties.csv regel 12"; empty when none. */
export function unnamedLosses(
  network: Network,
  original: Required<Files>,
  damaged: Files,
  result: ImportSuccess,
): string[] {
  const sorted = sortNetwork(network);
  const rejected = result.rejectedRows ?? [];
  const lost: string[] = [];
  const check = (
    file: RejectedRow['file'],
    originalText: string,
    damagedText: string | undefined,
    keys: string[],
    stored: Set<string>,
  ) => {
    if (damagedText === undefined) return;
    // Original line text -> the record's key (the header is line 1).
    const keyOf = new Map<string, string>();
    originalText
      .replace(/^\uFEFF/, '')
      .split(LINES)
      .forEach((line, i) => {
        if (i > 0 && keys[i - 1] !== undefined) keyOf.set(line, keys[i - 1]!);
      });
    damagedText
      .replace(/^\uFEFF/, '')
      .split(LINES)
      .forEach((line, i) => {
        const key = keyOf.get(line);
        if (i === 0 || key === undefined) return;
        if (!stored.has(key) && !covered(rejected, file, i + 1))
          lost.push(`${file}.csv regel ${i + 1}`);
      });
  };
  check(
    'organisaties',
    original.organisations,
    damaged.organisations,
    sorted.organisations.map((o) => o.id),
    new Set(result.network.organisations.map((o) => o.id)),
  );
  check(
    'relaties',
    original.relations,
    damaged.relations,
    sorted.relations.map(relationKey),
    new Set(result.network.relations.map(relationKey)),
  );
  return lost;
}
