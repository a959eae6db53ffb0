// One way to talk to a Web Worker, for the import, layout and structure
// workers: post requests, hand replies on, and when the worker cannot load
// (a strict Content-Security-Policy, odd hosting, a test without Worker) run
// the same code in the page instead, replaying what was asked so far.

/** Where requests go: the worker, or the same handler in the page. */
export interface Channel<Request> {
  send(request: Request): void;
  close(): void;
}

/** The part of a Worker the channel uses, so tests can hand in a fake one. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface WorkerChannelOptions<Request, Reply> {
  /** Starts the worker; null (or a throw) means: none here, use the page. */
  createWorker: (() => WorkerLike) | null;
  /** The same handler in the page; replies go to `receive`. */
  inThread(receive: (reply: Reply) => void): Channel<Request>;
  receive(reply: Reply): void;
  /** What to send again when the worker fails before it answered (pending requests, the last start). */
  replay(): Request[];
  /** Told once when the page takes over, with the reason, so it can be shown or logged. */
  onFallback?(reason: string): void;
}

export function openWorkerChannel<Request, Reply>(
  options: WorkerChannelOptions<Request, Reply>,
): Channel<Request> {
  const { receive } = options;
  const inThread = (reason: string): Channel<Request> => {
    options.onFallback?.(reason);
    return options.inThread(receive);
  };

  const inWorker = (): Channel<Request> | null => {
    if (!options.createWorker) return null;
    let worker: WorkerLike;
    try {
      worker = options.createWorker();
    } catch {
      return null;
    }
    let answered = false;
    worker.onmessage = (event) => {
      answered = true;
      receive(event.data as Reply);
    };
    // A worker that fails after it answered is a bug in the handler, not a
    // load failure: that error stays visible instead of being papered over.
    worker.onerror = (event) => {
      if (answered) return;
      event.preventDefault();
      worker.terminate();
      current = inThread(event.message || 'de achtergrondtaak kon niet starten');
      for (const request of options.replay()) current.send(request);
    };
    return { send: (request) => worker.postMessage(request), close: () => worker.terminate() };
  };

  let current: Channel<Request> = inWorker() ?? inThread('geen Web Worker beschikbaar');
  return {
    send: (request) => current.send(request),
    close: () => current.close(),
  };
}

/**
 * Whether this page can start workers. Callers write `new Worker(new URL(…,
 * import.meta.url), …)` themselves: Vite bundles a worker only from that literal form.
 */
export const canStartWorkers = (): boolean => typeof Worker !== 'undefined';
