import { useEffect, useState } from 'react';
import type { GraphIndex } from '../../analysis/graphIndex';
import type { StructureResult } from '../../analysis/structure';

// One computation per network, shared by every view that asks, run in a worker.
const cache = new WeakMap<GraphIndex, Promise<StructureResult>>();

function compute(index: GraphIndex): Promise<StructureResult> {
  let pending = cache.get(index);
  if (!pending) {
    pending = new Promise<StructureResult>((resolve, reject) => {
      const worker = new Worker(new URL('../../analysis/structureWorker.ts', import.meta.url), {
        type: 'module',
      });
      worker.onmessage = (e: MessageEvent<{ result: StructureResult }>) => {
        resolve(e.data.result);
        worker.terminate();
      };
      worker.onerror = (e) => {
        reject(new Error(e.message));
        worker.terminate();
      };
      worker.postMessage({
        id: 1,
        input: {
          count: index.organisations.length,
          sources: index.sources,
          targets: index.targets,
        },
      });
    });
    cache.set(index, pending);
  }
  return pending;
}

/** Clusters and brokers of the network; undefined until computed (or when not asked for). */
export function useStructure(index: GraphIndex, enabled: boolean): StructureResult | undefined {
  const [result, setResult] = useState<{ index: GraphIndex; value: StructureResult } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    compute(index).then(
      (value) => alive && setResult({ index, value }),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [index, enabled]);
  return result && result.index === index ? result.value : undefined;
}
