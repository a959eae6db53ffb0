import type { Position } from '../domain/knowledge';
import type { Network } from '../domain/network';
import { positionSchema } from './exchangeSchema';
import {
  fieldErrors,
  withoutEmptyOptionals,
  type FieldErrors,
  type RecordValidation,
} from './validateRecord';

// A position ("wij zijn koploper / volger op …") from the form, checked by
// the exchange schema's own positionSchema and against the network, with one
// Dutch message per field, the way validateRecord.ts does it for records.

export function validatePosition(
  input: unknown,
  network: Pick<Network, 'organisations' | 'sources' | 'themes'>,
  organisationId: string,
): RecordValidation<Position> {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, errors: { '': 'Verwacht een ingevuld formulier' } };
  // Theme and role are required; an empty choice must say so, not vanish.
  const raw = input as Record<string, unknown>;
  const cleaned = {
    ...(withoutEmptyOptionals(input) as Record<string, unknown>),
    ...(raw.theme === '' ? { theme: '' } : {}),
    ...(raw.role === '' ? { role: '' } : {}),
  };
  const parsed = positionSchema.safeParse(cleaned);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error, cleaned);
  if (raw.theme === '') errors.theme = 'Kies een thema';
  if (raw.role === '') errors.role = 'Kies koploper of volger';
  if (!parsed.success) return { ok: false, errors };
  const value = parsed.data as Position;
  if (!(network.themes ?? []).some((t) => t.id === value.theme))
    errors.theme ??= `Thema "${value.theme}" bestaat niet in dit netwerk`;
  if (value.network !== undefined) {
    if (value.network === organisationId)
      errors.network ??= 'Kies een ander netwerk of een andere dienst dan de gemeente zelf';
    else if (!network.organisations.some((o) => o.id === value.network))
      errors.network ??= `Organisatie "${value.network}" bestaat niet in dit netwerk`;
  }
  if (value.sourceId !== undefined && !network.sources.some((s) => s.id === value.sourceId))
    errors.sourceId ??= `Bron "${value.sourceId}" bestaat niet in dit netwerk`;
  return Object.keys(errors).length === 0 ? { ok: true, value } : { ok: false, errors };
}
