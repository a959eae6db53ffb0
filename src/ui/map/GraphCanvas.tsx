import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { GraphIndex } from '../../analysis/graphIndex';
import { layoutProgress } from '../../layout/forceLayout';
import { createLayoutClient } from '../../layout/layoutClient';
import { createGraphRenderer, type GraphRenderer } from '../../render/graphRenderer';
import { db } from '../../storage/db';
import { networkFingerprint, readLayout, saveLayout } from '../../storage/layoutStore';
import { relationKey } from '../../domain/relation';
import { buildRenderModel, initialPositions } from './renderModel';

export interface GraphCanvasHandle {
  zoomToNode(index: number): void;
  zoomToFit(): void;
  zoomBy(factor: number): void;
  rerunLayout(): void;
  releasePins(): void;
  renderer(): GraphRenderer | null;
  /** Positions and view as they are now, for PNG and SVG export. */
  currentView(): {
    xs: Float32Array;
    ys: Float32Array;
    transform: { x: number; y: number; k: number };
    width: number;
    height: number;
  } | null;
}

interface Props {
  index: GraphIndex;
  hidden: Uint8Array | null;
  selected: number | null;
  highlighted: Uint8Array | null;
  colors: string[] | null;
  marks?: Map<number, 'added' | 'removed' | 'changed'>;
  onSelect(index: number | null): void;
  onHover(index: number | null, clientX: number, clientY: number): void;
  label: string;
  /** Keep the settled layout in IndexedDB (the main map); off for throwaway views. */
  persistLayout?: boolean;
}

type LayoutStatus = 'idle' | 'running' | 'settled';

/** Timings read by the benchmark (bench/run.mjs) and handy in the console. */
interface PageStats {
  firstFrameAt?: number;
  layoutStartedAt?: number;
  layoutSettledAt?: number;
  layoutTicksPerSecond?: number;
}
const pageStats = (): PageStats => {
  const w = window as unknown as { __netwerkkaart?: PageStats };
  return (w.__netwerkkaart ??= {});
};

/**
 * Mounts the canvas renderer and the layout worker. Positions, zoom and hover
 * never pass through React state: React only says what to show.
 */
export const GraphCanvas = forwardRef<GraphCanvasHandle, Props>(function GraphCanvas(props, ref) {
  const { index, hidden, selected, highlighted, colors, marks, onSelect, onHover, label } = props;
  const persist = props.persistLayout ?? true;
  const persistRef = useRef(persist);
  persistRef.current = persist;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<GraphRenderer | null>(null);
  const layoutRef = useRef<ReturnType<typeof createLayoutClient> | null>(null);
  const positions = useRef<{ xs: Float32Array; ys: Float32Array } | null>(null);
  const callbacks = useRef({ onSelect, onHover });
  callbacks.current = { onSelect, onHover };
  const [status, setStatus] = useState<LayoutStatus>('idle');
  // Percent of the layout done, for the status line; the alpha its run started at.
  const [progress, setProgress] = useState(0);
  const startAlpha = useRef<number | null>(null);
  // Until the user pans or zooms, the view follows the layout as it unfolds.
  const userMoved = useRef(false);
  const drawnOnce = useRef(false);

  const fingerprint = useMemo(
    () =>
      networkFingerprint(
        index.organisations.map((o) => o.id),
        index.relations.map(relationKey),
      ),
    [index],
  );
  const ids = useMemo(() => index.organisations.map((o) => o.id), [index]);

  const fingerprintRef = useRef(fingerprint);
  const idsRef = useRef(ids);
  fingerprintRef.current = fingerprint;
  idsRef.current = ids;

  // One renderer and one layout worker for the life of the page.
  useEffect(() => {
    const canvas = canvasRef.current!;
    const renderer = createGraphRenderer(canvas, {
      onFrame: () => {
        pageStats().firstFrameAt ??= performance.now();
      },
      onClick: (i) => callbacks.current.onSelect(i),
      onHover: (i, x, y) => callbacks.current.onHover(i, x, y),
      onDragNode: (i, x, y, phase) => {
        const p = positions.current;
        if (!p) return;
        p.xs[i] = x;
        p.ys[i] = y;
        layoutRef.current?.pin(i, x, y);
        renderer.setPositions(p.xs, p.ys);
        if (phase === 'end' && persistRef.current)
          void saveLayout(db, fingerprintRef.current, idsRef.current, p.xs, p.ys);
      },
    });
    rendererRef.current = renderer;
    const layout = createLayoutClient((xs, ys, info) => {
      positions.current = { xs, ys };
      renderer.setPositions(xs, ys, !info.settled);
      if (!userMoved.current) renderer.zoomToFit(0);
      if (!info.settled) {
        startAlpha.current ??= info.alpha;
        const done = Math.floor(layoutProgress(info.alpha, startAlpha.current) * 100);
        setProgress((p) => (p === done ? p : done));
      } else startAlpha.current = null;
      if (info.settled) {
        pageStats().layoutSettledAt = performance.now();
        if (info.ticksPerSecond !== undefined)
          pageStats().layoutTicksPerSecond = info.ticksPerSecond;
        setStatus('settled');
        if (persistRef.current) void saveLayout(db, fingerprintRef.current, idsRef.current, xs, ys);
      }
    });
    layoutRef.current = layout;
    const moved = () => {
      userMoved.current = true;
    };
    canvas.addEventListener('pointerdown', moved);
    canvas.addEventListener('wheel', moved, { passive: true });
    return () => {
      canvas.removeEventListener('pointerdown', moved);
      canvas.removeEventListener('wheel', moved);
      layout.destroy();
      renderer.destroy();
      rendererRef.current = null;
      layoutRef.current = null;
    };
  }, []);

  // A new network: draw it at once from the saved layout, or lay it out.
  useEffect(() => {
    const renderer = rendererRef.current;
    const layout = layoutRef.current;
    if (!renderer || !layout) return;
    let cancelled = false;
    const model = buildRenderModel(index);
    renderer.setGraph(model.nodes, model.edges);
    void (persist ? readLayout(db, fingerprint) : Promise.resolve(undefined)).then((saved) => {
      if (cancelled) return;
      const start = initialPositions(index);
      const known = new Uint8Array(ids.length);
      if (saved) {
        ids.forEach((id, i) => {
          const p = saved.positions.get(id);
          if (p) {
            start.xs[i] = p[0];
            start.ys[i] = p[1];
            known[i] = 1;
          }
        });
        // New organisations (after an edit) start next to what they link to.
        ids.forEach((_, i) => {
          if (known[i]) return;
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
        });
      }
      positions.current = start;
      renderer.setPositions(start.xs, start.ys);
      // Fit on the first drawing only: an edit must not throw away the user's zoom.
      if (!drawnOnce.current || !saved) {
        userMoved.current = false;
        renderer.zoomToFit(0);
      }
      drawnOnce.current = true;
      if (saved?.exact) {
        setStatus('settled');
        pageStats().layoutSettledAt = performance.now();
        layout.stop();
        return;
      }
      setStatus('running');
      startAlpha.current = null;
      setProgress(0);
      pageStats().layoutStartedAt = performance.now();
      pageStats().layoutSettledAt = undefined;
      layout.start(
        {
          count: index.organisations.length,
          sources: index.sources,
          targets: index.targets,
          radii: model.radii,
          initialX: start.xs,
          initialY: start.ys,
        },
        saved ? { alpha: 0.2 } : {},
      );
    });
    return () => {
      cancelled = true;
    };
  }, [index, fingerprint, ids, persist]);

  useEffect(() => {
    rendererRef.current?.setHidden(hidden);
  }, [hidden]);
  useEffect(() => {
    rendererRef.current?.setEmphasis({ selected, highlighted, ...(marks ? { marks } : {}) });
  }, [selected, highlighted, marks]);
  useEffect(() => {
    if (colors) rendererRef.current?.setColors(colors);
    else rendererRef.current?.setColors(buildRenderModel(index).colors);
  }, [colors, index]);

  useImperativeHandle(
    ref,
    () => ({
      zoomToNode: (i) => {
        userMoved.current = true;
        rendererRef.current?.zoomToNode(i, 600);
      },
      zoomToFit: () => rendererRef.current?.zoomToFit(500),
      zoomBy: (f) => {
        userMoved.current = true;
        rendererRef.current?.zoomBy(f);
      },
      rerunLayout: () => {
        const p = positions.current;
        const layout = layoutRef.current;
        if (!p || !layout) return;
        setStatus('running');
        startAlpha.current = null;
        setProgress(0);
        layout.start({
          count: index.organisations.length,
          sources: index.sources,
          targets: index.targets,
          radii: buildRenderModel(index).radii,
          initialX: p.xs,
          initialY: p.ys,
        });
        layout.reheat(0.6);
      },
      releasePins: () => layoutRef.current?.unpinAll(),
      renderer: () => rendererRef.current,
      currentView: () => {
        const p = positions.current;
        const r = rendererRef.current;
        const c = canvasRef.current;
        if (!p || !r || !c) return null;
        return {
          xs: p.xs,
          ys: p.ys,
          transform: r.getTransform(),
          width: c.clientWidth,
          height: c.clientHeight,
        };
      },
    }),
    [index],
  );

  function onKeyDown(e: React.KeyboardEvent) {
    const r = rendererRef.current;
    if (!r) return;
    const step = 60;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => r.panBy(step, 0),
      ArrowRight: () => r.panBy(-step, 0),
      ArrowUp: () => r.panBy(0, step),
      ArrowDown: () => r.panBy(0, -step),
      '+': () => r.zoomBy(1.3),
      '=': () => r.zoomBy(1.3),
      '-': () => r.zoomBy(1 / 1.3),
      '0': () => r.zoomToFit(400),
      Escape: () => callbacks.current.onSelect(null),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      userMoved.current = true;
      action();
    }
  }

  return (
    <div className="graph-canvas">
      <canvas
        ref={canvasRef}
        tabIndex={0}
        role="img"
        aria-label={label}
        aria-describedby="canvas-help"
        onKeyDown={onKeyDown}
        data-testid="graph-canvas"
        data-layout={status}
      />
      <p id="canvas-help" className="visually-hidden">
        Pijltjestoetsen verschuiven de kaart, plus en min zoomen, 0 toont alles, Escape heft de
        selectie op. De tabelweergave toont dezelfde organisaties als lijst.
      </p>
      {status === 'running' && (
        <p className="layout-status" role="status">
          Indeling wordt berekend… <span aria-hidden="true">{progress}%</span>
        </p>
      )}
    </div>
  );
});
