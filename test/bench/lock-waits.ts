/**
 * Issue 14 §2 in figures: while another process holds the store's write lock, this process
 * must keep running (no event-loop block over 100 ms), its reads must not wait, and every save
 * must complete once the lock is free.
 *
 *   lock held 3 s by another process: saves and reads meanwhile, the longest event-loop block
 *   a 30,000-row CLI import in another process: a save every 100 ms meanwhile, refused as busy (goal 0)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '../../electron/db/open-database';
import { createEvent } from '../../electron/services/events-service';
import { createLead, listLeads } from '../../electron/services/leads-service';
import { createServiceContext, type ServiceContext } from '../../electron/services/service-context';
import { setStaffName } from '../../electron/services/settings-service';
import { REPO_ROOT, STORE_CHILD } from '../support/child-process';
import { googleContactsCsv } from './google-contacts-csv';
import { printFigure } from './stats';

const RUN_TS = path.join(REPO_ROOT, 'electron/cli/run-ts.mjs');
const CLI = path.join(REPO_ROOT, 'electron/cli/bin.mjs');

export async function lockWaits(dir: string): Promise<void> {
  const file = path.join(dir, 'lock-waits.db');
  const database = await openDatabase(file);
  const context = createServiceContext(database.db);
  await setStaffName(context, 'Bench');
  await createEvent(context, { name: 'Lock Expo' });
  try {
    await idleBaseline();
    await whileLockHeld(file, context);
    await duringImport(dir, file, context);
  } finally {
    await database.close();
  }
}

/**
 * The same measure with nothing to do, in the same process: on a loaded machine the process
 * itself is sometimes not scheduled for tens of milliseconds, which no code here can help.
 */
async function idleBaseline(): Promise<void> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  await delay(3_000);
  loop.disable();
  printFigure('idle_longest_event_loop_block', loop.max / 1e6, 'ms', 1);
}

async function whileLockHeld(file: string, context: ServiceContext): Promise<void> {
  const holdMs = 3_000;
  const holder = spawn(process.execPath, [RUN_TS, STORE_CHILD, 'hold', file, String(holdMs)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await lineFrom(holder, 'holding');
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  let refused = 0;
  const saves = Array.from({ length: 10 }, (_, index) =>
    delay(index * 200).then(() => createLead(context, { lastName: `Held ${index}` }).catch(() => void refused++)),
  );
  let slowestRead = 0;
  let reads = 0;
  while (performance.now() - started < holdMs - 200) {
    const readStarted = performance.now();
    await listLeads(context, { limit: 50 });
    slowestRead = Math.max(slowestRead, performance.now() - readStarted);
    reads++;
    await delay(50);
  }
  await Promise.all(saves);
  const lastSaveDone = performance.now() - started;
  loop.disable();
  await exitOf(holder);
  printFigure('lock_held_ms', holdMs, 'ms', 0);
  printFigure('lock_held_longest_event_loop_block', loop.max / 1e6, 'ms', 1);
  printFigure('lock_held_reads', reads, 'count');
  printFigure('lock_held_slowest_read', slowestRead, 'ms', 1);
  printFigure('lock_held_saves_completed', 10 - refused, 'count');
  printFigure('lock_held_saves_refused', refused, 'count');
  printFigure('lock_held_last_save_done_after', lastSaveDone, 'ms', 0);
}

async function duringImport(dir: string, file: string, context: ServiceContext): Promise<void> {
  const rows = 30_000;
  const csv = path.join(dir, 'lock-waits-import.csv');
  fs.writeFileSync(csv, googleContactsCsv(rows));
  const importer = spawn(process.execPath, [CLI, '--db', file, 'import', csv], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = exitOf(importer);
  let running = true;
  void exited.then(() => (running = false));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let saved = 0;
  let refusedBusy = 0;
  let failedOtherwise = 0;
  const saves: Array<Promise<void>> = [];
  for (let index = 0; running; index++) {
    saves.push(
      createLead(context, { lastName: `During import ${index}` }).then(
        () => void saved++,
        (error: unknown) => void ((error as { code?: string }).code === 'busy' ? refusedBusy++ : failedOtherwise++),
      ),
    );
    await delay(100);
  }
  await Promise.all(saves);
  loop.disable();
  const code = await exited;
  printFigure('import_rows_in_other_process', rows, 'count');
  printFigure('import_exit_code', code ?? -1, 'code');
  printFigure('import_concurrent_saves', saves.length, 'count');
  printFigure('import_concurrent_saves_completed', saved, 'count');
  printFigure('import_concurrent_saves_refused_busy', refusedBusy, 'count');
  printFigure('import_concurrent_saves_failed_otherwise', failedOtherwise, 'count');
  printFigure('import_longest_event_loop_block', loop.max / 1e6, 'ms', 1);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function lineFrom(child: ChildProcess, expected: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.split('\n').includes(expected)) resolve();
    });
    child.on('exit', () => reject(new Error(`the child exited before printing ${expected}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}
