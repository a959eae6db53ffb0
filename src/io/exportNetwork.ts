import { sortNetwork, type Network } from '../domain/network';
import type { Organisation } from '../domain/organisation';
import { FORMAT_NAME, FORMAT_VERSION } from './exchangeSchema';
import { roundCoordinate, type NodePositions } from './positions';

export interface ExchangeDocumentOut extends Network {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  exportedAt: string;
}

/** An organisation with its place in the layout, as the exchange format carries it. */
function withPosition(org: Organisation, positions: NodePositions): Organisation {
  const p = positions.get(org.id);
  if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return org;
  return { ...org, x: roundCoordinate(p.x), y: roundCoordinate(p.y) } as Organisation;
}

/**
 * The whole network as exchange format v1, in a stable order. With
 * `positions` (the saved layout) each organisation carries its x and y, so
 * the network looks the same after an import elsewhere; snapshots leave them
 * out, since they compare data, not pictures.
 */
export function toExchangeDocument(
  network: Network,
  now: Date = new Date(),
  positions?: NodePositions,
): ExchangeDocumentOut {
  const sorted = sortNetwork(network);
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    title: sorted.title,
    ...(sorted.referenceDate ? { referenceDate: sorted.referenceDate } : {}),
    exportedAt: now.toISOString(),
    sources: sorted.sources,
    ...(sorted.themes ? { themes: sorted.themes } : {}),
    organisations: positions?.size
      ? sorted.organisations.map((o) => withPosition(o, positions))
      : sorted.organisations,
    relations: sorted.relations,
  };
}

export function exchangeJson(
  network: Network,
  now: Date = new Date(),
  positions?: NodePositions,
): string {
  return `${JSON.stringify(toExchangeDocument(network, now, positions), null, 2)}\n`;
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
