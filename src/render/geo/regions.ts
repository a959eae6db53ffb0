import { mergeArcs } from 'topojson-client';
import type { MultiPolygon, Polygon as TopoPolygon } from 'topojson-specification';
import { assembleRing, type GeoModel } from './geoModel';
import {
  boundsOf,
  labelPoint,
  polygonArea,
  ringArea,
  type BBox,
  type Polygon,
} from './polygonMath';

// Groups of municipalities as one area each: a GGD or veiligheidsregio, or
// "the members of this network". topojson's mergeArcs dissolves the arcs two
// members share, so what is left are the outlines of the group; those arcs are
// the ones the model projected already, so a region costs no projection.

/** One quantisation cell of the boundary file (0.001° square) is about 0.008 km². */
const MIN_HOLE_KM2 = 0.005;

export interface RegionInput {
  id: string;
  name: string;
  /** CBS codes of the member municipalities. */
  members: readonly string[];
}

export interface GeoRegion {
  id: string;
  name: string;
  /** Merged outlines, projected: one polygon per connected part, holes where a non-member sits inside. */
  polygons: Polygon[];
  bbox: BBox;
  /** km². */
  area: number;
  /** A point inside the largest part, for the name. */
  label: readonly [number, number];
  /** Indices into model.features of the members that have a boundary. */
  features: Uint32Array;
  /** Members without a boundary. */
  missing: readonly string[];
}

export function buildRegion(model: GeoModel, region: RegionInput): GeoRegion {
  const features: number[] = [];
  const missing: string[] = [];
  for (const code of new Set(region.members)) {
    const i = model.index.get(code);
    if (i === undefined) missing.push(code);
    else features.push(i);
  }
  features.sort((a, b) => a - b);
  // Only type and arcs matter to the merge; the file's properties stay out of it.
  const geometries = features.map((i): TopoPolygon | MultiPolygon => {
    const g = model.geometries[i]!;
    return g.type === 'Polygon' ? { type: g.type, arcs: g.arcs } : { type: g.type, arcs: g.arcs };
  });
  const merged = geometries.length > 0 ? mergeArcs(model.topology, geometries) : null;
  const polygons: Polygon[] = (merged?.arcs ?? []).map((rings) =>
    rings
      .map((ring) => assembleRing(model.arcs, ring))
      // Where two members meet along an arc that folds back on itself the merge leaves a
      // "hole" of no area: it would draw nothing, but it would hold no label either.
      .filter((ring, r) => r === 0 || Math.abs(ringArea(ring)) >= MIN_HOLE_KM2),
  );
  return {
    id: region.id,
    name: region.name,
    polygons,
    bbox: boundsOf(polygons),
    area: polygons.reduce((sum, polygon) => sum + polygonArea(polygon), 0),
    label: labelPoint(polygons),
    features: Uint32Array.from(features),
    missing,
  };
}

export function buildRegions(model: GeoModel, regions: readonly RegionInput[]): GeoRegion[] {
  return regions.map((region) => buildRegion(model, region));
}
