import type { Source } from '../domain/network';
import type { OrganisationKind } from '../domain/organisation';
import type { RelationType } from '../domain/relation';
import { parseDecimal, parseWholeNumber } from './cellValues';
import { readJson } from './jsonRead';
import {
  KIND_WORDS_HINT,
  ROLE_WORDS_HINT,
  TYPE_WORDS_HINT,
  isDirectionWord,
  kindFromWord,
  roleFromWord,
  typeFromWord,
} from './fieldAliases';

// CSV rows, GEXF nodes and GraphML nodes all arrive as flat maps of field
// name to value, where a value may be text, a number or a list. This turns
// such a map into a record in the shape of the exchange format; checking it
// stays with the exchange-format schema.

export type FlatRecord = Record<string, unknown>;

/** What to do with a kind or type value the vocabulary does not know. */
export interface VocabularyPolicy {
  /** Used for an empty or missing value, and for an unknown one when `unknown` is 'default'. */
  fallback: string;
  /** 'reject': an unknown value makes the record unreadable; 'default': it gets the fallback. */
  unknown: 'reject' | 'default';
}

export type Coerced =
  | {
      ok: true;
      record: FlatRecord;
      /** The kind or type is the policy's fallback. */
      assumed: boolean;
      /** The value that was given but not recognised, when the fallback replaced it. */
      unmapped?: string;
    }
  | { ok: false; reason: string };

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (typeof value === 'number' && Number.isNaN(value));

/** Ids and codes: trimmed text; numbers (as GEXF integer ids) become text. */
function asKey(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? value.trim() : value;
}

function asTags(value: unknown): unknown {
  const pieces = Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : v))
    : typeof value === 'string'
      ? value.split('|')
      : value;
  if (!Array.isArray(pieces)) return pieces;
  const tags = pieces.map((t) => (typeof t === 'string' ? t.trim() : t)).filter((t) => t !== '');
  return tags.length ? tags : undefined;
}

/** Theme ids as a table holds them: "a;b" (spaces around the ids do not count). */
function asThemeIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value : undefined;
  if (typeof value !== 'string') return value;
  const ids = value
    .split(';')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return ids.length ? ids : undefined;
}

/** An organisation's positions on themes as JSON in one cell; what is not JSON stays text for the schema to name. */
function asPositions(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const parsed = readJson(value);
  return parsed.ok ? parsed.value : value;
}

/** A CBS code in any case, with or without the "GM" ("gm0513", "0513"), becomes "GM0513". */
function asCbsCode(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = /^(gm)?(\d{4})$/i.exec(value.trim());
  return match ? `GM${match[2]}` : value.trim();
}

function vocabulary<V extends string>(
  value: unknown,
  lookup: (word: string) => V | undefined,
  policy: VocabularyPolicy,
  hint: string,
  label: string,
  isEmptyWord: (word: string) => boolean = () => false,
):
  { ok: true; value: string; assumed: boolean; unmapped?: string } | { ok: false; reason: string } {
  if (isBlank(value) || (typeof value === 'string' && isEmptyWord(value)))
    return { ok: true, value: policy.fallback, assumed: true };
  const known = typeof value === 'string' ? lookup(value) : undefined;
  if (known) return { ok: true, value: known, assumed: false };
  if (policy.unknown === 'default')
    return {
      ok: true,
      value: policy.fallback,
      assumed: true,
      unmapped: String(value).trim().slice(0, 80),
    };
  const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : String(value);
  return { ok: false, reason: `onbekende ${label} ${shown}; verwacht ${hint}.` };
}

/** Drops blank values, so an empty cell means "not given" rather than "empty text". */
function withoutBlanks(raw: FlatRecord): FlatRecord {
  const out: FlatRecord = {};
  for (const [key, value] of Object.entries(raw)) if (!isBlank(value)) out[key] = value;
  return out;
}

export function coerceOrganisation(raw: FlatRecord, kindPolicy: VocabularyPolicy): Coerced {
  const record = withoutBlanks(raw);
  const kind = vocabulary(record.kind, kindFromWord, kindPolicy, KIND_WORDS_HINT, 'soort');
  if (!kind.ok) return kind;
  record.kind = kind.value as OrganisationKind;
  for (const field of ['id', 'sourceId', 'website'] as const)
    if (field in record) record[field] = asKey(record[field]);
  if ('cbsCode' in record) record.cbsCode = asCbsCode(record.cbsCode);
  if ('population' in record) record.population = parseWholeNumber(record.population);
  if ('populationYear' in record) record.populationYear = parseWholeNumber(record.populationYear);
  if ('expectedMembers' in record)
    record.expectedMembers = parseWholeNumber(record.expectedMembers);
  for (const field of ['lat', 'lon'] as const)
    if (field in record) record[field] = parseDecimal(record[field]);
  if ('tags' in record) {
    const tags = asTags(record.tags);
    if (tags === undefined) delete record.tags;
    else record.tags = tags;
  }
  if ('themes' in record) record.themes = asThemeIds(record.themes);
  if ('positions' in record) record.positions = asPositions(record.positions);
  for (const axis of ['x', 'y'] as const)
    if (axis in record) record[axis] = parseDecimal(record[axis]);
  return {
    ok: true,
    record: withoutBlanks(record),
    assumed: kind.assumed,
    ...(kind.unmapped === undefined ? {} : { unmapped: kind.unmapped }),
  };
}

export function coerceRelation(raw: FlatRecord, typePolicy: VocabularyPolicy): Coerced {
  const record = withoutBlanks(raw);
  const type = vocabulary(
    record.type,
    typeFromWord,
    typePolicy,
    TYPE_WORDS_HINT,
    'relatiesoort',
    isDirectionWord,
  );
  if (!type.ok) return type;
  record.type = type.value as RelationType;
  for (const field of ['source', 'target', 'sourceId'] as const)
    if (field in record) record[field] = asKey(record[field]);
  if ('role' in record) {
    const role = typeof record.role === 'string' ? roleFromWord(record.role) : undefined;
    if (!role) {
      const shown = typeof record.role === 'string' ? `"${record.role}"` : String(record.role);
      return { ok: false, reason: `onbekende rol ${shown}; verwacht ${ROLE_WORDS_HINT}.` };
    }
    record.role = role;
  }
  // A year typed in a spreadsheet arrives as a number.
  if (typeof record.since === 'number') record.since = String(record.since);
  if (typeof record.since === 'string') record.since = record.since.trim();
  if ('weight' in record) record.weight = parseDecimal(record.weight);
  if ('themes' in record) record.themes = asThemeIds(record.themes);
  return {
    ok: true,
    record,
    assumed: type.assumed,
    ...(type.unmapped === undefined ? {} : { unmapped: type.unmapped }),
  };
}

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
