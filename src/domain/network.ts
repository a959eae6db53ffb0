import type { Theme } from './knowledge';
import type { Organisation } from './organisation';
import { relationKey, type Relation } from './relation';

export interface Source {
  id: string;
  title: string;
  publisher?: string;
  year?: number;
  url?: string;
  licence?: string;
}

/** The network as the app holds it: what the exchange format carries, minus envelope fields. */
export interface Network {
  title: string;
  /** The date the data describes (ISO YYYY-MM-DD), e.g. the regional division of 1 January. */
  referenceDate?: string;
  sources: Source[];
  organisations: Organisation[];
  relations: Relation[];
  /** The themes records may refer to, in the order the field lists them. */
  themes?: Theme[];
}

export function emptyNetwork(title = 'Nieuw netwerk'): Network {
  return { title, sources: [], organisations: [], relations: [] };
}

/** Broken invariants of a network, as plain sentences (empty when the network is sound). */
export function networkProblems(network: Network): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const org of network.organisations) {
    if (ids.has(org.id)) problems.push(`dubbele id "${org.id}"`);
    ids.add(org.id);
  }
  const keys = new Set<string>();
  for (const rel of network.relations) {
    if (!ids.has(rel.source)) problems.push(`relatie naar onbekende bron "${rel.source}"`);
    if (!ids.has(rel.target)) problems.push(`relatie naar onbekend doel "${rel.target}"`);
    if (rel.source === rel.target) problems.push(`relatie van "${rel.source}" naar zichzelf`);
    const key = relationKey(rel);
    if (keys.has(key)) problems.push(`dubbele relatie ${key}`);
    keys.add(key);
  }
  return problems;
}

/** Stable order, so exports of the same network are byte-identical. */
export function sortNetwork(network: Network): Network {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const relCmp = (a: Relation, b: Relation) => {
    const ka = relationKey(a);
    const kb = relationKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  return {
    title: network.title,
    ...(network.referenceDate ? { referenceDate: network.referenceDate } : {}),
    sources: [...network.sources].sort(byId),
    organisations: [...network.organisations].sort(byId),
    relations: [...network.relations].sort(relCmp),
    // Themes keep their curated order: it is how the field lists them.
    ...(network.themes?.length ? { themes: [...network.themes] } : {}),
  };
}
