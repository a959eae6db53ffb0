import { CBS_SIZE_CLASSES, sizeClassOf } from '../domain/sizeClass';
import type { GraphIndex } from './graphIndex';
import type { Memberships } from './memberships';
import { expectedIfPartial, regionLabel, territorialCategories } from './networkStats';

// What the map of the Netherlands shows, in terms of the network: which
// networks can be chosen, the regions of a division, and who of the
// municipalities takes part in what is shown. The drawing (boundaries,
// colours) is render/geo's; this file knows only organisations.

/** A region of a division: its organisation and the municipalities in it. */
export interface DivisionRegion {
  /** Position of the region's organisation (a GGD, a veiligheidsregio). */
  item: number;
  name: string;
  /** Positions of its municipalities. */
  members: number[];
}

export interface DivisionChoice {
  category: string;
  /** "GGD-regio" */
  label: string;
  /** "GGD-regio's" */
  plural: string;
  regions: number;
}

/** "GGD-regio's", "omgevingsdiensten", "politie-eenheden": Dutch plurals of the region words. */
export function pluralOf(label: string): string {
  if (/[aeiou]$/i.test(label)) return `${label}'s`;
  if (label.endsWith('heid')) return `${label.slice(0, -'heid'.length)}heden`;
  return `${label}en`;
}

/**
 * Organisations with municipal members or users, by name: what the map can
 * colour. A network without municipalities would leave the map grey.
 */
export function networkChoices(index: GraphIndex, memberships: Memberships): number[] {
  return [...memberships.membersOf.keys()]
    .filter((n) => (memberships.membersOf.get(n)?.size ?? 0) > 0)
    .sort((a, b) => index.organisations[a]!.name.localeCompare(index.organisations[b]!.name, 'nl'));
}

/** The categories that divide the country, as the map offers them: by label. */
export function divisionChoices(index: GraphIndex, memberships: Memberships): DivisionChoice[] {
  const counts = new Map<string, number>();
  const categories = territorialCategories(index, memberships);
  for (const n of memberships.membersOf.keys()) {
    const category = index.organisations[n]!.category;
    if (category && categories.has(category)) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts]
    .map(([category, regions]) => {
      const label = regionLabel(category);
      return { category, label, plural: pluralOf(label), regions };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

/** The regions of a division, by name; empty for a category that is not in the data. */
export function divisionRegions(
  index: GraphIndex,
  memberships: Memberships,
  category: string,
): DivisionRegion[] {
  const out: DivisionRegion[] = [];
  for (const [n, members] of memberships.membersOf) {
    const org = index.organisations[n]!;
    if (org.category !== category || members.size === 0) continue;
    out.push({ item: n, name: org.name, members: [...members].sort((a, b) => a - b) });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * The network whose members the map colours: the one chosen, else the
 * selected organisation when municipalities take part in it (selecting G40 in
 * the search shows where its members lie, as the graph lights them up).
 */
export function shownNetwork(
  index: GraphIndex,
  memberships: Memberships,
  chosen: string | null,
  selected: number | null,
): number | null {
  const chosenAt = chosen === null ? undefined : index.indexOf.get(chosen);
  if (chosenAt !== undefined && memberships.membersOf.has(chosenAt)) return chosenAt;
  if (selected !== null && memberships.membersOf.has(selected)) return selected;
  return null;
}

export interface NetworkOnMap {
  network: number;
  /** Municipalities listed as members or users. */
  members: ReadonlySet<number>;
  listed: number;
  /** The real number when only part of the members is listed. */
  expected?: number;
  municipalities: number;
  /** Per CBS size class: listed members, all municipalities of the class, the share. */
  bySizeClass: { code: number; label: string; members: number; total: number; share: number }[];
}

/** The figures beside the map for a network: how many take part, per size class. */
export function networkOnMap(
  index: GraphIndex,
  memberships: Memberships,
  network: number,
): NetworkOnMap {
  const members = memberships.membersOf.get(network) ?? new Set<number>();
  const totals = new Map<number, number>();
  const inClass = new Map<number, number>();
  let municipalities = 0;
  index.organisations.forEach((o, i) => {
    if (o.kind !== 'municipality') return;
    municipalities++;
    const code = sizeClassOf(o.population)?.code;
    if (code === undefined) return;
    totals.set(code, (totals.get(code) ?? 0) + 1);
    if (members.has(i)) inClass.set(code, (inClass.get(code) ?? 0) + 1);
  });
  const expected = expectedIfPartial(index.organisations[network]!, members.size);
  return {
    network,
    members,
    listed: members.size,
    ...(expected !== undefined ? { expected } : {}),
    municipalities,
    bySizeClass: CBS_SIZE_CLASSES.classes.map((c) => {
      const total = totals.get(c.code) ?? 0;
      const m = inClass.get(c.code) ?? 0;
      return { code: c.code, label: c.label, members: m, total, share: total ? m / total : 0 };
    }),
  };
}

/** The region of `division` a municipality lies in, or null. */
export function regionOf(regions: readonly DivisionRegion[], municipality: number): number | null {
  for (const r of regions) if (r.members.includes(municipality)) return r.item;
  return null;
}

/**
 * Region names as a map shows them: the words most of them start with
 * ("Veiligheidsregio", "GGD", "Veilig Thuis") say the same on every region
 * and are left off, so "Veiligheidsregio Hollands Midden" reads "Hollands
 * Midden". A name that does not start with them stays whole.
 */
export function shortRegionNames(names: readonly string[]): string[] {
  // The longest run of up to three leading words that at least half the names share.
  for (let words = 3; words >= 1; words--) {
    const counts = new Map<string, number>();
    for (const name of names) {
      const parts = name.split(' ');
      if (parts.length <= words) continue;
      const prefix = parts.slice(0, words).join(' ');
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
    let common = '';
    let most = 0;
    for (const [prefix, n] of counts)
      if (n > most) {
        common = prefix;
        most = n;
      }
    if (most >= 2 && most * 2 >= names.length)
      return names.map((name) =>
        name.startsWith(`${common} `) ? name.slice(common.length + 1) : name,
      );
  }
  return [...names];
}
