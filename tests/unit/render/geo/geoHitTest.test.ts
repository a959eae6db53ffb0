import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  createGeoHitIndex,
  createRegionHitIndex,
  screenToWorld,
} from '../../../../src/render/geo/geoHitTest';
import { buildGeoModel, fitView } from '../../../../src/render/geo/geoModel';
import { labelPoint } from '../../../../src/render/geo/polygonMath';
import { buildRegions } from '../../../../src/render/geo/regions';
import { loadGgdRegions, loadMunicipalities, loadTopology } from './geoFixtures';

const rows = loadMunicipalities();
const model = buildGeoModel(
  loadTopology(),
  rows.map((r) => r.code),
);
const hit = createGeoHitIndex(model);

function codeAt(lat: number, lon: number): string | null {
  const p = model.project(lon, lat)!;
  const i = hit.areaAt(p[0], p[1]);
  return i === null ? null : model.features[i]!.code;
}

function row(code: string) {
  return rows.find((r) => r.code === code)!;
}

describe('createGeoHitIndex on the committed boundaries', () => {
  it('finds Gouda at the point of Gouda in municipalities.csv', () => {
    const gouda = row('GM0513');
    expect(codeAt(gouda.lat, gouda.lon)).toBe('GM0513');
  });

  it('finds the islands: Vlieland (two parts) and Terschelling', () => {
    // Oost-Vlieland and Midsland, villages well inside the generalised coastlines.
    expect(codeAt(53.2965, 5.0705)).toBe('GM0096');
    expect(codeAt(53.39, 5.28)).toBe('GM0093');
    const vlieland = model.features[model.index.get('GM0096')!]!;
    expect(vlieland.polygons).toHaveLength(2);
    for (const part of vlieland.polygons) {
      const [x, y] = labelPoint([part]);
      expect(hit.areaAt(x, y)).toBe(model.index.get('GM0096'));
    }
  });

  it('gives Vlieland for its table point in the Wadden Sea only when asked for the nearest', () => {
    // The table's points come from the Wijk- en Buurtkaart, whose municipalities
    // include their water; the generalised boundaries of 2025 hold land only.
    const vlieland = row('GM0096');
    const p = model.project(vlieland.lon, vlieland.lat)!;
    expect(hit.areaAt(p[0], p[1])).toBeNull();
    expect(hit.areaNear(p[0], p[1], 5)).toBe(model.index.get('GM0096'));
    expect(hit.areaNear(p[0], p[1], 2)).toBeNull();
  });

  it('finds nothing at sea or abroad', () => {
    expect(codeAt(52.6, 3.9)).toBeNull(); // North Sea, off Egmond
    expect(codeAt(53.7, 5.5)).toBeNull(); // north of the Wadden islands
    expect(codeAt(51.45, 7.0)).toBeNull(); // Essen, Germany
    expect(codeAt(50.85, 4.35)).toBeNull(); // Brussels
    const sea = model.project(3.9, 52.6)!;
    expect(hit.areaNear(sea[0], sea[1], 3)).toBeNull();
  });

  it('finds the municipality of almost every table point (the others lie in water or a few metres across a generalised border)', () => {
    const right = rows.filter((r) => codeAt(r.lat, r.lon) === r.code).length;
    expect(right).toBeGreaterThanOrEqual(320);
  });

  it('agrees with every label point, for all 342', () => {
    const wrong = model.features.filter((f, i) => hit.areaAt(f.label[0], f.label[1]) !== i);
    expect(wrong.map((f) => f.name)).toEqual([]);
  });

  it('works from screen pixels through the view transform', () => {
    const view = fitView(model.bounds, 800, 900);
    const gouda = model.features[model.index.get('GM0513')!]!.label;
    const [x, y] = screenToWorld(gouda[0] * view.k + view.x, gouda[1] * view.k + view.y, view);
    expect(hit.areaAt(x, y)).toBe(model.index.get('GM0513'));
  });
});

describe('holes and enclaves', () => {
  // A municipality with a hole, an enclave of another municipality exactly in
  // that hole, a second hole that is abroad (as Baarle-Hertog's pieces are
  // inside Baarle-Nassau), an island part, and an enclave drawn over a
  // municipality whose ring has no hole for it.
  const square = (x0: number, y0: number, x1: number, y1: number) => [
    [x0, y0],
    [x1 - x0, 0],
    [0, y1 - y0],
    [x0 - x1, 0],
    [0, y0 - y1],
  ];
  const topology = {
    type: 'Topology',
    transform: { scale: [0.001, 0.001], translate: [5, 52] },
    arcs: [
      square(0, 0, 100, 100), // 0: outline of GM0001
      square(20, 20, 40, 40), // 1: the hole filled by GM0002
      square(60, 60, 80, 80), // 2: a hole that is abroad
      square(200, 0, 220, 20), // 3: island of GM0001
      square(300, 0, 400, 100), // 4: GM0003, no hole
      square(340, 40, 360, 60), // 5: GM0004 over it
    ],
    objects: {
      gemeente_2025: {
        type: 'GeometryCollection',
        geometries: [
          {
            type: 'MultiPolygon',
            id: 'GM0001',
            arcs: [[[0], [-2], [-3]], [[3]]],
            properties: { statcode: 'GM0001', statnaam: 'Buitenstad' },
          },
          {
            type: 'Polygon',
            id: 'GM0002',
            arcs: [[1]],
            properties: { statcode: 'GM0002', statnaam: 'Enclave' },
          },
          // The enclave comes first, so file order cannot be what picks it.
          {
            type: 'Polygon',
            id: 'GM0004',
            arcs: [[5]],
            properties: { statcode: 'GM0004', statnaam: 'Erbovenop' },
          },
          {
            type: 'Polygon',
            id: 'GM0003',
            arcs: [[4]],
            properties: { statcode: 'GM0003', statnaam: 'Zonder gat' },
          },
        ],
      },
    },
  } as unknown as Topology;
  const small = buildGeoModel(topology, ['GM0001', 'GM0002', 'GM0003', 'GM0004']);
  const index = createGeoHitIndex(small);
  const at = (lon: number, lat: number) => {
    const p = small.project(lon, lat)!;
    const i = index.areaAt(p[0], p[1]);
    return i === null ? null : small.features[i]!.code;
  };

  it('answers with the enclave inside the hole and the surrounding municipality around it', () => {
    expect(at(5.03, 52.03)).toBe('GM0002');
    expect(at(5.01, 52.01)).toBe('GM0001');
    expect(at(5.05, 52.05)).toBe('GM0001');
  });

  it('answers with nothing in a hole that belongs to no municipality', () => {
    expect(at(5.07, 52.07)).toBeNull();
  });

  it('finds the island part of a multipolygon', () => {
    expect(at(5.21, 52.01)).toBe('GM0001');
    expect(at(5.15, 52.01)).toBeNull();
  });

  it('lets the smaller area win where a boundary file draws an enclave without a hole', () => {
    expect(at(5.35, 52.05)).toBe('GM0004');
    expect(at(5.31, 52.05)).toBe('GM0003');
  });
});

describe('createRegionHitIndex on the GGD regions', () => {
  const regions = buildRegions(model, loadGgdRegions());
  const index = createRegionHitIndex(regions);

  it('finds the GGD of every member at the member’s label point', () => {
    const wrong: string[] = [];
    regions.forEach((region, r) => {
      for (const f of region.features) {
        const [x, y] = model.features[f]!.label;
        if (index.areaAt(x, y) !== r) wrong.push(`${model.features[f]!.name} in ${region.name}`);
      }
    });
    expect(wrong).toEqual([]);
  });

  it('leaves the hole of a merged region to the region inside it', () => {
    const holes = regions.flatMap((region, r) =>
      region.polygons.flatMap((polygon) => polygon.slice(1).map((ring) => ({ r, ring }))),
    );
    expect(holes.length).toBeGreaterThan(0);
    for (const { r, ring } of holes) {
      const [x, y] = labelPoint([[ring]]);
      const inside = index.areaAt(x, y);
      expect(inside).not.toBe(r);
      // Whatever is in the hole is not a member of the region around it.
      const municipality = hit.areaAt(x, y);
      if (municipality !== null) expect(regions[r]!.features).not.toContain(municipality);
    }
  });
});
