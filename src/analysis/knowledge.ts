import type { Position, Theme } from '../domain/knowledge';
import type { Network } from '../domain/network';
import type { Organisation } from '../domain/organisation';
import type { Relation, RelationRole } from '../domain/relation';
import type { GraphIndex } from './graphIndex';
import type { Memberships } from './memberships';
import { findPeers, initialPeerCriteria, type Peer } from './peers';

// Who leads and who follows on a theme (issue #15). Roles come from two
// kinds of fact: a municipality's own position ("wij zijn koploper op …"),
// and knowledge relations ("Gouda leerde van Nijmegen"), which make the one
// learned from a frontrunner and the learner a follower on their themes.
// A stated position wins over what relations suggest.

export type ThemeRole = RelationRole;

export interface RoleOnTheme {
  role: ThemeRole;
  /** True when the organisation stated it (a position); false when read from relations. */
  stated: boolean;
}

/** A knowledge relation on a theme, read as "learner learned from `from`". */
export interface LearningFlow {
  learner: number;
  from: number;
  /** Position of the relation in index.relations. */
  relation: number;
  since?: string;
  reason?: string;
  sourceId?: string;
}

/**
 * The two ends of a knowledge relation. Our own records say source = the
 * learner, role 'follower'; a file that marks the source as 'frontrunner'
 * means the source taught, so the ends swap.
 */
function learningEnds(rel: Relation, source: number, target: number) {
  return rel.role === 'frontrunner'
    ? { learner: target, from: source }
    : { learner: source, from: target };
}

const hasTheme = (record: { themes?: string[] }, theme: string) =>
  record.themes?.includes(theme) ?? false;

// Frontrunner outranks follower: whoever shares on a theme also leads on it.
const stronger = (a: ThemeRole | undefined, b: ThemeRole): ThemeRole =>
  a === 'frontrunner' || b === 'frontrunner' ? 'frontrunner' : 'follower';

/**
 * Per organisation id, its role on a theme: what the map colours or
 * highlights for `#/kaart?thema=<theme id>`. Organisations without a role
 * are absent from the map.
 */
export function rolesOnTheme(
  network: Pick<Network, 'organisations' | 'relations'>,
  themeId: string,
): Map<string, RoleOnTheme> {
  const roles = new Map<string, RoleOnTheme>();
  for (const org of network.organisations)
    for (const position of org.positions ?? [])
      if (position.theme === themeId)
        roles.set(org.id, {
          role: stronger(roles.get(org.id)?.role, position.role),
          stated: true,
        });
  const derived = (id: string, role: ThemeRole) => {
    const current = roles.get(id);
    if (current?.stated) return;
    roles.set(id, { role: stronger(current?.role, role), stated: false });
  };
  for (const rel of network.relations) {
    if (rel.type !== 'knowledge' || !hasTheme(rel, themeId)) continue;
    const learnerIsSource = rel.role !== 'frontrunner';
    derived(learnerIsSource ? rel.source : rel.target, 'follower');
    derived(learnerIsSource ? rel.target : rel.source, 'frontrunner');
  }
  return roles;
}

/** The theme a `thema` URL parameter names, if the network knows it. */
export function themeFromParam(
  value: string | null | undefined,
  themes: readonly Theme[] | undefined,
): Theme | undefined {
  return value ? themes?.find((t) => t.id === value) : undefined;
}

export interface RoleHolder {
  organisation: number;
  role: ThemeRole;
  stated: boolean;
  /** Its positions on this theme (none when the role comes from relations). */
  positions: Position[];
}

export interface ThemeOverview {
  theme: Theme;
  frontrunners: RoleHolder[];
  followers: RoleHolder[];
  /** Who learned from whom on this theme, grouped by the one learned from. */
  flows: LearningFlow[];
  /** Networks, services and products that carry the theme. */
  services: number[];
  /** Nobody leads or follows on it yet (services may still exist). */
  empty: boolean;
}

function flowsOn(index: GraphIndex, themeId: string): LearningFlow[] {
  const flows: LearningFlow[] = [];
  index.relations.forEach((rel, k) => {
    if (rel.type !== 'knowledge' || !hasTheme(rel, themeId)) return;
    flows.push({
      ...learningEnds(rel, index.sources[k]!, index.targets[k]!),
      relation: k,
      ...(rel.since ? { since: rel.since } : {}),
      ...(rel.reason ? { reason: rel.reason } : {}),
      ...(rel.sourceId ? { sourceId: rel.sourceId } : {}),
    });
  });
  return flows;
}

const byName = (index: GraphIndex) => (a: number, b: number) =>
  index.organisations[a]!.name.localeCompare(index.organisations[b]!.name, 'nl');

/** Frontrunners, followers, learning flows and services of one theme. */
export function themeOverview(index: GraphIndex, theme: Theme): ThemeOverview {
  const roles = rolesOnTheme(index.network, theme.id);
  const holders: RoleHolder[] = [];
  for (const [id, { role, stated }] of roles) {
    const i = index.indexOf.get(id);
    if (i === undefined) continue;
    const positions = (index.organisations[i]!.positions ?? []).filter((p) => p.theme === theme.id);
    holders.push({ organisation: i, role, stated, positions });
  }
  const order = byName(index);
  holders.sort((a, b) => order(a.organisation, b.organisation));
  const flows = flowsOn(index, theme.id).sort(
    (a, b) => order(a.from, b.from) || order(a.learner, b.learner),
  );
  const services = index.organisations
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => o.kind !== 'municipality' && hasTheme(o, theme.id))
    .map(({ i }) => i)
    .sort(order);
  return {
    theme,
    frontrunners: holders.filter((h) => h.role === 'frontrunner'),
    followers: holders.filter((h) => h.role === 'follower'),
    flows,
    services,
    empty: holders.length === 0,
  };
}

export interface ThemeSummary {
  theme: Theme;
  frontrunners: number;
  followers: number;
  flows: number;
  services: number;
}

/** One line per theme, in the order of the network's theme list. */
export function themeSummaries(index: GraphIndex): ThemeSummary[] {
  return (index.network.themes ?? []).map((theme) => {
    const o = themeOverview(index, theme);
    return {
      theme,
      frontrunners: o.frontrunners.length,
      followers: o.followers.length,
      flows: o.flows.length,
      services: o.services.length,
    };
  });
}

// ---------------------------------------------------------------------------
// Track record: adoption of a theme's networks and services over time

export interface AdoptionPoint {
  year: number;
  /** Municipalities that joined in this year. */
  added: number;
  /** Municipalities with a known year that had joined by the end of it. */
  total: number;
}

export interface Adoption {
  service: number;
  /** Every year from the first to the last known one, gaps filled. */
  points: AdoptionPoint[];
  /** Municipalities that take part without a known year. */
  undated: number;
  /** All municipalities that take part. */
  adopters: number;
}

const yearOf = (since: string | undefined) => (since ? Number(since.slice(0, 4)) : undefined);

/**
 * When municipalities joined a network or service: the `since` of their
 * member/uses relation to it. A municipality that only holds a position in
 * it (a koploper of a product, say) takes part too, dated by that position.
 * A relation's date wins: a position's date says since when it leads or
 * follows there, not since when it is in.
 */
export function adoptionByYear(index: GraphIndex, service: number): Adoption {
  const serviceId = index.organisations[service]!.id;
  const byRelation = new Map<number, number | undefined>();
  const byPosition = new Map<number, number | undefined>();
  const earliest = (map: Map<number, number | undefined>, m: number, year: number | undefined) => {
    const known = map.get(m);
    if (!map.has(m) || (year !== undefined && (known === undefined || year < known)))
      map.set(m, year ?? known);
  };
  for (const k of index.incident[service]!) {
    const rel = index.relations[k]!;
    if ((rel.type !== 'member' && rel.type !== 'uses') || index.targets[k] !== service) continue;
    const s = index.sources[k]!;
    if (index.organisations[s]!.kind === 'municipality') earliest(byRelation, s, yearOf(rel.since));
  }
  index.organisations.forEach((o, i) => {
    if (o.kind !== 'municipality') return;
    for (const p of o.positions ?? [])
      if (p.network === serviceId) earliest(byPosition, i, yearOf(p.since));
  });
  const firstYear = new Map(byPosition);
  for (const [m, year] of byRelation) firstYear.set(m, year);
  const perYear = new Map<number, number>();
  let undated = 0;
  for (const year of firstYear.values()) {
    if (year === undefined || !Number.isFinite(year)) undated++;
    else perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  const years = [...perYear.keys()].sort((a, b) => a - b);
  const points: AdoptionPoint[] = [];
  let total = 0;
  if (years.length)
    for (let year = years[0]!; year <= years[years.length - 1]!; year++) {
      const added = perYear.get(year) ?? 0;
      total += added;
      points.push({ year, added, total });
    }
  return { service, points, undated, adopters: firstYear.size };
}

// ---------------------------------------------------------------------------
// One municipality: where it leads, follows, is absent, and who to learn from

export interface ThemeStanding {
  theme: Theme;
  /** Undefined: absent on this theme. */
  role?: ThemeRole;
  stated: boolean;
  positions: Position[];
  learnedFrom: LearningFlow[];
  taught: LearningFlow[];
  /** The theme's networks and services it takes part in (member or uses). */
  services: number[];
}

export function municipalityKnowledge(index: GraphIndex, of: number): ThemeStanding[] {
  const org = index.organisations[of]!;
  const joined = new Set<number>();
  for (const k of index.incident[of]!) {
    const rel = index.relations[k]!;
    if ((rel.type === 'member' || rel.type === 'uses') && index.sources[k] === of)
      joined.add(index.targets[k]!);
  }
  return (index.network.themes ?? []).map((theme) => {
    const role = rolesOnTheme({ organisations: [org], relations: [] }, theme.id).get(org.id);
    const flows = flowsOn(index, theme.id);
    const learnedFrom = flows.filter((f) => f.learner === of);
    const taught = flows.filter((f) => f.from === of);
    const derived: ThemeRole | undefined = taught.length
      ? 'frontrunner'
      : learnedFrom.length
        ? 'follower'
        : undefined;
    const services = [...joined].filter((n) => hasTheme(index.organisations[n]!, theme.id));
    return {
      theme,
      ...((role?.role ?? derived) ? { role: role?.role ?? derived } : {}),
      stated: role !== undefined,
      positions: (org.positions ?? []).filter((p) => p.theme === theme.id),
      learnedFrom,
      taught,
      services: services.sort(byName(index)),
    };
  });
}

/**
 * Municipalities to compare with when looking for someone to learn from.
 * The one place that calls the peers analysis, so a better scoring there
 * arrives here unchanged. The band is wider than the peers page's default
 * because few municipalities have recorded a role yet, and nobody inside it
 * is cut off by a count: the score only orders them.
 */
export function learningPeers(index: GraphIndex, memberships: Memberships, of: number): Peer[] {
  const everyone = index.organisations.length;
  return findPeers(
    index,
    memberships,
    of,
    { ...initialPeerCriteria(), tolerance: 50 },
    { limit: everyone },
    // Similar size means within the band: the widening that keeps the peers
    // page from ever being empty would add municipalities of another size here.
  ).peers.filter((p) => p.withinCriteria);
}

export interface LearnSuggestion {
  theme: Theme;
  /** Peers of similar size that lead on the theme, most alike first. */
  peers: { peer: Peer; positions: Position[] }[];
  /** Other municipalities that lead on it (another size), by name. */
  others: number[];
}

/** "Van wie kunt u leren": for each theme `of` is absent on, who leads on it. */
export function whoToLearnFrom(
  index: GraphIndex,
  of: number,
  standings: readonly ThemeStanding[],
  peers: readonly Peer[],
): LearnSuggestion[] {
  const peerRank = new Map(peers.map((p, rank) => [p.index, rank]));
  const out: LearnSuggestion[] = [];
  for (const standing of standings) {
    if (standing.role !== undefined) continue;
    const overview = themeOverview(index, standing.theme);
    const leaders = overview.frontrunners
      .filter((h) => h.organisation !== of)
      .filter((h) => index.organisations[h.organisation]!.kind === 'municipality');
    const fromPeers = leaders
      .filter((h) => peerRank.has(h.organisation))
      .sort((a, b) => peerRank.get(a.organisation)! - peerRank.get(b.organisation)!)
      .map((h) => ({ peer: peers[peerRank.get(h.organisation)!]!, positions: h.positions }));
    const others = leaders.filter((h) => !peerRank.has(h.organisation)).map((h) => h.organisation);
    if (fromPeers.length || others.length)
      out.push({ theme: standing.theme, peers: fromPeers, others });
  }
  // Themes where a peer leads come first: that is who to call.
  return out.sort((a, b) => Number(b.peers.length > 0) - Number(a.peers.length > 0));
}

/** Display name of a position's network, or undefined when it names none. */
export function positionNetwork(index: GraphIndex, position: Position): Organisation | undefined {
  if (!position.network) return undefined;
  const i = index.indexOf.get(position.network);
  return i === undefined ? undefined : index.organisations[i];
}

/**
 * A part of a network (what is on screen, say) that stands on its own as a
 * document: with the themes its records name and the sources its positions
 * cite, and without positions held in a network outside the part, which a
 * file could not refer to.
 */
export function withKnowledgeReferences(part: Network, whole: Network): Network {
  const ids = new Set(part.organisations.map((o) => o.id));
  const inside = (p: Position) => !p.network || ids.has(p.network);
  const organisations = part.organisations.map((org): Organisation => {
    if (!org.positions || org.positions.every(inside)) return org;
    const { positions, ...rest } = org;
    const kept = positions.filter(inside);
    return kept.length ? { ...rest, positions: kept } : rest;
  });
  const themeIds = new Set<string>();
  const sourceIds = new Set(part.sources.map((s) => s.id));
  for (const org of organisations) {
    for (const t of org.themes ?? []) themeIds.add(t);
    for (const p of org.positions ?? []) {
      themeIds.add(p.theme);
      if (p.sourceId) sourceIds.add(p.sourceId);
    }
  }
  for (const rel of part.relations) for (const t of rel.themes ?? []) themeIds.add(t);
  const themes = (whole.themes ?? []).filter((t) => themeIds.has(t.id));
  return {
    ...part,
    sources: whole.sources.filter((s) => sourceIds.has(s.id)),
    organisations,
    ...(themes.length ? { themes } : {}),
  };
}
