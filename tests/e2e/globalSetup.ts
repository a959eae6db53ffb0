import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script without types
import { startServer } from './staticServer.mjs';

// Serve the built dist/ the way a user's plain static server would.
export default async function setup(project: TestProject) {
  const { server, url } = (await startServer({ root: 'dist', port: 0 })) as {
    server: import('node:http').Server;
    url: string;
  };
  project.provide('baseUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
