import { CBS_SIZE_CLASSES, sizeClassOf } from '../domain/sizeClass';
import type { GraphIndex } from './graphIndex';
import type { Memberships } from './memberships';
import { expectedIfPartial } from './networkStats';

export interface Coverage {
  network: number;
  /** Municipal members and users listed in the data. */
  members: number;
  /** Share of all municipalities listed, 0–1; a lower bound when `partial`. */
  share: number;
  /**
   * The body's real number of members when the data lists only some of them
   * (Organisation.expectedMembers larger than the listed count).
   */
  expected?: number;
  /** The list is known to be incomplete: every figure from it is a lower bound. */
  partial: boolean;
  /** Per CBS size class: members and all municipalities of that class. */
  bySizeClass: { code: number; members: number; total: number }[];
  /** Members per province, most first. */
  byProvince: { province: string; members: number }[];
  frontrunners: number[];
}

/** Who of the municipalities takes part in each non-municipal organisation. */
export function networkCoverage(index: GraphIndex, memberships: Memberships): Coverage[] {
  const classTotals = new Map<number, number>();
  let municipalities = 0;
  index.organisations.forEach((o) => {
    if (o.kind !== 'municipality') return;
    municipalities++;
    const c = sizeClassOf(o.population)?.code;
    if (c !== undefined) classTotals.set(c, (classTotals.get(c) ?? 0) + 1);
  });
  const out: Coverage[] = [];
  index.organisations.forEach((o, i) => {
    if (o.kind === 'municipality') return;
    const members = memberships.membersOf.get(i) ?? new Set<number>();
    const byClass = new Map<number, number>();
    const byProvince = new Map<string, number>();
    const frontrunners: number[] = [];
    for (const m of members) {
      const org = index.organisations[m]!;
      const c = sizeClassOf(org.population)?.code;
      if (c !== undefined) byClass.set(c, (byClass.get(c) ?? 0) + 1);
      if (org.province) byProvince.set(org.province, (byProvince.get(org.province) ?? 0) + 1);
      if (memberships.frontrunners.has(`${m}|${i}`)) frontrunners.push(m);
    }
    const expected = expectedIfPartial(o, members.size);
    const partial = expected !== undefined;
    out.push({
      network: i,
      members: members.size,
      share: municipalities ? members.size / municipalities : 0,
      ...(partial ? { expected } : {}),
      partial,
      bySizeClass: CBS_SIZE_CLASSES.classes.map((c) => ({
        code: c.code,
        members: byClass.get(c.code) ?? 0,
        total: classTotals.get(c.code) ?? 0,
      })),
      byProvince: [...byProvince]
        .map(([province, n]) => ({ province, members: n }))
        .sort((a, b) => b.members - a.members || a.province.localeCompare(b.province, 'nl')),
      frontrunners,
    });
  });
  return out;
}
