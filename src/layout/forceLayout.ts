import {
  forceLink,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3';
import { createCollideForce } from './collideForce';
import { createManyBodyForce } from './manyBodyForce';

// A headless, seeded force layout over typed arrays. The same function runs in
// the layout worker, in the in-thread fallback and in the tests, so what the
// tests assert is what the user sees.

export interface LayoutInput {
  count: number;
  /** Edge k links sources[k] and targets[k], both node indices. */
  sources: Uint32Array;
  targets: Uint32Array;
  /** Drawn radius per node; collision keeps this much room around it. */
  radii?: Float32Array;
  /** Start positions; NaN (or a missing array) lets d3 place the node. */
  initialX?: Float32Array;
  initialY?: Float32Array;
  /** 1 = pinned at its initial position from the start. */
  fixed?: Uint8Array;
  /** Nodes of the same group are pulled together (e.g. a province or a cluster). */
  groups?: Uint16Array;
}

export interface LayoutParameter {
  id: LayoutParameterId;
  label: string;
  description: string;
  type: 'number';
  default: number;
  min: number;
  max: number;
  step: number;
}

export type LayoutParameterId = 'linkDistance' | 'chargeStrength' | 'collidePadding' | 'gravity';

/** The forces a user may tune, as a descriptor one generic form can render. */
export const LAYOUT_PARAMETERS: readonly LayoutParameter[] = [
  {
    id: 'linkDistance',
    label: 'Lengte van verbindingen',
    description: 'Hoe ver verbonden organisaties uit elkaar liggen.',
    type: 'number',
    default: 30,
    min: 5,
    max: 200,
    step: 5,
  },
  {
    id: 'chargeStrength',
    label: 'Afstoting',
    description: 'Hoe sterk organisaties elkaar wegduwen (negatiever = verder uit elkaar).',
    type: 'number',
    default: -40,
    min: -400,
    max: 0,
    step: 5,
  },
  {
    id: 'collidePadding',
    label: 'Ruimte rond een organisatie',
    description: 'Vrije ruimte rond elke bol, zodat bollen niet overlappen.',
    type: 'number',
    default: 1.5,
    min: 0,
    max: 20,
    step: 0.5,
  },
  {
    id: 'gravity',
    label: 'Trek naar het midden',
    description: 'Houdt losse delen van het netwerk bij elkaar in beeld.',
    type: 'number',
    default: 0.04,
    min: 0,
    max: 0.5,
    step: 0.01,
  },
];

export interface LayoutOptions extends Record<LayoutParameterId, number> {
  seed: number;
  /** Pull towards the group centroid (only with `groups`). */
  groupStrength: number;
  /** Starting heat: 1 for a fresh layout, lower to refine given positions. */
  alpha: number;
  alphaMin: number;
  alphaDecay: number;
  velocityDecay: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  ...(Object.fromEntries(LAYOUT_PARAMETERS.map((p) => [p.id, p.default])) as Record<
    LayoutParameterId,
    number
  >),
  seed: 1,
  groupStrength: 0.05,
  alpha: 1,
  alphaMin: 0.001,
  // d3's default: about 300 ticks from alpha 1 to alphaMin.
  alphaDecay: 1 - Math.pow(0.001, 1 / 300),
  velocityDecay: 0.4,
};

/** Fills gaps with defaults and clamps tunable values, so a stored or typed value cannot blow up the layout. */
export function resolveLayoutOptions(options: Partial<LayoutOptions> = {}): LayoutOptions {
  const out: LayoutOptions = { ...DEFAULT_LAYOUT_OPTIONS };
  for (const key of Object.keys(out) as (keyof LayoutOptions)[]) {
    const v = options[key];
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = v;
  }
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  for (const p of LAYOUT_PARAMETERS) out[p.id] = clamp(out[p.id], p.min, p.max);
  out.alpha = clamp(out.alpha, 0, 1);
  // A zero alphaMin or alphaDecay would never settle: the worker would tick forever.
  out.alphaMin = clamp(out.alphaMin, 1e-4, 0.5);
  out.alphaDecay = clamp(out.alphaDecay, 1e-3, 0.5);
  out.velocityDecay = clamp(out.velocityDecay, 0.05, 0.95);
  out.groupStrength = clamp(out.groupStrength, 0, 1);
  return out;
}

/** Same constants as d3-force's own lcg, with a seed: the same seed gives the same layout. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(1664525, s) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export interface ForceLayout {
  /** Run up to n ticks (default 1); stops early once settled. */
  tick(n?: number): void;
  alpha(): number;
  settled(): boolean;
  /** Ticks run so far. */
  ticks(): number;
  readonly count: number;
  /** Current positions, updated after every tick() call. Owned by the layout: copy before transferring. */
  readonly xs: Float32Array;
  readonly ys: Float32Array;
  pin(i: number, x: number, y: number): void;
  unpin(i: number): void;
  unpinAll(): void;
  reheat(alpha?: number): void;
}

// Throwaway nodes: d3 writes x, y, vx, vy and index into them, so domain
// objects never reach it (forceLink would also swap ids for object references).
interface SimNode extends SimulationNodeDatum {
  index: number;
  x: number;
  y: number;
  group: number;
}

export function createForceLayout(
  input: LayoutInput,
  options: Partial<LayoutOptions> = {},
): ForceLayout {
  const o = resolveLayoutOptions(options);
  const n = Math.max(0, Math.floor(input.count));
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);

  const nodes: SimNode[] = new Array<SimNode>(n);
  for (let i = 0; i < n; i++) {
    const node: SimNode = {
      index: i,
      x: input.initialX?.[i] ?? NaN,
      y: input.initialY?.[i] ?? NaN,
      group: input.groups?.[i] ?? 0,
    };
    if (input.fixed?.[i] && Number.isFinite(node.x) && Number.isFinite(node.y)) {
      node.fx = node.x;
      node.fy = node.y;
    }
    nodes[i] = node;
  }

  const links: SimulationLinkDatum<SimNode>[] = [];
  const edgeCount = Math.min(input.sources.length, input.targets.length);
  for (let k = 0; k < edgeCount; k++) {
    const s = input.sources[k]!;
    const t = input.targets[k]!;
    // Self-loops add no shape and bad indices would make d3 throw.
    if (s !== t && s < n && t < n) links.push({ source: s, target: t });
  }

  const radius = (node: SimNode) => (input.radii?.[node.index] ?? 4) + o.collidePadding;

  // Created stopped: d3 would otherwise start its own timer, and we tick by hand.
  const simulation = forceSimulation<SimNode>(nodes)
    .stop()
    .randomSource(lcg(o.seed))
    .alpha(o.alpha)
    .alphaMin(o.alphaMin)
    .alphaDecay(o.alphaDecay)
    .velocityDecay(o.velocityDecay)
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links)
        .id((d) => d.index)
        .distance(o.linkDistance),
    )
    .force(
      'charge',
      // d3.forceManyBody's semantics on a flat quadtree; a coarser Barnes–Hut
      // and a cut-off keep a tick cheap on 10 000 nodes.
      createManyBodyForce<SimNode>({
        strength: o.chargeStrength,
        theta: 0.9,
        distanceMax: Math.max(300, o.linkDistance * 12),
      }),
    )
    // d3.forceCollide's effect, with a grid in place of a quadtree.
    .force('collide', createCollideForce<SimNode>({ radius, strength: 0.7 }))
    .force('x', forceX<SimNode>(0).strength(o.gravity))
    .force('y', forceY<SimNode>(0).strength(o.gravity));
  if (input.groups && o.groupStrength > 0) {
    simulation.force('group', forceGroup(n, o.groupStrength));
  }

  let tickCount = 0;
  const copyOut = () => {
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      xs[i] = node.x;
      ys[i] = node.y;
    }
  };
  copyOut();

  const settled = () => simulation.alpha() < simulation.alphaMin();

  return {
    count: n,
    xs,
    ys,
    tick(steps = 1) {
      for (let s = 0; s < steps && !settled(); s++) {
        simulation.tick();
        tickCount++;
      }
      copyOut();
    },
    alpha: () => simulation.alpha(),
    settled,
    ticks: () => tickCount,
    pin(i, x, y) {
      const node = nodes[i];
      if (!node || !Number.isFinite(x) || !Number.isFinite(y)) return;
      node.fx = node.x = x;
      node.fy = node.y = y;
      node.vx = node.vy = 0;
      xs[i] = x;
      ys[i] = y;
    },
    unpin(i) {
      const node = nodes[i];
      if (node) node.fx = node.fy = null;
    },
    unpinAll() {
      for (const node of nodes) node.fx = node.fy = null;
    },
    reheat(alpha = 0.3) {
      simulation.alpha(Math.min(1, Math.max(0, alpha)));
    },
  };

  /** Pulls each node towards the centroid of its group, scaled by alpha like d3's own forces. */
  function forceGroup(count: number, strength: number) {
    let simNodes: SimNode[] = [];
    let groupCount = 0;
    const force = (alpha: number) => {
      const sx = new Float64Array(groupCount);
      const sy = new Float64Array(groupCount);
      const c = new Uint32Array(groupCount);
      for (const node of simNodes) {
        sx[node.group]! += node.x;
        sy[node.group]! += node.y;
        c[node.group]!++;
      }
      const k = strength * alpha;
      for (const node of simNodes) {
        const m = c[node.group]!;
        if (m < 2) continue;
        node.vx! += (sx[node.group]! / m - node.x) * k;
        node.vy! += (sy[node.group]! / m - node.y) * k;
      }
    };
    force.initialize = (ns: SimNode[]) => {
      simNodes = ns;
      groupCount = 1;
      for (let i = 0; i < count; i++) groupCount = Math.max(groupCount, (ns[i]?.group ?? 0) + 1);
    };
    return force;
  }
}

/**
 * How far a layout is, 0–1, from its alpha: alpha falls geometrically from
 * where the run started to alphaMin, so the share of the way on a log scale
 * is the share of ticks done.
 */
export function layoutProgress(
  alpha: number,
  startAlpha: number,
  alphaMin: number = DEFAULT_LAYOUT_OPTIONS.alphaMin,
): number {
  if (!(startAlpha > alphaMin) || !(alpha > 0)) return alpha <= alphaMin ? 1 : 0;
  const done = 1 - Math.log(alpha / alphaMin) / Math.log(startAlpha / alphaMin);
  return Math.min(1, Math.max(0, done));
}
