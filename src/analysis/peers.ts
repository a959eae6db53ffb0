import { displayName } from '../domain/organisation';
import { sizeClassOf, type SizeClass } from '../domain/sizeClass';
import type { GraphIndex } from './graphIndex';
import type { Memberships } from './memberships';
import {
  distanceToMembers,
  networkStats,
  REGIONAL_REACH_KM,
  regionLabel,
  type NetworkStat,
  type NetworkStats,
} from './networkStats';

export { territorialCategories } from './networkStats';

/** The peer criteria as a descriptor, so one generic form can render them. */
export const PEER_PARAMETERS = [
  {
    id: 'tolerance',
    label: 'Verschil in inwoners (±%)',
    type: 'number',
    default: 25,
    min: 1,
    max: 200,
    step: 1,
  },
  {
    id: 'networkWeight',
    label: 'Gewicht gedeelde keuzes (%)',
    type: 'number',
    default: 25,
    min: 0,
    max: 100,
    step: 5,
  },
  {
    id: 'regionWeight',
    label: "Gewicht zelfde regio's (%)",
    type: 'number',
    default: 0,
    min: 0,
    max: 100,
    step: 5,
  },
  { id: 'sameProvince', label: 'Alleen dezelfde provincie', type: 'boolean', default: false },
  { id: 'sameSizeClass', label: 'Alleen dezelfde grootteklasse', type: 'boolean', default: false },
] as const;

export interface PeerCriteria {
  /** Largest difference in inhabitants, in percent of the municipality's own. */
  tolerance: number;
  /** 0–100: how much shared choices (networks joined) count. */
  networkWeight: number;
  /** 0–100: how much lying in the same regions counts (neighbourhood, not a choice). */
  regionWeight: number;
  sameProvince: boolean;
  sameSizeClass: boolean;
}

export const initialPeerCriteria = (): PeerCriteria => ({
  tolerance: 25,
  networkWeight: 25,
  regionWeight: 0,
  sameProvince: false,
  sameSizeClass: false,
});

/**
 * Fewest peers shown. When the criteria leave fewer, the range in
 * inhabitants is widened to the nearest in size: an empty answer helps nobody,
 * and the largest and smallest municipalities have no one within 25 %.
 */
export const MIN_PEERS = 10;

/**
 * Closeness in size is 1 at the same population and halves with every factor
 * of this much larger or smaller (1.5: half for 50 % more or a third less).
 * Fixed rather than tied to the tolerance, so a score means the same for
 * Vlieland as for Utrecht, and widening the range does not inflate it.
 */
export const SIZE_HALF_RATIO = 1.5;

export function sizeCloseness(population: number, reference: number): number {
  return 0.5 ** (Math.abs(Math.log(population / reference)) / Math.log(SIZE_HALF_RATIO));
}

export interface Peer {
  index: number;
  /** 0–1: the weighted sum of the three factors below. */
  score: number;
  /** Relative difference in inhabitants, e.g. -0.08 for 8% fewer. */
  populationDelta: number;
  /** 0–1, see `sizeCloseness`. */
  size: number;
  /** 0–1: shared choices over the choices of both, each network weighted by its rarity. */
  choices: number;
  /** 0–1: share of the region divisions in which both lie in the same region. */
  regions: number;
  /** Networks both chose, rarest first. */
  sharedChoices: number[];
  /** Territorial categories in which both lie in the same region. */
  sharedRegions: string[];
  sameProvince: boolean;
  /** False for a peer added when the range was widened. */
  withinCriteria: boolean;
  reason: string;
}

export interface PeerWeights {
  size: number;
  choices: number;
  regions: number;
}

export interface PeerResult {
  peers: Peer[];
  /** Municipalities that met the criteria as set. */
  withinCriteria: number;
  /** Municipalities that pass the province and size class conditions, at any size. */
  candidates: number;
  /** Set when fewer than MIN_PEERS met the criteria: the range actually shown. */
  widened?: { min: number; max: number; minDelta: number; maxDelta: number };
  /** The weights used, summing to 1. */
  weights: PeerWeights;
}

const percent = new Intl.NumberFormat('nl-NL', {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});
const plainPercent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('nl-NL');

/** "a", "a en b", "a, b en c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** A national share in words; below one percent it is not rounded to nothing. */
export function formatShare(share: number): string {
  return share > 0 && share < 0.005 ? 'minder dan 1%' : plainPercent.format(share);
}

export function peerWeights(criteria: PeerCriteria): PeerWeights {
  const choices = Math.min(100, Math.max(0, criteria.networkWeight)) / 100;
  const regions = Math.min(100, Math.max(0, criteria.regionWeight)) / 100;
  const rest = choices + regions;
  // Two weights that together pass 100 % leave nothing for size; keep their proportion.
  if (rest > 1) return { size: 0, choices: choices / rest, regions: regions / rest };
  return { size: 1 - rest, choices, regions };
}

/** Region per territorial category of one municipality. */
function regionsOf(
  memberships: Memberships,
  stats: NetworkStats,
  index: GraphIndex,
  of: number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of memberships.networksOf.get(of) ?? []) {
    const category = index.organisations[n]!.category;
    if (category && stats.territorial.has(category)) out.set(category, n);
  }
  return out;
}

/**
 * Municipalities like `of`, ranked by a weighted sum of three factors:
 * closeness in size (on a log scale, the backbone), shared choices (networks
 * both joined, weighted by how rare each is, so a network every municipality
 * is in counts for nothing), and lying in the same regions (off by default:
 * neighbours, not choices). Each peer carries its reason in words.
 */
export function findPeers(
  index: GraphIndex,
  memberships: Memberships,
  of: number,
  criteria: PeerCriteria,
  {
    limit = 25,
    stats = networkStats(index, memberships),
  }: { limit?: number; stats?: NetworkStats } = {},
): PeerResult {
  const weights = peerWeights(criteria);
  const empty: PeerResult = { peers: [], withinCriteria: 0, candidates: 0, weights };
  const self = index.organisations[of];
  if (
    !self ||
    self.kind !== 'municipality' ||
    self.population === undefined ||
    !(self.population > 0)
  )
    return empty;
  const p0 = self.population;
  const tol = Math.max(0, criteria.tolerance) / 100;
  const ownClass = sizeClassOf(p0)?.code;

  const candidates: { index: number; population: number; distance: number }[] = [];
  index.organisations.forEach((o, i) => {
    if (i === of || o.kind !== 'municipality' || o.population === undefined || !(o.population > 0))
      return;
    if (criteria.sameProvince && !(self.province && o.province === self.province)) return;
    if (criteria.sameSizeClass && sizeClassOf(o.population)?.code !== ownClass) return;
    candidates.push({
      index: i,
      population: o.population,
      distance: Math.abs(Math.log(o.population / p0)),
    });
  });
  const within = (c: { population: number }) => Math.abs(c.population - p0) / p0 <= tol + 1e-12;
  const withinCount = candidates.filter(within).length;
  let pool = candidates.filter(within);
  let widened: PeerResult['widened'];
  if (withinCount < MIN_PEERS && candidates.length > withinCount) {
    const nearest = [...candidates].sort((a, b) => a.distance - b.distance);
    const reach = nearest[Math.min(MIN_PEERS, nearest.length) - 1]!.distance;
    pool = candidates.filter((c) => within(c) || c.distance <= reach + 1e-12);
    const populations = pool.map((c) => c.population);
    const min = Math.min(...populations);
    const max = Math.max(...populations);
    widened = { min, max, minDelta: (min - p0) / p0, maxDelta: (max - p0) / p0 };
  }

  const ownNets = memberships.networksOf.get(of) ?? new Set<number>();
  const ownRegions = regionsOf(memberships, stats, index, of);
  const isChoice = (s: NetworkStat | undefined): s is NetworkStat =>
    !!s && !s.territorial && s.rarity > 0;
  let ownWeight = 0;
  for (const n of ownNets) {
    const s = stats.byNetwork.get(n);
    if (isChoice(s)) ownWeight += s.rarity;
  }

  const peers: Peer[] = pool.map((c) => {
    const o = index.organisations[c.index]!;
    const nets = memberships.networksOf.get(c.index) ?? new Set<number>();
    let sharedWeight = 0;
    let theirWeight = 0;
    const sharedChoices: number[] = [];
    for (const n of nets) {
      const s = stats.byNetwork.get(n);
      if (!isChoice(s)) continue;
      theirWeight += s.rarity;
      if (ownNets.has(n)) {
        sharedWeight += s.rarity;
        sharedChoices.push(n);
      }
    }
    const unionWeight = ownWeight + theirWeight - sharedWeight;
    const choices = unionWeight > 0 ? sharedWeight / unionWeight : 0;
    sharedChoices.sort(
      (a, b) => stats.byNetwork.get(b)!.rarity - stats.byNetwork.get(a)!.rarity || a - b,
    );

    const theirRegions = regionsOf(memberships, stats, index, c.index);
    const sharedRegions: string[] = [];
    let divisions = 0;
    for (const [category, region] of ownRegions) {
      const theirs = theirRegions.get(category);
      if (theirs === undefined) continue;
      divisions++;
      if (theirs === region) sharedRegions.push(category);
    }
    sharedRegions.sort((a, b) => regionLabel(a).localeCompare(regionLabel(b), 'nl'));
    const regions = divisions ? sharedRegions.length / divisions : 0;

    const size = sizeCloseness(c.population, p0);
    const delta = (c.population - p0) / p0;
    const sameProvince = !!self.province && o.province === self.province;

    const parts = [`${number.format(c.population)} inwoners (${percent.format(delta)})`];
    parts.push(
      sharedChoices.length === 0
        ? 'geen gedeelde keuzes'
        : `allebei in ${listInWords(
            sharedChoices.map(
              (n) =>
                `${displayName(index.organisations[n]!)} (landelijk ${formatShare(stats.byNetwork.get(n)!.share)})`,
            ),
          )}`,
    );
    if (sharedRegions.length) parts.push(sharedRegionsInWords(sharedRegions, divisions));
    if (sameProvince) parts.push('zelfde provincie');

    return {
      index: c.index,
      score: weights.size * size + weights.choices * choices + weights.regions * regions,
      populationDelta: delta,
      size,
      choices,
      regions,
      sharedChoices,
      sharedRegions,
      sameProvince,
      withinCriteria: within(c),
      reason: parts.join('; '),
    };
  });
  const distance = new Map(pool.map((c) => [c.index, c.distance]));
  peers.sort(
    (a, b) =>
      b.score - a.score ||
      distance.get(a.index)! - distance.get(b.index)! ||
      index.organisations[a.index]!.name.localeCompare(index.organisations[b.index]!.name, 'nl'),
  );
  return {
    peers: peers.slice(0, Math.max(limit, MIN_PEERS)),
    withinCriteria: withinCount,
    candidates: candidates.length,
    ...(widened ? { widened } : {}),
    weights,
  };
}

/** Advice needs at least this many peers in a network ... */
export const MIN_PEERS_IN = 3;
/** ... and at least this share of them: one peer in 25 is a coincidence, not a pattern. */
export const MIN_PEER_SHARE = 0.25;

export interface StepIn {
  network: number;
  /** Peers listed in it: frontrunners first, then in the order of the peers. */
  peersIn: number[];
  frontrunners: number[];
  /** Share of the peers listed in it, 0–1 (a lower bound when the list is partial). */
  peerShare: number;
  /** How many times more common among the peers than nationally. */
  lift: number;
  stat: NetworkStat;
}

export interface StepInAdvice {
  /** Networks to consider, most typical of the peers (highest lift) first. */
  advised: StepIn[];
  /**
   * Networks enough peers joined whose listed members all lie in a size band
   * the municipality is outside (M50, K80, P10, G40): shown apart, not advised.
   */
  otherSize: StepIn[];
  /** Networks some peers joined, too few to advise; most peers first. */
  tooFew: StepIn[];
  /**
   * Regional bodies (joint arrangements of neighbours) enough peers joined,
   * far from `of` or of a kind it already has (its own tax cooperation,
   * archive or regional platform): shown apart, not advised.
   */
  elsewhere: StepIn[];
}

/**
 * Where `of` could step in: networks its peers chose and it has not. A
 * network is advised when at least MIN_PEERS_IN and MIN_PEER_SHARE of the
 * peers are in it and `of` lies within the size band of its members; ranked
 * by how much more common it is among the peers than nationally. Regions that
 * divide the country are never advised: membership there follows from where a
 * municipality lies.
 */
export function whereToStepIn(
  index: GraphIndex,
  memberships: Memberships,
  of: number,
  peers: readonly Peer[],
  stats: NetworkStats = networkStats(index, memberships),
): StepInAdvice {
  const advice: StepInAdvice = { advised: [], otherSize: [], tooFew: [], elsewhere: [] };
  if (peers.length === 0) return advice;
  const own = memberships.networksOf.get(of) ?? new Set<number>();
  const population = index.organisations[of]?.population;
  // Kinds of regional body `of` already has (a tax cooperation, an archive,
  // a regional platform): a second one of the same kind is not a choice.
  const ownRegionalKinds = new Set<string>();
  for (const n of own) {
    const category = index.organisations[n]!.category;
    if (category && stats.byNetwork.get(n)?.regional) ownRegionalKinds.add(category);
  }
  const inNetwork = new Map<number, number[]>();
  for (const peer of peers) {
    for (const n of memberships.networksOf.get(peer.index) ?? []) {
      if (own.has(n) || stats.byNetwork.get(n)?.territorial) continue;
      const list = inNetwork.get(n) ?? [];
      list.push(peer.index);
      inNetwork.set(n, list);
    }
  }
  for (const [network, listed] of inNetwork) {
    const stat = stats.byNetwork.get(network)!;
    const isFrontrunner = (m: number) => memberships.frontrunners.has(`${m}|${network}`);
    const frontrunners = listed.filter(isFrontrunner);
    const peerShare = listed.length / peers.length;
    const step: StepIn = {
      network,
      peersIn: [...frontrunners, ...listed.filter((m) => !isFrontrunner(m))],
      frontrunners,
      peerShare,
      lift: stat.share > 0 ? peerShare / stat.share : 0,
      stat,
    };
    if (listed.length < MIN_PEERS_IN || peerShare < MIN_PEER_SHARE) advice.tooFew.push(step);
    else if (
      stat.regional &&
      (ownRegionalKinds.has(index.organisations[network]!.category ?? '') ||
        !withinReach(index, memberships, network, of))
    )
      advice.elsewhere.push(step);
    else if (
      population !== undefined &&
      stat.sizeSelective &&
      stat.band &&
      outsideBand(population, stat.band)
    )
      advice.otherSize.push(step);
    else advice.advised.push(step);
  }
  const name = (s: StepIn) => index.organisations[s.network]!.name;
  const byLift = (a: StepIn, b: StepIn) =>
    b.lift - a.lift || b.peerShare - a.peerShare || name(a).localeCompare(name(b), 'nl');
  advice.advised.sort(byLift);
  advice.otherSize.sort(byLift);
  advice.elsewhere.sort(byLift);
  advice.tooFew.sort(
    (a, b) => b.peersIn.length - a.peersIn.length || name(a).localeCompare(name(b), 'nl'),
  );
  return advice;
}

/** The figures of a step-in in words, as the page shows them and a secretary can repeat them. */
export function describeStepIn(
  step: StepIn,
  peerCount: number,
): { peers: string; national: string; band?: string } {
  const { stat } = step;
  // With a partial list, peers that are not listed may still be members.
  const peers = `${stat.expected !== undefined ? 'minstens ' : ''}${step.peersIn.length} van ${peerCount} vergelijkbare gemeenten`;
  const national =
    `landelijk ${formatShare(stat.share)}` +
    (stat.expected !== undefined
      ? ` (lijst onvolledig: ${number.format(stat.listed)} van ${number.format(stat.expected)} bekend)`
      : '');
  return {
    peers,
    national,
    // A band is a condition only where the members' sizes are chosen (see sizeSelective).
    ...(stat.band && stat.sizeSelective
      ? {
          band: `voor gemeenten van ${number.format(stat.band.min)} tot ${number.format(stat.band.max)} inwoners`,
        }
      : {}),
  };
}

/** Up to three regions by name; neighbours that share most say so in a count. */
const REGIONS_NAMED = 3;
function sharedRegionsInWords(shared: readonly string[], divisions: number): string {
  if (shared.length <= REGIONS_NAMED) return `zelfde ${listInWords(shared.map(regionLabel))}`;
  const named = listInWords(shared.slice(0, REGIONS_NAMED).map(regionLabel));
  return `zelfde regio in ${shared.length} van de ${divisions} indelingen (o.a. ${named})`;
}

/** A regional body is open to a municipality next to (or among) its members. */
function withinReach(index: GraphIndex, memberships: Memberships, network: number, of: number) {
  const d = distanceToMembers(index, memberships, network, of);
  return d === undefined || d <= REGIONAL_REACH_KM;
}

function outsideBand(population: number, band: { min: number; max: number }): boolean {
  return population < band.min || population > band.max;
}

export interface MunicipalityFacts {
  index: number;
  population?: number;
  populationYear?: number;
  sizeClass?: SizeClass;
  province?: string;
  /** Networks and services it takes part in, regions included. */
  networks: number;
}

export interface Comparison {
  a: MunicipalityFacts;
  b: MunicipalityFacts;
  /** Networks per category, for both; categories of regions last. */
  categories: { category: string; territorial: boolean; a: number; b: number }[];
  /** Per category that divides the country: the region of each, and whether it is the same. */
  regions: { category: string; a?: number; b?: number; same: boolean }[];
  /** Networks other than regions: in both, only in a, only in b; by name. */
  shared: number[];
  onlyA: number[];
  onlyB: number[];
}

/** Two municipalities side by side: facts, networks per category, regions and memberships. */
export function compareMunicipalities(
  index: GraphIndex,
  memberships: Memberships,
  a: number,
  b: number,
  stats: NetworkStats = networkStats(index, memberships),
): Comparison {
  const na = memberships.networksOf.get(a) ?? new Set<number>();
  const nb = memberships.networksOf.get(b) ?? new Set<number>();
  const facts = (i: number, nets: Set<number>): MunicipalityFacts => {
    const o = index.organisations[i]!;
    return {
      index: i,
      ...(o.population !== undefined ? { population: o.population } : {}),
      ...(o.populationYear !== undefined ? { populationYear: o.populationYear } : {}),
      ...(sizeClassOf(o.population) ? { sizeClass: sizeClassOf(o.population)! } : {}),
      ...(o.province ? { province: o.province } : {}),
      networks: nets.size,
    };
  };
  const categoryOf = (n: number) => index.organisations[n]!.category ?? '';
  const isRegion = (n: number) => stats.territorial.has(categoryOf(n));

  const counts = new Map<string, { a: number; b: number }>();
  for (const [nets, side] of [
    [na, 'a'],
    [nb, 'b'],
  ] as const)
    for (const n of nets) {
      const entry = counts.get(categoryOf(n)) ?? { a: 0, b: 0 };
      entry[side]++;
      counts.set(categoryOf(n), entry);
    }
  const categories = [...counts]
    .map(([category, c]) => ({ category, territorial: stats.territorial.has(category), ...c }))
    .sort(
      (x, y) =>
        Number(x.territorial) - Number(y.territorial) ||
        // Without a category last among the others.
        Number(x.category === '') - Number(y.category === '') ||
        x.category.localeCompare(y.category, 'nl'),
    );

  const regionA = regionsOf(memberships, stats, index, a);
  const regionB = regionsOf(memberships, stats, index, b);
  const regions = [...stats.territorial]
    .filter((c) => regionA.has(c) || regionB.has(c))
    .sort((x, y) => regionLabel(x).localeCompare(regionLabel(y), 'nl'))
    .map((category) => {
      const ra = regionA.get(category);
      const rb = regionB.get(category);
      return {
        category,
        ...(ra !== undefined ? { a: ra } : {}),
        ...(rb !== undefined ? { b: rb } : {}),
        same: ra !== undefined && ra === rb,
      };
    });

  const byName = (x: number, y: number) =>
    index.organisations[x]!.name.localeCompare(index.organisations[y]!.name, 'nl');
  return {
    a: facts(a, na),
    b: facts(b, nb),
    categories,
    regions,
    shared: [...na].filter((n) => nb.has(n) && !isRegion(n)).sort(byName),
    onlyA: [...na].filter((n) => !nb.has(n) && !isRegion(n)).sort(byName),
    onlyB: [...nb].filter((n) => !na.has(n) && !isRegion(n)).sort(byName),
  };
}
