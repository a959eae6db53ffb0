import { describe, expect, it } from 'vitest';
import { buildGeoModel } from '../../../../src/render/geo/geoModel';
import { pointInPolygons } from '../../../../src/render/geo/polygonMath';
import { buildRegion, buildRegions } from '../../../../src/render/geo/regions';
import { loadGgdRegions, loadMunicipalities, loadTopology } from './geoFixtures';

const model = buildGeoModel(
  loadTopology(),
  loadMunicipalities().map((r) => r.code),
);
const ggd = loadGgdRegions();
const regions = buildRegions(model, ggd);

describe('buildRegions on the 25 GGD regions of the embedded dataset', () => {
  it('gives 25 areas that between them hold all 342 municipalities once', () => {
    expect(ggd).toHaveLength(25);
    expect(regions).toHaveLength(25);
    const members = ggd.flatMap((g) => g.members);
    expect(members).toHaveLength(342);
    expect(new Set(members).size).toBe(342);
    for (const region of regions) {
      expect(region.missing).toEqual([]);
      expect(region.polygons.length).toBeGreaterThan(0);
    }
  });

  it('puts each label point inside its own area, on one of its own members', () => {
    for (const region of regions) {
      const [x, y] = region.label;
      expect(pointInPolygons(x, y, region.polygons), region.name).toBe(true);
      const holder = [...region.features].find((f) =>
        pointInPolygons(x, y, model.features[f]!.polygons),
      );
      expect(holder, region.name).toBeDefined();
    }
  });

  it('dissolves the borders inside a region: same area as its members, far fewer points', () => {
    for (const region of regions) {
      const members = [...region.features].map((f) => model.features[f]!);
      const memberArea = members.reduce((sum, f) => sum + f.area, 0);
      expect(region.area / memberArea, region.name).toBeCloseTo(1, 6);
      const points = (polygons: readonly (readonly Float64Array[])[]) =>
        polygons.flat().reduce((sum, ring) => sum + ring.length / 2, 0);
      const memberPoints = members.reduce((sum, f) => sum + points(f.polygons), 0);
      expect(points(region.polygons), region.name).toBeLessThan(memberPoints);
    }
  });

  it('keeps separate parts apart: the Wadden islands are their own polygons in GGD Fryslân', () => {
    const fryslan = regions.find((r) => r.id === 'ggd-fryslan')!;
    // Mainland, Vlieland (two parts), Terschelling, Ameland, Schiermonnikoog.
    expect(fryslan.polygons.length).toBe(6);
  });
});

describe('buildRegion for a network drawn as its members’ areas', () => {
  it('merges neighbours into one area and reports members without a boundary', () => {
    const g4ish = buildRegion(model, {
      id: 'test',
      name: 'Randstad',
      members: ['GM0363', 'GM0599', 'GM0518', 'GM0344', 'GM0599', 'GM9999'],
    });
    expect(g4ish.missing).toEqual(['GM9999']);
    expect(g4ish.features).toHaveLength(4);
    // The four cities do not touch, so four areas; Amsterdam itself has two parts.
    expect(g4ish.polygons.length).toBeGreaterThanOrEqual(4);
    const touching = buildRegion(model, {
      id: 'gouda-waddinxveen',
      name: 'Twee buren',
      members: ['GM0513', 'GM0627'],
    });
    expect(touching.polygons).toHaveLength(1);
  });

  it('gives an empty area, not an error, when no member has a boundary', () => {
    const none = buildRegion(model, { id: 'x', name: 'Leeg', members: ['GM9999'] });
    expect(none.polygons).toEqual([]);
    expect(none.area).toBe(0);
    expect(none.missing).toEqual(['GM9999']);
  });
});
