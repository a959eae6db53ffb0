import { geoConicEqualArea, type GeoProjection } from 'd3';
import type {
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Properties,
  Topology,
} from 'topojson-specification';
import {
  boundsOf,
  labelPoint,
  polygonArea,
  type BBox,
  type Polygon,
  type Ring,
} from './polygonMath';

// The municipal boundaries as the geographic view draws them: every arc of the
// topology projected once, at load, into screen-independent kilometres, and
// every municipality as rings of those points. A frame then only multiplies by
// the zoom transform; nothing is projected, parsed or allocated per frame.

/** The object in public/geo/gemeente-2025.topojson that holds the municipalities. */
export const MUNICIPALITY_OBJECT = 'gemeente_2025';

/** Amersfoort, the origin of the Dutch national grid (RD): the middle of the country. */
export const NL_ORIGIN: readonly [number, number] = [5.387206, 52.155174];
/**
 * Standard parallels at one sixth and five sixths of the country's latitude
 * span (50.75°–53.55°), the usual rule for a conic: scale errors stay below
 * 0.05% anywhere on land.
 */
export const NL_PARALLELS: readonly [number, number] = [51.2, 53.1];
/** Mean earth radius: with it as the projection scale, one unit is one kilometre. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Albers equal-area conic for the Netherlands: a municipality of twice the area
 * is drawn twice as large, which a map coloured by inhabitants or size class
 * needs (Mercator would draw Groningen about 13% larger per km² than Limburg).
 * Over three degrees of latitude its shapes match the national RD maps people
 * know. Units are kilometres east (x) and south (y) of Amersfoort, so y grows
 * downwards like the canvas.
 */
export function createNlProjection(): GeoProjection {
  return geoConicEqualArea()
    .parallels([NL_PARALLELS[0], NL_PARALLELS[1]])
    .rotate([-NL_ORIGIN[0], 0])
    .center([0, NL_ORIGIN[1]])
    .scale(EARTH_RADIUS_KM)
    .translate([0, 0]);
}

export type MunicipalityGeometry = TopoPolygon<Properties> | TopoMultiPolygon<Properties>;

export interface GeoFeature {
  /** CBS code, "GM0513". */
  code: string;
  /** Name in the boundary file (CBS "statnaam"). */
  name: string;
  /** Projected; first ring of each polygon the outline, the rest holes. */
  polygons: Polygon[];
  bbox: BBox;
  /** Projected area in km². */
  area: number;
  /** A point inside the largest polygon, for its name. */
  label: readonly [number, number];
  /** False for a boundary whose municipality is not in the network: drawn as context only. */
  inNetwork: boolean;
}

export interface GeoModel {
  features: readonly GeoFeature[];
  /** CBS code -> index in features. */
  index: ReadonlyMap<string, number>;
  /** Every arc of the topology, projected; arcs[i] as interleaved x, y. */
  arcs: readonly Ring[];
  /** Arcs used by some municipality, each once: the border mesh, drawn in one stroke. */
  borderArcs: Uint32Array;
  /** Bounds of arc i at [4i .. 4i+3] (x0, y0, x1, y1), so a zoomed-in frame skips arcs out of view. */
  arcBounds: Float64Array;
  /** Projected bounds of all features. */
  bounds: BBox;
  /** The topology, kept for merging regions from its arcs. */
  topology: Topology;
  /** The geometries of MUNICIPALITY_OBJECT, in features order. */
  geometries: readonly MunicipalityGeometry[];
  /** lon/lat -> kilometres; null for a point the projection cannot place. */
  project(lon: number, lat: number): [number, number] | null;
  /** Municipalities of the network without a boundary: not drawn, listed for the user. */
  missing: readonly string[];
  /** Boundaries without a municipality in the network: drawn as context. */
  unmatched: readonly string[];
  /** Geometries that are not a usable polygon (no code, duplicate code, a point). */
  skipped: readonly string[];
}

/** Reads the boundary file's text; a message a person understands when it is not one. */
export function parseTopology(text: string, objectName = MUNICIPALITY_OBJECT): Topology {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('Het bestand met gemeentegrenzen is geen geldige JSON.');
  }
  const topology = value as Partial<Topology> | null;
  if (!topology || topology.type !== 'Topology' || !Array.isArray(topology.arcs))
    throw new Error('Het bestand met gemeentegrenzen is geen TopoJSON.');
  const object = topology.objects?.[objectName];
  if (!object || object.type !== 'GeometryCollection')
    throw new Error(`Het bestand met gemeentegrenzen mist de laag "${objectName}".`);
  return topology as Topology;
}

export function buildGeoModel(
  topology: Topology,
  municipalityCodes: readonly string[],
  objectName = MUNICIPALITY_OBJECT,
): GeoModel {
  const collection = topology.objects[objectName];
  if (!collection || collection.type !== 'GeometryCollection')
    throw new Error(`Het bestand met gemeentegrenzen mist de laag "${objectName}".`);
  const projection = createNlProjection();
  const project = (lon: number, lat: number): [number, number] | null => {
    const p = projection([lon, lat]);
    return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [p[0], p[1]] : null;
  };
  const arcs = projectArcs(topology, projection);

  const wanted = new Set(municipalityCodes);
  const features: GeoFeature[] = [];
  const geometries: MunicipalityGeometry[] = [];
  const index = new Map<string, number>();
  const skipped: string[] = [];
  const usedArcs = new Uint8Array(arcs.length);
  collection.geometries.forEach((geometry, g) => {
    const properties = (geometry.properties ?? {}) as Record<string, unknown>;
    const code = String(properties.statcode ?? geometry.id ?? '');
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      skipped.push(code || `#${g}`);
      return;
    }
    if (!code || index.has(code)) {
      skipped.push(code || `#${g}`);
      return;
    }
    const arcLists = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
    const polygons = arcLists.map((rings) =>
      rings.map((ring) => {
        for (const a of ring) usedArcs[a < 0 ? ~a : a] = 1;
        return assembleRing(arcs, ring);
      }),
    );
    const area = polygons.reduce((sum, polygon) => sum + polygonArea(polygon), 0);
    index.set(code, features.length);
    geometries.push(geometry);
    features.push({
      code,
      name: typeof properties.statnaam === 'string' ? properties.statnaam : code,
      polygons,
      bbox: boundsOf(polygons),
      area,
      label: labelPoint(polygons),
      inNetwork: wanted.has(code),
    });
  });

  const borderArcs: number[] = [];
  usedArcs.forEach((used, a) => used && borderArcs.push(a));
  const arcBounds = new Float64Array(arcs.length * 4);
  arcs.forEach((arc, a) => arcBounds.set(boundsOf([[arc]]), a * 4));
  return {
    features,
    index,
    arcs,
    borderArcs: Uint32Array.from(borderArcs),
    arcBounds,
    bounds: boundsOf(features.flatMap((f) => f.polygons)),
    topology,
    geometries,
    project,
    missing: [...wanted].filter((code) => !index.has(code)),
    unmatched: features.filter((f) => !f.inNetwork).map((f) => f.code),
    skipped,
  };
}

/** The same model with another network's municipalities: projection and rings are reused. */
export function withNetwork(model: GeoModel, municipalityCodes: readonly string[]): GeoModel {
  const wanted = new Set(municipalityCodes);
  const features = model.features.map((f) => ({ ...f, inNetwork: wanted.has(f.code) }));
  return {
    ...model,
    features,
    missing: [...wanted].filter((code) => !model.index.has(code)),
    unmatched: features.filter((f) => !f.inNetwork).map((f) => f.code),
  };
}

/**
 * Decodes (delta and quantisation) and projects every arc once. Points are
 * kept as they are: the file is already generalised to about 4 700 points, so
 * resampling or simplifying would cost more than it saves.
 */
function projectArcs(topology: Topology, projection: GeoProjection): Ring[] {
  const transform = topology.transform;
  const [sx, sy] = transform?.scale ?? [1, 1];
  const [tx, ty] = transform?.translate ?? [0, 0];
  return topology.arcs.map((arc) => {
    const out = new Float64Array(arc.length * 2);
    let x = 0;
    let y = 0;
    arc.forEach((position, i) => {
      if (transform) {
        x += position[0]!;
        y += position[1]!;
      } else {
        x = position[0]!;
        y = position[1]!;
      }
      const p = transform ? projection([x * sx + tx, y * sy + ty]) : projection([x, y]);
      out[i * 2] = p?.[0] ?? NaN;
      out[i * 2 + 1] = p?.[1] ?? NaN;
    });
    return out;
  });
}

/** Joins a ring's arcs (negative index = arc reversed), dropping the point each joint repeats. */
export function assembleRing(arcs: readonly Ring[], arcIndices: readonly number[]): Ring {
  let length = 0;
  for (const a of arcIndices) length += (arcs[a < 0 ? ~a : a]?.length ?? 0) / 2;
  const out = new Float64Array(Math.max(0, length - Math.max(0, arcIndices.length - 1)) * 2);
  let o = 0;
  arcIndices.forEach((a, k) => {
    const arc = arcs[a < 0 ? ~a : a];
    if (!arc) return;
    const points = arc.length / 2;
    for (let p = k === 0 ? 0 : 1; p < points; p++) {
      const q = a < 0 ? points - 1 - p : p;
      out[o++] = arc[q * 2]!;
      out[o++] = arc[q * 2 + 1]!;
    }
  });
  return o === out.length ? out : out.slice(0, o);
}

export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

/** The transform that shows `bounds` whole and centred in width × height CSS pixels. */
export function fitView(bounds: BBox, width: number, height: number, padding = 16): ViewTransform {
  const [x0, y0, x1, y1] = bounds;
  const w = Math.max(1e-9, x1 - x0);
  const h = Math.max(1e-9, y1 - y0);
  const k = Math.max(1e-9, Math.min((width - 2 * padding) / w, (height - 2 * padding) / h));
  return { x: width / 2 - ((x0 + x1) / 2) * k, y: height / 2 - ((y0 + y1) / 2) * k, k };
}
