/**
 * The worker thread an import's duplicate search runs on (import-duplicates.ts starts it):
 * takes the leads here before and the leads the import adds, posts back what importDuplicates
 * finds, and ends. Built as an entry of its own (electron.vite.config.ts, build/build-cli.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { importDuplicates, type SubjectColumns } from './duplicate-index';

parentPort?.once('message', (message: { existing: SubjectColumns; added: SubjectColumns }) => {
  parentPort?.postMessage(importDuplicates(message.existing, message.added));
});
