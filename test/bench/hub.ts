import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { updateLead } from '../../electron/services/leads-service';
import { listUnpushedChanges, stampPendingChanges } from '../../electron/sync/change-log';
import { hubClient } from '../../electron/sync/sync-client';
import { readMembership, saveLastStamp } from '../../electron/sync/sync-state';
import { createHybridClock } from '../../shared/sync/hybrid-clock';
import { MAX_CHANGES_PER_BATCH } from '../../shared/sync/protocol';
import { REPO_ROOT } from '../support/child-process';
import { runRandomConvergence } from '../support/sync-laptops';
import { makeTempDir, type TempStore } from '../support/temp-database';
import { joinLaptop, seededLaptop, timedSync, type TimedSync } from './hub-laptop';
import { percentile, printFigure, timeMsAsync } from './stats';

const USAGE = 'usage: npm run bench -- hub [--laptops N] [--leads N] [--concurrent N] [--parallel N] | hub --seeds N';

interface HubBenchOptions {
  laptops: number;
  leadsPerLaptop: number;
  concurrent: number;
  /** Laptop processes running at once in the first sync (this machine has 2 cores). */
  parallel: number;
  seeds: number | null;
}

function parseOptions(args: string[]): HubBenchOptions {
  const options: HubBenchOptions = { laptops: 10, leadsPerLaptop: 10_000, concurrent: 20, parallel: 2, seeds: null };
  for (let index = 0; index < args.length; index += 2) {
    const value = Number(args[index + 1]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${args[index]} needs a whole number ≥ 1. ${USAGE}`);
    if (args[index] === '--laptops') options.laptops = value;
    else if (args[index] === '--leads') options.leadsPerLaptop = value;
    else if (args[index] === '--concurrent') options.concurrent = value;
    else if (args[index] === '--parallel') options.parallel = value;
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
  const fleet: LaptopProcess[] = [];
  let fleetCpuMs = 0;
  const cpuBefore = process.cpuUsage();
  const loadBefore = os.loadavg()[0] ?? 0;
  try {
    await runConcurrentSyncs(hub, options, laptops);
    await runFirstSync(hub, options, fleet);
    await runIncremental(fleet);
    for (const laptop of fleet.splice(0)) fleetCpuMs += await laptop.stop();
    const usage = await hub.usage();
    printFigure('hub_rss_max', hub.maxRss / 2 ** 20, 'MB', 0);
    printFigure('hub_cpu_total', usage.cpuMs / 1000, 's', 1);
    const cpu = process.cpuUsage(cpuBefore);
    // This process (the 20 at once) and the first sync's laptop processes (seeding included).
    printFigure('laptops_cpu_total', (cpu.user + cpu.system + fleetCpuMs * 1000) / 1e6, 's', 1);
    printFigure('load_average_1min', Math.max(loadBefore, os.loadavg()[0] ?? 0), 'load', 1);
  } finally {
    for (const laptop of laptops) await laptop.dispose();
    for (const laptop of fleet) await laptop.stop();
    await hub.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function joined(hub: HubProcess, store: TempStore): Promise<TempStore> {
  return joinLaptop(store, hub.url, await hub.pairingCode());
}

/**
 * N laptops of M leads each, each a process of its own (a laptop is a machine of its own, with
 * its own CPU; in one process they would take turns on one core): at most `parallel` of them
 * at work at once — this machine has 2 cores, shared with the hub and PostgreSQL, so more would
 * only take turns. Each syncs once (push, pull what the hub has by then), then each again (pull
 * what the later ones pushed), so every laptop ends with every lead. Ten real laptops would all
 * work at once: the bench is slower than the goal's setting, never easier.
 */
async function runFirstSync(hub: HubProcess, options: HubBenchOptions, fleet: LaptopProcess[]): Promise<void> {
  const names = Array.from({ length: options.laptops }, (_, index) => `Laptop ${index + 1}`);
  await inPool(names, options.parallel, async (name) => {
    fleet.push(await LaptopProcess.start(name, options.leadsPerLaptop, hub.url, await hub.pairingCode()));
  });
  const syncs: TimedSync[] = [];
  const perLaptop = new Map<LaptopProcess, number>();
  const wallMs = await timeMsAsync(async () => {
    for (let round = 0; round < 2; round++) {
      await inPool(fleet, options.parallel, async (laptop) => {
        const sync = await laptop.sync();
        syncs.push(sync);
        perLaptop.set(laptop, (perLaptop.get(laptop) ?? 0) + sync.ms);
      });
    }
  });
  printFigure('first_sync_all_laptops_wall', wallMs / 1000, 's', 1);
  printFigure('first_sync_one_laptop_max', Math.max(...perLaptop.values()) / 1000, 's', 1);
  printFigure('first_sync_changes_pulled', syncs.reduce((sum, sync) => sum + sync.pulled, 0), 'changes', 0);
  printFigure('first_sync_event_loop_max_block', Math.max(...syncs.map((sync) => sync.maxBlockMs)), 'ms', 0);
  printFigure('first_sync_event_loop_max_turn_cpu', Math.max(...syncs.map((sync) => sync.maxTurnCpuMs)), 'ms', 0);
  // While a large pull applied on its worker thread: what is left of the two above is the push's and the stamping's.
  printFigure('first_sync_event_loop_max_block_while_pull_worker', Math.max(...syncs.map((sync) => sync.whilePullWorker.maxBlockMs)), 'ms', 0);
  printFigure('first_sync_event_loop_max_turn_cpu_while_pull_worker', Math.max(...syncs.map((sync) => sync.whilePullWorker.maxTurnCpuMs)), 'ms', 0);
  printFigure('first_sync_failed_and_tried_again', failedSyncs.length, 'syncs', 0);
  for (const line of failedSyncs) process.stderr.write(`a first sync failed and was tried again: ${line}\n`);
  const leadsEverywhere = await Promise.all(fleet.map((laptop) => laptop.leads()));
  if (new Set(leadsEverywhere).size !== 1) throw new Error(`the laptops do not hold the same leads after the first sync: ${leadsEverywhere.join(', ')}`);
}

/** Runs `work` for every item, at most `parallel` at once. */
async function inPool<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}

/** 100 leads edited on one laptop: its sync (push), then another laptop's (pull). */
async function runIncremental(fleet: readonly LaptopProcess[]): Promise<void> {
  const [editor, reader] = fleet.slice(-2);
  if (!editor || !reader) return;
  await editor.edit();
  const push = await editor.sync();
  const pull = await reader.sync();
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

/** A bench child forked through tsx with an IPC channel, asked `{ id, ask }` and answering `{ id, ... }`. */
class AskedChild {
  private readonly waiting = new Map<number, (message: Record<string, unknown>) => void>();
  private nextId = 1;

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: Record<string, unknown>) => {
      const id = Number(message.id);
      this.waiting.get(id)?.(message);
      this.waiting.delete(id);
    });
    // A child that ended (a crash) answers nothing more: what waits for it fails instead of hanging.
    child.on('exit', (code) => {
      for (const answer of this.waiting.values()) answer({ error: `the process ended (${code})` });
      this.waiting.clear();
    });
  }

  /** Like `ask`, but an answer `{ error }` (the child's work failed) is thrown here. */
  async work(ask: string): Promise<Record<string, unknown>> {
    const answer = await this.ask(ask);
    if (typeof answer.error === 'string') throw new Error(answer.error);
    return answer;
  }

  /** Forks `entry` and waits for its first message (it is ready then). */
  static async fork(entry: string, args: string[]): Promise<{ child: ChildProcess; first: Record<string, unknown> }> {
    // HUB_BENCH_CPU_PROFILES=DIR: each laptop child writes a CPU profile of its life there (docs/team-hub.md).
    const profiles = process.env.HUB_BENCH_CPU_PROFILES;
    const child = fork(path.join(REPO_ROOT, 'electron/cli/run-ts.mjs'), [path.join(REPO_ROOT, entry), ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: profiles && entry.includes('laptop') ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : [] });
    const first = await new Promise<Record<string, unknown>>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`${entry} ended (${code}) before it was ready`)));
    });
    return { child, first };
  }

  ask(ask: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ id, ask });
    });
  }

  /** Asks the child to stop and waits until it exited; its answer, or `{}` when it exits without one (the hub child). */
  async stop(ask: string): Promise<Record<string, unknown>> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const answer = this.ask(ask);
    await exited;
    return Promise.race([answer, Promise.resolve({})]);
  }
}

/** Syncs of the laptop processes that failed and were tried again, one line each. */
const failedSyncs: string[] = [];

/** A laptop of the first sync in a process of its own (hub-laptop-child.ts). */
class LaptopProcess {
  private stopped = false;

  private constructor(private readonly asked: AskedChild) {}

  static async start(name: string, leads: number, hubUrl: string, code: string): Promise<LaptopProcess> {
    const { child } = await AskedChild.fork('test/bench/hub-laptop-child.ts', [name, String(leads), hubUrl, code]);
    return new LaptopProcess(new AskedChild(child));
  }

  /** Syncs; a sync that failed (a connection cut) is tried again, as the app's background sync would, and counted. */
  async sync(): Promise<TimedSync> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.asked.work('sync')) as unknown as TimedSync;
      } catch (error) {
        failedSyncs.push(`${(error as Error).message}`);
        if (attempt >= 3) throw error;
      }
    }
  }

  async leads(): Promise<number> {
    return Number((await this.asked.work('leads')).leads);
  }

  async edit(): Promise<void> {
    await this.asked.work('edit');
  }

  /** Ends the process; its CPU time in ms (0 when already stopped). */
  async stop(): Promise<number> {
    if (this.stopped) return 0;
    this.stopped = true;
    return Number((await this.asked.stop('stop')).cpuMs);
  }
}

/** The hub child (hub-child.ts), its RSS sampled every 200 ms. */
class HubProcess {
  maxRss = 0;
  private readonly sampler: NodeJS.Timeout;

  private constructor(
    private readonly asked: AskedChild,
    readonly url: string,
  ) {
    this.sampler = setInterval(() => void this.usage(), 200);
  }

  static async start(dataDir: string): Promise<HubProcess> {
    const { child, first } = await AskedChild.fork('test/bench/hub-child.ts', [dataDir]);
    return new HubProcess(new AskedChild(child), String(first.url));
  }

  async pairingCode(): Promise<string> {
    return String((await this.asked.ask('code')).code);
  }

  async usage(): Promise<{ rss: number; cpuMs: number }> {
    const answer = (await this.asked.ask('usage')) as { rss: number; cpuMs: number };
    this.maxRss = Math.max(this.maxRss, answer.rss);
    return answer;
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    await this.asked.stop('stop');
  }
}
