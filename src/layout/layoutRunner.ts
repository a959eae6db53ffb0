import {
  createForceLayout,
  type ForceLayout,
  type LayoutInput,
  type LayoutOptions,
} from './forceLayout';

// The tick loop behind the layout worker. It lives apart from the worker entry
// so the in-thread fallback (and the tests) run exactly the same loop.

/** Messages to the layout. `run` tags a layout so stale replies can be told apart. */
export type LayoutRequest =
  | { type: 'init'; run?: number; input: LayoutInput; options?: Partial<LayoutOptions> }
  | { type: 'pin'; index: number; x: number; y: number }
  | { type: 'unpin'; index: number }
  | { type: 'unpinAll' }
  | { type: 'reheat'; alpha?: number }
  | { type: 'stop' };

export type LayoutReply =
  | {
      type: 'positions';
      run: number;
      xs: Float32Array;
      ys: Float32Array;
      alpha: number;
      ticks: number;
    }
  | {
      type: 'settled';
      run: number;
      xs: Float32Array;
      ys: Float32Array;
      alpha: number;
      ticks: number;
      /** Wall time from init (or the last reheat) to settling. */
      ms: number;
      /** Ticks per second of pure ticking, without the pauses between chunks. */
      ticksPerSecond: number;
    };

export interface RunnerHost {
  post(reply: LayoutReply, transfer: Transferable[]): void;
  /** Runs fn after delayMs (0: as soon as pending messages are handled); returns a cancel function. */
  schedule(fn: () => void, delayMs: number): () => void;
  now(): number;
}

export interface RunnerOptions {
  /** Longest stretch of ticking before yielding to incoming messages (or the page). */
  chunkMs: number;
  /** Least time between two position posts: about 30 per second is all a screen needs. */
  postIntervalMs: number;
  /** Pause after each chunk, as a share of the chunk's time: leaves CPU to the page on few cores. */
  restRatio?: number;
}

/** Dragging a node of a settled layout warms it just enough for its neighbours to follow. */
const PIN_REHEAT_ALPHA = 0.08;

export interface LayoutRunner {
  handle(request: LayoutRequest): void;
  dispose(): void;
}

export function createLayoutRunner(host: RunnerHost, options: RunnerOptions): LayoutRunner {
  let layout: ForceLayout | null = null;
  let run = 0;
  let cancel: (() => void) | null = null;
  let lastPost = -Infinity;
  let startedAt = 0;
  let tickMs = 0;
  let ticksAtStart = 0;

  const stopLoop = () => {
    cancel?.();
    cancel = null;
  };

  const startLoop = () => {
    if (cancel || !layout) return;
    startedAt = host.now();
    tickMs = 0;
    ticksAtStart = layout.ticks();
    lastPost = -Infinity;
    cancel = host.schedule(step, 0);
  };

  function step() {
    cancel = null;
    const current = layout;
    if (!current) return;
    const t0 = host.now();
    // At least one tick per chunk: on a big graph a single tick can outlast the budget.
    do current.tick(1);
    while (!current.settled() && host.now() - t0 < options.chunkMs);
    const t1 = host.now();
    tickMs += t1 - t0;
    if (current.settled()) {
      const xs = current.xs.slice();
      const ys = current.ys.slice();
      const ticks = current.ticks() - ticksAtStart;
      host.post(
        {
          type: 'settled',
          run,
          xs,
          ys,
          alpha: current.alpha(),
          ticks: current.ticks(),
          ms: t1 - startedAt,
          ticksPerSecond: tickMs > 0 ? (ticks * 1000) / tickMs : 0,
        },
        [xs.buffer, ys.buffer],
      );
      return;
    }
    if (t1 - lastPost >= options.postIntervalMs) {
      lastPost = t1;
      // Copies, transferred: the layout keeps its own arrays.
      const xs = current.xs.slice();
      const ys = current.ys.slice();
      host.post(
        { type: 'positions', run, xs, ys, alpha: current.alpha(), ticks: current.ticks() },
        [xs.buffer, ys.buffer],
      );
    }
    // Only a graph whose single tick outlasts the chunk is big enough to crowd the page.
    const rest = t1 - t0 > options.chunkMs * 2 ? (options.restRatio ?? 0) * (t1 - t0) : 0;
    cancel = host.schedule(step, rest);
  }

  return {
    handle(request) {
      switch (request.type) {
        case 'init':
          stopLoop();
          run = request.run ?? run + 1;
          layout = createForceLayout(request.input, request.options);
          // Even an empty graph runs, so the caller always hears 'settled'.
          startLoop();
          return;
        case 'pin':
          if (!layout) return;
          layout.pin(request.index, request.x, request.y);
          if (layout.alpha() < PIN_REHEAT_ALPHA) layout.reheat(PIN_REHEAT_ALPHA);
          startLoop();
          return;
        case 'unpin':
        case 'unpinAll':
          if (!layout) return;
          if (request.type === 'unpin') layout.unpin(request.index);
          else layout.unpinAll();
          // Released nodes only move if the layout is warm.
          if (layout.alpha() < PIN_REHEAT_ALPHA) layout.reheat(PIN_REHEAT_ALPHA);
          startLoop();
          return;
        case 'reheat':
          if (!layout) return;
          layout.reheat(request.alpha);
          startLoop();
          return;
        case 'stop':
          // A stopped layout is dropped: a later pin must not revive an old graph.
          stopLoop();
          layout = null;
          return;
      }
    },
    dispose() {
      stopLoop();
      layout = null;
    },
  };
}
