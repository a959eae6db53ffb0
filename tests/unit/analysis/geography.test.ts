import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  divisionChoices,
  divisionRegions,
  networkChoices,
  networkOnMap,
  pluralOf,
  regionOf,
  shortRegionNames,
  shownNetwork,
} from '../../../src/analysis/geography';
import { buildGraphIndex } from '../../../src/analysis/graphIndex';
import { buildMemberships } from '../../../src/analysis/memberships';
import { validateValue } from '../../../src/io/validateDocument';
import { countryNetwork } from './countryFixture';

const country = buildGraphIndex(countryNetwork());
const countryMs = buildMemberships(country);
const at = (id: string) => country.indexOf.get(id)!;
const names = (items: Iterable<number>) =>
  [...items].map((i) => country.organisations[i]!.id).sort();

describe('what the map of the Netherlands offers (hand-made country)', () => {
  it('offers every organisation with municipal members, by name', () => {
    expect(networkChoices(country, countryMs).map((n) => country.organisations[n]!.id)).toEqual([
      'duo',
      'ggd-oost',
      'ggd-west',
      'groot',
      'ibd',
      'klein',
      'midden',
      'vng',
    ]);
  });

  it('offers the categories that divide the country, and their regions', () => {
    expect(divisionChoices(country, countryMs)).toEqual([
      { category: 'ggd', label: 'GGD-regio', plural: "GGD-regio's", regions: 2 },
    ]);
    const regions = divisionRegions(country, countryMs, 'ggd');
    expect(regions.map((r) => r.name)).toEqual(['GGD Oost', 'GGD West']);
    expect(names(regions[1]!.members)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6']);
    expect(regionOf(regions, at('G9'))).toBe(at('ggd-oost'));
    expect(regionOf(regions, at('vng'))).toBeNull();
    expect(divisionRegions(country, countryMs, 'onbekend')).toEqual([]);
  });

  it('colours the chosen network, else a selected one, never a municipality', () => {
    expect(shownNetwork(country, countryMs, 'klein', null)).toBe(at('klein'));
    expect(shownNetwork(country, countryMs, 'klein', at('groot'))).toBe(at('klein'));
    expect(shownNetwork(country, countryMs, null, at('groot'))).toBe(at('groot'));
    expect(shownNetwork(country, countryMs, null, at('G3'))).toBeNull();
    // An id that is not a network with members (gone since the link was made) is ignored.
    expect(shownNetwork(country, countryMs, 'G3', null)).toBeNull();
    expect(shownNetwork(country, countryMs, 'weg', at('duo'))).toBe(at('duo'));
  });

  it('counts a partial list as "3 of 6" and shares per size class over the listed members', () => {
    const klein = networkOnMap(country, countryMs, at('klein'));
    expect(klein.listed).toBe(3);
    expect(klein.expected).toBe(6);
    expect(klein.municipalities).toBe(12);
    expect(names(klein.members)).toEqual(['G2', 'G3', 'G4']);
    // G1 (1 000), G2 (1 200), G3 (2 000) are class 1; G4 (5 000) is class 2 with G5 and G6.
    expect(klein.bySizeClass[0]).toMatchObject({ code: 1, members: 2, total: 3 });
    expect(klein.bySizeClass[0]!.share).toBeCloseTo(2 / 3);
    expect(klein.bySizeClass[1]).toMatchObject({ code: 2, members: 1, total: 1 });
    expect(klein.bySizeClass.reduce((s, c) => s + c.total, 0)).toBe(12);
    expect(networkOnMap(country, countryMs, at('groot')).expected).toBeUndefined();
  });
});

describe('region words', () => {
  it('makes Dutch plurals of the region words', () => {
    expect(pluralOf('GGD-regio')).toBe("GGD-regio's");
    expect(pluralOf('Veilig Thuis-regio')).toBe("Veilig Thuis-regio's");
    expect(pluralOf('omgevingsdienst')).toBe('omgevingsdiensten');
    expect(pluralOf('politie-eenheid')).toBe('politie-eenheden');
    expect(pluralOf('VNG-afdeling')).toBe('VNG-afdelingen');
  });

  it('leaves off the words most region names start with, and keeps the odd one whole', () => {
    expect(
      shortRegionNames([
        'Veiligheidsregio Hollands Midden',
        'Veiligheidsregio Utrecht',
        'Veiligheids- en Gezondheidsregio Gelderland-Midden',
      ]),
    ).toEqual(['Hollands Midden', 'Utrecht', 'Veiligheids- en Gezondheidsregio Gelderland-Midden']);
    expect(
      shortRegionNames([
        'Burgemeesters politie-eenheid Amsterdam',
        'Burgemeesters politie-eenheid Den Haag',
      ]),
    ).toEqual(['Amsterdam', 'Den Haag']);
    expect(
      shortRegionNames(['Veilig Thuis Drenthe', 'Veilig Thuis Friesland', 'Veilig Thuis']),
    ).toEqual(['Drenthe', 'Friesland', 'Veilig Thuis']);
    // Nothing shared by at least half: every name as it is.
    expect(shortRegionNames(['GGD Noord', 'Dienst Zuid', 'Huis Oost'])).toEqual([
      'GGD Noord',
      'Dienst Zuid',
      'Huis Oost',
    ]);
  });
});

describe('the embedded national data on the map', () => {
  const result = validateValue(JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')));
  if (!result.ok) throw new Error('the national data does not import');
  const index = buildGraphIndex(result.network);
  const ms = buildMemberships(index);
  const id = (x: string) => index.indexOf.get(x)!;

  it('offers the ten divisions of the country, each covering all 342 municipalities once', () => {
    const divisions = divisionChoices(index, ms);
    expect(divisions.map((d) => d.category).sort()).toEqual([
      'arbeidsmarktregio',
      'ggd',
      'jeugdregio',
      'omgevingsdienst',
      'politie-eenheid',
      'res-regio',
      'rmc-regio',
      'veiligheidsregio',
      'veiligthuisregio',
      'vng-afdeling',
    ]);
    expect(divisions.find((d) => d.category === 'ggd')!.regions).toBe(25);
    for (const d of divisions) {
      const regions = divisionRegions(index, ms, d.category);
      const members = regions.flatMap((r) => r.members);
      expect(new Set(members).size, d.category).toBe(members.length);
      expect(members.length, d.category).toBe(342);
    }
  });

  it('knows K80 as 11 of 64, all small, and Gouda in GGD Hollands-Midden', () => {
    const k80 = networkOnMap(index, ms, id('k80'));
    expect(k80.listed).toBe(11);
    expect(k80.expected).toBe(64);
    expect(k80.bySizeClass.slice(4).every((c) => c.members === 0)).toBe(true);
    const ggd = divisionRegions(index, ms, 'ggd');
    expect(index.organisations[regionOf(ggd, id('GM0513'))!]!.name).toBe('GGD Hollands-Midden');
    // G40, a shared ICT service and the IBD are on offer too: shown by their members' areas.
    const choices = new Set(networkChoices(index, ms));
    expect(choices.has(id('g40'))).toBe(true);
    expect(choices.has(id('ibd'))).toBe(true);
    expect(choices.has(id('GM0513'))).toBe(false);
  });
});
