import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { insertLeads } from '../../electron/db/repositories/leads';
import { appendTimelineEntries } from '../../electron/db/repositories/timeline';
import { createEvent } from '../../electron/services/events-service';
import { setStaffName } from '../../electron/services/settings-service';
import { joinTeamHub, syncNow } from '../../electron/services/sync-service';
import { openTempStore, type TempStore } from '../support/temp-database';
import { fakeLead } from './fake-leads';
import { timeMsAsync } from './stats';

/** One simulated laptop of `npm run bench -- hub`: seeded, joined and synced the same way in the bench's process and in a laptop child (hub-laptop-child.ts). */

/** Seeds a laptop as the booth left it before joining: `leads` leads of one show, each with its "captured" timeline entry. */
export async function seededLaptop(name: string, leads: number): Promise<TempStore> {
  const store = await openTempStore();
  // As the app's store is: the file's connection and path, for the work a bulk write leaves to a worker after its commit.
  store.context.store = { db: store.database.db, sqlite: store.database.sqlite, path: store.dbPath };
  await setStaffName(store.context, name);
  const show = await createEvent(store.context, { name: `Show of ${name}` });
  const start = Date.parse('2026-06-01T00:00:00Z');
  const made = Array.from({ length: leads }, (_, index) => fakeLead(index, show.id, new Date(start + index * 60_000).toISOString()));
  await store.context.db.transaction().execute(async (trx) => {
    await insertLeads(trx, made.map((lead) => ({ lead, sourceUid: '' })));
    await appendTimelineEntries(
      trx,
      made.map((lead) => ({ id: crypto.randomUUID(), leadId: lead.id, at: lead.capturedAt, actor: name, details: { kind: 'captured', method: 'typed', eventId: show.id, eventName: show.name } })),
    );
  });
  return store;
}

export async function joinLaptop(store: TempStore, hubUrl: string, code: string): Promise<TempStore> {
  await joinTeamHub(store.context, { url: hubUrl, code });
  return store;
}

/**
 * This thread's CPU time so far, in ms. Linux counts each thread's CPU (in clock ticks: 10 ms
 * steps); `process.cpuUsage` is the whole process's, which includes worker threads' — since a
 * large pull runs on a worker (pull-on-worker.ts), the process's CPU in one turn of the main
 * thread's loop is not that turn's work. Elsewhere the process's, as before.
 */
function threadCpuMs(): number {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command's closing parenthesis: state is the first, utime the 12th, stime the 13th (proc(5)).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  } catch {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  }
}

/** Linux's USER_HZ (`getconf CLK_TCK`): 100 on every Linux this runs on. */
const CLOCK_TICK_MS = 10;

/**
 * The most CPU time the main thread spent between two turns of its event loop, while running: a
 * 1 ms timer fires at most once a turn, so the CPU used between two firings is one turn's work.
 * Unlike the delay (wall time), it does not grow when other programs take the cores (this
 * machine is shared: at load 8 on 2 cores a 25 ms turn waits 100 ms for its turn).
 */
export function cpuPerTurnMonitor(): { stop(): number } {
  let max = 0;
  let last = threadCpuMs();
  const timer = setInterval(() => {
    const now = threadCpuMs();
    max = Math.max(max, now - last);
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      return max;
    },
  };
}

/**
 * The event loop's longest gap between two firings of a 1 ms timer (wall) and the most CPU of
 * the main thread between two, counted only while a worker thread of this process runs (in a
 * sync: a large pull's, pull-on-worker.ts): what the window's thread went through while the
 * pull applied, apart from the sync's push and stamping before and after it.
 */
function whileWorkersRunMonitor(): { stop(): { maxBlockMs: number; maxTurnCpuMs: number } } {
  let running = 0;
  const started = (worker: { once(event: 'exit', listener: () => void): unknown }): void => {
    running++;
    worker.once('exit', () => running--);
  };
  process.on('worker', started);
  let maxBlockMs = 0;
  let maxTurnCpuMs = 0;
  let lastAt = performance.now();
  let lastCpu = threadCpuMs();
  let wasRunning = false;
  const timer = setInterval(() => {
    const at = performance.now();
    const cpu = threadCpuMs();
    if (running > 0 || wasRunning) {
      maxBlockMs = Math.max(maxBlockMs, at - lastAt);
      maxTurnCpuMs = Math.max(maxTurnCpuMs, cpu - lastCpu);
    }
    wasRunning = running > 0;
    lastAt = at;
    lastCpu = cpu;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      process.off('worker', started);
      return { maxBlockMs, maxTurnCpuMs };
    },
  };
}

export interface TimedSync {
  ms: number;
  /** The event loop's longest delay (wall) and the most CPU one turn of it took. */
  maxBlockMs: number;
  maxTurnCpuMs: number;
  /** The same while the pull's worker thread ran (0 when the pull ran on the main thread). */
  whilePullWorker: { maxBlockMs: number; maxTurnCpuMs: number };
  pulled: number;
}

/** Runs one laptop's sync and how long the event loop was held at most meanwhile. */
export async function timedSync(store: TempStore): Promise<TimedSync> {
  const monitor = monitorEventLoopDelay({ resolution: 10 });
  monitor.enable();
  const turns = cpuPerTurnMonitor();
  const whilePullWorker = whileWorkersRunMonitor();
  let pulled = 0;
  const ms = await timeMsAsync(async () => {
    pulled = (await syncNow(store.context)).pulled;
  });
  monitor.disable();
  return { ms, maxBlockMs: monitor.max / 1e6, maxTurnCpuMs: turns.stop(), whilePullWorker: whilePullWorker.stop(), pulled };
}
