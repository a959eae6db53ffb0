// Greedy label placement: the most important labels first, and a label that
// would cover one already placed is skipped. A grid of occupied cells keeps
// each check to the few boxes nearby, so placement stays linear in practice.

export interface LabelBox {
  /** Top-left corner and size, in screen pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelCandidate extends LabelBox {
  /** Node index, handed back untouched. */
  index: number;
  /** Higher is placed earlier. */
  priority: number;
  /** Always placed (selected or highlighted), even over another label. */
  forced?: boolean;
}

export interface LabelPlacementOptions {
  /** Grid cell size in pixels; about a label's height works well. */
  cellSize?: number;
  /** Stop after this many labels: each one costs two text draws and clutters the map. */
  maxLabels?: number;
  /** Cap on forced labels, so a huge highlight cannot flood the map with text. */
  maxForced?: number;
}

export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Placement order: forced first, then by priority, ties by index so the result is stable. */
export function compareCandidates(a: LabelCandidate, b: LabelCandidate): number {
  return Number(!!b.forced) - Number(!!a.forced) || b.priority - a.priority || a.index - b.index;
}

/** Returns the placed candidates in placement order. */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  options: LabelPlacementOptions = {},
): LabelCandidate[] {
  const cell = options.cellSize ?? 16;
  const maxLabels = options.maxLabels ?? Infinity;
  const maxForced = options.maxForced ?? 200;
  const sorted = [...candidates].sort(compareCandidates);
  const grid = new Map<number, LabelCandidate[]>();
  const placed: LabelCandidate[] = [];
  let forcedCount = 0;

  for (const c of sorted) {
    if (placed.length >= maxLabels) break;
    if (!(c.width > 0 && c.height > 0)) continue;
    const forced = !!c.forced && forcedCount < maxForced;
    const x0 = Math.floor(c.x / cell);
    const x1 = Math.floor((c.x + c.width) / cell);
    const y0 = Math.floor(c.y / cell);
    const y1 = Math.floor((c.y + c.height) / cell);
    if (!forced && collides(c, x0, x1, y0, y1)) continue;
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        const key = cellKey(gx, gy);
        const list = grid.get(key);
        if (list) list.push(c);
        else grid.set(key, [c]);
      }
    }
    placed.push(c);
    if (forced) forcedCount++;
  }
  return placed;

  function collides(c: LabelCandidate, x0: number, x1: number, y0: number, y1: number): boolean {
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        const list = grid.get(cellKey(gx, gy));
        if (list) for (const other of list) if (boxesOverlap(c, other)) return true;
      }
    }
    return false;
  }
}

// Distinct for any on-screen cell; a far-off collision would only cost an extra exact check.
const cellKey = (gx: number, gy: number) => gx * 65536 + gy;
