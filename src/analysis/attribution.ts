import type { Network, Source } from '../domain/network';

// The sources a picture or a page rests on, in one short line for its
// footer: "Bron: CBS (CC BY 4.0), VNG, Overheid.nl en 12 andere bronnen".
// CBS figures may be used under CC BY 4.0 with the attribution "Bron: CBS";
// a source that states its own licence is named with it.

export const CBS_LICENCE = 'CC BY 4.0';

const isCbs = (s: Source) => /^CBS\b/.test(s.publisher ?? '') || /^CBS\b/.test(s.title);

/** The licence a source is used under, where it is known. */
export function licenceOf(source: Source): string | undefined {
  return source.licence ?? (isCbs(source) ? CBS_LICENCE : undefined);
}

const SHORT_NAMES: Record<string, string> = {
  'Vereniging van Nederlandse Gemeenten': 'VNG',
};

/** The publisher in a few words: "Overheid.nl (officielebekendmakingen.nl)" -> "Overheid.nl". */
export function shortPublisher(source: Source): string {
  if (isCbs(source)) return 'CBS';
  const full = (source.publisher ?? source.title).trim();
  const short = full
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/\s+\/\s+.*$/, '')
    .replace(/:.*$/, '')
    .trim();
  return SHORT_NAMES[short] ?? (short || full);
}

/** How often each source is named by the records (organisations, relations, positions). */
export function countSourceUses(
  records: Iterable<{ sourceId?: string | undefined } | string | undefined>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) {
    const id = typeof r === 'string' ? r : r?.sourceId;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Every source id a network's records name, each as often as it is named. */
export function networkSourceUses(network: Pick<Network, 'organisations' | 'relations'>) {
  return countSourceUses(
    (function* () {
      for (const o of network.organisations) {
        yield o;
        for (const p of o.positions ?? []) yield p;
      }
      yield* network.relations;
    })(),
  );
}

export interface Attribution {
  /** One line for a footer. */
  line: string;
  /** Publishers named, most used first (CBS always first when used). */
  named: { name: string; licence?: string }[];
  /** Publishers not named in the line. */
  others: number;
}

/**
 * The line naming the publishers of the sources used: CBS first, then by how
 * many facts rest on them; at most `max` by name, the rest counted.
 */
export function attribution(
  sources: readonly Source[],
  uses: ReadonlyMap<string, number>,
  { max = 5 }: { max?: number } = {},
): Attribution {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const publishers = new Map<string, { uses: number; licence?: string; cbs: boolean }>();
  for (const [id, n] of uses) {
    const source = byId.get(id);
    if (!source) continue;
    const name = shortPublisher(source);
    const entry = publishers.get(name) ?? { uses: 0, cbs: isCbs(source) };
    entry.uses += n;
    const licence = licenceOf(source);
    if (licence && !entry.licence) entry.licence = licence;
    publishers.set(name, entry);
  }
  const ranked = [...publishers]
    .sort(
      ([an, a], [bn, b]) =>
        Number(b.cbs) - Number(a.cbs) || b.uses - a.uses || an.localeCompare(bn, 'nl'),
    )
    .map(([name, p]) => ({ name, ...(p.licence ? { licence: p.licence } : {}) }));
  const named = ranked.slice(0, max);
  const others = ranked.length - named.length;
  if (named.length === 0)
    return { line: 'Bron: niet vastgelegd in de gegevens.', named: [], others: 0 };
  const words = named.map((p) => (p.licence ? `${p.name} (${p.licence})` : p.name));
  const list =
    others > 0
      ? `${words.join(', ')} en ${others} ${others === 1 ? 'andere bron' : 'andere bronnen'}`
      : words.length > 1
        ? `${words.slice(0, -1).join(', ')} en ${words[words.length - 1]}`
        : words[0]!;
  return { line: `Bron: ${list}.`, named, others };
}
