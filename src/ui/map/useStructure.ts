import { useEffect, useState } from 'react';
import type { GraphIndex } from '../../analysis/graphIndex';
import type { StructureInput, StructureResult } from '../../analysis/structure';
import { canStartWorkers, openWorkerChannel, type WorkerLike } from '../../io/workerChannel';

// One computation per network, shared by every view that asks, run in a
// worker (in the page when no worker can start). graphology is loaded only
// then, so it stays out of the map's first bundle.
const cache = new WeakMap<GraphIndex, Promise<StructureResult>>();

interface Request {
  id: number;
  input: StructureInput;
}
type Reply = { id: number; result: StructureResult } | { id: number; error: string };

function compute(index: GraphIndex): Promise<StructureResult> {
  let pending = cache.get(index);
  if (!pending) {
    pending = new Promise<StructureResult>((resolve, reject) => {
      const request: Request = {
        id: 1,
        input: {
          count: index.organisations.length,
          sources: index.sources,
          targets: index.targets,
        },
      };
      let settled = false;
      const channel = openWorkerChannel<Request, Reply>({
        createWorker: canStartWorkers()
          ? () =>
              new Worker(new URL('../../analysis/structureWorker.ts', import.meta.url), {
                type: 'module',
              }) as unknown as WorkerLike
          : null,
        inThread: (receive) => ({
          send: (r) => {
            void import('../../analysis/structure').then(
              ({ analyseStructure }) => receive({ id: r.id, result: analyseStructure(r.input) }),
              (error: unknown) => receive({ id: r.id, error: String(error) }),
            );
          },
          close: () => undefined,
        }),
        receive: (reply) => {
          if (settled) return;
          settled = true;
          channel.close();
          if ('error' in reply) reject(new Error(reply.error));
          else resolve(reply.result);
        },
        replay: () => (settled ? [] : [request]),
      });
      channel.send(request);
    });
    cache.set(index, pending);
  }
  return pending;
}

export interface StructureState {
  /** Clusters and brokers; undefined until computed (or when not asked for). */
  structure: StructureResult | undefined;
  /** Why they could not be computed, in words, to show instead of a spinner that never ends. */
  error: string | null;
}

export function useStructure(index: GraphIndex, enabled: boolean): StructureState {
  const [result, setResult] = useState<{
    index: GraphIndex;
    value?: StructureResult;
    error?: string;
  } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    compute(index).then(
      (value) => alive && setResult({ index, value }),
      (error: unknown) =>
        alive &&
        setResult({ index, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      alive = false;
    };
  }, [index, enabled]);
  const current = result && result.index === index ? result : null;
  return { structure: current?.value, error: current?.error ?? null };
}
