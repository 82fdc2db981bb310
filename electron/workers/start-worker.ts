import { Worker } from 'node:worker_threads';

/**
 * Starts the worker thread whose entry is `entry`, given in the source as the URL of a file
 * NAME-worker.ts beside the module starting it (from import.meta.url, written out literally:
 * the builds look for that expression). The app's and the CLI's builds bundle each
 * worker as an entry of its own and point that URL at the built file (electron.vite.config.ts,
 * build/build-cli.mjs); run from the TypeScript sources (tests, benches, the CLI before it is
 * built) the URL is the .ts file, which the worker runs through tsx as its parent does
 * (run-ts-worker.mjs).
 */
export function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  return new Worker(new URL('../cli/run-ts-worker.mjs', import.meta.url), { workerData: { entry: entry.href } });
}
