// Runs a worker thread's TypeScript entry (workerData.entry, a file URL) through tsx, as
// run-ts.mjs runs a process's: started by electron/workers/start-worker.ts where the sources
// run in place (tests, benches, the CLI before it is built). Built code starts its workers'
// bundled entries directly.
import { workerData } from 'node:worker_threads';
import { registerTsx } from './tsx-loader.mjs';

await registerTsx(`running the worker ${workerData.entry}`);
await import(workerData.entry);
