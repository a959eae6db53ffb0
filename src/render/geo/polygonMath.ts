// Plain geometry on projected rings: area, bounding box, point in polygon and
// a label point that is sure to lie inside. Rings are flat [x0, y0, x1, y1, ...]
// arrays so a whole boundary set is a few hundred typed arrays, not thousands of
// little [x, y] objects.

/** A closed ring as interleaved x, y; the last point may repeat the first. */
export type Ring = Float64Array;
/** First ring the outline, the others holes. */
export type Polygon = readonly Ring[];
/** [x0, y0, x1, y1]. */
export type BBox = readonly [number, number, number, number];

export function ringArea(ring: Ring): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2)
    sum += ring[j]! * ring[i + 1]! - ring[i]! * ring[j + 1]!;
  return sum / 2;
}

/** Outline minus holes, whatever way the rings wind. */
export function polygonArea(polygon: Polygon): number {
  let area = 0;
  polygon.forEach((ring, i) => (area += (i === 0 ? 1 : -1) * Math.abs(ringArea(ring))));
  return Math.max(0, area);
}

export function boundsOf(polygons: readonly Polygon[]): BBox {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (let i = 0; i < ring.length; i += 2) {
        const x = ring[i]!;
        const y = ring[i + 1]!;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  return [x0, y0, x1, y1];
}

/**
 * Even-odd rule over all rings of one polygon, so a hole (an enclave) is
 * outside whichever way it winds.
 */
export function pointInPolygon(x: number, y: number, polygon: Polygon): boolean {
  let inside = false;
  for (const ring of polygon) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = ring[i]!;
      const yi = ring[i + 1]!;
      const xj = ring[j]!;
      const yj = ring[j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function pointInPolygons(x: number, y: number, polygons: readonly Polygon[]): boolean {
  for (const polygon of polygons) if (pointInPolygon(x, y, polygon)) return true;
  return false;
}

/** Distance from (x, y) to the nearest edge of the polygon. */
export function distanceToEdges(x: number, y: number, polygon: Polygon): number {
  let best = Infinity;
  for (const ring of polygon) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const ax = ring[j]!;
      const ay = ring[j + 1]!;
      const dx = ring[i]! - ax;
      const dy = ring[i + 1]! - ay;
      const length2 = dx * dx + dy * dy;
      const t =
        length2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2)) : 0;
      const ex = ax + t * dx - x;
      const ey = ay + t * dy - y;
      const d2 = ex * ex + ey * ey;
      if (d2 < best) best = d2;
    }
  }
  return Math.sqrt(best);
}

/** Scanlines tried when looking for a label point; more finds a roomier spot at linear cost. */
const LABEL_SCANLINES = 24;

/**
 * A point well inside the largest polygon, for a label. The centroid of a
 * curved region (a municipality wrapped round a lake, a GGD region shaped
 * like a C) can lie outside it, so candidates are the centroid when it is
 * inside plus the middle of every inside stretch of a set of horizontal
 * lines, and the one furthest from any edge wins. Every candidate is inside
 * by construction, so the result is too.
 */
export function labelPoint(polygons: readonly Polygon[]): [number, number] {
  let largest: Polygon | undefined;
  let largestArea = -1;
  for (const polygon of polygons) {
    const area = polygonArea(polygon);
    if (area > largestArea) {
      largest = polygon;
      largestArea = area;
    }
  }
  const [x0, y0, x1, y1] = boundsOf(polygons);
  if (!largest || largestArea <= 0) return [(x0 + x1) / 2, (y0 + y1) / 2];

  const candidates: [number, number][] = [];
  const centroid = ringCentroid(largest[0]!);
  if (centroid && pointInPolygon(centroid[0], centroid[1], largest)) candidates.push(centroid);
  const [, py0, , py1] = boundsOf([largest]);
  for (let s = 0; s < LABEL_SCANLINES; s++) {
    const y = py0 + ((s + 0.5) / LABEL_SCANLINES) * (py1 - py0);
    const crossings = scanline(largest, y);
    for (let c = 0; c + 1 < crossings.length; c += 2)
      candidates.push([(crossings[c]! + crossings[c + 1]!) / 2, y]);
  }
  let best: [number, number] = candidates[0] ?? [(x0 + x1) / 2, (y0 + y1) / 2];
  let bestDistance = -1;
  for (const candidate of candidates) {
    const d = distanceToEdges(candidate[0], candidate[1], largest);
    if (d > bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function ringCentroid(ring: Ring): [number, number] | null {
  let cx = 0;
  let cy = 0;
  let sum = 0;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const cross = ring[j]! * ring[i + 1]! - ring[i]! * ring[j + 1]!;
    sum += cross;
    cx += (ring[j]! + ring[i]!) * cross;
    cy += (ring[j + 1]! + ring[i + 1]!) * cross;
  }
  if (sum === 0) return null;
  return [cx / (3 * sum), cy / (3 * sum)];
}

/** Sorted x of every edge crossing of the horizontal line at y: pairs bound the inside stretches. */
function scanline(polygon: Polygon, y: number): number[] {
  const xs: number[] = [];
  for (const ring of polygon) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const yi = ring[i + 1]!;
      const yj = ring[j + 1]!;
      if (yi > y !== yj > y) {
        const xi = ring[i]!;
        xs.push(xi + ((ring[j]! - xi) * (y - yi)) / (yj - yi));
      }
    }
  }
  return xs.sort((a, b) => a - b);
}
