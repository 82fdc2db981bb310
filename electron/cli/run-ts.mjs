#!/usr/bin/env node
// Runs a TypeScript entry file (benchmarks, dev scripts) through tsx: `node run-ts.mjs file.ts args...`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerTsx } from './tsx-loader.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node electron/cli/run-ts.mjs FILE.ts [ARGS...]\n');
  process.exit(2);
}
await registerTsx(`running ${entry}`);
const module = await import(pathToFileURL(path.resolve(entry)).href);
if (typeof module.main === 'function') process.exitCode = (await module.main(args)) ?? 0;
