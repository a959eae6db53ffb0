import { runImport, type ImportInput } from './importJob';
import type { ImportOptions, ImportResult } from './importResult';

// Main-thread side of the import worker. Without Worker (tests, very old
// browsers) or when the worker cannot load, the same reader runs here.

export interface ImportRequest {
  id: number;
  /** Absent: read the input sent last again, with other options. */
  input?: ImportInput;
  options: ImportOptions;
}

export type ImportReply =
  | { id: number; result: ImportResult; error?: undefined }
  | { id: number; error: string; result?: undefined };

export interface Importer {
  /** Reads a new input. Only the newest call's promise resolves; older ones never do. */
  read(input: ImportInput, options: ImportOptions): Promise<ImportResult>;
  /** Reads the last input again (other defaults for missing kinds and types). */
  reread(options: ImportOptions): Promise<ImportResult>;
  dispose(): void;
}

export function createImporter(options: { useWorker?: boolean } = {}): Importer {
  let id = 0;
  let last: ImportInput | null = null;
  const waiting = new Map<
    number,
    {
      request: ImportRequest;
      resolve: (r: ImportResult) => void;
      reject: (e: Error) => void;
    }
  >();
  let worker: Worker | null = null;
  let answered = false;

  const inThread = (request: ImportRequest) => {
    const input = request.input ?? last;
    // Answers a request only while it is the newest: a newer one may come
    // while a reader loads.
    const settle = (answer: (entry: NonNullable<ReturnType<typeof waiting.get>>) => void) => {
      const entry = waiting.get(request.id);
      if (!entry) return;
      waiting.delete(request.id);
      answer(entry);
    };
    // A macrotask first, so the "reading" state paints before a long read.
    setTimeout(() => {
      if (!waiting.has(request.id)) return;
      if (!input) return settle((e) => e.reject(new Error('Er is geen bestand gekozen.')));
      runImport(input, request.options).then(
        (result) => settle((e) => e.resolve(result)),
        (error: unknown) =>
          settle((e) => e.reject(error instanceof Error ? error : new Error(String(error)))),
      );
    }, 0);
  };

  if (options.useWorker !== false && typeof Worker !== 'undefined') {
    try {
      worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<ImportReply>) => {
        answered = true;
        const reply = event.data;
        const entry = waiting.get(reply.id);
        if (!entry) return;
        waiting.delete(reply.id);
        if (reply.error !== undefined) entry.reject(new Error(reply.error));
        else entry.resolve(reply.result);
      };
      // A worker that cannot load (strict CSP, odd hosting): read here instead.
      worker.onerror = (event) => {
        if (answered) return;
        event.preventDefault();
        worker?.terminate();
        worker = null;
        for (const { request } of waiting.values()) inThread(request);
      };
    } catch {
      worker = null;
    }
  }

  function send(request: ImportRequest): Promise<ImportResult> {
    // Only the newest request counts: an older one is dropped, not answered.
    waiting.clear();
    return new Promise((resolve, reject) => {
      waiting.set(request.id, { request, resolve, reject });
      if (worker) worker.postMessage(request);
      else inThread(request);
    });
  }

  return {
    read(input, readOptions) {
      last = input;
      return send({ id: ++id, input, options: readOptions });
    },
    reread(readOptions) {
      return send({ id: ++id, options: readOptions });
    },
    dispose() {
      waiting.clear();
      worker?.terminate();
      worker = null;
    },
  };
}
