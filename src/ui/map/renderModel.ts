import type { GraphIndex } from '../../analysis/graphIndex';
import { displayName } from '../../domain/organisation';
import { KIND_COLORS } from '../../render/palette';
import type { RenderEdge, RenderNode } from '../../render/drawScene';

// From the network to what the renderer draws: sizes say inhabitants for a
// municipality and members for the rest, so big things look big.
export function nodeRadius(index: GraphIndex, i: number): number {
  const org = index.organisations[i]!;
  if (org.kind === 'municipality') return 2 + Math.sqrt(org.population ?? 0) / 90;
  return 3 + Math.sqrt(index.memberCount[i]!) * 0.65;
}

export interface RenderModel {
  nodes: RenderNode[];
  edges: RenderEdge[];
  /** Default (per kind) colour of each node. */
  colors: string[];
  radii: Float32Array;
}

// One model per network: the canvas, the layout and the exports all read the same one.
const models = new WeakMap<GraphIndex, RenderModel>();

export function buildRenderModel(index: GraphIndex): RenderModel {
  let model = models.get(index);
  if (!model) {
    model = computeRenderModel(index);
    models.set(index, model);
  }
  return model;
}

function computeRenderModel(index: GraphIndex): RenderModel {
  const frontrunner = new Uint8Array(index.organisations.length);
  index.relations.forEach((r, k) => {
    if (r.role === 'frontrunner') frontrunner[index.sources[k]!] = 1;
  });
  const nodes = index.organisations.map((org, i): RenderNode => {
    const radius = nodeRadius(index, i);
    return {
      id: org.id,
      label: displayName(org),
      kind: org.kind,
      radius,
      color: KIND_COLORS[org.kind],
      ring: frontrunner[i] === 1,
      labelPriority: radius,
    };
  });
  const edges = index.relations.map((r, k): RenderEdge => ({
    source: index.sources[k]!,
    target: index.targets[k]!,
    type: r.type,
    ...(r.role ? { role: r.role } : {}),
  }));
  return {
    nodes,
    edges,
    colors: nodes.map((n) => n.color),
    radii: Float32Array.from(nodes, (n) => n.radius),
  };
}

/** Municipalities start where they lie on the map; the rest near what they link to. */
export function initialPositions(index: GraphIndex): { xs: Float32Array; ys: Float32Array } {
  const n = index.organisations.length;
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  const placed = new Uint8Array(n);
  // Rough equirectangular projection around the centre of the Netherlands.
  const scale = 9 * Math.sqrt(Math.max(n, 1));
  index.organisations.forEach((o, i) => {
    if (o.lat !== undefined && o.lon !== undefined) {
      xs[i] = (o.lon - 5.3) * 0.61 * scale;
      ys[i] = -(o.lat - 52.2) * scale;
      placed[i] = 1;
    }
  });
  for (let i = 0; i < n; i++) {
    if (placed[i]) continue;
    let sx = 0;
    let sy = 0;
    let c = 0;
    for (const k of index.incident[i]!) {
      const other = index.sources[k] === i ? index.targets[k]! : index.sources[k]!;
      if (placed[other]) {
        sx += xs[other]!;
        sy += ys[other]!;
        c++;
      }
    }
    // Golden-angle spiral for the rest, so no two start on the same spot.
    const angle = i * 2.399963;
    const r = c ? 15 : scale * 0.6 + Math.sqrt(i) * 6;
    xs[i] = (c ? sx / c : 0) + Math.cos(angle) * r;
    ys[i] = (c ? sy / c : 0) + Math.sin(angle) * r;
  }
  return { xs, ys };
}

/**
 * Where a layout starts: saved positions where there are any, so the map looks
 * as it did; an organisation new since then (an edit) next to what it links to.
 */
export function startPositions(
  index: GraphIndex,
  saved?: ReadonlyMap<string, readonly [number, number]>,
): { xs: Float32Array; ys: Float32Array } {
  const start = initialPositions(index);
  if (!saved) return start;
  const n = index.organisations.length;
  const known = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = saved.get(index.organisations[i]!.id);
    if (p) {
      start.xs[i] = p[0];
      start.ys[i] = p[1];
      known[i] = 1;
    }
  }
  for (let i = 0; i < n; i++) {
    if (known[i]) continue;
    let sx = 0;
    let sy = 0;
    let c = 0;
    for (const k of index.incident[i]!) {
      const o = index.sources[k] === i ? index.targets[k]! : index.sources[k]!;
      if (known[o]) {
        sx += start.xs[o]!;
        sy += start.ys[o]!;
        c++;
      }
    }
    if (c) {
      start.xs[i] = sx / c + Math.cos(i) * 20;
      start.ys[i] = sy / c + Math.sin(i) * 20;
    }
  }
  return start;
}
