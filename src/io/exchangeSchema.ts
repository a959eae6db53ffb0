import { z } from 'zod';
import { ORGANISATION_DOMAINS, ORGANISATION_KINDS, CBS_CODE_PATTERN } from '../domain/organisation';
import { RELATION_ROLES, RELATION_TYPES } from '../domain/relation';
import { nonXmlTextReason } from '../domain/xmlText';
import { IMPORT_LIMITS as L } from './limits';

// No `new Function` probe: the app's Content-Security-Policy forbids eval, and
// the probe would be reported as a violation on every start.
z.config({ jitless: true });

// The exchange format, version 1 (DESIGN.md). Messages are Dutch and say what
// was expected; the location (record, field) is added by validateDocument.ts.

export const FORMAT_NAME = 'netwerkkaart';
export const FORMAT_VERSION = 1;

// Every text must be writable to every format (domain/xmlText.ts); the message
// names the character and where it is, since most of them cannot be seen.
const writableText = (value: string, ctx: z.RefinementCtx) => {
  const reason = nonXmlTextReason(value);
  if (reason !== undefined) ctx.addIssue({ code: 'custom', message: reason });
};

const text = (max: number) =>
  z
    .string({ error: 'verwacht tekst' })
    .max(max, { error: `tekst is te lang (maximaal ${max} tekens)` })
    .superRefine(writableText);

const requiredText = (max: number) => text(max).min(1, { error: 'mag niet leeg zijn' });

// Every check below that JSON Schema can say is written as one it can
// (a regex, not a refine), so the published schema says it too; the ajv
// test in tests/unit/io/jsonSchema.test.ts holds the two to the same verdicts.

// Ids end up in URLs and file names: control characters have no place there.
// eslint-disable-next-line no-control-regex
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001F\u007F]*$/;
const id = requiredText(L.maxIdLength).regex(NO_CONTROL_CHARACTERS, {
  error: 'mag geen stuurtekens bevatten',
});

// Letter by letter, not with the i flag: a JSON Schema pattern has no flags.
const HTTP_URL = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s/?#]/;
const HTTP_URL_ERROR = 'verwacht een webadres dat begint met http:// of https://';
const httpUrl = text(L.maxUrlLength)
  .regex(HTTP_URL, { error: HTTP_URL_ERROR })
  // What a pattern cannot tell: whether a browser reads it as an address at all.
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { error: HTTP_URL_ERROR },
  );

/** A coordinate of the layout; far beyond what any tool writes, but a number. */
const coordinate = (axis: 'x' | 'y') =>
  z
    .number({ error: `verwacht een ${axis}-positie (getal)` })
    .min(-1e9, { error: `de ${axis}-positie is te klein` })
    .max(1e9, { error: `de ${axis}-positie is te groot` });

const isoDate = z
  .string({ error: 'verwacht een datum als tekst (JJJJ, JJJJ-MM of JJJJ-MM-DD)' })
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    error: 'verwacht een datum als JJJJ, JJJJ-MM of JJJJ-MM-DD',
  });

export const sourceSchema = z.object(
  {
    id,
    title: requiredText(L.maxNameLength),
    publisher: text(L.maxShortTextLength).optional(),
    year: z
      .number({ error: 'verwacht een jaartal' })
      .int({ error: 'verwacht een heel jaartal' })
      .min(1800, { error: 'verwacht een jaartal vanaf 1800' })
      .max(2100, { error: 'verwacht een jaartal tot 2100' })
      .optional(),
    url: httpUrl.optional(),
    licence: text(L.maxShortTextLength).optional(),
  },
  { error: 'verwacht een bron: een object met "id" en "title"' },
);

// Knowledge exchange (issue #15). Theme ids are checked against the
// document's `themes` in knowledgeReferences.ts, which sees the whole file.
const themeIds = z
  .array(id, { error: 'verwacht een lijst met thema-ids' })
  .max(L.maxTags, { error: `maximaal ${L.maxTags} thema's` });

export const themeSchema = z.object({
  id,
  label: requiredText(L.maxNameLength),
  description: text(L.maxLongTextLength).optional(),
});

export const positionSchema = z.object({
  theme: id,
  role: z.enum(RELATION_ROLES, { error: `verwacht een van: ${RELATION_ROLES.join(', ')}` }),
  network: id.optional(),
  since: isoDate.optional(),
  reason: text(L.maxLongTextLength).optional(),
  sourceId: id.optional(),
});

export const organisationSchema = z.object(
  {
    id,
    kind: z.enum(ORGANISATION_KINDS, {
      error: `verwacht een van: ${ORGANISATION_KINDS.join(', ')}`,
    }),
    name: requiredText(L.maxNameLength),
    shortName: text(L.maxShortTextLength).optional(),
    description: text(L.maxLongTextLength).optional(),
    category: text(L.maxShortTextLength).optional(),
    domain: z
      .enum(ORGANISATION_DOMAINS, { error: `verwacht een van: ${ORGANISATION_DOMAINS.join(', ')}` })
      .optional(),
    expectedMembers: z
      .number({ error: 'verwacht een aantal leden (getal)' })
      .int({ error: 'verwacht een heel aantal leden' })
      .min(0, { error: 'het aantal leden mag niet negatief zijn' })
      .max(1_000_000, { error: 'het aantal leden is onwaarschijnlijk groot' })
      .optional(),
    website: httpUrl.optional(),
    tags: z
      .array(text(L.maxShortTextLength), { error: 'verwacht een lijst met teksten' })
      .max(L.maxTags, { error: `maximaal ${L.maxTags} labels` })
      .optional(),
    sourceId: id.optional(),
    cbsCode: z
      .string({ error: 'verwacht tekst' })
      .regex(CBS_CODE_PATTERN, { error: 'verwacht een CBS-code: GM gevolgd door vier cijfers' })
      .optional(),
    province: text(L.maxShortTextLength).optional(),
    population: z
      .number({ error: 'verwacht een aantal inwoners (getal)' })
      .int({ error: 'verwacht een heel aantal inwoners, zonder decimalen' })
      .min(0, { error: 'het aantal inwoners mag niet negatief zijn' })
      .max(100_000_000, { error: 'het aantal inwoners is onwaarschijnlijk groot' })
      .optional(),
    populationYear: z
      .number({ error: 'verwacht een jaartal' })
      .int({ error: 'verwacht een heel jaartal' })
      .min(1800, { error: 'verwacht een jaartal vanaf 1800' })
      .max(2100, { error: 'verwacht een jaartal tot 2100' })
      .optional(),
    lat: z
      .number({ error: 'verwacht een breedtegraad (getal)' })
      .min(-90, { error: 'breedtegraad ligt tussen -90 en 90' })
      .max(90, { error: 'breedtegraad ligt tussen -90 en 90' })
      .optional(),
    lon: z
      .number({ error: 'verwacht een lengtegraad (getal)' })
      .min(-180, { error: 'lengtegraad ligt tussen -180 en 180' })
      .max(180, { error: 'lengtegraad ligt tussen -180 en 180' })
      .optional(),
    themes: themeIds.optional(),
    positions: z
      .array(positionSchema, { error: 'verwacht een lijst met posities (koploper of volger)' })
      .max(L.maxPositions, { error: `maximaal ${L.maxPositions} posities` })
      .optional(),
    // Where the organisation stands in a saved layout (optional, both or neither).
    x: coordinate('x').optional(),
    y: coordinate('y').optional(),
  },
  { error: 'verwacht een organisatie: een object met "id", "kind" en "name"' },
);

const BOTH_COORDINATES = 'x en y horen samen: geef beide of geen van beide';

/** An organisation with x and y both given or both left out. */
const organisationWithLayout = organisationSchema.superRefine((org, ctx) => {
  if ((org.x === undefined) !== (org.y === undefined))
    ctx.addIssue({
      code: 'custom',
      message: BOTH_COORDINATES,
      path: [org.x === undefined ? 'x' : 'y'],
      input: undefined,
    });
});

export const relationSchema = z.object(
  {
    source: id,
    target: id,
    type: z.enum(RELATION_TYPES, { error: `verwacht een van: ${RELATION_TYPES.join(', ')}` }),
    role: z
      .enum(RELATION_ROLES, { error: `verwacht een van: ${RELATION_ROLES.join(', ')}` })
      .optional(),
    since: isoDate.optional(),
    note: text(L.maxLongTextLength).optional(),
    weight: z
      .number({ error: 'verwacht een gewicht (getal)' })
      .min(0, { error: 'het gewicht mag niet negatief zijn' })
      .max(1_000_000, { error: 'het gewicht is te groot' })
      .optional(),
    sourceId: id.optional(),
    themes: themeIds.optional(),
    reason: text(L.maxLongTextLength).optional(),
  },
  { error: 'verwacht een relatie: een object met "source", "target" en "type"' },
);

export const exchangeDocumentSchema = z.object({
  format: z.literal(FORMAT_NAME, { error: `verwacht "${FORMAT_NAME}"` }),
  version: z.literal(FORMAT_VERSION, {
    error: `deze versie kent Netwerkkaart niet; verwacht versie ${FORMAT_VERSION}`,
  }),
  title: text(L.maxNameLength).optional(),
  referenceDate: z
    .string({ error: 'verwacht een datum als tekst (JJJJ-MM-DD)' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
      error: 'verwacht een datum als JJJJ-MM-DD',
    })
    .optional(),
  exportedAt: z.iso
    .datetime({ offset: true, error: 'verwacht een tijdstip (ISO 8601)' })
    .optional(),
  sources: z
    .array(sourceSchema, { error: 'verwacht een lijst met bronnen' })
    .max(L.maxSources, { error: `maximaal ${L.maxSources} bronnen` })
    .optional(),
  themes: z
    .array(themeSchema, { error: "verwacht een lijst met thema's" })
    .max(L.maxThemes, { error: `maximaal ${L.maxThemes} thema's` })
    .optional(),
  organisations: z
    .array(organisationWithLayout, { error: 'verwacht een lijst met organisaties' })
    .max(L.maxOrganisations, { error: `maximaal ${L.maxOrganisations} organisaties` }),
  relations: z
    .array(relationSchema, { error: 'verwacht een lijst met relaties' })
    .max(L.maxRelations, { error: `maximaal ${L.maxRelations} relaties` }),
});

export type ExchangeDocument = z.infer<typeof exchangeDocumentSchema>;

export const KNOWN_ORGANISATION_FIELDS = new Set(Object.keys(organisationSchema.shape));
export const KNOWN_RELATION_FIELDS = new Set(Object.keys(relationSchema.shape));

/** Keys the import refuses anywhere in a document (jsonRead.ts): they could reach a prototype. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

type JsonSchema = Record<string, unknown>;

/**
 * What zod's conversion leaves out but JSON Schema can say: no forbidden key
 * in any object, also inside fields Netwerkkaart does not know (a recursive
 * definition), and x and y only together.
 */
function completeSchema(schema: JsonSchema): JsonSchema {
  const noForbiddenKeys = { not: { enum: [...FORBIDDEN_KEYS] } };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as JsonSchema;
    for (const value of Object.values(record)) visit(value);
    if (record.type === 'object' && record.properties) {
      record.propertyNames = noForbiddenKeys;
      record.additionalProperties ??= { $ref: '#/$defs/freeValue' };
    }
  };
  visit(schema);
  const organisation = (schema.properties as Record<string, JsonSchema>).organisations!
    .items as JsonSchema;
  organisation.dependentRequired = { x: ['y'], y: ['x'] };
  return {
    ...schema,
    $defs: {
      ...(schema.$defs as JsonSchema | undefined),
      freeValue: {
        description:
          'Een veld dat Netwerkkaart niet kent: wordt genegeerd, maar mag nergens een van de sleutels __proto__, constructor of prototype bevatten.',
        propertyNames: noForbiddenKeys,
        additionalProperties: { $ref: '#/$defs/freeValue' },
        items: { $ref: '#/$defs/freeValue' },
      },
    },
  };
}

/** The published JSON Schema (public/schema/netwerkkaart-v1.schema.json) is generated from this. */
export function exchangeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(exchangeDocumentSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...completeSchema(schema as JsonSchema),
    title: 'Netwerkkaart uitwisselformaat, versie 1',
    description:
      'Een netwerk van Nederlandse gemeenten, verenigingen, ketenpartners en gedeelde diensten, met hun relaties. Organisaties kunnen x en y van een opgeslagen indeling dragen.',
  };
}
