import type { GeoModel } from './geoModel';
import { distanceToEdges, pointInPolygons, type BBox, type Polygon } from './polygonMath';
import type { GeoRegion } from './regions';

// Which area is under the pointer, in projected kilometres. A grid of cells
// lists the areas whose bounding box touches each cell, so a pointer move
// tests the few areas near it, and only those whose box holds the point get
// the exact point-in-polygon test (even-odd over all rings of each part: an
// island is its own part, a hole is an enclave). Where two areas claim the
// point, the smaller wins: an enclave drawn over its surroundings (a
// boundary file without the hole) still answers with the enclave, and a point
// on a shared border picks one side the same way every time.

export interface AreaHitIndex {
  /** Index of the area at (x, y) in projected kilometres, or null over sea and abroad. */
  areaAt(x: number, y: number): number | null;
  /**
   * The area at (x, y), else the one whose edge is nearest within maxDistance
   * km: a pointer a few pixels off a small island or a narrow strip still finds it.
   */
  areaNear(x: number, y: number, maxDistance: number): number | null;
  readonly size: number;
}

interface Area {
  polygons: readonly Polygon[];
  bbox: BBox;
  area: number;
}

/** Cells per side: with ~350 areas about one or two boxes per cell. */
const GRID = 48;

export function createAreaHitIndex(areas: readonly Area[]): AreaHitIndex {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const usable: number[] = [];
  areas.forEach((a, i) => {
    if (a.polygons.length === 0 || !a.bbox.every(Number.isFinite)) return;
    usable.push(i);
    x0 = Math.min(x0, a.bbox[0]);
    y0 = Math.min(y0, a.bbox[1]);
    x1 = Math.max(x1, a.bbox[2]);
    y1 = Math.max(y1, a.bbox[3]);
  });
  const cellW = Math.max(1e-9, (x1 - x0) / GRID);
  const cellH = Math.max(1e-9, (y1 - y0) / GRID);
  const cells: number[][] = Array.from({ length: GRID * GRID }, () => []);
  const cellOf = (v: number, origin: number, size: number) =>
    Math.min(GRID - 1, Math.max(0, Math.floor((v - origin) / size)));
  for (const i of usable) {
    const [bx0, by0, bx1, by1] = areas[i]!.bbox;
    for (let cx = cellOf(bx0, x0, cellW); cx <= cellOf(bx1, x0, cellW); cx++)
      for (let cy = cellOf(by0, y0, cellH); cy <= cellOf(by1, y0, cellH); cy++)
        cells[cy * GRID + cx]!.push(i);
  }

  const areaAt = (x: number, y: number): number | null => {
    if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1)) return null;
    const list = cells[cellOf(y, y0, cellH) * GRID + cellOf(x, x0, cellW)]!;
    let best: number | null = null;
    let bestArea = Infinity;
    for (const i of list) {
      const a = areas[i]!;
      const [bx0, by0, bx1, by1] = a.bbox;
      if (x < bx0 || x > bx1 || y < by0 || y > by1 || a.area >= bestArea) continue;
      if (pointInPolygons(x, y, a.polygons)) {
        best = i;
        bestArea = a.area;
      }
    }
    return best;
  };

  return {
    size: usable.length,
    areaAt,
    areaNear(x, y, maxDistance) {
      const exact = areaAt(x, y);
      if (exact !== null || !(maxDistance > 0)) return exact;
      let best: number | null = null;
      let bestDistance = maxDistance;
      const seen = new Set<number>();
      const cx0 = cellOf(x - maxDistance, x0, cellW);
      const cx1 = cellOf(x + maxDistance, x0, cellW);
      const cy0 = cellOf(y - maxDistance, y0, cellH);
      const cy1 = cellOf(y + maxDistance, y0, cellH);
      for (let cx = cx0; cx <= cx1; cx++)
        for (let cy = cy0; cy <= cy1; cy++)
          for (const i of cells[cy * GRID + cx]!) {
            if (seen.has(i)) continue;
            seen.add(i);
            const [bx0, by0, bx1, by1] = areas[i]!.bbox;
            // Nearer than the box cannot be: skip areas whose box is already too far.
            const dx = Math.max(bx0 - x, 0, x - bx1);
            const dy = Math.max(by0 - y, 0, y - by1);
            if (Math.hypot(dx, dy) > bestDistance) continue;
            for (const polygon of areas[i]!.polygons) {
              const d = distanceToEdges(x, y, polygon);
              if (d <= bestDistance) {
                best = i;
                bestDistance = d;
              }
            }
          }
      return best;
    },
  };
}

/** Municipality under a point: index into model.features. */
export function createGeoHitIndex(model: GeoModel): AreaHitIndex {
  return createAreaHitIndex(model.features);
}

/** Region under a point: index into regions. Regions may overlap (a network's members); the smaller wins. */
export function createRegionHitIndex(regions: readonly GeoRegion[]): AreaHitIndex {
  return createAreaHitIndex(regions);
}

/** Screen pixels (CSS) to projected kilometres under a view transform. */
export function screenToWorld(
  sx: number,
  sy: number,
  view: { x: number; y: number; k: number },
): [number, number] {
  return [(sx - view.x) / view.k, (sy - view.y) / view.k];
}
