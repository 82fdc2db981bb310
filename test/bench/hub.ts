import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { insertLeads } from '../../electron/db/repositories/leads';
import { appendTimelineEntries } from '../../electron/db/repositories/timeline';
import { createEvent } from '../../electron/services/events-service';
import { updateLead } from '../../electron/services/leads-service';
import { setStaffName } from '../../electron/services/settings-service';
import { joinTeamHub, syncNow } from '../../electron/services/sync-service';
import { listUnpushedChanges, stampPendingChanges } from '../../electron/sync/change-log';
import { hubClient } from '../../electron/sync/sync-client';
import { readMembership, saveLastStamp } from '../../electron/sync/sync-state';
import { createHybridClock } from '../../shared/sync/hybrid-clock';
import { MAX_CHANGES_PER_BATCH } from '../../shared/sync/protocol';
import { REPO_ROOT } from '../support/child-process';
import { runRandomConvergence } from '../support/sync-laptops';
import { makeTempDir, openTempStore, type TempStore } from '../support/temp-database';
import { fakeLead } from './fake-leads';
import { percentile, printFigure, timeMsAsync } from './stats';

const USAGE = 'usage: npm run bench -- hub [--laptops N] [--leads N] [--concurrent N] | hub --seeds N';

interface HubBenchOptions {
  laptops: number;
  leadsPerLaptop: number;
  concurrent: number;
  seeds: number | null;
}

function parseOptions(args: string[]): HubBenchOptions {
  const options: HubBenchOptions = { laptops: 10, leadsPerLaptop: 10_000, concurrent: 20, seeds: null };
  for (let index = 0; index < args.length; index += 2) {
    const value = Number(args[index + 1]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${args[index]} needs a whole number ≥ 1. ${USAGE}`);
    if (args[index] === '--laptops') options.laptops = value;
    else if (args[index] === '--leads') options.leadsPerLaptop = value;
    else if (args[index] === '--concurrent') options.concurrent = value;
    else if (args[index] === '--seeds') options.seeds = value;
    else throw new Error(`unknown option ${args[index]}. ${USAGE}`);
  }
  return options;
}

/**
 * `npm run bench -- hub` (issue 18 §7): the real hub on its embedded PostgreSQL, in a process
 * of its own; laptops simulated as separate SQLite stores in this process, syncing through
 * the real client over loopback. `--seeds N` runs the randomized convergence run instead.
 */
export async function runHubBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  if (options.seeds !== null) return runConvergenceSeeds(options.seeds);
  const dataDir = makeTempDir('leadbooth-hub-bench-');
  // PostgreSQL, run as the postgres user when this runs as root, must pass through the folder.
  fs.chmodSync(dataDir, 0o711);
  const hub = await HubProcess.start(dataDir);
  const laptops: TempStore[] = [];
  const cpuBefore = process.cpuUsage();
  const loadBefore = os.loadavg()[0] ?? 0;
  try {
    await runConcurrentSyncs(hub, options, laptops);
    await runFirstSync(hub, options, laptops);
    await runIncremental(laptops);
    const usage = await hub.usage();
    printFigure('hub_rss_max', hub.maxRss / 2 ** 20, 'MB', 0);
    printFigure('hub_cpu_total', usage.cpuMs / 1000, 's', 1);
    const cpu = process.cpuUsage(cpuBefore);
    printFigure('laptops_cpu_total', (cpu.user + cpu.system) / 1e6, 's', 1);
    printFigure('load_average_1min', Math.max(loadBefore, os.loadavg()[0] ?? 0), 'load', 1);
  } finally {
    for (const laptop of laptops) await laptop.dispose();
    await hub.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Seeds a laptop as the booth left it before joining: `leads` leads of one show, each with its "captured" timeline entry. */
async function seededLaptop(name: string, leads: number): Promise<TempStore> {
  const store = await openTempStore();
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

async function joined(hub: HubProcess, store: TempStore): Promise<TempStore> {
  await joinTeamHub(store.context, { url: hub.url, code: await hub.pairingCode() });
  return store;
}

/**
 * The most CPU time the process spent between two turns of its event loop, while running: a
 * 1 ms timer fires at most once a turn, so the CPU used between two firings is one turn's work.
 * Unlike the delay (wall time), it does not grow when other programs take the cores (this
 * machine is shared: at load 8 on 2 cores a 25 ms turn waits 100 ms for its turn).
 */
function cpuPerTurnMonitor(): { stop(): number } {
  let max = 0;
  let last = process.cpuUsage();
  const timer = setInterval(() => {
    const used = process.cpuUsage(last);
    last = process.cpuUsage();
    max = Math.max(max, (used.user + used.system) / 1000);
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      return max;
    },
  };
}

interface TimedSync {
  ms: number;
  /** The event loop's longest delay (wall) and the most CPU one turn of it took. */
  maxBlockMs: number;
  maxTurnCpuMs: number;
  pulled: number;
}

/** Runs one laptop's sync and how long the event loop was held at most meanwhile. */
async function timedSync(store: TempStore): Promise<TimedSync> {
  const monitor = monitorEventLoopDelay({ resolution: 10 });
  monitor.enable();
  const turns = cpuPerTurnMonitor();
  let pulled = 0;
  const ms = await timeMsAsync(async () => {
    pulled = (await syncNow(store.context)).pulled;
  });
  monitor.disable();
  return { ms, maxBlockMs: monitor.max / 1e6, maxTurnCpuMs: turns.stop(), pulled };
}

/** N laptops of M leads each: each syncs once in turn (push, pull the earlier ones), then again (pull the later ones). */
async function runFirstSync(hub: HubProcess, options: HubBenchOptions, laptops: TempStore[]): Promise<void> {
  const fleet: TempStore[] = [];
  for (let index = 0; index < options.laptops; index++) {
    const store = await seededLaptop(`Laptop ${index + 1}`, options.leadsPerLaptop);
    laptops.push(store);
    fleet.push(await joined(hub, store));
  }
  const syncs: TimedSync[] = [];
  const wallMs = await timeMsAsync(async () => {
    for (let round = 0; round < 2; round++) for (const store of fleet) syncs.push(await timedSync(store));
  });
  const perLaptop = fleet.map((_, index) => (syncs[index]?.ms ?? 0) + (syncs[index + fleet.length]?.ms ?? 0));
  printFigure('first_sync_all_laptops_wall', wallMs / 1000, 's', 1);
  printFigure('first_sync_one_laptop_max', Math.max(...perLaptop) / 1000, 's', 1);
  printFigure('first_sync_changes_pulled', syncs.reduce((sum, sync) => sum + sync.pulled, 0), 'changes', 0);
  printFigure('first_sync_event_loop_max_block', Math.max(...syncs.map((sync) => sync.maxBlockMs)), 'ms', 0);
  printFigure('first_sync_event_loop_max_turn_cpu', Math.max(...syncs.map((sync) => sync.maxTurnCpuMs)), 'ms', 0);
  const leadsEverywhere = fleet.map((store) => Number(store.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()));
  if (new Set(leadsEverywhere).size !== 1) throw new Error(`the laptops do not hold the same leads after the first sync: ${leadsEverywhere.join(', ')}`);
}

/** 100 leads edited on one laptop: its sync (push), then another laptop's (pull). */
async function runIncremental(laptops: TempStore[]): Promise<void> {
  const [editor, reader] = laptops.slice(-2);
  if (!editor || !reader) return;
  const ids = editor.database.sqlite.prepare('SELECT id FROM leads ORDER BY id LIMIT 100').pluck().all() as string[];
  for (const id of ids) await updateLead(editor.context, id, { title: 'VP Incremental' });
  const push = await timedSync(editor);
  const pull = await timedSync(reader);
  printFigure('incremental_100_push', push.ms, 'ms', 0);
  printFigure('incremental_100_pull', pull.ms, 'ms', 0);
}

/** `concurrent` laptops of leads/100 leads each, syncing all at once (once to join, then with 100 edits each). */
async function runConcurrentSyncs(hub: HubProcess, options: HubBenchOptions, laptops: TempStore[]): Promise<void> {
  const fleet: TempStore[] = [];
  for (let index = 0; index < options.concurrent; index++) {
    const store = await seededLaptop(`Concurrent ${index + 1}`, Math.max(1, Math.round(options.leadsPerLaptop / 100)));
    laptops.push(store);
    fleet.push(await joined(hub, store));
  }
  const firstTimes = await Promise.all(fleet.map(async (store) => (await timedSync(store)).ms));
  for (const store of fleet) {
    const ids = store.database.sqlite.prepare('SELECT id FROM leads ORDER BY id LIMIT 100').pluck().all() as string[];
    for (const id of ids) await updateLead(store.context, id, { notes: `edited on ${store.dir}` });
  }
  // The hub's part alone: each laptop's 100 edits pushed and every new change pulled, all at
  // once, without applying them (on this one machine the laptops' own applying shares one core,
  // where real laptops each have their own).
  const hubTimes = await Promise.all(fleet.map((store) => hubRoundTripMs(store)));
  const laterTimes = await Promise.all(fleet.map(async (store) => (await timedSync(store)).ms));
  printFigure(`concurrent_${options.concurrent}_first_sync_p95`, percentile(firstTimes, 0.95), 'ms', 0);
  printFigure(`concurrent_${options.concurrent}_hub_push_pull_p95`, percentile(hubTimes, 0.95), 'ms', 0);
  printFigure(`concurrent_${options.concurrent}_sync_p95`, percentile(laterTimes, 0.95), 'ms', 0);
}

/**
 * One laptop's push of what it has not pushed, then pulls from its cursor to the end: the
 * requests only, nothing applied or marked pushed (the sync after it sends the same change ids
 * again, which the hub counts as already stored, and applies what it pulls).
 */
async function hubRoundTripMs(store: TempStore): Promise<number> {
  const db = store.context.db;
  const membership = await readMembership(db);
  if (!membership) throw new Error('a bench laptop has not joined the hub');
  const clock = createHybridClock(membership.deviceId, Date.now, membership.lastStamp || undefined);
  await db.transaction().execute(async (trx) => {
    await stampPendingChanges(trx, clock, membership.deviceId, 1_000_000);
    await saveLastStamp(trx, clock.last());
  });
  const changes = await listUnpushedChanges(db, 1_000_000);
  const client = hubClient(membership.hubUrl, membership.token);
  return timeMsAsync(async () => {
    for (let start = 0; start < changes.length; start += MAX_CHANGES_PER_BATCH) await client.push(changes.slice(start, start + MAX_CHANGES_PER_BATCH));
    let cursor = membership.cursor;
    for (let more = true; more; ) {
      const page = await client.pull(cursor, MAX_CHANGES_PER_BATCH);
      cursor = page.cursor;
      more = page.more;
    }
  });
}

/** The randomized three-laptop convergence run over many seeds: how many ended with different data. */
async function runConvergenceSeeds(seeds: number): Promise<void> {
  let diverged = 0;
  let conflicts = 0;
  const ms = await timeMsAsync(async () => {
    for (let seed = 1; seed <= seeds; seed++) {
      for (const round of await runRandomConvergence(seed)) {
        conflicts += round.conflicts;
        if (!round.data.every((data) => isDeepStrictEqual(data, round.data[0]))) {
          diverged++;
          process.stderr.write(`seed ${seed} round ${round.round}: the laptops differ\n`);
        }
      }
    }
  });
  printFigure('convergence_seeds', seeds, 'seeds', 0);
  printFigure('convergence_rounds_diverged', diverged, 'rounds', 0);
  printFigure('convergence_conflicts_kept', conflicts, 'conflicts', 0);
  printFigure('convergence_time_per_seed', ms / seeds, 'ms', 0);
}

/** The hub child (hub-child.ts), its RSS sampled every 200 ms. */
class HubProcess {
  maxRss = 0;
  private readonly sampler: NodeJS.Timeout;
  private readonly waiting = new Map<number, (message: Record<string, unknown>) => void>();
  private nextId = 1;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (message: Record<string, unknown>) => {
      const id = Number(message.id);
      this.waiting.get(id)?.(message);
      this.waiting.delete(id);
    });
    this.sampler = setInterval(() => void this.usage(), 200);
  }

  static async start(dataDir: string): Promise<HubProcess> {
    const child = fork(path.join(REPO_ROOT, 'electron/cli/run-ts.mjs'), [path.join(REPO_ROOT, 'test/bench/hub-child.ts'), dataDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (message: { url: string }) => resolve(message.url));
      child.once('exit', (code) => reject(new Error(`the hub process ended (${code}) before it listened`)));
    });
    return new HubProcess(child, url);
  }

  private ask(message: 'code' | 'usage'): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ id, ask: message });
    });
  }

  async pairingCode(): Promise<string> {
    return String((await this.ask('code')).code);
  }

  async usage(): Promise<{ rss: number; cpuMs: number }> {
    const answer = (await this.ask('usage')) as { rss: number; cpuMs: number };
    this.maxRss = Math.max(this.maxRss, answer.rss);
    return answer;
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ id: 0, ask: 'stop' });
    await exited;
  }
}
