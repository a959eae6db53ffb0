import { neighbors } from 'topojson-client';
import type { GeometryObject } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { GEO_COLORS, SIZE_CLASS_COLORS } from '../../../../src/render/geo/choropleth';
import {
  AREA_COLORS,
  distinctAreaColors,
  fade,
  itemColors,
  NEUTRAL_FILL,
} from '../../../../src/render/geo/geoColors';
import { buildGeoModel } from '../../../../src/render/geo/geoModel';
import { KIND_COLORS } from '../../../../src/render/palette';
import { loadGgdRegions, loadMunicipalities, loadTopology } from './geoFixtures';

// Items as the map screen has them: municipalities and the networks they are in.
const items = [
  { kind: 'municipality' as const, population: 3_000 },
  { kind: 'municipality' as const, population: 75_000 },
  { kind: 'municipality' as const, population: 900_000 },
  { kind: 'association' as const },
];

describe('colours per item on the map of the Netherlands', () => {
  it("colours a network's members and greys the rest", () => {
    const { colors, legend } = itemColors(items, 'members', {
      members: new Set([0, 2]),
      networkName: 'K80',
    });
    expect(colors).toEqual([
      GEO_COLORS.member,
      GEO_COLORS.other,
      GEO_COLORS.member,
      KIND_COLORS.association,
    ]);
    expect(legend.map((l) => l.label)).toEqual([
      'deelnemer van K80',
      'geen deelnemer van K80 bekend',
    ]);
  });

  it('leaves the grey out of the legend when every municipality takes part (VNG)', () => {
    const { legend } = itemColors(items, 'members', {
      members: new Set([0, 1, 2]),
      networkName: 'VNG',
    });
    expect(legend.map((l) => l.label)).toEqual(['deelnemer van VNG']);
  });

  it('fills by size class, members in their class colour and the rest grey', () => {
    const all = itemColors(items, 'sizeClass');
    expect(all.colors.slice(0, 3)).toEqual([
      SIZE_CLASS_COLORS[0],
      SIZE_CLASS_COLORS[4],
      SIZE_CLASS_COLORS[7],
    ]);
    const members = itemColors(items, 'sizeClass', { members: new Set([1]), networkName: 'M50' });
    expect(members.colors.slice(0, 3)).toEqual([
      GEO_COLORS.other,
      SIZE_CLASS_COLORS[4],
      GEO_COLORS.other,
    ]);
    expect(members.legend.at(-1)!.label).toBe('geen deelnemer van M50 bekend');
  });

  it('fills by inhabitants on a scale of the municipalities only', () => {
    const { colors, legend } = itemColors(items, 'inhabitants');
    expect(new Set(colors.slice(0, 3)).size).toBe(3);
    expect(legend.some((l) => l.label === '100 000 inwoners')).toBe(true);
  });

  it('gives each region its fill when no network is coloured, and one neutral fill without', () => {
    const areaColors = new Map([
      [0, AREA_COLORS[1]!],
      [1, AREA_COLORS[2]!],
    ]);
    expect(itemColors(items, 'members', { areaColors }).colors.slice(0, 3)).toEqual([
      AREA_COLORS[1],
      AREA_COLORS[2],
      NEUTRAL_FILL,
    ]);
    expect(itemColors(items, 'members').colors.slice(0, 3)).toEqual([
      NEUTRAL_FILL,
      NEUTRAL_FILL,
      NEUTRAL_FILL,
    ]);
  });

  it('fades towards the background', () => {
    expect(fade('#000000', 1, '#FFFFFF')).toBe('#ffffff');
    expect(fade('#000000', 0.5, '#FFFFFF')).toBe('#808080');
    expect(fade('not a colour')).toBe('not a colour');
  });
});

describe('region fills', () => {
  const model = buildGeoModel(
    loadTopology(),
    loadMunicipalities().map((m) => m.code),
  );
  const ggd = loadGgdRegions();

  it('gives neighbouring GGD regions different fills, from the light palette', () => {
    const fills = distinctAreaColors(model, ggd);
    expect(fills).toHaveLength(25);
    for (const f of fills) expect(AREA_COLORS).toContain(f);
    // Check against the topology itself: no two bordering municipalities of different regions share a fill.
    const regionOf = new Map<string, number>();
    ggd.forEach((r, k) => r.members.forEach((code) => regionOf.set(code, k)));
    const featureNeighbours = neighbors(model.geometries as GeometryObject[]);
    let borders = 0;
    featureNeighbours.forEach((list, f) => {
      const a = regionOf.get(model.features[f]!.code)!;
      for (const g of list) {
        const b = regionOf.get(model.features[g]!.code)!;
        if (a === b) continue;
        borders++;
        expect(fills[a], `${ggd[a]!.name} / ${ggd[b]!.name}`).not.toBe(fills[b]);
      }
    });
    expect(borders).toBeGreaterThan(50);
  });

  it('skips codes without a boundary', () => {
    expect(distinctAreaColors(model, [{ members: ['GM9999'] }, { members: [] }])).toEqual([
      AREA_COLORS[0],
      AREA_COLORS[0],
    ]);
  });
});
