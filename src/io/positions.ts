// Node positions in one shape, whichever way they cross a file: written from
// the layout (JSON, CSV, XLSX, GEXF, GraphML) and read back from all of them
// and from d3 nodes (ImportSuccess.positions), so a network laid out once
// looks the same after a round trip or in another tool.

export interface Point {
  x: number;
  y: number;
}

/** Organisation id -> position, in the coordinates of the file or the layout. */
export type NodePositions = ReadonlyMap<string, Point>;

/** A position read from a file: two finite numbers, or nothing. */
export function readPosition(x: unknown, y: unknown): Point | undefined {
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? { x, y }
    : undefined;
}

/**
 * Two decimals: the layout keeps positions as 32-bit floats, whose noise
 * digits (10.449999809) would otherwise fill every file; a hundredth of a
 * unit is far below what the map shows.
 */
export const roundCoordinate = (value: number) => Math.round(value * 100) / 100 || 0;

/**
 * Gephi, Gephi Lite (sigma.js) and plots of networkx and igraph layouts put
 * y upwards; the map's canvas puts it downwards. GEXF and GraphML files carry
 * the tools' convention, so the network is not upside down on either side.
 */
export const graphFileY = (y: number) => (y === 0 ? 0 : -y);

/** About how wide the map's own layout makes a network of `count` organisations. */
export const layoutExtent = (count: number) => 30 * Math.sqrt(Math.max(count, 1));

/**
 * Positions from another tool, scaled (the same factor both ways, so the
 * picture keeps its shape) when they are far smaller or larger than the map's
 * own layout: igraph and networkx lay out in a unit square, where every
 * organisation's disc would cover the others. Positions within a factor four
 * of the map's scale are kept exactly, so a round trip changes nothing.
 */
export function toLayoutScale(positions: NodePositions, count: number): NodePositions {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { x, y } of positions.values()) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const extent = Math.max(maxX - minX, maxY - minY);
  const target = layoutExtent(count);
  if (!(extent > 0) || (extent >= target / 4 && extent <= target * 4)) return positions;
  const factor = target / extent;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return new Map(
    [...positions].map(([id, p]) => [id, { x: (p.x - cx) * factor, y: (p.y - cy) * factor }]),
  );
}
