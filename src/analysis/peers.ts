import { sizeClassOf } from '../domain/sizeClass';
import type { GraphIndex } from './graphIndex';
import { jaccard, type Memberships } from './memberships';

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
    label: 'Gewicht van gedeelde netwerken (%)',
    type: 'number',
    default: 50,
    min: 0,
    max: 100,
    step: 5,
  },
  { id: 'sameProvince', label: 'Alleen dezelfde provincie', type: 'boolean', default: false },
  { id: 'sameSizeClass', label: 'Alleen dezelfde grootteklasse', type: 'boolean', default: false },
] as const;

export interface PeerCriteria {
  /** Largest allowed difference in inhabitants, in percent of the municipality's own. */
  tolerance: number;
  /** 0–100: how much network overlap counts against closeness in size. */
  networkWeight: number;
  sameProvince: boolean;
  sameSizeClass: boolean;
}

export const initialPeerCriteria = (): PeerCriteria => ({
  tolerance: 25,
  networkWeight: 50,
  sameProvince: false,
  sameSizeClass: false,
});

export interface Peer {
  index: number;
  score: number;
  /** Relative difference in inhabitants, e.g. -0.08 for 8% fewer. */
  populationDelta: number;
  sharedNetworks: number;
  /** Networks of either municipality (the Jaccard denominator). */
  unionNetworks: number;
  sameProvince: boolean;
  reason: string;
}

const percent = new Intl.NumberFormat('nl-NL', {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});
const number = new Intl.NumberFormat('nl-NL');

/**
 * Municipalities like `of`: within the tolerance in inhabitants, ranked by
 * closeness in size (on a log scale) blended with the overlap of networks.
 */
export function findPeers(
  index: GraphIndex,
  memberships: Memberships,
  of: number,
  criteria: PeerCriteria,
  limit = 25,
): Peer[] {
  const self = index.organisations[of];
  if (
    !self ||
    self.kind !== 'municipality' ||
    self.population === undefined ||
    self.population <= 0
  )
    return [];
  const p0 = self.population;
  const tol = Math.max(0, criteria.tolerance) / 100;
  // On a log scale the band is symmetric in ratio; the edge of the band scores 0.
  const maxLog = Math.log(1 + tol) || 1e-9;
  const weight = Math.min(100, Math.max(0, criteria.networkWeight)) / 100;
  const ownNets = memberships.networksOf.get(of) ?? new Set<number>();
  const ownClass = sizeClassOf(p0)?.code;
  const peers: Peer[] = [];
  index.organisations.forEach((o, i) => {
    if (i === of || o.kind !== 'municipality' || o.population === undefined || o.population <= 0)
      return;
    const delta = (o.population - p0) / p0;
    if (Math.abs(delta) > tol + 1e-12) return;
    const sameProvince = !!self.province && o.province === self.province;
    if (criteria.sameProvince && !sameProvince) return;
    if (criteria.sameSizeClass && sizeClassOf(o.population)?.code !== ownClass) return;
    const sizeScore = Math.max(0, 1 - Math.abs(Math.log(o.population / p0)) / maxLog);
    const nets = memberships.networksOf.get(i) ?? new Set<number>();
    const overlap = jaccard(ownNets, nets);
    let shared = 0;
    for (const n of nets) if (ownNets.has(n)) shared++;
    const union = ownNets.size + nets.size - shared;
    const parts = [
      `${number.format(o.population)} inwoners (${percent.format(delta)})`,
      `${shared} ${shared === 1 ? 'netwerk' : 'netwerken'} gemeenschappelijk (van ${union} bij beide samen)`,
    ];
    if (sameProvince) parts.push('zelfde provincie');
    peers.push({
      index: i,
      score: (1 - weight) * sizeScore + weight * overlap,
      populationDelta: delta,
      sharedNetworks: shared,
      unionNetworks: union,
      sameProvince,
      reason: parts.join(', '),
    });
  });
  peers.sort(
    (a, b) =>
      b.score - a.score ||
      Math.abs(a.populationDelta) - Math.abs(b.populationDelta) ||
      index.organisations[a.index]!.name.localeCompare(index.organisations[b.index]!.name, 'nl'),
  );
  return peers.slice(0, limit);
}

export interface StepIn {
  network: number;
  /** Share of the peers that take part, 0–1. */
  share: number;
  peersIn: number[];
  /** Peers to ask, frontrunners first. */
  askFirst: number[];
}

/** Least share of municipalities a category must cover to count as a division of the country. */
const TERRITORIAL_COVERAGE = 0.95;

/**
 * Categories that divide the country: nearly every municipality is in one of
 * their organisations and none is in two (GGD regions, safety regions, labour
 * market regions, environment services). Membership there follows from where
 * a municipality lies; it is not something to step into. Read from the data,
 * so a dataset with other regions needs no list here.
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

/**
 * Networks many peers joined and `of` has not, ranked by the share of peers
 * in them. A region of a territorial category (see above) is left out when
 * `of` already has its own region of that category.
 */
export function whereToStepIn(
  index: GraphIndex,
  memberships: Memberships,
  of: number,
  peers: readonly Peer[],
): StepIn[] {
  if (peers.length === 0) return [];
  const own = memberships.networksOf.get(of) ?? new Set<number>();
  const territorial = territorialCategories(index, memberships);
  const ownRegions = new Set<string>();
  for (const n of own) {
    const category = index.organisations[n]!.category;
    if (category && territorial.has(category)) ownRegions.add(category);
  }
  const counts = new Map<number, number[]>();
  for (const peer of peers) {
    for (const n of memberships.networksOf.get(peer.index) ?? []) {
      if (own.has(n)) continue;
      const category = index.organisations[n]!.category;
      if (category && ownRegions.has(category)) continue;
      const list = counts.get(n) ?? [];
      list.push(peer.index);
      counts.set(n, list);
    }
  }
  const out: StepIn[] = [];
  for (const [network, peersIn] of counts) {
    const frontrunnersFirst = [...peersIn].sort(
      (a, b) =>
        Number(memberships.frontrunners.has(`${b}|${network}`)) -
        Number(memberships.frontrunners.has(`${a}|${network}`)),
    );
    out.push({
      network,
      share: peersIn.length / peers.length,
      peersIn,
      askFirst: frontrunnersFirst,
    });
  }
  out.sort(
    (a, b) =>
      b.share - a.share ||
      index.organisations[a.network]!.name.localeCompare(
        index.organisations[b.network]!.name,
        'nl',
      ),
  );
  return out;
}

export interface Comparison {
  shared: number[];
  onlyA: number[];
  onlyB: number[];
}

export function compareMunicipalities(memberships: Memberships, a: number, b: number): Comparison {
  const na = memberships.networksOf.get(a) ?? new Set<number>();
  const nb = memberships.networksOf.get(b) ?? new Set<number>();
  return {
    shared: [...na].filter((n) => nb.has(n)),
    onlyA: [...na].filter((n) => !nb.has(n)),
    onlyB: [...nb].filter((n) => !na.has(n)),
  };
}
