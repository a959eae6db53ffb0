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
  const value: unknown = org.expectedMembers;
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? Math.round(value)
    : undefined;
}

/** The real member count when the data lists only `listed` of them; else undefined. */
export function expectedIfPartial(org: Organisation, listed: number): number | undefined {
  const declared = expectedMembersOf(org);
  return declared !== undefined && declared > listed ? declared : undefined;
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
  jeugdregio: 'jeugdregio',
  'res-regio': 'RES-regio',
  'rmc-regio': 'RMC-regio',
  veiligthuisregio: 'Veilig Thuis-regio',
  'politie-eenheid': 'politie-eenheid',
  'vng-afdeling': 'VNG-afdeling',
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
  /**
   * The members' sizes are chosen, not chance: so many members all within
   * `band` would be very unlikely if size did not matter (G40, M50, K80, P10).
   * Only then is the band a condition for joining.
   */
  sizeSelective: boolean;
  /**
   * The members lie close together: a regional body (a joint arrangement of
   * neighbours), which a municipality elsewhere in the country cannot join.
   * Never set for national networks and joint municipal execution (GGU).
   */
  regional?: { lat: number; lon: number; radiusKm: number };
}

/** A region's members lie within this distance of their centre. */
const REGIONAL_RADIUS_KM = 75;
/** Probability below which members' sizes count as chosen (see `sizeSelective`). */
const SIZE_SELECTIVE_P = 0.05;
/** Fewest listed members to tell a size band from chance. */
const SIZE_SELECTIVE_MIN_MEMBERS = 3;
/** A municipality this close to a regional body's nearest member can join it. */
export const REGIONAL_REACH_KM = 20;

/** Distance between two points on the earth, in km (haversine; plenty for the Netherlands). */
export function distanceKm(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const hasPoint = (o: Organisation): o is Organisation & { lat: number; lon: number } =>
  typeof o.lat === 'number' && typeof o.lon === 'number';

/**
 * How near `municipality` lies to a regional body: the distance to its nearest
 * listed member, in km; undefined when either has no point.
 */
export function distanceToMembers(
  index: GraphIndex,
  memberships: Memberships,
  network: number,
  municipality: number,
): number | undefined {
  const self = index.organisations[municipality];
  if (!self || !hasPoint(self)) return undefined;
  let best: number | undefined;
  for (const m of memberships.membersOf.get(network) ?? []) {
    const o = index.organisations[m]!;
    if (!hasPoint(o)) continue;
    const d = distanceKm(self, o);
    if (best === undefined || d < best) best = d;
  }
  return best;
}

export interface NetworkStats {
  municipalities: number;
  byNetwork: Map<number, NetworkStat>;
  territorial: Set<string>;
  /** Networks (nearly) every municipality is in, most members first. */
  nearlyAll: number[];
}

/** The members' centre and spread, when they all lie within REGIONAL_RADIUS_KM of it. */
function regionalReach(
  index: GraphIndex,
  members: ReadonlySet<number>,
): NetworkStat['regional'] | undefined {
  const points = [...members].map((m) => index.organisations[m]!).filter(hasPoint);
  // One member says nothing about an area; members without a point cannot be placed.
  if (points.length < 2 || points.length < members.size) return undefined;
  const centre = {
    lat: points.reduce((s, p) => s + p.lat, 0) / points.length,
    lon: points.reduce((s, p) => s + p.lon, 0) / points.length,
  };
  const radiusKm = Math.max(...points.map((p) => distanceKm(centre, p)));
  return radiusKm <= REGIONAL_RADIUS_KM ? { ...centre, radiusKm } : undefined;
}

/** Figures per network, computed once per network and shared by peers, advice and comparison. */
export function networkStats(index: GraphIndex, memberships: Memberships): NetworkStats {
  const municipalities = memberships.networksOf.size;
  const territorial = territorialCategories(index, memberships);
  const byNetwork = new Map<number, NetworkStat>();
  const populations: number[] = [];
  for (const m of memberships.networksOf.keys()) {
    const p = index.organisations[m]!.population;
    if (p !== undefined && p > 0) populations.push(p);
  }
  for (const [network, members] of memberships.membersOf) {
    const org = index.organisations[network]!;
    const listed = members.size;
    const expected = expectedIfPartial(org, listed);
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
    const regional =
      org.domain === 'landelijk' || org.domain === 'ggu'
        ? undefined
        : regionalReach(index, members);
    // Joint execution (GGU) is for every municipality, and a regional body's
    // sizes follow from its neighbours: neither has a band to join by.
    let sizeSelective = false;
    if (
      !regional &&
      org.domain !== 'ggu' &&
      min <= max &&
      listed >= SIZE_SELECTIVE_MIN_MEMBERS &&
      populations.length
    ) {
      const inBand = populations.filter((p) => p >= min && p <= max).length / populations.length;
      sizeSelective = inBand ** listed < SIZE_SELECTIVE_P;
    }
    byNetwork.set(network, {
      network,
      listed,
      ...(expected !== undefined ? { expected } : {}),
      share,
      rarity: nearlyAll || share <= 0 ? 0 : Math.log(1 / share),
      nearlyAll,
      territorial: !!org.category && territorial.has(org.category),
      ...(min <= max ? { band: { min, max } } : {}),
      sizeSelective,
      ...(regional ? { regional } : {}),
    });
  }
  const nearlyAll = [...byNetwork.values()]
    .filter((s) => s.nearlyAll)
    .sort((a, b) => b.share - a.share || a.network - b.network)
    .map((s) => s.network);
  return { municipalities, byNetwork, territorial, nearlyAll };
}
