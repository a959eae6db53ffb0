import type { RelationRole } from './relation';

// Knowledge exchange (issue #15): themes of the field, and who leads or
// follows on them. Themes are data (the document's `themes` list), so the
// list can grow without a release; only their shape is fixed here.

export interface Theme {
  /** A short slug: "informatieveiligheid". Organisations and relations refer to it. */
  id: string;
  label: string;
  description?: string;
}

/**
 * A municipality's own stance on a theme: it develops and shares
 * (frontrunner, koploper) or adopts (follower, volger), optionally within a
 * named network or service, with the arguments for that choice kept apart
 * from any note ("geef je intern rekenschap van de argumenten").
 */
export interface Position {
  theme: string;
  role: RelationRole;
  /** Id of the organisation (network, service) the role is taken in. */
  network?: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD). */
  since?: string;
  reason?: string;
  sourceId?: string;
}

/** A municipality holds one position per theme and network: recording again replaces it. */
export function positionKey(position: Pick<Position, 'theme' | 'network'>): string {
  return `${position.theme}|${position.network ?? ''}`;
}

/** Dutch words for the two roles when they stand alone ("Koploper", "Volger"). */
export const ROLE_TITLES: Record<RelationRole, string> = {
  frontrunner: 'Koploper',
  follower: 'Volger',
};

// ---------------------------------------------------------------------------
// Provenance of recorded facts ("Mijn aanvullingen")

const RECORDING_PREFIX = 'vastgelegd-';
const longDate = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const isoDay = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/**
 * The source every fact recorded on one day by one municipality points to:
 * "Vastgelegd door gemeente Gouda op 30 november 2026". One per day, so a
 * shared file says who stated what, and when, without a server.
 */
export function recordingSource(
  recorder: { id: string; name: string },
  date: Date,
): { id: string; title: string; publisher: string; year: number } {
  return {
    id: `${RECORDING_PREFIX}${recorder.id.toLowerCase()}-${isoDay(date)}`,
    title: `Vastgelegd door gemeente ${recorder.name} op ${longDate.format(date)}`,
    publisher: `Gemeente ${recorder.name}`,
    year: date.getFullYear(),
  };
}

/** The recorder's id (lower case) of a recording source id, or undefined for another source. */
export function recorderOfSource(sourceId: string | undefined): string | undefined {
  if (!sourceId?.startsWith(RECORDING_PREFIX)) return undefined;
  return /^vastgelegd-(.+)-\d{4}-\d{2}-\d{2}$/.exec(sourceId)?.[1];
}

/** A position in a few words, for lists of changes: "volger op informatieveiligheid (in ibd)". */
export function describePosition(position: Position): string {
  const role = position.role === 'frontrunner' ? 'koploper' : 'volger';
  return `${role} op ${position.theme}${position.network ? ` (in ${position.network})` : ''}`;
}

/** Whether a value from a record is a position (a list of changes shows it in words). */
export function isPosition(value: unknown): value is Position {
  return !!value && typeof value === 'object' && 'theme' in value && 'role' in value;
}
