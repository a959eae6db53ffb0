import type { LayoutInput, LayoutOptions } from './forceLayout';
import { createLayoutRunner, type LayoutReply, type LayoutRequest } from './layoutRunner';
import {
  canStartWorkers,
  openWorkerChannel,
  type Channel as WorkerChannel,
  type WorkerLike,
} from '../io/workerChannel';

// Main-thread side of the layout: posts requests to the worker and hands
// positions on. Without Worker (tests, very old browsers) or if the worker
// fails to load, the same loop runs here in short chunks.

export interface LayoutProgress {
  alpha: number;
  settled: boolean;
  /** Ticks run so far in this layout. */
  ticks: number;
  /** Only when settled: time to settle and ticking speed. */
  ms?: number;
  ticksPerSecond?: number;
}

export type PositionsListener = (xs: Float32Array, ys: Float32Array, info: LayoutProgress) => void;

export interface LayoutClient {
  start(input: LayoutInput, options?: Partial<LayoutOptions>): void;
  pin(index: number, x: number, y: number): void;
  unpin(index: number): void;
  unpinAll(): void;
  reheat(alpha?: number): void;
  stop(): void;
  destroy(): void;
}

export interface LayoutClientOptions {
  /** false forces the in-thread loop (tests). */
  useWorker?: boolean;
}

/** In-thread chunks stay under 8 ms so the page keeps drawing and answering input. */
const IN_THREAD = { chunkMs: 8, postIntervalMs: 33 };

type Channel = WorkerChannel<LayoutRequest>;

export function createLayoutClient(
  onPositions: PositionsListener,
  options: LayoutClientOptions = {},
): LayoutClient {
  // Replies carry the run they belong to; anything from an older run is stale.
  let run = 0;
  let lastInit: LayoutRequest | null = null;
  let destroyed = false;

  const receive = (reply: LayoutReply) => {
    if (destroyed || reply.run !== run) return;
    if (reply.type === 'positions') {
      onPositions(reply.xs, reply.ys, { alpha: reply.alpha, settled: false, ticks: reply.ticks });
    } else {
      onPositions(reply.xs, reply.ys, {
        alpha: reply.alpha,
        settled: true,
        ticks: reply.ticks,
        ms: reply.ms,
        ticksPerSecond: reply.ticksPerSecond,
      });
    }
  };

  const inThread = (): Channel => {
    const runner = createLayoutRunner(
      {
        post: (reply) => receive(reply),
        schedule(fn, delayMs) {
          const id = setTimeout(fn, delayMs);
          return () => clearTimeout(id);
        },
        now: () => performance.now(),
      },
      IN_THREAD,
    );
    return { send: (request) => runner.handle(request), close: () => runner.dispose() };
  };

  const channel = openWorkerChannel<LayoutRequest, LayoutReply>({
    createWorker:
      options.useWorker === false || !canStartWorkers()
        ? null
        : () =>
            new Worker(new URL('./layoutWorker.ts', import.meta.url), {
              type: 'module',
            }) as unknown as WorkerLike,
    inThread: () => inThread(),
    receive,
    // The map must not be left without a layout: the last start runs again here.
    replay: () => (lastInit ? [lastInit] : []),
  });

  return {
    start(input, layoutOptions) {
      run++;
      lastInit = { type: 'init', run, input, ...(layoutOptions ? { options: layoutOptions } : {}) };
      channel.send(lastInit);
    },
    pin: (index, x, y) => channel.send({ type: 'pin', index, x, y }),
    unpin: (index) => channel.send({ type: 'unpin', index }),
    unpinAll: () => channel.send({ type: 'unpinAll' }),
    reheat: (alpha) =>
      channel.send(alpha === undefined ? { type: 'reheat' } : { type: 'reheat', alpha }),
    stop() {
      // Bumping the run drops replies already on their way.
      run++;
      lastInit = null;
      channel.send({ type: 'stop' });
    },
    destroy() {
      destroyed = true;
      channel.close();
    },
  };
}
