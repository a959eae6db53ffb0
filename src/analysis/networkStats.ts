import type { Organisation } from '../domain/organisation';
import type { GraphIndex } from './graphIndex';
import type { Memberships } from './memberships';

/**
 * Share of all municipalities above which an organisation counts as one that
 * (nearly) every municipality is in. Such an organisation says nothing about
 * a municipality's choices (VNG, IBD), and on the map it connects everything
 * to everything in two steps.
 */
export const NEARLY_ALL = 0.9;

/**
 * Below this many municipalities "nearly all" means little: in a small network
 * every shared organisation links most of them, and leaving those out would
 * leave nothing to compare or to walk through.
 */
const MIN_MUNICIPALITIES = 10;

/** Least share of municipalities a category must cover to count as a division of the country. */
const TERRITORIAL_COVERAGE = 0.95;

/**
 * The real number of members of a network whose listed members are partial.
 * `expectedMembers` is an optional field of the exchange format; read
 * defensively so a file without it, or with a nonsense value, changes nothing.
 */
export function expectedMembersOf(org: Organisation): number | undefined {
  const value = (org as Organisation & { expectedMembers?: unknown }).expectedMembers;
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? Math.round(value)
    : undefined;
}

/**
 * Categories that divide the country: nearly every municipality is in one of
 * their organisations and none is in two (GGD regions, safety regions, labour
 * market regions, environment services). Membership there follows from where
 * a municipality lies; it is not a choice. Read from the data, so a dataset
 * with other regions needs no list here.
 */
export function territorialCategories(index: GraphIndex, memberships: Memberships): Set<string> {
  const perCategory = new Map<string, { covered: number; twice: boolean; orgs: Set<number> }>();
  let municipalities = 0;
  for (const nets of memberships.networksOf.values()) {
    municipalities++;
    const seen = new Set<string>();
    for (const n of nets) {
      const category = index.organisations[n]!.category;
      if (!category) continue;
      let entry = perCategory.get(category);
      if (!entry)
        perCategory.set(category, (entry = { covered: 0, twice: false, orgs: new Set() }));
      entry.orgs.add(n);
      if (seen.has(category)) entry.twice = true;
      else {
        seen.add(category);
        entry.covered++;
      }
    }
  }
  const out = new Set<string>();
  for (const [category, e] of perCategory)
    if (!e.twice && e.orgs.size >= 2 && e.covered >= TERRITORIAL_COVERAGE * municipalities)
      out.add(category);
  return out;
}

const REGION_LABELS: Record<string, string> = {
  ggd: 'GGD-regio',
  veiligheidsregio: 'veiligheidsregio',
  arbeidsmarktregio: 'arbeidsmarktregio',
  omgevingsdienst: 'omgevingsdienst',
};

/** "GGD-regio" for a territorial category; other categories as they are named in the data. */
export function regionLabel(category: string): string {
  return REGION_LABELS[category] ?? category;
}

/**
 * Organisations that nearly every municipality is linked to, by any relation
 * in either direction. On the map, a walk of two steps through one of them
 * reaches every municipality; the neighbourhood view can stop there (see
 * `neighbourhood` in graphIndex.ts). Empty for a network of fewer than ten
 * municipalities.
 */
export function hubs(index: GraphIndex, threshold = NEARLY_ALL): Set<number> {
  const isMunicipality = index.organisations.map((o) => o.kind === 'municipality');
  const municipalities = isMunicipality.filter(Boolean).length;
  const out = new Set<number>();
  if (municipalities < MIN_MUNICIPALITIES) return out;
  index.organisations.forEach((_, i) => {
    const linked = new Set<number>();
    for (const k of index.incident[i]!) {
      const other = index.sources[k] === i ? index.targets[k]! : index.sources[k]!;
      if (other !== i && isMunicipality[other]) linked.add(other);
    }
    // A municipality cannot be linked to itself, so it is measured against the others.
    const others = municipalities - (isMunicipality[i] ? 1 : 0);
    if (linked.size > 0 && linked.size >= threshold * others) out.add(i);
  });
  return out;
}

/** What the data says about one network (an organisation municipalities join or use). */
export interface NetworkStat {
  network: number;
  /** Municipalities listed as members or users. */
  listed: number;
  /** The real number of members when the list is partial (`expectedMembers` above `listed`). */
  expected?: number;
  /** Share of all municipalities in it, from the real number when known. */
  share: number;
  /**
   * How much taking part says about a choice: ln(1 / share), so the rarer, the
   * more; 0 for a network (nearly) every municipality is in.
   */
  rarity: number;
  /** (Nearly) every municipality is in it: it says nothing about a choice. */
  nearlyAll: boolean;
  /** A region of a category that divides the country (see `territorialCategories`). */
  territorial: boolean;
  /** Fewest and most inhabitants among the listed members with a known population. */
  band?: { min: number; max: number };
}

export interface NetworkStats {
  municipalities: number;
  byNetwork: Map<number, NetworkStat>;
  territorial: Set<string>;
  /** Networks (nearly) every municipality is in, most members first. */
  nearlyAll: number[];
}

/** Figures per network, computed once per network and shared by peers, advice and comparison. */
export function networkStats(index: GraphIndex, memberships: Memberships): NetworkStats {
  const municipalities = memberships.networksOf.size;
  const territorial = territorialCategories(index, memberships);
  const byNetwork = new Map<number, NetworkStat>();
  for (const [network, members] of memberships.membersOf) {
    const org = index.organisations[network]!;
    const listed = members.size;
    const declared = expectedMembersOf(org);
    const expected = declared !== undefined && declared > listed ? declared : undefined;
    const share = municipalities ? Math.min(1, (expected ?? listed) / municipalities) : 0;
    let min = Infinity;
    let max = -Infinity;
    for (const m of members) {
      const p = index.organisations[m]!.population;
      if (p === undefined || !(p > 0)) continue;
      min = Math.min(min, p);
      max = Math.max(max, p);
    }
    const nearlyAll = municipalities >= MIN_MUNICIPALITIES && share >= NEARLY_ALL;
    byNetwork.set(network, {
      network,
      listed,
      ...(expected !== undefined ? { expected } : {}),
      share,
      rarity: nearlyAll || share <= 0 ? 0 : Math.log(1 / share),
      nearlyAll,
      territorial: !!org.category && territorial.has(org.category),
      ...(min <= max ? { band: { min, max } } : {}),
    });
  }
  const nearlyAll = [...byNetwork.values()]
    .filter((s) => s.nearlyAll)
    .sort((a, b) => b.share - a.share || a.network - b.network)
    .map((s) => s.network);
  return { municipalities, byNetwork, territorial, nearlyAll };
}
