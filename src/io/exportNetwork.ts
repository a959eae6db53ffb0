import { sortNetwork, type Network } from '../domain/network';
import { FORMAT_NAME, FORMAT_VERSION } from './exchangeSchema';

export interface ExchangeDocumentOut extends Network {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  exportedAt: string;
}

/** The whole network as exchange format v1, in a stable order. */
export function toExchangeDocument(network: Network, now: Date = new Date()): ExchangeDocumentOut {
  const sorted = sortNetwork(network);
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    title: sorted.title,
    ...(sorted.referenceDate ? { referenceDate: sorted.referenceDate } : {}),
    exportedAt: now.toISOString(),
    sources: sorted.sources,
    ...(sorted.themes ? { themes: sorted.themes } : {}),
    organisations: sorted.organisations,
    relations: sorted.relations,
  };
}

export function exchangeJson(network: Network, now: Date = new Date()): string {
  return `${JSON.stringify(toExchangeDocument(network, now), null, 2)}\n`;
}

/** netwerkkaart-YYYY-MM-DD.json, in the user's local date; a suffix says what was filtered. */
export function exportFileName(
  now: Date = new Date(),
  suffix?: string,
  extension = 'json',
): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const safeSuffix = suffix
    ?.toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `netwerkkaart-${date}${safeSuffix ? `-${safeSuffix}` : ''}.${extension}`;
}
