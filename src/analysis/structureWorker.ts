import { analyseStructure, type StructureInput } from './structure';

// Clusters and betweenness off the main thread: on a large network they take
// seconds, and the page must not freeze meanwhile. A failure is answered, so
// the page can say so instead of waiting for ever.
self.onmessage = (event: MessageEvent<{ id: number; input: StructureInput }>) => {
  const { id, input } = event.data;
  const post = (message: unknown) => (self as unknown as Worker).postMessage(message);
  try {
    post({ id, result: analyseStructure(input) });
  } catch (error) {
    post({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
