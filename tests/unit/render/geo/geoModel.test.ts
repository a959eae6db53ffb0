import { describe, expect, it } from 'vitest';
import {
  buildGeoModel,
  createNlProjection,
  fitView,
  NL_ORIGIN,
  parseTopology,
  withNetwork,
} from '../../../../src/render/geo/geoModel';
import { pointInPolygons, polygonArea } from '../../../../src/render/geo/polygonMath';
import { loadMunicipalities, loadTopology } from './geoFixtures';

const rows = loadMunicipalities();
const codes = rows.map((r) => r.code);

describe('buildGeoModel on the committed boundaries of 2025', () => {
  const model = buildGeoModel(loadTopology(), codes);

  it('matches every one of the 342 municipalities by CBS code, and nothing else', () => {
    expect(rows).toHaveLength(342);
    expect(model.features).toHaveLength(342);
    expect(model.missing).toEqual([]);
    expect(model.unmatched).toEqual([]);
    expect(model.skipped).toEqual([]);
    for (const row of rows) {
      const feature = model.features[model.index.get(row.code)!]!;
      expect(feature.code).toBe(row.code);
      expect(feature.inNetwork).toBe(true);
      // Same spelling as the table, which was checked against this file.
      expect(feature.name).toBe(row.name);
    }
  });

  it('reports a municipality without a boundary and a boundary without a municipality', () => {
    const partial = buildGeoModel(loadTopology(), ['GM0513', 'GM0363', 'GM9999']);
    expect(partial.missing).toEqual(['GM9999']);
    expect(partial.unmatched).toHaveLength(340);
    expect(partial.unmatched).toContain('GM0014');
    // Kept as context, not dropped.
    expect(partial.features).toHaveLength(342);
    expect(partial.features[partial.index.get('GM0014')!]!.inNetwork).toBe(false);
    expect(partial.features[partial.index.get('GM0513')!]!.inNetwork).toBe(true);
    const again = withNetwork(partial, codes);
    expect(again.missing).toEqual([]);
    expect(again.unmatched).toEqual([]);
    expect(again.features[0]!.polygons).toBe(partial.features[0]!.polygons);
  });

  it('puts every label point inside its own municipality', () => {
    const outside = model.features.filter(
      (f) => !pointInPolygons(f.label[0], f.label[1], f.polygons),
    );
    expect(outside.map((f) => f.name)).toEqual([]);
  });

  it('uses every arc of a municipality once in the border mesh', () => {
    const used = new Set<number>();
    for (const g of model.geometries) {
      const rings = g.type === 'Polygon' ? g.arcs : g.arcs.flat();
      for (const ring of rings) for (const a of ring) used.add(a < 0 ? ~a : a);
    }
    expect([...model.borderArcs].sort((a, b) => a - b)).toEqual([...used].sort((a, b) => a - b));
    expect(new Set(model.borderArcs).size).toBe(model.borderArcs.length);
  });

  it('draws the country about 270 km wide and 310 km tall around Amersfoort', () => {
    const [x0, y0, x1, y1] = model.bounds;
    expect(x1 - x0).toBeGreaterThan(255);
    expect(x1 - x0).toBeLessThan(285);
    expect(y1 - y0).toBeGreaterThan(300);
    expect(y1 - y0).toBeLessThan(325);
    const origin = model.project(NL_ORIGIN[0], NL_ORIGIN[1])!;
    expect(Math.hypot(origin[0], origin[1])).toBeLessThan(1e-9);
    // North is up: Groningen (north-east) has a smaller y than Maastricht (south).
    const groningen = model.features[model.index.get('GM0014')!]!.label;
    const maastricht = model.features[model.index.get('GM0935')!]!.label;
    expect(groningen[1]).toBeLessThan(maastricht[1]);
    expect(groningen[0]).toBeGreaterThan(maastricht[0] - 50);
  });

  it('gives the areas of the municipalities in km², the land and water of the country together', () => {
    const total = model.features.reduce((sum, f) => sum + f.area, 0);
    // CBS: 41 543 km² of land and water; the generalised file leaves out the open sea and some water.
    expect(total).toBeGreaterThan(33_000);
    expect(total).toBeLessThan(42_000);
    const gouda = model.features[model.index.get('GM0513')!]!;
    expect(gouda.area).toBeGreaterThan(12);
    expect(gouda.area).toBeLessThan(20);
  });
});

describe('createNlProjection', () => {
  it('is equal-area: a degree cell in the south and one in the north keep their true ratio', () => {
    const projection = createNlProjection();
    const cellArea = (lon: number, lat: number) => {
      const ring = new Float64Array(
        [
          [lon, lat],
          [lon + 0.5, lat],
          [lon + 0.5, lat + 0.5],
          [lon, lat + 0.5],
        ].flatMap((p) => projection(p as [number, number])!),
      );
      return polygonArea([ring]);
    };
    const south = cellArea(5.5, 50.8);
    const north = cellArea(6.5, 53.0);
    const sphereRatio =
      (Math.sin((53.5 * Math.PI) / 180) - Math.sin((53.0 * Math.PI) / 180)) /
      (Math.sin((51.3 * Math.PI) / 180) - Math.sin((50.8 * Math.PI) / 180));
    expect(north / south).toBeCloseTo(sphereRatio, 3);
    // And the scale is kilometres: half a degree square near 51° N is about 35 × 56 km.
    expect(south).toBeGreaterThan(1_900);
    expect(south).toBeLessThan(2_000);
  });
});

describe('parseTopology', () => {
  it('says in words what is wrong with a file that is not the boundary file', () => {
    expect(() => parseTopology('{')).toThrow('geen geldige JSON');
    expect(() => parseTopology('{"type":"FeatureCollection"}')).toThrow('geen TopoJSON');
    expect(() => parseTopology('{"type":"Topology","arcs":[],"objects":{}}')).toThrow(
      'mist de laag "gemeente_2025"',
    );
  });
});

describe('fitView', () => {
  it('shows the bounds whole and centred', () => {
    const bounds = [-140, -156, 122, 156] as const;
    const view = fitView(bounds, 800, 600, 20);
    const sx0 = bounds[0] * view.k + view.x;
    const sx1 = bounds[2] * view.k + view.x;
    const sy0 = bounds[1] * view.k + view.y;
    const sy1 = bounds[3] * view.k + view.y;
    expect(sy0).toBeCloseTo(20, 6);
    expect(sy1).toBeCloseTo(580, 6);
    expect((sx0 + sx1) / 2).toBeCloseTo(400, 6);
    expect(sx0).toBeGreaterThanOrEqual(20);
  });
});
