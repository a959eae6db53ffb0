import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraphIndex, neighbourhood } from '../../../src/analysis/graphIndex';
import { buildMemberships } from '../../../src/analysis/memberships';
import {
  distanceKm,
  hubs,
  networkStats,
  REGIONAL_REACH_KM,
} from '../../../src/analysis/networkStats';
import {
  findPeers,
  initialPeerCriteria,
  MIN_PEER_SHARE,
  MIN_PEERS,
  MIN_PEERS_IN,
  whereToStepIn,
} from '../../../src/analysis/peers';
import { validateValue } from '../../../src/io/validateDocument';

// The embedded national data, with the default criteria, as a new user meets them.
const result = validateValue(JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')));
if (!result.ok) throw new Error('the national data does not import');
const index = buildGraphIndex(result.network);
const ms = buildMemberships(index);
const stats = networkStats(index, ms);
const criteria = initialPeerCriteria();
const byName = (name: string) => index.organisations.findIndex((o) => o.name === name);
const name = (i: number) => index.organisations[i]!.name;
const id = (i: number) => index.organisations[i]!.id;
const municipalities = index.organisations
  .map((o, i) => ({ o, i }))
  .filter(({ o }) => o.kind === 'municipality');
const peersOf = (municipality: string) =>
  findPeers(index, ms, byName(municipality), criteria, { stats });
const adviceOf = (municipality: string) =>
  whereToStepIn(index, ms, byName(municipality), peersOf(municipality).peers, stats);

/** The twenty municipalities nearest in size on a log scale. */
function nearestInSize(municipality: string, count = 20): string[] {
  const self = index.organisations[byName(municipality)]!;
  return municipalities
    .filter(({ o }) => o !== self)
    .map(({ o }) => ({ o, d: Math.abs(Math.log(o.population! / self.population!)) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map(({ o }) => o.name);
}

describe('peers on the national data', () => {
  it('gives every municipality at least ten peers', () => {
    for (const { i } of municipalities) {
      const r = findPeers(index, ms, i, criteria, { stats });
      expect(r.peers.length, name(i)).toBeGreaterThanOrEqual(MIN_PEERS);
    }
  });

  it.each(['Utrecht', 'Gouda', 'Vlieland', 'Renswoude', 'Amsterdam'])(
    'puts the first five peers of %s among the twenty nearest in size',
    (municipality) => {
      const near = nearestInSize(municipality);
      for (const p of peersOf(municipality).peers.slice(0, 5))
        expect(near, name(p.index)).toContain(name(p.index));
    },
  );

  it('gives Amsterdam the other large cities, G4 first', () => {
    const r = peersOf('Amsterdam');
    expect(r.withinCriteria).toBe(0);
    expect(r.widened).toBeDefined();
    expect(r.peers.slice(0, 3).map((p) => name(p.index))).toEqual([
      'Rotterdam',
      "'s-Gravenhage",
      'Utrecht',
    ]);
    expect(r.peers[0]!.reason).toContain('allebei in G4');
    // The rest are the next largest, not neighbours such as Amstelveen.
    for (const p of r.peers)
      expect(index.organisations[p.index]!.population!).toBeGreaterThan(150_000);
  });

  it('gives Utrecht large cities, not its neighbours, and says the range was widened', () => {
    const r = peersOf('Utrecht');
    expect(r.withinCriteria).toBe(0);
    expect(r.widened!.min).toBeGreaterThan(150_000);
    const names = r.peers.map((p) => name(p.index));
    // Its fellow G4 cities come first among cities of its size, not its neighbours.
    expect(names[0]).toBe("'s-Gravenhage");
    expect(names.slice(0, 5)).toContain('Rotterdam');
    for (const neighbour of ['Lopik', 'Nieuwegein', 'Houten'])
      expect(names).not.toContain(neighbour);
  });

  it('gives Vlieland the smallest municipalities of the country', () => {
    const r = peersOf('Vlieland');
    const smallest = municipalities
      .map(({ o }) => o)
      .filter((o) => o.name !== 'Vlieland')
      .sort((a, b) => a.population! - b.population!)
      .slice(0, MIN_PEERS)
      .map((o) => o.name);
    expect(r.peers.map((p) => name(p.index)).sort()).toEqual([...smallest].sort());
    expect(name(r.peers[0]!.index)).toBe('Schiermonnikoog');
    expect(r.widened).toBeDefined();
  });

  it('ranks Renswoude\u2019s fellow K80 member among the first two', () => {
    const fellow = peersOf('Renswoude')
      .peers.slice(0, 2)
      .find((p) => p.sharedChoices.map(id).includes('k80'));
    expect(fellow && name(fellow.index)).toBe('Baarle-Nassau');
  });

  it('ranks peers that share no choice purely by size (Wijk bij Duurstede)', () => {
    const self = index.organisations[byName('Wijk bij Duurstede')]!;
    const r = peersOf('Wijk bij Duurstede');
    expect(r.widened).toBeUndefined();
    const unshared = r.peers.filter((p) => p.choices === 0);
    expect(unshared.length).toBeGreaterThan(10);
    const distances = unshared.map((p) =>
      Math.abs(Math.log(index.organisations[p.index]!.population! / self.population!)),
    );
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('counts a shared size-band network for a municipality in one (Gouda, G40)', () => {
    const r = peersOf('Gouda');
    expect(r.widened).toBeUndefined();
    expect(r.peers[0]!.sharedChoices.map(id)).toEqual(['g40']);
    expect(r.peers[0]!.reason).toMatch(/allebei in G40 \(landelijk 12%\)/);
  });
});

describe('where to step in, on the national data', () => {
  it('does not advise Utrecht to join M50, K80, P10 or G40; G40 is shown apart', () => {
    const advice = adviceOf('Utrecht');
    const advised = advice.advised.map((s) => id(s.network));
    for (const network of ['m50', 'k80', 'p10', 'g40']) expect(advised).not.toContain(network);
    expect(advice.otherSize.map((s) => id(s.network))).toContain('g40');
  });

  it('does not advise Wijk bij Duurstede to join P10', () => {
    const advice = adviceOf('Wijk bij Duurstede');
    expect(advice.advised.map((s) => id(s.network))).not.toContain('p10');
    expect(advice.tooFew.map((s) => id(s.network))).toContain('p10');
  });

  it('shows Gouda the Metropoolregio apart: a region of neighbours, and Gouda has its own', () => {
    const advice = adviceOf('Gouda');
    expect(advice.advised.map((s) => id(s.network))).not.toContain('reg-mrdh');
    expect(advice.elsewhere.map((s) => id(s.network))).toContain('reg-mrdh');
  });

  it('tells size-band networks from regional bodies whose sizes just vary', () => {
    const stat = (networkId: string) => stats.byNetwork.get(index.indexOf.get(networkId)!)!;
    for (const n of ['g40', 'm50', 'k80', 'p10']) expect(stat(n).sizeSelective, n).toBe(true);
    for (const n of ['reg-midden-holland', 'bel-bsgr']) {
      expect(stat(n).sizeSelective, n).toBe(false);
      expect(stat(n).regional, n).toBeDefined();
    }
    // National networks are never regional, however close their members.
    for (const n of ['g4', 'g40', 'k80']) expect(stat(n).regional, n).toBeUndefined();
  });

  it('advises Gouda M50, which a third of its peers chose', () => {
    const advice = adviceOf('Gouda');
    const m50 = advice.advised.find((s) => id(s.network) === 'm50')!;
    expect(m50).toBeDefined();
    expect(m50.peersIn.length).toBeGreaterThanOrEqual(MIN_PEERS_IN);
    expect(m50.lift).toBeGreaterThan(1);
  });

  it('holds for every municipality: enough peers, a size that fits, never a region', () => {
    for (const { o, i } of municipalities) {
      const peers = findPeers(index, ms, i, criteria, { stats }).peers;
      for (const s of whereToStepIn(index, ms, i, peers, stats).advised) {
        const label = `${o.name}: ${id(s.network)}`;
        expect(s.peersIn.length, label).toBeGreaterThanOrEqual(MIN_PEERS_IN);
        expect(s.peerShare, label).toBeGreaterThanOrEqual(MIN_PEER_SHARE);
        expect(s.stat.territorial, label).toBe(false);
        expect(ms.networksOf.get(i)!.has(s.network), label).toBe(false);
        if (s.stat.regional) {
          // A regional body is advised only next to its members, and not as a
          // second body of a kind the municipality already has.
          const near = [...ms.membersOf.get(s.network)!].some(
            (m) => distanceKm(o as never, index.organisations[m]! as never) <= REGIONAL_REACH_KM,
          );
          expect(near, label).toBe(true);
          const kind = index.organisations[s.network]!.category;
          const sameKind = [...ms.networksOf.get(i)!].some(
            (n) => stats.byNetwork.get(n)?.regional && index.organisations[n]!.category === kind,
          );
          expect(sameKind, label).toBe(false);
        }
        if (s.stat.sizeSelective && s.stat.band) {
          expect(o.population!, label).toBeGreaterThanOrEqual(s.stat.band.min);
          expect(o.population!, label).toBeLessThanOrEqual(s.stat.band.max);
        }
      }
    }
  });
});

describe('hubs on the national data', () => {
  // With the data of 2026-11 the two steps from Gouda hold 372 of 499
  // organisations, and 70 with the hubs left out. Asserted by what they mean, so
  // more regions and bodies in the data do not break it.
  const h = hubs(index);
  const gouda = index.indexOf.get('GM0513')!;
  const isMunicipality = (i: number) => index.organisations[i]!.kind === 'municipality';

  it('are the organisations nearly every municipality is in: VNG and IBD among them', () => {
    expect([...h].map(id)).toEqual(expect.arrayContaining(['vng', 'ibd']));
    for (const n of h)
      expect(ms.membersOf.get(n)!.size, id(n)).toBeGreaterThanOrEqual(0.9 * municipalities.length);
  });

  it('leave out of Gouda\u2019s two steps every municipality it shares only a hub with', () => {
    const full = neighbourhood(index, gouda, 2);
    const skipped = neighbourhood(index, gouda, 2, undefined, { stopAt: h });
    expect([...full].filter(isMunicipality).length).toBe(municipalities.length);
    expect(skipped.size).toBeLessThan(full.size / 3);
    for (const n of neighbourhood(index, gouda, 1)) expect(skipped.has(n)).toBe(true);
    const own = ms.networksOf.get(gouda)!;
    for (const m of [...skipped].filter(isMunicipality)) {
      if (m === gouda) continue;
      const viaNonHub = [...ms.networksOf.get(m)!].some((n) => own.has(n) && !h.has(n));
      expect(viaNonHub, name(m)).toBe(true);
    }
  });
});
