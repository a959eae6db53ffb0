/// <reference lib="webworker" />
import { FILE_FORMAT_LIST } from './formats';
import { runImport } from './importJob';
import type { ImportReply, ImportRequest } from './importClient';

// The import worker: parsing and validating a file of tens of megabytes takes
// seconds, and the page must keep answering meanwhile.

const scope = self as unknown as DedicatedWorkerGlobalScope;

// The page starts the worker before a file is chosen: load the readers now, so
// the first file does not wait for its reader. A failure shows on that read.
for (const format of FILE_FORMAT_LIST)
  if (format.preload !== false) format.read().catch(() => undefined);
let input: ImportRequest['input'] = undefined;

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.input) input = request.input;
  const current = input;
  let reply: ImportReply;
  if (!current) reply = { id: request.id, error: 'Er is geen bestand gekozen.' };
  else {
    try {
      reply = { id: request.id, result: await runImport(current, request.options) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
  }
  scope.postMessage(reply);
};
