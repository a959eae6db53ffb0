/// <reference lib="webworker" />
import { createLayoutRunner, type LayoutRequest } from './layoutRunner';

// The layout worker: ticks the force layout off the main thread, so pan and
// zoom stay smooth while a big network is still being laid out.

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel yields to incoming messages without setTimeout's 4 ms clamp
// on nested timers, which would waste most of a small graph's time.
const channel = new MessageChannel();
let pending: (() => void) | null = null;
channel.port1.onmessage = () => {
  const fn = pending;
  pending = null;
  fn?.();
};

const runner = createLayoutRunner(
  {
    post: (reply, transfer) => scope.postMessage(reply, transfer),
    schedule(fn, delayMs) {
      if (delayMs > 0) {
        const id = setTimeout(fn, delayMs);
        return () => clearTimeout(id);
      }
      pending = fn;
      channel.port2.postMessage(null);
      return () => {
        if (pending === fn) pending = null;
      };
    },
    now: () => performance.now(),
  },
  { chunkMs: 16, postIntervalMs: 33, restRatio: 0.25 },
);

scope.onmessage = (event: MessageEvent<LayoutRequest>) => runner.handle(event.data);
