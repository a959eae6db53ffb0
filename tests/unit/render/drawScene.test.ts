import { describe, expect, it } from 'vitest';
import {
  batchByColor,
  drawScene,
  prepareGraph,
  type RenderEdge,
  type RenderNode,
  type Scene,
  type View,
} from '../../../src/render/drawScene';

/** Counts the calls that cost time on a canvas; everything else is accepted and ignored. */
function recordingContext() {
  const calls = { stroke: 0, fill: 0, arc: 0, rect: 0, lineTo: 0, fillText: 0, strokeText: 0 };
  const texts: string[] = [];
  /** Line segments in each stroked path, in drawing order. */
  const segmentsPerStroke: number[] = [];
  let segments = 0;
  const ctx = new Proxy(
    {},
    {
      get(_, prop: string) {
        if (prop in calls) {
          return (...args: unknown[]) => {
            calls[prop as keyof typeof calls]++;
            if (prop === 'fillText') texts.push(String(args[0]));
            if (prop === 'lineTo') segments++;
            if (prop === 'stroke') segmentsPerStroke.push(segments);
          };
        }
        if (prop === 'beginPath') return () => (segments = 0);
        return () => undefined;
      },
      set: () => true,
    },
  ) as unknown as CanvasRenderingContext2D;
  return { ctx, calls, texts, segmentsPerStroke };
}

function grid(n: number): {
  nodes: RenderNode[];
  edges: RenderEdge[];
  xs: Float32Array;
  ys: Float32Array;
} {
  const nodes: RenderNode[] = [];
  const xs = new Float32Array(n * n);
  const ys = new Float32Array(n * n);
  for (let i = 0; i < n * n; i++) {
    nodes.push({
      id: `n${i}`,
      label: `Knoop ${i}`,
      kind: i % 2 ? 'municipality' : 'association',
      radius: 5,
      color: i % 3 === 0 ? '#0072B2' : i % 3 === 1 ? '#D55E00' : '#009E73',
      labelPriority: i,
      ring: i === 0,
    });
    xs[i] = (i % n) * 40;
    ys[i] = Math.floor(i / n) * 40;
  }
  const edges: RenderEdge[] = [];
  for (let i = 0; i + 1 < n * n; i++)
    edges.push({ source: i, target: i + 1, type: i % 2 ? 'member' : 'partner' });
  return { nodes, edges, xs, ys };
}

function sceneOf(g: ReturnType<typeof grid>, extra: Partial<Scene> = {}): Scene {
  return {
    graph: prepareGraph(g.nodes, g.edges),
    colors: batchByColor(g.nodes.map((n) => n.color)),
    xs: g.xs,
    ys: g.ys,
    hidden: null,
    highlighted: null,
    selected: null,
    hovered: null,
    marks: null,
    labelWidth: (i) => g.nodes[i]!.label.length * 6,
    ...extra,
  };
}

const whole: View = { x: 20, y: 20, k: 1, width: 2000, height: 2000, pixelRatio: 1 };

describe('drawScene', () => {
  it('batches: one stroke per edge style and one fill per node colour, however many items', () => {
    const g = grid(20);
    const { ctx, calls } = recordingContext();
    const stats = drawScene(ctx, sceneOf(g), whole, { quality: 'full', background: null });
    expect(stats.nodes).toBe(400);
    expect(stats.edges).toBe(399);
    expect(calls.lineTo).toBe(399);
    // 2 edge styles + white outlines of 3 colour batches + 1 frontrunner ring.
    expect(calls.stroke).toBe(2 + 3 + 1);
    expect(calls.fill).toBe(3);
  });

  it('culls what lies outside the viewport', () => {
    const g = grid(20);
    const { ctx } = recordingContext();
    const stats = drawScene(
      ctx,
      sceneOf(g),
      { ...whole, width: 200, height: 200 },
      { quality: 'full', background: null },
    );
    expect(stats.nodes).toBeLessThan(50);
    expect(stats.edges).toBeLessThan(60);
  });

  it('does not draw hidden nodes or their edges', () => {
    const g = grid(10);
    const hidden = new Uint8Array(100).fill(1, 50);
    const { ctx } = recordingContext();
    const stats = drawScene(ctx, sceneOf(g, { hidden }), whole, {
      quality: 'full',
      background: null,
    });
    expect(stats.nodes).toBe(50);
    expect(stats.edges).toBe(49);
  });

  it('labels the selected and highlighted nodes, and no dimmed ones', () => {
    const g = grid(10);
    const highlighted = new Uint8Array(100);
    highlighted[3] = highlighted[4] = 1;
    const { ctx, texts } = recordingContext();
    drawScene(ctx, sceneOf(g, { highlighted, selected: 3 }), whole, {
      quality: 'full',
      background: null,
    });
    expect(texts.sort()).toEqual(['Knoop 3', 'Knoop 4']);
  });

  it('shows more labels as the zoom grows', () => {
    const g = grid(20);
    const count = (k: number) => {
      const { ctx } = recordingContext();
      return drawScene(
        ctx,
        sceneOf(g),
        { ...whole, k, x: 0, y: 0 },
        { quality: 'full', background: null },
      ).labels;
    };
    expect(count(0.4)).toBe(0); // dots of 2 px carry no label
    expect(count(1)).toBeLessThan(count(2.5));
  });

  it('draws a sample of edges while moving on a big graph', () => {
    const g = grid(160); // 25 600 nodes, 25 599 edges, about 2 million pixels of line
    const { ctx } = recordingContext();
    const view = { ...whole, width: 1e5, height: 1e5 };
    const full = drawScene(ctx, sceneOf(g), view, { quality: 'full', background: null });
    const fast = drawScene(ctx, sceneOf(g), view, { quality: 'fast', background: null });
    const again = drawScene(ctx, sceneOf(g), view, { quality: 'fast', background: null });
    expect(full.edges).toBe(25_599);
    expect(fast.edges).toBeGreaterThan(1000);
    expect(fast.edges).toBeLessThan(full.edges);
    // The same sample every frame, so edges do not flicker while the map moves.
    expect(again.edges).toBe(fast.edges);
    expect(fast.labels).toBe(0);
  });

  it('never samples away lit edges', () => {
    const g = grid(160);
    const highlighted = new Uint8Array(160 * 160).fill(1, 0, 41);
    const { ctx, segmentsPerStroke } = recordingContext();
    const view = { ...whole, width: 1e5, height: 1e5 };
    drawScene(ctx, sceneOf(g, { highlighted }), view, { quality: 'fast', background: null });
    // Strokes: dim member, dim partner, lit member, lit partner, then the frontrunner ring.
    expect(segmentsPerStroke[2]! + segmentsPerStroke[3]!).toBe(40);
    // Each type keeps its share of the sample.
    expect(segmentsPerStroke[0]).toBeGreaterThan(1000);
    expect(segmentsPerStroke[1]).toBeGreaterThan(1000);
    expect(segmentsPerStroke[0]! + segmentsPerStroke[1]!).toBeLessThan(25_599 - 40);
  });

  it('draws nothing without positions', () => {
    const g = grid(3);
    const { ctx, calls } = recordingContext();
    drawScene(ctx, sceneOf(g, { xs: new Float32Array(0), ys: new Float32Array(0) }), whole, {
      quality: 'full',
      background: null,
    });
    expect(calls.fill + calls.stroke).toBe(0);
  });
});
