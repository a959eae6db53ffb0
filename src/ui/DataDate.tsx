import type { Network } from '../domain/network';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });

/** "1 januari 2025" for an ISO date, or the text itself when it is not one. */
export function formatReferenceDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** The date the data describes and how many sources it rests on, beside every map. */
export function DataDate({ network }: { network: Network }) {
  return (
    <p className="hint data-date" data-testid="data-date">
      {network.referenceDate
        ? `Gegevens van ${formatReferenceDate(network.referenceDate)}`
        : 'De datum van deze gegevens is niet vastgelegd'}
      {network.sources.length > 0 ? ` · ${network.sources.length} bronnen` : ''}.
    </p>
  );
}
