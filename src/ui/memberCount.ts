import { formatNumber } from './format';

// One wording for a member count wherever it is shown: a partial list is
// never presented as a complete figure.

/**
 * "64", or "11 van 64 bekend" when the data lists only part of the members
 * (`expected` as given by expectedIfPartial).
 */
export function memberCountText(listed: number, expected: number | undefined): string {
  return expected !== undefined && expected > listed
    ? `${formatNumber(listed)} van ${formatNumber(expected)} bekend`
    : formatNumber(listed);
}

/** Read aloud and shown on hover beside a partial count. */
export function partialListNote(listed: number, expected: number): string {
  return `Lijst onvolledig: de bron noemt ${formatNumber(expected)} leden, de gegevens ${formatNumber(listed)} daarvan. Aandelen en verdelingen gaan over de bekende leden.`;
}
