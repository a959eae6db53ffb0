import {
  KIND_LABELS,
  ORGANISATION_KINDS,
  type Organisation,
  type OrganisationKind,
} from '../domain/organisation';
import {
  RELATION_ROLES,
  RELATION_TYPES,
  RELATION_TYPE_LABELS,
  ROLE_LABELS,
  type Relation,
  type RelationRole,
  type RelationType,
} from '../domain/relation';

// The words other tools and people use for our fields and values. CSV
// headers, GEXF attribute titles and GraphML key names all pass through
// here, so a Dutch spreadsheet and a Gephi export are read the same way.

export type OrganisationField = keyof Organisation;
export type RelationField = keyof Relation;

/** The exchange-format field order, used as CSV header and attribute order. */
export const ORGANISATION_FIELDS = [
  'id',
  'kind',
  'name',
  'shortName',
  'category',
  'domain',
  'expectedMembers',
  'cbsCode',
  'province',
  'population',
  'populationYear',
  'website',
  'description',
  'tags',
  'lat',
  'lon',
  'sourceId',
] as const satisfies readonly OrganisationField[];

export const RELATION_FIELDS = [
  'source',
  'target',
  'type',
  'role',
  'since',
  'note',
  'reason',
  'weight',
  'sourceId',
] as const satisfies readonly RelationField[];

/**
 * Tables (CSV, the workbook) carry the knowledge fields too: theme ids as a
 * ";"-list and an organisation's positions as JSON in one cell. They refer to
 * the document's themes, which a table file carries on a sheet or in a file
 * of its own; GEXF and GraphML have no such place and leave them out.
 */
export const ORGANISATION_TABLE_FIELDS = [
  ...ORGANISATION_FIELDS,
  'themes',
  'positions',
] as const satisfies readonly OrganisationField[];
export const RELATION_TABLE_FIELDS = [
  ...RELATION_FIELDS,
  'themes',
] as const satisfies readonly RelationField[];

/** The layout's coordinates, beside the fields in tables and as organisation attributes in JSON. */
export const LAYOUT_FIELDS = ['x', 'y'] as const;

/** Lower case, without spaces, dashes, underscores and dots: "CBS-code" -> "cbscode". */
export function normaliseName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-_.]+/g, '');
}

function aliasTable<F extends string>(entries: Record<F, readonly string[]>): Map<string, F> {
  const table = new Map<string, F>();
  for (const [field, aliases] of Object.entries(entries) as [F, readonly string[]][]) {
    table.set(normaliseName(field), field);
    for (const alias of aliases) table.set(normaliseName(alias), field);
  }
  return table;
}

const ORGANISATION_ALIASES = aliasTable<OrganisationField>({
  id: [],
  kind: ['soort', 'type', 'organisatiesoort'],
  // "label" is what Gephi calls the display name of a node.
  name: ['naam', 'label'],
  shortName: ['afkorting', 'korte naam', 'kortenaam'],
  category: ['categorie'],
  domain: ['domein'],
  expectedMembers: ['aantal leden', 'werkelijk aantal leden', 'verwachte leden'],
  cbsCode: ['cbs-code', 'cbs', 'gemeentecode'],
  province: ['provincie'],
  population: ['inwoners', 'inwonertal', 'aantal inwoners'],
  populationYear: ['jaar', 'peiljaar', 'inwonersjaar'],
  website: ['webadres', 'url', 'site'],
  description: ['beschrijving', 'omschrijving'],
  tags: ['labels', 'trefwoorden'],
  lat: ['latitude', 'breedtegraad'],
  lon: ['lng', 'longitude', 'lengtegraad'],
  sourceId: ['bron', 'bron-id', 'bronid'],
  themes: ["thema's", 'themas', 'thema'],
  // Not "posities": that is what a Dutch spreadsheet calls x and y as well.
  positions: ['koploper of volger', 'rollen', 'rol per thema'],
});

// "bron" is deliberately absent: in a relation table it could mean the start
// of the relation or the source of the data, and a wrong guess links the
// wrong organisations.
const RELATION_ALIASES = aliasTable<RelationField>({
  source: ['van', 'from'],
  target: ['naar', 'doel', 'to'],
  // "relationType" is what GEXF and GraphML files call it: GEXF's own edge
  // "type" (directed or not) and networkx's use of it leave no room there.
  type: ['soort', 'relatie', 'relatiesoort', 'relationType', 'relation type'],
  role: ['rol'],
  since: ['sinds', 'vanaf'],
  note: ['notitie', 'opmerking', 'toelichting'],
  weight: ['gewicht'],
  sourceId: ['bron-id', 'bronid'],
  themes: ["thema's", 'themas', 'thema'],
  reason: ['reden', 'argumenten'],
});

export function organisationFieldFor(name: string): OrganisationField | undefined {
  return ORGANISATION_ALIASES.get(normaliseName(name));
}

/** x and y of the layout, as a table names them. */
export function layoutFieldFor(name: string): (typeof LAYOUT_FIELDS)[number] | undefined {
  const normal = normaliseName(name);
  return normal === 'x' || normal === 'y' ? normal : undefined;
}

export function relationFieldFor(name: string): RelationField | undefined {
  return RELATION_ALIASES.get(normaliseName(name));
}

/** A hint for a relation column that was left out on purpose because it is ambiguous. */
export function relationColumnHint(name: string): string | undefined {
  if (normaliseName(name) === 'bron')
    return 'Gebruik "van" en "naar" voor de twee organisaties en "bronId" voor de bron van de gegevens.';
  return undefined;
}

/** Lower case with single spaces and no spaces around "/": "Vereniging / Netwerk" -> "vereniging/netwerk". */
function normaliseWord(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, '/');
}

function wordTable<V extends string>(
  values: readonly V[],
  extra: Record<V, readonly string[]>,
): Map<string, V> {
  const table = new Map<string, V>();
  for (const value of values) {
    table.set(normaliseWord(value), value);
    for (const word of extra[value]) table.set(normaliseWord(word), value);
  }
  return table;
}

const KIND_WORDS = wordTable(ORGANISATION_KINDS, {
  municipality: [KIND_LABELS.municipality.nl, 'gemeenten'],
  association: [KIND_LABELS.association.nl, 'vereniging', 'koepel', 'netwerk', 'verenigingen'],
  chainPartner: [KIND_LABELS.chainPartner.nl, 'chain partner', 'ketenpartners'],
  sharedService: [KIND_LABELS.sharedService.nl, 'shared service', 'dienst', 'gedeelde diensten'],
});

const TYPE_WORDS = wordTable(RELATION_TYPES, {
  member: [RELATION_TYPE_LABELS.member.nl, 'lid', 'lid van', 'deelnemer'],
  uses: [RELATION_TYPE_LABELS.uses.nl, 'gebruikt', 'gebruik', 'gebruiker'],
  partner: [RELATION_TYPE_LABELS.partner.nl, 'partner van', 'ketenpartner'],
  knowledge: [RELATION_TYPE_LABELS.knowledge.nl, 'kennis', 'deelt kennis met'],
});

const ROLE_WORDS = wordTable(RELATION_ROLES, {
  frontrunner: [ROLE_LABELS.frontrunner, 'front runner'],
  follower: [ROLE_LABELS.follower, 'slimme volger'],
});

// Gephi writes the direction of an edge in a "Type" column; that says
// nothing about the kind of relation, so it counts as "no type given".
const DIRECTION_WORDS = new Set(['directed', 'undirected', 'mutual', 'gericht', 'ongericht']);

export function kindFromWord(value: string): OrganisationKind | undefined {
  return KIND_WORDS.get(normaliseWord(value));
}

export function typeFromWord(value: string): RelationType | undefined {
  return TYPE_WORDS.get(normaliseWord(value));
}

export function roleFromWord(value: string): RelationRole | undefined {
  return ROLE_WORDS.get(normaliseWord(value));
}

export function isDirectionWord(value: string): boolean {
  return DIRECTION_WORDS.has(normaliseWord(value));
}

export const KIND_WORDS_HINT = 'gemeente, vereniging, ketenpartner of gedeelde dienst';
export const TYPE_WORDS_HINT = 'lid, gebruikt, partner of kennis';
export const ROLE_WORDS_HINT = 'koploper of volger';
