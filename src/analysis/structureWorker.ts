import { analyseStructure, type StructureInput } from './structure';

// Clusters and betweenness off the main thread: on a large network they take
// seconds, and the page must not freeze meanwhile.
self.onmessage = (event: MessageEvent<{ id: number; input: StructureInput }>) => {
  const { id, input } = event.data;
  const result = analyseStructure(input);
  (self as unknown as Worker).postMessage({ id, result });
};
