/// <reference lib="webworker" />
import { runImport } from './importJob';
import type { ImportReply, ImportRequest } from './importClient';

// The import worker: parsing and validating a file of tens of megabytes takes
// seconds, and the page must keep answering meanwhile.

const scope = self as unknown as DedicatedWorkerGlobalScope;
let input: ImportRequest['input'] = undefined;

scope.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.input) input = request.input;
  let reply: ImportReply;
  if (!input) reply = { id: request.id, error: 'Er is geen bestand gekozen.' };
  else {
    try {
      reply = { id: request.id, result: runImport(input, request.options) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
  }
  scope.postMessage(reply);
};
