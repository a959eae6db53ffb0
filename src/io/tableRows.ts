import { sortNetwork, type Network } from '../domain/network';
import { KIND_LABELS, type OrganisationKind } from '../domain/organisation';
import {
  RELATION_TYPE_LABELS,
  ROLE_LABELS,
  type RelationRole,
  type RelationType,
} from '../domain/relation';
import {
  LAYOUT_FIELDS,
  ORGANISATION_TABLE_FIELDS,
  RELATION_TABLE_FIELDS,
  normaliseName,
} from './fieldAliases';
import { roundCoordinate, type NodePositions } from './positions';

// The network as three tables, for CSV files and the sheets of a workbook
// alike: organisations, relations, and the network itself (title, date,
// sources, themes), so a round trip through a spreadsheet loses nothing.
// Cells keep their type here (numbers stay numbers); CSV turns them into
// text, the workbook writes them as they are.

export type Cell = string | number | undefined;

export interface Table {
  header: string[];
  rows: Cell[][];
}

export interface NetworkTables {
  organisations: Table;
  relations: Table;
  network: Table;
}

export interface TableOptions {
  /**
   * Dutch column names and words (soort "Gemeente", not kind "municipality"),
   * for people who open the file in Excel. The import reads both.
   */
  dutch?: boolean;
  /** The layout: x and y columns beside the fields, when there are any. */
  positions?: NodePositions;
}

// Each header and word below is one the import knows (fieldAliases), so a
// Dutch file comes back in unchanged.
const DUTCH_ORGANISATION_HEADERS: Record<
  (typeof ORGANISATION_TABLE_FIELDS)[number] | (typeof LAYOUT_FIELDS)[number],
  string
> = {
  id: 'id',
  kind: 'soort',
  name: 'naam',
  shortName: 'afkorting',
  category: 'categorie',
  domain: 'domein',
  expectedMembers: 'aantal leden',
  cbsCode: 'CBS-code',
  province: 'provincie',
  population: 'inwoners',
  populationYear: 'peiljaar',
  website: 'website',
  description: 'omschrijving',
  tags: 'labels',
  lat: 'breedtegraad',
  lon: 'lengtegraad',
  sourceId: 'bron',
  themes: "thema's",
  positions: 'rol per thema',
  x: 'x',
  y: 'y',
};
const DUTCH_RELATION_HEADERS: Record<(typeof RELATION_TABLE_FIELDS)[number], string> = {
  source: 'van',
  target: 'naar',
  type: 'soort',
  role: 'rol',
  since: 'sinds',
  note: 'toelichting',
  reason: 'reden',
  weight: 'gewicht',
  sourceId: 'bron-id',
  themes: "thema's",
};
/** The Dutch name of every organisation and relation field, as a file's column says it. */
export const DUTCH_FIELD_NAMES: Readonly<Record<string, string>> = {
  ...DUTCH_ORGANISATION_HEADERS,
  ...DUTCH_RELATION_HEADERS,
};

const DUTCH_WORDS: Record<string, (value: string) => string> = {
  kind: (v) => KIND_LABELS[v as OrganisationKind]?.nl ?? v,
  type: (v) => RELATION_TYPE_LABELS[v as RelationType]?.nl ?? v,
  role: (v) => ROLE_LABELS[v as RelationRole] ?? v,
};

/**
 * The network table: one row per fact about the network as a whole. Its
 * first column says what the row is; the rest are the fields of a source
 * (the widest of the three), which a theme and the network share.
 */
export const NETWORK_FIELDS = [
  'record',
  'id',
  'title',
  'date',
  'publisher',
  'year',
  'url',
  'licence',
  'description',
] as const;
export type NetworkField = (typeof NETWORK_FIELDS)[number];
const DUTCH_NETWORK_HEADERS: Record<NetworkField, string> = {
  record: 'wat',
  id: 'id',
  title: 'titel',
  date: 'peildatum',
  publisher: 'uitgever',
  year: 'jaar',
  url: 'webadres',
  licence: 'licentie',
  description: 'omschrijving',
};
const NETWORK_FIELD_OF = new Map<string, NetworkField>(
  NETWORK_FIELDS.flatMap((f) => [
    [normaliseName(f), f],
    [normaliseName(DUTCH_NETWORK_HEADERS[f]), f],
  ]),
);
NETWORK_FIELD_OF.set('referencedate', 'date');
NETWORK_FIELD_OF.set('label', 'title');

/** The network table's column for a heading, in English or Dutch. */
export const networkFieldFor = (heading: string) => NETWORK_FIELD_OF.get(normaliseName(heading));

/** What a row of the network table is: the words written, and those read. */
export const NETWORK_RECORDS = {
  network: { en: 'network', nl: 'netwerk' },
  source: { en: 'source', nl: 'bron' },
  theme: { en: 'theme', nl: 'thema' },
} as const;
export type NetworkRecord = keyof typeof NETWORK_RECORDS;

export function networkRecordOf(word: string): NetworkRecord | undefined {
  const w = word.trim().toLowerCase();
  return (Object.keys(NETWORK_RECORDS) as NetworkRecord[]).find(
    (r) => NETWORK_RECORDS[r].en === w || NETWORK_RECORDS[r].nl === w,
  );
}

/** A field's value as a cell: lists joined (tags with |, themes with ;), positions as JSON. */
function cellOf(field: string, value: unknown, dutch: boolean): Cell {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (field === 'positions')
    return Array.isArray(value) && value.length ? JSON.stringify(value) : undefined;
  if (Array.isArray(value))
    return value.length ? value.join(field === 'themes' ? ';' : '|') : undefined;
  const text = String(value);
  const word = dutch ? DUTCH_WORDS[field] : undefined;
  return word ? word(text) : text;
}

function table(
  fields: readonly string[],
  records: readonly object[],
  dutch: boolean,
  headers: Record<string, string>,
): Table {
  return {
    header: dutch ? fields.map((f) => headers[f] ?? f) : [...fields],
    rows: records.map((record) =>
      fields.map((field) => cellOf(field, (record as Record<string, unknown>)[field], dutch)),
    ),
  };
}

export function networkTables(network: Network, options: TableOptions = {}): NetworkTables {
  const sorted = sortNetwork(network);
  const dutch = options.dutch ?? false;
  const positions = options.positions;
  const placed = positions?.size ? sorted.organisations.some((o) => positions.has(o.id)) : false;
  const orgFields: string[] = [...ORGANISATION_TABLE_FIELDS, ...(placed ? LAYOUT_FIELDS : [])];
  const orgRecords = placed
    ? sorted.organisations.map((o) => {
        const p = positions!.get(o.id);
        return p && Number.isFinite(p.x) && Number.isFinite(p.y)
          ? { ...o, x: roundCoordinate(p.x), y: roundCoordinate(p.y) }
          : o;
      })
    : sorted.organisations;
  const word = (r: NetworkRecord) => NETWORK_RECORDS[r][dutch ? 'nl' : 'en'];
  const networkRows: Record<string, unknown>[] = [
    { record: word('network'), title: sorted.title, date: sorted.referenceDate },
    ...sorted.sources.map((s) => ({ record: word('source'), ...s })),
    ...(sorted.themes ?? []).map((t) => ({
      record: word('theme'),
      id: t.id,
      title: t.label,
      description: t.description,
    })),
  ];
  return {
    organisations: table(orgFields, orgRecords, dutch, DUTCH_ORGANISATION_HEADERS),
    relations: table(RELATION_TABLE_FIELDS, sorted.relations, dutch, DUTCH_RELATION_HEADERS),
    network: {
      header: dutch ? NETWORK_FIELDS.map((f) => DUTCH_NETWORK_HEADERS[f]) : [...NETWORK_FIELDS],
      rows: networkRows.map((r) => NETWORK_FIELDS.map((f) => cellOf(f, r[f], false))),
    },
  };
}
