/**
 * `npm run bench -- cli`: how long `leadbooth where` takes to start, against a bare `node -e 0`
 * on the same machine in the same minute (paired: the two alternate, RUNS each, so a busy
 * moment lands on both). Issue 16 asks for at most 2× the bare start. The built CLI is rebuilt
 * first, so the figure is of the sources as they are; `where` through bin.mjs (the `npx
 * leadbooth` path, which also checks that the build is current) is measured too.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../support/child-process';
import { median, printFigure, timeMs } from './stats';

const RUNS = 20;

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
}

export async function runCliStartBench(): Promise<void> {
  run([path.join(REPO_ROOT, 'build/build-cli.mjs')]);
  const starts: Record<'bare' | 'built' | 'bin', string[]> = {
    bare: ['-e', '0'],
    built: [path.join(REPO_ROOT, 'out/cli/leadbooth.mjs'), 'where'],
    bin: [path.join(REPO_ROOT, 'electron/cli/bin.mjs'), 'where'],
  };
  const times: Record<keyof typeof starts, number[]> = { bare: [], built: [], bin: [] };
  // One warm-up each (file cache), not counted.
  for (const args of Object.values(starts)) run(args);
  for (let round = 0; round < RUNS; round++) {
    // Who goes first alternates too, so neither always follows the other.
    const order = (round % 2 === 0 ? ['bare', 'built', 'bin'] : ['bin', 'built', 'bare']) as Array<keyof typeof starts>;
    for (const name of order) times[name].push(timeMs(() => run(starts[name])));
  }
  const bare = median(times.bare);
  printFigure('cli_start_bare_node_median', bare, 'ms', 1);
  printFigure('cli_start_where_built_median', median(times.built), 'ms', 1);
  printFigure('cli_start_where_bin_median', median(times.bin), 'ms', 1);
  printFigure('cli_start_where_built_vs_bare_node', median(times.built) / bare, 'ratio', 2);
  printFigure('cli_start_where_bin_vs_bare_node', median(times.bin) / bare, 'ratio', 2);
}
