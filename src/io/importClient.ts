import { runImport, type ImportInput } from './importJob';
import type { ImportOptions, ImportResult } from './importResult';
import { canStartWorkers, openWorkerChannel, type WorkerLike } from './workerChannel';

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

  // Answers a request only while it is the newest: a newer one may have come
  // while a reader loaded.
  const receive = (reply: ImportReply) => {
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    if (reply.error !== undefined) entry.reject(new Error(reply.error));
    else entry.resolve(reply.result);
  };

  const channel = openWorkerChannel<ImportRequest, ImportReply>({
    createWorker:
      options.useWorker === false || !canStartWorkers()
        ? null
        : () =>
            new Worker(new URL('./importWorker.ts', import.meta.url), {
              type: 'module',
            }) as unknown as WorkerLike,
    inThread: (reply) => ({
      send(request) {
        const input = request.input ?? last;
        // A macrotask first, so the "reading" state paints before a long read.
        setTimeout(() => {
          if (!waiting.has(request.id)) return;
          if (!input) return reply({ id: request.id, error: 'Er is geen bestand gekozen.' });
          runImport(input, request.options).then(
            (result) => reply({ id: request.id, result }),
            (error: unknown) =>
              reply({
                id: request.id,
                error: error instanceof Error ? error.message : String(error),
              }),
          );
        }, 0);
      },
      close: () => undefined,
    }),
    receive,
    replay: () => [...waiting.values()].map((entry) => entry.request),
  });

  function send(request: ImportRequest): Promise<ImportResult> {
    // Only the newest request counts: an older one is dropped, not answered.
    waiting.clear();
    return new Promise((resolve, reject) => {
      waiting.set(request.id, { request, resolve, reject });
      channel.send(request);
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
      channel.close();
    },
  };
}
