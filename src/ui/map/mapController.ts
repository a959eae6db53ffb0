import type { GraphIndex } from '../../analysis/graphIndex';
import { layoutProgress } from '../../layout/forceLayout';
import {
  createLayoutClient,
  type LayoutClient,
  type PositionsListener,
} from '../../layout/layoutClient';
import {
  hasAreas,
  isLaidOut,
  type Emphasis,
  type MapArea,
  type MapView,
  type MapViewCallbacks,
} from '../../render/mapViewTypes';
import type { Transform } from '../../render/viewport';
import { db } from '../../storage/db';
import { fingerprintOf, readLayout, saveLayout, type SavedLayout } from '../../storage/layoutStore';
import { buildRenderModel, startPositions } from './renderModel';

// The life of the map outside React: one object owns the view (the force graph
// or the geographic map), the layout worker and the saved positions of
// a network. React creates it on mount, hands it what to show, and destroys it.
// It starts from the saved layout when there is one, saves when the layout
// settles or a drag ends, and says how far the layout is through `layout`.

export type LayoutStatus = 'idle' | 'running' | 'settled';

export interface LayoutState {
  status: LayoutStatus;
  /** Percent of the running layout done. */
  progress: number;
}

/** A value that can be read now and watched (React: useSyncExternalStore). */
export interface Subscribable<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/** Where positions are kept between visits. */
export interface LayoutStore {
  read(fingerprint: string): Promise<SavedLayout | undefined>;
  save(fingerprint: string, ids: string[], xs: Float32Array, ys: Float32Array): Promise<void>;
}

/** The layout kept in IndexedDB: one per device, for the network it was made for. */
export const savedLayouts: LayoutStore = {
  read: (fingerprint) => readLayout(db, fingerprint),
  save: (fingerprint, ids, xs, ys) => saveLayout(db, fingerprint, ids, xs, ys),
};

export interface MapControllerOptions {
  /** Builds the view, wired to the controller's callbacks. */
  createView(callbacks: MapViewCallbacks): MapView;
  onSelect(item: number | null): void;
  onHover(item: number | null, clientX: number, clientY: number): void;
  /** Keep the layout between visits (the main map); null for throwaway maps. */
  store?: LayoutStore | null;
  /** The layout worker's client; tests hand in their own. */
  createLayout?(listener: PositionsListener): LayoutClient;
}

/**
 * Positions and view as they are now, for the PNG, SVG and Gephi exports. The
 * positions are the layout's, or for a view that places items itself (the
 * geographic map) where it draws them.
 */
export interface MapSnapshot {
  xs: Float32Array;
  ys: Float32Array;
  transform: Transform;
  width: number;
  height: number;
}

export interface MapController {
  readonly view: MapView;
  readonly layout: Subscribable<LayoutState>;
  /** A new network: drawn at once from the saved layout, or laid out. */
  setNetwork(index: GraphIndex): void;
  setHidden(hidden: Uint8Array | null): void;
  setEmphasis(emphasis: Emphasis): void;
  /** null: each organisation's own colour (per kind). */
  setColors(colors: readonly string[] | null): void;
  /** Regions drawn as areas; ignored by a view that draws none (the force graph). */
  setAreas(areas: readonly MapArea[]): void;
  fit(durationMs?: number): void;
  zoomTo(item: number): void;
  zoomBy(factor: number): void;
  /** "Opnieuw indelen": run the layout again from where everything is now. */
  rerunLayout(): void;
  /** "Losmaken": let go of every dragged organisation. */
  releasePins(): void;
  snapshot(): MapSnapshot | null;
  destroy(): void;
}

/** Timings read by the benchmark (bench/run.mjs) and handy in the console. */
interface PageStats {
  firstFrameAt?: number;
  /** Paint time of the latest frames, in ms (the bench reads them while it pans). */
  paintMs?: number[];
  layoutStartedAt?: number;
  layoutSettledAt?: number;
  layoutTicksPerSecond?: number;
}
const pageStats = (): PageStats => {
  const g = globalThis as { __netwerkkaart?: PageStats };
  return (g.__netwerkkaart ??= {});
};

const MAX_PAINT_TIMES = 2000;
const ZOOM_TO_ITEM_MS = 600;
const FIT_MS = 500;
/** A saved layout of an earlier version of the network only needs settling in. */
const SETTLE_ALPHA = 0.2;
const RERUN_ALPHA = 0.6;

export function createMapController(options: MapControllerOptions): MapController {
  const store = options.store ?? null;
  let index: GraphIndex | null = null;
  let ids: string[] = [];
  let fingerprint = '';
  // Bumped per network, so a saved layout read for an older one is dropped.
  let generation = 0;
  let positions: { xs: Float32Array; ys: Float32Array } | null = null;
  // Until the user pans or zooms, the view follows the layout as it unfolds.
  let userMoved = false;
  let drawnOnce = false;
  // The alpha the running layout started at, for its progress.
  let startAlpha: number | null = null;
  let destroyed = false;

  let state: LayoutState = { status: 'idle', progress: 0 };
  const listeners = new Set<() => void>();
  function setState(next: Partial<LayoutState>) {
    const merged = { ...state, ...next };
    if (merged.status === state.status && merged.progress === state.progress) return;
    state = merged;
    for (const listener of listeners) listener();
  }

  const view = options.createView({
    onFrame: (ms) => {
      const stats = pageStats();
      stats.firstFrameAt ??= performance.now();
      const paints = (stats.paintMs ??= []);
      paints.push(ms);
      if (paints.length > MAX_PAINT_TIMES) paints.splice(0, paints.length - MAX_PAINT_TIMES);
    },
    onClick: (i) => options.onSelect(i),
    onHover: (i, x, y) => options.onHover(i, x, y),
    onUserMove: () => {
      userMoved = true;
    },
    onDragItem: (i, x, y, phase) => {
      const p = positions;
      if (!p || !laidOut) return;
      p.xs[i] = x;
      p.ys[i] = y;
      layout?.pin(i, x, y);
      laidOut.setPositions(p.xs, p.ys);
      if (phase === 'end') save(p);
    },
  });
  const laidOut = isLaidOut(view) ? view : null;
  // A view that places items itself (a geographic map) needs no layout.
  const layout = laidOut ? (options.createLayout ?? createLayoutClient)(onPositions) : null;

  function save(p: { xs: Float32Array; ys: Float32Array }) {
    if (store) void store.save(fingerprint, ids, p.xs, p.ys);
  }

  function onPositions(xs: Float32Array, ys: Float32Array, info: Parameters<PositionsListener>[2]) {
    positions = { xs, ys };
    laidOut?.setPositions(xs, ys, !info.settled);
    if (!userMoved) view.fit(0);
    if (!info.settled) {
      startAlpha ??= info.alpha;
      setState({ progress: Math.floor(layoutProgress(info.alpha, startAlpha) * 100) });
      return;
    }
    startAlpha = null;
    pageStats().layoutSettledAt = performance.now();
    if (info.ticksPerSecond !== undefined) pageStats().layoutTicksPerSecond = info.ticksPerSecond;
    setState({ status: 'settled' });
    save({ xs, ys });
  }

  function startLayout(from: { xs: Float32Array; ys: Float32Array }, alpha?: number) {
    if (!index || !layout) return;
    setState({ status: 'running', progress: 0 });
    startAlpha = null;
    layout.start(
      {
        count: index.organisations.length,
        sources: index.sources,
        targets: index.targets,
        radii: buildRenderModel(index).radii,
        initialX: from.xs,
        initialY: from.ys,
      },
      alpha === undefined ? {} : { alpha },
    );
  }

  function place(next: GraphIndex, saved: SavedLayout | undefined) {
    if (!laidOut || !layout) return;
    const start = startPositions(next, saved?.positions);
    positions = start;
    laidOut.setPositions(start.xs, start.ys);
    // Fit on the first drawing only: an edit must not throw away the user's zoom.
    if (!drawnOnce || !saved) {
      userMoved = false;
      view.fit(0);
    }
    drawnOnce = true;
    if (saved?.exact) {
      setState({ status: 'settled' });
      pageStats().layoutSettledAt = performance.now();
      layout.stop();
      return;
    }
    pageStats().layoutStartedAt = performance.now();
    pageStats().layoutSettledAt = undefined;
    startLayout(start, saved ? SETTLE_ALPHA : undefined);
  }

  return {
    view,
    layout: {
      get: () => state,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    setNetwork(next) {
      index = next;
      const run = ++generation;
      const model = buildRenderModel(next);
      view.setData({ organisations: next.organisations, nodes: model.nodes, edges: model.edges });
      if (!laidOut) return;
      ids = next.organisations.map((o) => o.id);
      fingerprint = fingerprintOf(next);
      void (store ? store.read(fingerprint) : Promise.resolve(undefined)).then((saved) => {
        if (run === generation && !destroyed) place(next, saved);
      });
    },
    setHidden: (hidden) => view.setHidden(hidden),
    setEmphasis: (emphasis) => view.setEmphasis(emphasis),
    setColors(colors) {
      if (colors) view.setColors(colors);
      else if (index) view.setColors(buildRenderModel(index).colors);
    },
    setAreas(areas) {
      if (hasAreas(view)) view.setAreas(areas);
    },
    fit: (durationMs = FIT_MS) => view.fit(durationMs),
    zoomTo(item) {
      userMoved = true;
      view.zoomTo(item, ZOOM_TO_ITEM_MS);
    },
    zoomBy(factor) {
      userMoved = true;
      view.zoomBy(factor);
    },
    rerunLayout() {
      if (!positions || !layout) return;
      startLayout(positions);
      layout.reheat(RERUN_ALPHA);
    },
    releasePins: () => layout?.unpinAll(),
    snapshot() {
      const p = laidOut ? positions : (view.positions?.() ?? null);
      if (!p) return null;
      const { width, height } = view.size();
      return { xs: p.xs, ys: p.ys, transform: view.getTransform(), width, height };
    },
    destroy() {
      destroyed = true;
      listeners.clear();
      layout?.destroy();
      view.destroy();
    },
  };
}
