/**
 * An import's search for likely duplicates, run beside its writing: the rows an import adds
 * are known before the first is written, so their duplicates (importDuplicates) are looked
 * for on a worker thread while the main thread writes the rows, and flagged at the end.
 */
import { startWorker } from '../workers/start-worker';
import { importDuplicates, type FoundDuplicate, type SubjectColumns } from './duplicate-index';

/** Below this many new leads the search runs on the calling thread: starting a worker would cost more than it saves. */
const WORKER_FROM = 5_000;

export interface DuplicateSearch {
  /** what importDuplicates finds */
  readonly found: Promise<FoundDuplicate[]>;
  /** Ends the search early (a cancelled or failed import); `found` is then never needed. */
  stop(): void;
}

export function searchImportDuplicates(existing: SubjectColumns, added: SubjectColumns): DuplicateSearch {
  if (added.id.length < WORKER_FROM) {
    const found = importDuplicates(existing, added);
    return { found: Promise.resolve(found), stop: () => {} };
  }
  const worker = startWorker(new URL('./import-duplicates-worker.ts', import.meta.url));
  let stopped = false;
  const found = new Promise<FoundDuplicate[]>((resolve, reject) => {
    worker.once('message', (message: FoundDuplicate[]) => {
      resolve(message);
      void worker.terminate();
    });
    // A worker that cannot start or fails (a package that cannot load its file, a thread refused)
    // must not sink the import: the same search runs on this thread instead, only slower.
    worker.once('error', () => {
      if (!stopped) resolve(importDuplicates(existing, added));
    });
    worker.once('exit', (code) => reject(new Error(`The search for duplicates stopped (exit code ${code}) before it was done.`)));
  });
  // Stopped early, nobody waits for it: its rejection is expected, not unhandled.
  found.catch(() => {});
  worker.postMessage({ existing, added });
  return {
    found,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
