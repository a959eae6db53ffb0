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

// Ids end up in URLs and file names: not even the tab and line breaks that
// other texts may hold (the other control characters no text may hold).
const id = requiredText(L.maxIdLength).refine((value) => !/[\t\n\r]/.test(value), {
  error: 'mag geen tab of regelovergang bevatten',
});

const httpUrl = text(L.maxUrlLength).refine(
  (value) => {
    if (!/^https?:\/\//i.test(value)) return false;
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { error: 'verwacht een webadres dat begint met http:// of https://' },
);

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
  },
  { error: 'verwacht een organisatie: een object met "id", "kind" en "name"' },
);

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
  organisations: z
    .array(organisationSchema, { error: 'verwacht een lijst met organisaties' })
    .max(L.maxOrganisations, { error: `maximaal ${L.maxOrganisations} organisaties` }),
  relations: z
    .array(relationSchema, { error: 'verwacht een lijst met relaties' })
    .max(L.maxRelations, { error: `maximaal ${L.maxRelations} relaties` }),
});

export type ExchangeDocument = z.infer<typeof exchangeDocumentSchema>;

export const KNOWN_ORGANISATION_FIELDS = new Set(Object.keys(organisationSchema.shape));
export const KNOWN_RELATION_FIELDS = new Set(Object.keys(relationSchema.shape));

/** The published JSON Schema (public/schema/netwerkkaart-v1.schema.json) is generated from this. */
export function exchangeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(exchangeDocumentSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    title: 'Netwerkkaart uitwisselformaat, versie 1',
    description:
      'Een netwerk van Nederlandse gemeenten, verenigingen, ketenpartners en gedeelde diensten, met hun relaties.',
  };
}
