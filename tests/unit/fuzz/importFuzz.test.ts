import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { relationKey } from '../../../src/domain/relation';
import { exportCsv, exportCsvZip } from '../../../src/io/csvExport';
import { exchangeJson } from '../../../src/io/exportNetwork';
import { exportGexf } from '../../../src/io/gexfFormat';
import { exportGraphml } from '../../../src/io/graphmlFormat';
import { runImport, type ImportInput } from '../../../src/io/importJob';
import type { ImportResult } from '../../../src/io/importResult';
import { findJsonError } from '../../../src/io/jsonRead';
import { parseXmlDocument } from '../../../src/io/xmlDocument';
import { NetwerkkaartDB } from '../../../src/storage/db';
import { readNetwork, readNetworkMeta, replaceNetwork } from '../../../src/storage/repository';
import { timedAsync } from '../cpuTime';
import { unnamedLosses } from '../io/csvAccounting';

// Property-based fuzzing of every import format (issue #19). Each case takes
// a part of the national data, writes it with the app's own writers (JSON,
// CSV, a CSV zip, GEXF, GraphML), damages it (byte flips, truncations,
// deleted, duplicated or swapped lines, stray quotes, control characters,
// swapped tags) and reads it through the worker's import path. Either the
// file is refused with a located Dutch message and the store is unchanged,
// or it is accepted, stored with the repository's replace, and the store
// holds exactly what the preview counted; for CSV no line of the original is
// lost without the preview naming it.
//
// The unit run uses FUZZ_RUNS cases per format (default 250, with three times
// as many for the JSON scanner: 2 000 cases) with a fixed seed; `npm run fuzz`
// runs 3 000 per format with a new seed each time (FUZZ_SEED=n repeats one).

const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const SEED = process.env.FUZZ_SEED === undefined ? 19 : Number(process.env.FUZZ_SEED);
const SETTINGS = { numRuns: RUNS, ...(Number.isNaN(SEED) ? {} : { seed: SEED }) };

const national = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')) as Network;

/**
 * Ten municipalities from `start` in the national list, every organisation
 * they relate to, and the relations among those: about 60 organisations and
 * 130 relations, with the names, accents and sources of the real data.
 */
function slice(start: number): Network {
  const municipalities = national.organisations
    .filter((o) => o.kind === 'municipality')
    .slice(start, start + 10);
  const ids = new Set(municipalities.map((o) => o.id));
  for (const r of national.relations)
    if (ids.has(r.source) || ids.has(r.target)) ids.add(r.source).add(r.target);
  const organisations = national.organisations.filter((o) => ids.has(o.id));
  const relations = national.relations.filter(
    (r) =>
      ids.has(r.source) &&
      ids.has(r.target) &&
      (municipalities.some((m) => m.id === r.source) ||
        municipalities.some((m) => m.id === r.target)),
  );
  const used = new Set([...organisations, ...relations].map((x) => x.sourceId));
  return {
    title: national.title,
    sources: national.sources.filter((s) => used.has(s.id)),
    organisations,
    relations,
  };
}

const SLICES = [0, 40, 120, 200, 300].map(slice);
const NOW = new Date('2026-11-30T12:00:00Z');

type Format = 'json' | 'csv' | 'zip' | 'gexf' | 'graphml';
const FORMATS: Format[] = ['json', 'csv', 'zip', 'gexf', 'graphml'];

interface Base {
  network: Network;
  texts: Record<'json' | 'gexf' | 'graphml', string>;
  csv: { organisations: string; relations: string };
  zip: Uint8Array;
}

const BASES: Base[] = SLICES.map((network) => ({
  network,
  texts: {
    json: exchangeJson(network, NOW),
    gexf: exportGexf(network),
    graphml: exportGraphml(network),
  },
  csv: exportCsv(network, { separator: ';', dutch: true }),
  zip: exportCsvZip(network, { separator: ';', dutch: true }),
}));

// ---------------------------------------------------------------------------
// Damage, described as data so a failing case prints what was done.

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000B',
  '\u001F',
  '\u007F',
  '\u0085',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDC00',
  '\uFDD0',
];

type Mutation =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'swapLines'; at: number; other: number }
  | { kind: 'quote'; at: number; lineStart: boolean }
  | { kind: 'control'; at: number; char: number }
  | { kind: 'swapTags'; at: number; other: number }
  | { kind: 'deleteChar'; at: number };

// A place in the file, spread evenly: fast-check's own numbers lean to small
// values, which would put nearly all damage at the start of a file.
const share = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: share,
    xor: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: share }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: share }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: share }),
  fc.record({ kind: fc.constant('swapLines' as const), at: share, other: share }),
  fc.record({ kind: fc.constant('quote' as const), at: share, lineStart: fc.boolean() }),
  fc.record({
    kind: fc.constant('control' as const),
    at: share,
    char: fc.integer({ min: 0, max: CONTROL.length - 1 }),
  }),
  fc.record({ kind: fc.constant('swapTags' as const), at: share, other: share }),
  fc.record({ kind: fc.constant('deleteChar' as const), at: share }),
);

const index = (fraction: number, length: number) => Math.floor(fraction * length);

function damageText(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = index(m.at, lines.length);
  switch (m.kind) {
    case 'flip': {
      const at = index(m.at, text.length);
      return (
        text.slice(0, at) +
        String.fromCharCode((text.charCodeAt(at) ^ m.xor) & 0xff) +
        text.slice(at + 1)
      );
    }
    case 'truncate':
      return text.slice(0, index(m.at, text.length));
    case 'deleteLine':
      return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    case 'duplicateLine':
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 'swapLines': {
      const other = index(m.other, lines.length);
      const swapped = [...lines];
      [swapped[line], swapped[other]] = [lines[other]!, lines[line]!];
      return swapped.join('\n');
    }
    case 'quote': {
      if (m.lineStart)
        return [...lines.slice(0, line), `"${lines[line]}`, ...lines.slice(line + 1)].join('\n');
      const at = index(m.at, text.length);
      return `${text.slice(0, at)}"${text.slice(at)}`;
    }
    case 'control': {
      const at = index(m.at, text.length);
      return text.slice(0, at) + CONTROL[m.char] + text.slice(at);
    }
    case 'swapTags': {
      const tags = [...text.matchAll(/<\/?[\w:.-]+/g)];
      if (tags.length < 2) return text;
      const a = tags[index(m.at, tags.length)]!;
      const b = tags[index(m.other, tags.length)]!;
      if (a.index === b.index) return text;
      const [first, second] = a.index < b.index ? [a, b] : [b, a];
      return (
        text.slice(0, first.index) +
        second[0] +
        text.slice(first.index + first[0].length, second.index) +
        first[0] +
        text.slice(second.index + second[0].length)
      );
    }
    case 'deleteChar': {
      const at = index(m.at, text.length);
      return text.slice(0, at) + text.slice(at + 1);
    }
  }
}

/** Bytes take flips and truncations; the rest is done to the text they decode to. */
function damageBytes(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 'flip') {
    const out = bytes.slice();
    const at = index(m.at, out.length);
    out[at] = out[at]! ^ m.xor;
    return out;
  }
  if (m.kind === 'truncate') return bytes.slice(0, index(m.at, bytes.length));
  return new TextEncoder().encode(damageText(new TextDecoder().decode(bytes), m));
}

const encode = (text: string) => new TextEncoder().encode(text);

/** The damaged input and, for CSV, the damaged texts (to account for every line). */
function damagedInput(
  format: Format,
  base: Base,
  mutations: Mutation[],
  asText: boolean,
  csvTarget: 'organisations' | 'relations',
): { input: ImportInput; csv?: { organisations: string; relations: string } } {
  if (format === 'zip') {
    // A zip is bytes through and through: only byte damage.
    let bytes = base.zip;
    for (const m of mutations)
      bytes = damageBytes(bytes, m.kind === 'truncate' ? m : { kind: 'flip', at: m.at, xor: 0x5a });
    return { input: { kind: 'zip', bytes } };
  }
  if (format === 'csv') {
    const csv = { ...base.csv };
    for (const m of mutations) csv[csvTarget] = damageText(csv[csvTarget], m);
    if (asText)
      return { input: { kind: 'csvPair', texts: [csv.organisations, csv.relations] }, csv };
    return {
      input: {
        kind: 'csvFiles',
        files: [
          { fileName: 'organisaties.csv', bytes: encode(csv.organisations) },
          { fileName: 'relaties.csv', bytes: encode(csv.relations) },
        ],
      },
      csv,
    };
  }
  const fileName = `netwerk.${format}`;
  if (asText) {
    let text = base.texts[format];
    for (const m of mutations) text = damageText(text, m);
    return { input: { kind: 'text', fileName, text } };
  }
  let bytes: Uint8Array = encode(base.texts[format]);
  for (const m of mutations) bytes = damageBytes(bytes, m);
  return { input: { kind: 'file', fileName, bytes } };
}

// ---------------------------------------------------------------------------
// What must hold for every case.

const ENGLISH =
  /Unexpected|Invalid input|expected (?!een)|received|is not valid|at position|Error:|Trailing quote|Quoted field|unclosed tag|undefined entity/;
// Refusals about the file as a whole, where there is no line to name.
const WHOLE_FILE = [
  /^"netwerk\.\w+" is geen bestand dat Netwerkkaart kent/,
  /^is leeg/,
  /^het bestand is leeg/,
  /^begint met <[^>]*>; een (GEXF|GraphML)-bestand begint met/,
  /^bevat geen <graph>-element/,
  /^is geen leesbaar zip-bestand/,
  /^is beschadigd: ".*" pakt anders uit/,
  /^bevat geen organisaties\.csv of relaties\.csv/,
  /^bevat alleen relaties/,
  /^is een CSV-bestand zonder herkenbare kopregel/,
  /^verwacht een JSON-object/,
  /^kon niet als (GEXF|GraphML) worden gelezen/,
  /^organisaties\.csv bevat geen enkele organisatie/,
  /^relaties\.csv bevat geen enkele relatie/,
  /^geen CSV-bestand ontvangen/,
];

function checkRefusal(result: Extract<ImportResult, { ok: false }>, label: string) {
  expect(result.errors.length, label).toBeGreaterThan(0);
  expect(result.totalErrors, label).toBeGreaterThanOrEqual(result.errors.length);
  for (const error of result.errors) {
    const text = `${error.where}: ${error.message}`;
    expect(text, label).not.toMatch(ENGLISH);
    const located =
      error.position !== undefined ||
      error.path.length > 0 ||
      error.where !== 'het bestand' ||
      WHOLE_FILE.some((p) => p.test(error.message));
    expect(located, `${label}\n${text}`).toBe(true);
  }
}

interface Tally {
  cases: number;
  refused: number;
  accepted: number;
  slowestMs: number;
  slowest: string;
}
const tallies = new Map<Format, Tally>(
  FORMATS.map((f) => [f, { cases: 0, refused: 0, accepted: 0, slowestMs: 0, slowest: '' }]),
);

let db: NetwerkkaartDB;
beforeAll(async () => {
  db = new NetwerkkaartDB(`fuzz-${Math.random()}`);
  await replaceNetwork(db, SLICES[0]!, { origin: 'import', now: NOW });
});
afterAll(async () => {
  await db?.delete();
  const rows = FORMATS.map((f) => {
    const t = tallies.get(f)!;
    return `${f.padEnd(8)} ${String(t.cases).padStart(6)} cases ${String(t.refused).padStart(6)} refused ${String(t.accepted).padStart(6)} accepted   slowest ${t.slowestMs.toFixed(0).padStart(4)} ms CPU (${t.slowest})`;
  });
  console.log(
    `Import fuzz (seed ${Number.isNaN(SEED) ? 'random' : SEED}, ${RUNS} per format):\n${rows.join('\n')}`,
  );
});

describe('import fuzz: damaged files are refused, located, or imported exactly as previewed', () => {
  it.each(FORMATS)(
    '%s',
    async (format) => {
      const tally = tallies.get(format)!;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: BASES.length - 1 }),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          fc.boolean(),
          fc.constantFrom('organisations' as const, 'relations' as const),
          async (which, mutations, asText, csvTarget) => {
            const base = BASES[which]!;
            const label = `${format} slice ${which} ${asText ? 'text' : 'bytes'} ${JSON.stringify(mutations)}`;
            const { input, csv } = damagedInput(format, base, mutations, asText, csvTarget);
            const { value: result, cpuMs: ms } = await timedAsync(() =>
              runImport(input, { defaultKind: 'association', defaultType: 'knowledge' }),
            );
            tally.cases++;
            if (ms > tally.slowestMs)
              Object.assign(tally, { slowestMs: ms, slowest: label.slice(0, 160) });
            expect(ms, label).toBeLessThan(2000);
            const before = await readNetworkMeta(db);
            if (!result.ok) {
              tally.refused++;
              checkRefusal(result, label);
              // Nothing was written: the store is as it was.
              expect(await readNetworkMeta(db), label).toEqual(before);
              return;
            }
            tally.accepted++;
            for (const w of result.warnings) expect(w, label).not.toMatch(ENGLISH);
            if (csv) expect(unnamedLosses(base.network, base.csv, csv, result), label).toEqual([]);
            // What the preview counts is what the store holds.
            await replaceNetwork(db, result.network, { origin: 'import', now: NOW });
            const stored = await readNetwork(db);
            expect(stored.organisations.length, label).toBe(result.network.organisations.length);
            expect(stored.relations.length, label).toBe(result.network.relations.length);
            expect(new Set(stored.relations.map(relationKey)).size, label).toBe(
              result.network.relations.length,
            );
            // And what we write from it is valid XML that reads back.
            const written = parseXmlDocument(exportGraphml(stored), 'graphml', 'GraphML');
            expect(written.ok, label).toBe(true);
          },
        ),
        SETTINGS,
      );
    },
    Math.max(120_000, RUNS * 400),
  );
});

describe('the JSON scanner agrees with JSON.parse on damaged JSON', () => {
  it(
    'finds an error exactly when JSON.parse does',
    () => {
      const bases = BASES.map((b) => b.texts.json);
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: bases.length - 1 }),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          (which, mutations) => {
            let text = bases[which]!;
            for (const m of mutations) text = damageText(text, m);
            let parses = true;
            try {
              JSON.parse(text);
            } catch {
              parses = false;
            }
            expect(findJsonError(text) === undefined, JSON.stringify(mutations)).toBe(parses);
          },
        ),
        { ...SETTINGS, numRuns: RUNS * 3 },
      );
    },
    Math.max(60_000, RUNS * 100),
  );
});
