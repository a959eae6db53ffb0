// Greedy label placement: the most important labels first, each at the first
// of its positions (below, above, beside its node) where it covers no label
// already placed, else skipped. A grid of occupied cells keeps each check to
// the few boxes nearby, so placement stays linear in practice.

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
  /** Placed before all others (selected or highlighted). */
  forced?: boolean;
  /** Placed even where every position is taken: the selection's own name. */
  always?: boolean;
  /** Other positions to try, in order, when the box is taken. */
  alternatives?: readonly LabelBox[];
}

export interface LabelPlacementOptions {
  /** Grid cell size in pixels; about a label's height works well. */
  cellSize?: number;
  /** Stop after this many labels: each one costs two text draws and clutters the map. */
  maxLabels?: number;
  /**
   * Boxes no label may cover: the nodes of an exported picture, where a name
   * over a disc hides an organisation rather than naming one.
   */
  obstacles?: readonly LabelBox[];
}

export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Placement order: forced first, then by priority, ties by index so the result is stable. */
export function compareCandidates(a: LabelCandidate, b: LabelCandidate): number {
  return Number(!!b.forced) - Number(!!a.forced) || b.priority - a.priority || a.index - b.index;
}

/** Returns the placed candidates in placement order, each at the position it got. */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  options: LabelPlacementOptions = {},
): LabelCandidate[] {
  const cell = options.cellSize ?? 16;
  const maxLabels = options.maxLabels ?? Infinity;
  const sorted = [...candidates].sort(compareCandidates);
  const grid = new Map<number, LabelBox[]>();
  const placed: LabelCandidate[] = [];
  for (const box of options.obstacles ?? []) if (box.width > 0 && box.height > 0) occupy(box);

  for (const c of sorted) {
    if (placed.length >= maxLabels) break;
    if (!(c.width > 0 && c.height > 0)) continue;
    let at: LabelBox | undefined;
    for (const box of [c, ...(c.alternatives ?? [])])
      if (box.width > 0 && box.height > 0 && !collides(box)) {
        at = box;
        break;
      }
    if (!at && c.always) at = c;
    if (!at) continue;
    occupy(at);
    placed.push(at === c ? c : { ...c, x: at.x, y: at.y, width: at.width, height: at.height });
  }
  return placed;

  function cells(b: LabelBox) {
    return {
      x0: Math.floor(b.x / cell),
      x1: Math.floor((b.x + b.width) / cell),
      y0: Math.floor(b.y / cell),
      y1: Math.floor((b.y + b.height) / cell),
    };
  }

  function occupy(b: LabelBox) {
    const { x0, x1, y0, y1 } = cells(b);
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        const key = cellKey(gx, gy);
        const list = grid.get(key);
        if (list) list.push(b);
        else grid.set(key, [b]);
      }
    }
  }

  function collides(b: LabelBox): boolean {
    const { x0, x1, y0, y1 } = cells(b);
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        const list = grid.get(cellKey(gx, gy));
        if (list) for (const other of list) if (boxesOverlap(b, other)) return true;
      }
    }
    return false;
  }
}

// Distinct for any on-screen cell; a far-off collision would only cost an extra exact check.
const cellKey = (gx: number, gy: number) => gx * 65536 + gy;
