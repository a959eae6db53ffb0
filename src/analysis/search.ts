import type { Organisation } from '../domain/organisation';

// Fuzzy search on names, short names and CBS codes. Forgiving of accents,
// case and punctuation ("s-Gravenhage", "Fryslan"), ranked so an exact or
// prefix match beats a scattered one.

export const normalise = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function score(query: string, candidate: string): number {
  if (!candidate) return 0;
  if (candidate === query) return 100;
  if (candidate.startsWith(query)) return 80 - Math.min(20, candidate.length - query.length) / 2;
  const word = candidate.split(' ').findIndex((w) => w.startsWith(query));
  if (word >= 0) return 60 - word;
  const at = candidate.indexOf(query);
  if (at >= 0) return 45 - Math.min(10, at);
  // Subsequence: every query letter in order, penalised by the gaps.
  let pos = 0;
  let gaps = 0;
  for (const ch of query) {
    if (ch === ' ') continue;
    const found = candidate.indexOf(ch, pos);
    if (found < 0) return 0;
    gaps += found - pos;
    pos = found + 1;
  }
  return Math.max(1, 30 - gaps);
}

/** The highest score a scattered (subsequence) match can get. */
const SCATTERED_MAX = 30;

export interface SearchHit {
  index: number;
  score: number;
}

export function searchOrganisations(
  organisations: readonly Organisation[],
  query: string,
  limit = 10,
): SearchHit[] {
  const q = normalise(query);
  if (!q) return [];
  const hits: SearchHit[] = [];
  organisations.forEach((org, index) => {
    const best = Math.max(
      score(q, normalise(org.name)),
      org.shortName ? score(q, normalise(org.shortName)) : 0,
      org.cbsCode ? score(q, normalise(org.cbsCode)) : 0,
    );
    if (best > 0) hits.push({ index, score: best });
  });
  // Scattered letters only help when nothing contains the query itself: "gouda"
  // should not also list a region whose name happens to hold g, o, u, d and a.
  if (hits.some((h) => h.score > SCATTERED_MAX)) {
    const kept = hits.filter((h) => h.score > SCATTERED_MAX);
    hits.length = 0;
    hits.push(...kept);
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      (organisations[b.index]!.population ?? 0) - (organisations[a.index]!.population ?? 0) ||
      organisations[a.index]!.name.localeCompare(organisations[b.index]!.name, 'nl'),
  );
  return hits.slice(0, limit);
}
