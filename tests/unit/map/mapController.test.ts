import { describe, expect, it } from 'vitest';
import { buildGraphIndex, type GraphIndex } from '../../../src/analysis/graphIndex';
import type { LayoutClient, PositionsListener } from '../../../src/layout/layoutClient';
import type { LayoutInput, LayoutOptions } from '../../../src/layout/forceLayout';
import type {
  AreaMapView,
  LaidOutMapView,
  MapArea,
  MapData,
  MapView,
  MapViewCallbacks,
} from '../../../src/render/mapViewTypes';
import type { SavedLayout } from '../../../src/storage/layoutStore';
import {
  createMapController,
  type LayoutStore,
  type MapControllerOptions,
} from '../../../src/ui/map/mapController';
import { buildRenderModel, initialPositions } from '../../../src/ui/map/renderModel';
import { sampleNetwork } from '../fixtures';

/** Records what the controller asks of a view, and lets a test play the user. */
function fakeView(laidOut = true) {
  const calls: string[] = [];
  let callbacks: MapViewCallbacks = {};
  const state = {
    data: null as MapData | null,
    xs: null as Float32Array | null,
    ys: null as Float32Array | null,
    colors: null as readonly string[] | null,
  };
  const base: MapView = {
    setData: (data) => void ((state.data = data), calls.push('setData')),
    setEmphasis: () => void calls.push('setEmphasis'),
    setHidden: (h) => void calls.push(`setHidden ${h ? 'mask' : 'null'}`),
    setColors: (c) => void ((state.colors = c), calls.push('setColors')),
    fit: (ms) => void calls.push(`fit ${ms}`),
    zoomTo: (i, ms) => void calls.push(`zoomTo ${i} ${ms}`),
    zoomBy: (f) => void calls.push(`zoomBy ${f}`),
    panBy: () => void calls.push('panBy'),
    itemAt: () => null,
    getTransform: () => ({ x: 1, y: 2, k: 3 }),
    size: () => ({ width: 640, height: 480 }),
    drawTo: () => undefined,
    resize: () => undefined,
    destroy: () => void calls.push('destroy view'),
  };
  const withLayout: LaidOutMapView = {
    ...base,
    setPositions(xs, ys, moving) {
      state.xs = xs;
      state.ys = ys;
      calls.push(`setPositions${moving ? ' moving' : ''}`);
    },
  };
  const view: MapView = laidOut ? withLayout : base;
  return {
    view,
    calls,
    state,
    create: (cb: MapViewCallbacks) => ((callbacks = cb), view),
    user: () => callbacks,
  };
}

function fakeLayout() {
  const calls: string[] = [];
  const starts: { input: LayoutInput; options: Partial<LayoutOptions> | undefined }[] = [];
  let listener: PositionsListener = () => undefined;
  const client: LayoutClient = {
    start: (input, options) => void (starts.push({ input, options }), calls.push('start')),
    pin: (i, x, y) => void calls.push(`pin ${i} ${x},${y}`),
    unpin: (i) => void calls.push(`unpin ${i}`),
    unpinAll: () => void calls.push('unpinAll'),
    reheat: (alpha) => void calls.push(`reheat ${alpha}`),
    stop: () => void calls.push('stop'),
    destroy: () => void calls.push('destroy layout'),
  };
  return {
    calls,
    starts,
    create: (l: PositionsListener) => ((listener = l), client),
    emit: (xs: Float32Array, ys: Float32Array, alpha: number, settled = false) =>
      listener(xs, ys, { alpha, settled, ticks: 1 }),
  };
}

function memoryStore(saved?: SavedLayout) {
  const saves: { fingerprint: string; ids: string[]; xs: number[] }[] = [];
  const store: LayoutStore = {
    read: async () => saved,
    save: async (fingerprint, ids, xs) => void saves.push({ fingerprint, ids, xs: Array.from(xs) }),
  };
  return { store, saves };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(
  options: { saved?: SavedLayout; laidOut?: boolean; store?: boolean } = {},
  index: GraphIndex = buildGraphIndex(sampleNetwork()),
) {
  const view = fakeView(options.laidOut ?? true);
  const layout = fakeLayout();
  const memory = memoryStore(options.saved);
  const selected: (number | null)[] = [];
  const config: MapControllerOptions = {
    createView: view.create,
    onSelect: (i) => void selected.push(i),
    onHover: () => undefined,
    store: options.store === false ? null : memory.store,
    createLayout: layout.create,
  };
  const controller = createMapController(config);
  return { controller, view, layout, saves: memory.saves, selected, index };
}

const savedFrom = (index: GraphIndex, exact: boolean, skip: string[] = []): SavedLayout => ({
  exact,
  positions: new Map(
    index.organisations
      .filter((o) => !skip.includes(o.id))
      .map((o, i) => [o.id, [i * 100, -i * 100] as [number, number]]),
  ),
});

describe('map controller', () => {
  it('lays out a network without a saved layout, following it until it settles, then saves it', async () => {
    const { controller, view, layout, saves, index } = setup();
    const states: string[] = [];
    controller.layout.subscribe(() => {
      const s = controller.layout.get();
      states.push(`${s.status} ${s.progress}`);
    });
    controller.setNetwork(index);
    expect(view.state.data!.nodes).toBe(buildRenderModel(index).nodes);
    expect(view.state.data!.organisations).toBe(index.organisations);
    await flush();
    // Starts from the geographic placement, fitted at once.
    expect(Array.from(view.state.xs!)).toEqual(Array.from(initialPositions(index).xs));
    expect(view.calls).toEqual(['setData', 'setPositions', 'fit 0']);
    expect(layout.starts).toHaveLength(1);
    expect(layout.starts[0]!.options).toEqual({});
    expect(layout.starts[0]!.input.radii).toBe(buildRenderModel(index).radii);
    expect(controller.layout.get()).toEqual({ status: 'running', progress: 0 });

    const xs = new Float32Array(6).fill(1);
    const ys = new Float32Array(6).fill(2);
    layout.emit(xs, ys, 1);
    layout.emit(xs, ys, 0.1);
    layout.emit(xs, ys, 0.1);
    expect(view.calls.slice(3)).toEqual([
      'setPositions moving',
      'fit 0',
      'setPositions moving',
      'fit 0',
      'setPositions moving',
      'fit 0',
    ]);
    expect(saves).toEqual([]);
    layout.emit(xs, ys, 0.0009, true);
    expect(controller.layout.get().status).toBe('settled');
    expect(saves).toHaveLength(1);
    expect(saves[0]!.ids).toEqual(index.organisations.map((o) => o.id));
    expect(saves[0]!.xs).toEqual(Array.from(xs));
    // Told once per change: the same percentage twice is one notice.
    expect(states[0]).toBe('running 0');
    expect(states.at(-1)).toMatch(/^settled /);
    expect(new Set(states).size).toBe(states.length);
    expect(controller.snapshot()).toEqual({
      xs,
      ys,
      transform: { x: 1, y: 2, k: 3 },
      width: 640,
      height: 480,
    });
  });

  it('stops following the layout once the user moves the view', async () => {
    const { controller, view, layout, index } = setup();
    controller.setNetwork(index);
    await flush();
    view.user().onUserMove!();
    layout.emit(new Float32Array(6), new Float32Array(6), 0.5);
    expect(view.calls.at(-1)).toBe('setPositions moving');
    controller.zoomTo(2);
    controller.zoomBy(1.4);
    controller.fit();
    expect(view.calls.slice(-3)).toEqual(['zoomTo 2 600', 'zoomBy 1.4', 'fit 500']);
  });

  it('draws an exactly saved layout at once, without running the layout', async () => {
    const index = buildGraphIndex(sampleNetwork());
    const { controller, view, layout, saves } = setup({ saved: savedFrom(index, true) }, index);
    controller.setNetwork(index);
    await flush();
    expect(Array.from(view.state.xs!)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(layout.calls).toEqual(['stop']);
    expect(controller.layout.get().status).toBe('settled');
    expect(saves).toEqual([]);
  });

  it('settles an earlier layout in gently, placing a new organisation next to what it links to', async () => {
    const index = buildGraphIndex(sampleNetwork());
    // IBD is new since the layout was saved; it links to Gouda (0, 0) and Amsterdam (200, -200).
    const saved = savedFrom(index, false, ['ibd']);
    const { controller, view, layout } = setup({ saved }, index);
    controller.setNetwork(index);
    await flush();
    const ibd = index.indexOf.get('ibd')!;
    expect(view.state.xs![ibd]).toBeCloseTo(100 + Math.cos(ibd) * 20, 3);
    expect(view.state.ys![ibd]).toBeCloseTo(-100 + Math.sin(ibd) * 20, 3);
    expect(layout.starts[0]!.options).toEqual({ alpha: 0.2 });
    // A first drawing is fitted, an edit later is not: the user's zoom stays.
    expect(view.calls.filter((c) => c.startsWith('fit'))).toEqual(['fit 0']);
    controller.setNetwork(buildGraphIndex(sampleNetwork()));
    await flush();
    expect(view.calls.filter((c) => c.startsWith('fit'))).toEqual(['fit 0']);
  });

  it('places only the newest network when two arrive before the saved layout is read', async () => {
    const { controller, layout, index } = setup();
    controller.setNetwork(index);
    const smaller = sampleNetwork();
    smaller.organisations = smaller.organisations.slice(0, 3);
    controller.setNetwork(buildGraphIndex(smaller));
    await flush();
    expect(layout.starts.map((s) => s.input.count)).toEqual([3]);
  });

  it('a drag pins the organisation and saves when it ends', async () => {
    const { controller, view, layout, saves, index } = setup();
    controller.setNetwork(index);
    await flush();
    view.user().onDragItem!(1, 50, 60, 'start');
    view.user().onDragItem!(1, 55, 65, 'drag');
    expect(saves).toHaveLength(0);
    view.user().onDragItem!(1, 70, 80, 'end');
    expect(layout.calls.slice(-3)).toEqual(['pin 1 50,60', 'pin 1 55,65', 'pin 1 70,80']);
    expect(view.state.xs![1]).toBe(70);
    expect(saves).toHaveLength(1);
    expect(saves[0]!.xs[1]).toBe(70);
  });

  it('"Opnieuw indelen" runs the layout again from where things are; "Losmaken" lets go', async () => {
    const { controller, view, layout, index } = setup();
    controller.setNetwork(index);
    await flush();
    layout.emit(new Float32Array(6).fill(3), new Float32Array(6), 0.0009, true);
    controller.rerunLayout();
    expect(layout.calls.slice(-2)).toEqual(['start', 'reheat 0.6']);
    expect(Array.from(layout.starts[1]!.input.initialX!)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(controller.layout.get()).toEqual({ status: 'running', progress: 0 });
    controller.releasePins();
    expect(layout.calls.at(-1)).toBe('unpinAll');
    expect(view.calls.includes('destroy view')).toBe(false);
  });

  it('keeps nothing for a throwaway map', async () => {
    const { controller, layout, saves, index } = setup({ store: false });
    controller.setNetwork(index);
    await flush();
    layout.emit(new Float32Array(6), new Float32Array(6), 0.0009, true);
    expect(saves).toEqual([]);
  });

  it('passes clicks on and gives each organisation its own colour when none are set', async () => {
    const { controller, view, selected, index } = setup();
    controller.setNetwork(index);
    view.user().onClick!(4);
    view.user().onClick!(null);
    expect(selected).toEqual([4, null]);
    controller.setColors(['#000000']);
    expect(view.state.colors).toEqual(['#000000']);
    controller.setColors(null);
    expect(view.state.colors).toBe(buildRenderModel(index).colors);
  });

  it('drives a view that places items itself (a geographic map) without a layout', async () => {
    const { controller, view, layout, index } = setup({ laidOut: false });
    controller.setNetwork(index);
    await flush();
    expect(view.calls).toEqual(['setData']);
    expect(layout.calls).toEqual([]);
    expect(controller.layout.get()).toEqual({ status: 'idle', progress: 0 });
    controller.setHidden(new Uint8Array(6));
    controller.zoomTo(3);
    controller.rerunLayout();
    expect(view.calls.slice(1)).toEqual(['setHidden mask', 'zoomTo 3 600']);
    expect(controller.snapshot()).toBeNull();
    controller.destroy();
    expect(view.calls.at(-1)).toBe('destroy view');
  });

  it('exports where a geographic view draws each item, and hands it the areas', async () => {
    const { controller, view, layout, index } = setup({ laidOut: false });
    // No positions of its own: nothing to export yet, as before.
    expect(controller.snapshot()).toBeNull();
    const xs = Float32Array.from(index.organisations, (_, i) => i * 10);
    const ys = Float32Array.from(index.organisations, (_, i) => -i);
    const areas: MapArea[] = [];
    const geo: AreaMapView = {
      ...view.view,
      positions: () => ({ xs, ys }),
      setAreas: (next) => void areas.push(...next),
    };
    const withAreas = createMapController({
      createView: () => geo,
      onSelect: () => undefined,
      onHover: () => undefined,
      createLayout: layout.create,
    });
    withAreas.setNetwork(index);
    await flush();
    const snapshot = withAreas.snapshot()!;
    expect(snapshot.xs).toBe(xs);
    expect(snapshot.ys).toBe(ys);
    expect(snapshot).toMatchObject({ transform: { x: 1, y: 2, k: 3 }, width: 640, height: 480 });
    withAreas.setAreas([{ item: 4, name: 'GGD West', members: [0, 1] }]);
    expect(areas).toEqual([{ item: 4, name: 'GGD West', members: [0, 1] }]);
    // The force graph draws no areas: the call is dropped, not an error.
    controller.setAreas([{ item: 4, name: 'GGD West', members: [0, 1] }]);
    expect(layout.calls).toEqual([]);
  });

  it('destroy ends the layout and the view, and drops a late saved layout', async () => {
    const { controller, view, layout, index } = setup();
    controller.setNetwork(index);
    controller.destroy();
    await flush();
    expect(layout.calls).toEqual(['destroy layout']);
    expect(view.calls).toEqual(['setData', 'destroy view']);
  });
});
