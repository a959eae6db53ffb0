import type { z } from 'zod';
import type { Network } from '../domain/network';
import type { Organisation } from '../domain/organisation';
import { RELATION_TYPE_LABELS, isDirected, relationKey, type Relation } from '../domain/relation';
import { organisationSchema, relationSchema } from './exchangeSchema';
import { recordKnowledgeProblems } from './knowledgeReferences';

// One record from a form, checked by the same schema as import plus the
// reference checks that hold against the current network. Errors come per
// field, so the form can put each message next to its input.

/** Field name -> one Dutch message for that field. */
export type FieldErrors = Partial<Record<string, string>>;

export type RecordValidation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export interface OrganisationContext {
  /** The id of the organisation being changed; absent when adding one. */
  editingId?: string;
}

export interface RelationContext {
  /** relationKey() of the relation being changed; absent when adding one. */
  editingKey?: string;
}

// Fields a form must always send; the rest may be left empty.
const REQUIRED_FIELDS = new Set(['id', 'kind', 'name', 'source', 'target', 'type']);

/**
 * A cleared optional input arrives as '' or undefined: that means "not set".
 * Required fields are left as they are, so an empty name is still reported.
 */
export function withoutEmptyOptionals(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (value === '' && !REQUIRED_FIELDS.has(field)) continue;
    out[field] = value;
  }
  return out;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function fieldErrors(error: z.ZodError, input: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    if (errors[field] !== undefined) continue; // the first problem per field is enough
    const value = (input as Record<string, unknown>)[field];
    // Left out or left empty: one message for both, as a form user sees no difference.
    const empty = value === undefined || (typeof value === 'string' && value.trim() === '');
    errors[field] =
      issue.path.length === 1 && empty ? 'Dit veld is verplicht' : capitalise(issue.message);
  }
  return errors;
}

function notAnObject(input: unknown): FieldErrors | undefined {
  return input && typeof input === 'object' && !Array.isArray(input)
    ? undefined
    : { '': 'Verwacht een ingevuld formulier' };
}

function checkSourceId(
  sourceId: string | undefined,
  network: Pick<Network, 'sources'>,
  errors: FieldErrors,
) {
  if (sourceId !== undefined && !network.sources.some((s) => s.id === sourceId))
    errors.sourceId ??= `Bron "${sourceId}" bestaat niet in dit netwerk`;
}

/** Theme, network and source references of the knowledge fields (issue #15). */
function checkKnowledge(
  kind: 'organisation' | 'relation',
  value: Organisation | Relation,
  network: Pick<Network, 'organisations' | 'sources' | 'themes'>,
  errors: FieldErrors,
) {
  const problems = recordKnowledgeProblems(
    kind,
    value as object as Record<string, unknown>,
    network,
  );
  for (const [field, message] of problems) errors[field] ??= capitalise(message.replace(/\.$/, ''));
}

/** Validate one organisation for adding (no editingId) or changing (editingId). */
export function validateOrganisation(
  input: unknown,
  network: Pick<Network, 'organisations' | 'sources' | 'themes'>,
  { editingId }: OrganisationContext = {},
): RecordValidation<Organisation> {
  const shapeError = notAnObject(input);
  if (shapeError) return { ok: false, errors: shapeError };
  const cleaned = withoutEmptyOptionals(input);
  const parsed = organisationSchema.safeParse(cleaned);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error, cleaned);
  const value = parsed.success ? (parsed.data as Organisation) : undefined;
  const id = (input as Record<string, unknown>).id;
  if (typeof id === 'string' && errors.id === undefined) {
    if (editingId !== undefined && id !== editingId)
      errors.id = 'De id van een bestaande organisatie kan niet worden gewijzigd';
    else if (editingId === undefined && network.organisations.some((o) => o.id === id))
      errors.id = `Er is al een organisatie met id "${id}"; kies een andere id`;
  }
  if (value) {
    checkSourceId(value.sourceId, network, errors);
    checkKnowledge('organisation', value, network, errors);
  }
  return value && Object.keys(errors).length === 0 ? { ok: true, value } : { ok: false, errors };
}

/** Validate one relation for adding (no editingKey) or changing (editingKey). */
export function validateRelation(
  input: unknown,
  network: Pick<Network, 'organisations' | 'relations' | 'sources' | 'themes'>,
  { editingKey }: RelationContext = {},
): RecordValidation<Relation> {
  const shapeError = notAnObject(input);
  if (shapeError) return { ok: false, errors: shapeError };
  const cleaned = withoutEmptyOptionals(input);
  const parsed = relationSchema.safeParse(cleaned);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error, cleaned);
  const value = parsed.success ? (parsed.data as Relation) : undefined;
  const raw = input as Record<string, unknown>;
  const names = new Map(network.organisations.map((o) => [o.id, o.shortName || o.name]));
  for (const end of ['source', 'target'] as const) {
    const ref = raw[end];
    if (typeof ref === 'string' && ref !== '' && errors[end] === undefined && !names.has(ref))
      errors[end] = `Organisatie "${ref}" bestaat niet in dit netwerk`;
  }
  if (value) {
    if (value.source === value.target)
      errors.target ??= 'Een relatie verbindt twee verschillende organisaties';
    const key = relationKey(value);
    if (key !== editingKey && network.relations.some((r) => relationKey(r) === key))
      errors.target ??= duplicateMessage(value, (id) => names.get(id) ?? id);
    checkSourceId(value.sourceId, network, errors);
    checkKnowledge('relation', value, network, errors);
  }
  return value && Object.keys(errors).length === 0 ? { ok: true, value } : { ok: false, errors };
}

function duplicateMessage(rel: Relation, nameOf: (id: string) => string): string {
  const kind = RELATION_TYPE_LABELS[rel.type].nl.toLowerCase();
  const between = isDirected(rel.type)
    ? `van ${nameOf(rel.source)} naar ${nameOf(rel.target)}`
    : `tussen ${nameOf(rel.source)} en ${nameOf(rel.target)}`;
  return `Deze relatie bestaat al: er is al een ${kind} ${between}`;
}

export type RecordKind = 'organisation' | 'relation';

/** One entry point for a form that handles both kinds. */
export function validateRecord(
  kind: 'organisation',
  input: unknown,
  network: Network,
  context?: OrganisationContext,
): RecordValidation<Organisation>;
export function validateRecord(
  kind: 'relation',
  input: unknown,
  network: Network,
  context?: RelationContext,
): RecordValidation<Relation>;
export function validateRecord(
  kind: RecordKind,
  input: unknown,
  network: Network,
  context: OrganisationContext & RelationContext = {},
): RecordValidation<Organisation | Relation> {
  return kind === 'organisation'
    ? validateOrganisation(input, network, context)
    : validateRelation(input, network, context);
}
