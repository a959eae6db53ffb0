// Node positions in one shape, whichever way they cross a file: written from
// the layout (GEXF, GraphML) and read back from GEXF, GraphML and d3 nodes
// (ImportSuccess.positions), for a layout that looks like the source.

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
