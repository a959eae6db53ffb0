import { attribution } from '../analysis/attribution';
import type { Network } from '../domain/network';
import { KIND_LABELS, ORGANISATION_KINDS } from '../domain/organisation';
import { exportFileName } from '../io/exportNetwork';
import { KIND_COLORS } from '../render/palette';
import {
  framedPng,
  framedSvg,
  type LegendEntry,
  type Picture,
  type PictureFrame,
} from '../render/picture';
import type { TextMeasure } from '../render/shapes';
import { formatReferenceDate } from './DataDate';
import { downloadBlob, downloadText } from './download';

// The words every exported picture carries, from the network it shows: the
// date of the data and the sources of what is drawn. One place, so a PNG of
// the map and the picture on a profile say it the same way.

/** What each kind's colour means. */
export function kindColorKey(): LegendEntry[] {
  return ORGANISATION_KINDS.map((k) => ({
    label: KIND_LABELS[k].nl,
    symbol: { shape: 'dot', color: KIND_COLORS[k] },
  }));
}

/** "Gegevens van 1 januari 2025", or that the date is not known. */
export function dataDateLine(network: Pick<Network, 'referenceDate'>): string {
  return network.referenceDate
    ? `Gegevens van ${formatReferenceDate(network.referenceDate)}`
    : 'De datum van deze gegevens is niet vastgelegd';
}

const madeOn = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' });

export function pictureFrame(
  network: Pick<Network, 'referenceDate' | 'sources'>,
  title: string,
  sourceUses: ReadonlyMap<string, number>,
  link?: string,
): PictureFrame {
  const made = `Gemaakt met Netwerkkaart op ${madeOn.format(new Date())}`;
  return {
    title,
    date: dataDateLine(network),
    sources: attribution(network.sources, sourceUses).line,
    link: link ? `${made}: ${link}` : `${made}.`,
  };
}

/** The link that opens a route of this app again, as the address bar would show it. */
export function appLink(route: string): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#${route.startsWith('/') ? route : `/${route}`}`;
}

/** Offers the framed picture as a file; returns its name. */
export async function downloadPicture(
  picture: Picture,
  frame: PictureFrame,
  measure: TextMeasure,
  format: 'png' | 'svg',
  suffix: string | undefined,
): Promise<string> {
  const name = exportFileName(new Date(), suffix, format);
  if (format === 'svg') downloadText(framedSvg(picture, frame, measure), name, 'image/svg+xml');
  else downloadBlob(await framedPng(picture, frame, measure, 2), name);
  return name;
}
