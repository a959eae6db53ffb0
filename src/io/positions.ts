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
