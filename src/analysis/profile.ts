import type { Theme } from '../domain/knowledge';
import { ORGANISATION_DOMAINS, type OrganisationDomain } from '../domain/organisation';
import type { RelationRole, RelationType } from '../domain/relation';
import { sizeClassOf, type SizeClass } from '../domain/sizeClass';
import { countSourceUses } from './attribution';
import type { GraphIndex } from './graphIndex';
import { municipalityKnowledge, positionNetwork } from './knowledge';
import type { Memberships } from './memberships';
import { networkStats, type NetworkStats } from './networkStats';
import { findPeers, initialPeerCriteria, whereToStepIn, type Peer, type StepIn } from './peers';

// A municipality on one page, for a note to the college or the raad: its
// facts, what it takes part in grouped by domain, its nearest peers and where
// they are that it is not, where it leads or follows, and the sources of all
// of it. Pure: the page and its tests read the same answer.

/** Domains in the order a profile lists them: national first, then the joint execution, then RegioAtlas's six. */
export const PROFILE_DOMAIN_ORDER: readonly OrganisationDomain[] = [
  'landelijk',
  'ggu',
  'bestuurlijk',
  'zorg',
  'onderwijs',
  'economie',
  'fysiek',
  'veiligheid',
];

export interface ProfileItem {
  organisation: number;
  /** How the municipality is linked to it, in RELATION_TYPES order (usually one). */
  relations: RelationType[];
  role?: RelationRole;
  /** The earliest `since` of its relations. */
  since?: string;
  /** The description in one line. */
  summary?: string;
}

export interface ProfileGroup {
  /** null: organisations without a domain. */
  domain: OrganisationDomain | null;
  items: ProfileItem[];
}

export interface ProfilePosition {
  theme: Theme;
  role: RelationRole;
  /** Names of the networks the role is held in (positions), or learned from (relations). */
  networks: string[];
  learnedFrom: { name: string; since?: string }[];
  taught: { name: string; since?: string }[];
}

export interface MunicipalityProfile {
  of: number;
  sizeClass?: SizeClass;
  groups: ProfileGroup[];
  /** Networks and services in the groups. */
  itemCount: number;
  /** The nearest peers shown (ten). */
  peers: Peer[];
  /** Peers the advice is reasoned over: the peers page's default list, so both pages agree. */
  peerCount: number;
  /** Fewer than ten lie within the default range, so the nearest in size were taken. */
  widened: boolean;
  /** Where most peers are and this municipality is not, most typical first. */
  advice: StepIn[];
  /** All networks advised, of which `advice` holds the first. */
  adviceTotal: number;
  positions: ProfilePosition[];
  /** Source id -> how many facts on the page rest on it. */
  sourceUses: Map<string, number>;
}

export const PROFILE_PEERS = 10;
/** As the peers page shows by default, so the profile's advice is the page's advice. */
export const ADVICE_PEERS = 25;
export const PROFILE_ADVICE = 5;

/**
 * A description in one line: up to the end of its first sentence or clause
 * (a `;` outside brackets), and at most `max` characters, cut at a word.
 */
export function oneLine(text: string | undefined, max = 110): string | undefined {
  if (!text) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  let depth = 0;
  let end = flat.length;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === ';') {
      end = i;
      break;
    } else if (
      depth === 0 &&
      c === '.' &&
      flat[i + 1] === ' ' &&
      /[A-Z]/.test(flat[i + 2] ?? '') &&
      // "o.a. De" and "bijv. Gouda" are not the end of a sentence.
      /[a-z]{3}$/.test(flat.slice(0, i))
    ) {
      end = i;
      break;
    }
  }
  let line = flat.slice(0, end).replace(/[\s.,:]+$/, '');
  if (line.length > max) {
    const cut = line.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    line = `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:(]+$/, '')}…`;
  }
  return line || undefined;
}

const earlier = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined ? a : a < b ? a : b;

/** What a municipality takes part in (member, uses, partner), one item per organisation, grouped by domain. */
export function profileGroups(index: GraphIndex, of: number): ProfileGroup[] {
  const items = new Map<number, ProfileItem>();
  for (const k of index.incident[of]!) {
    const rel = index.relations[k]!;
    if (rel.type === 'knowledge') continue;
    const outgoing = index.sources[k] === of;
    // Members and users point at the body; a chain partnership counts either way.
    if (!outgoing && rel.type !== 'partner') continue;
    const other = outgoing ? index.targets[k]! : index.sources[k]!;
    if (other === of || index.organisations[other]!.kind === 'municipality') continue;
    const item = items.get(other) ?? { organisation: other, relations: [] };
    if (!item.relations.includes(rel.type)) item.relations.push(rel.type);
    if (rel.role === 'frontrunner' || (rel.role && !item.role)) item.role = rel.role;
    const since = earlier(item.since, rel.since);
    if (since) item.since = since;
    items.set(other, item);
  }
  const order = (d: OrganisationDomain | null) =>
    d === null ? PROFILE_DOMAIN_ORDER.length : PROFILE_DOMAIN_ORDER.indexOf(d);
  const groups = new Map<OrganisationDomain | null, ProfileItem[]>();
  for (const item of items.values()) {
    const org = index.organisations[item.organisation]!;
    const domain =
      org.domain && (ORGANISATION_DOMAINS as readonly string[]).includes(org.domain)
        ? org.domain
        : null;
    const summary = oneLine(org.description);
    if (summary) item.summary = summary;
    const typeOrder = ['member', 'uses', 'partner'];
    item.relations.sort((a, b) => typeOrder.indexOf(a) - typeOrder.indexOf(b));
    const list = groups.get(domain) ?? [];
    list.push(item);
    groups.set(domain, list);
  }
  const name = (i: number) => index.organisations[i]!.name;
  return [...groups]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([domain, list]) => ({
      domain,
      items: list.sort((a, b) => name(a.organisation).localeCompare(name(b.organisation), 'nl')),
    }));
}

/** Themes where the municipality leads or follows, with where and from whom. */
export function profilePositions(index: GraphIndex, of: number): ProfilePosition[] {
  const name = (i: number) => index.organisations[i]!.name;
  const out: ProfilePosition[] = [];
  for (const standing of municipalityKnowledge(index, of)) {
    if (!standing.role) continue;
    const networks = [
      ...new Set(
        standing.positions
          .filter((p) => p.role === standing.role)
          .map((p) => positionNetwork(index, p))
          .filter((o) => o !== undefined)
          .map((o) => o.shortName ?? o.name),
      ),
    ];
    out.push({
      theme: standing.theme,
      role: standing.role,
      networks,
      learnedFrom: standing.learnedFrom.map((f) => ({
        name: name(f.from),
        ...(f.since ? { since: f.since } : {}),
      })),
      taught: standing.taught.map((f) => ({
        name: name(f.learner),
        ...(f.since ? { since: f.since } : {}),
      })),
    });
  }
  // Koploper before volger; within a role, in the themes' own order.
  return out.sort((a, b) => Number(a.role !== 'frontrunner') - Number(b.role !== 'frontrunner'));
}

export function municipalityProfile(
  index: GraphIndex,
  memberships: Memberships,
  of: number,
  stats: NetworkStats = networkStats(index, memberships),
): MunicipalityProfile {
  const org = index.organisations[of]!;
  const groups = profileGroups(index, of);
  const result = findPeers(index, memberships, of, initialPeerCriteria(), {
    limit: ADVICE_PEERS,
    stats,
  });
  const advice = whereToStepIn(index, memberships, of, result.peers, stats);
  const peers = result.peers.slice(0, PROFILE_PEERS);
  const positions = profilePositions(index, of);

  // Every fact on the page, by the source it rests on.
  const facts: (string | undefined)[] = [org.sourceId];
  for (const k of index.incident[of]!) facts.push(index.relations[k]!.sourceId);
  for (const g of groups)
    for (const item of g.items) facts.push(index.organisations[item.organisation]!.sourceId);
  for (const p of org.positions ?? []) facts.push(p.sourceId);
  for (const p of peers) facts.push(index.organisations[p.index]!.sourceId);
  const shownAdvice = advice.advised.slice(0, PROFILE_ADVICE);
  for (const s of shownAdvice) facts.push(index.organisations[s.network]!.sourceId);

  const sizeClass = sizeClassOf(org.population);
  return {
    of,
    ...(sizeClass ? { sizeClass } : {}),
    groups,
    itemCount: groups.reduce((n, g) => n + g.items.length, 0),
    peers,
    peerCount: result.peers.length,
    widened: result.widened !== undefined,
    advice: shownAdvice,
    adviceTotal: advice.advised.length,
    positions,
    sourceUses: countSourceUses(facts),
  };
}
