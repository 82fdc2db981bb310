import { withBulkWriteCache } from '../../electron/db/bulk-write-cache';
import { applyRemoteChangesInTransaction } from '../../electron/sync/apply-changes';
import { listUnpushedChanges, markChangesPushed, stampPendingChanges } from '../../electron/sync/change-log';
import { startChangeLog } from '../../electron/sync/sync-capture';
import { PAGES_PER_TRANSACTION } from '../../electron/sync/pull-pages';
import { createHybridClock } from '../../shared/sync/hybrid-clock';
import { MAX_CHANGES_PER_BATCH, type RecordChange } from '../../shared/sync/protocol';
import type { TempStore } from '../support/temp-database';
import { cpuPerTurnMonitor, seededLaptop } from './hub-laptop';
import { mainThreadCpuMs, printFigure } from './stats';

const USAGE = 'usage: npm run bench -- hub-apply [--leads N] [--held N] [--cache default|bulk]';

interface HubApplyOptions {
  /** Leads of another laptop pulled, each with its timeline entry. */
  leads: number;
  /** Leads the pulling laptop holds already. */
  held: number;
  /** The store's page cache while applying: the connection's default (2 MB), or a large pull's (bulk-write-cache.ts). */
  cache: 'default' | 'bulk';
}

function parseOptions(args: string[]): HubApplyOptions {
  const options: HubApplyOptions = { leads: 20_000, held: 80_000, cache: 'bulk' };
  for (let index = 0; index < args.length; index += 2) {
    const [flag, value] = [args[index], args[index + 1] ?? ''];
    if (flag === '--cache' && (value === 'default' || value === 'bulk')) options.cache = value;
    else if ((flag === '--leads' || flag === '--held') && Number.isInteger(Number(value)) && Number(value) >= 0) options[flag === '--leads' ? 'leads' : 'held'] = Number(value);
    else throw new Error(`${flag} ${value}: not understood. ${USAGE}`);
  }
  return options;
}

/** Another laptop's records as the hub sends them: logged as held before joining, stamped, read back as a push reads them. */
async function changesOfLaptop(leads: number): Promise<RecordChange[]> {
  const source = await seededLaptop('Source', leads);
  try {
    const clock = createHybridClock('source-device', () => Date.now());
    await source.context.db.transaction().execute((trx) => startChangeLog(trx));
    while ((await stampPendingChanges(source.context.db, clock, 'source-device', MAX_CHANGES_PER_BATCH)) > 0);
    const changes: RecordChange[] = [];
    for (;;) {
      const page = await listUnpushedChanges(source.context.db, MAX_CHANGES_PER_BATCH);
      if (page.length === 0) return changes;
      changes.push(...page);
      await markChangesPushed(source.context.db, page.map((change) => change.changeId));
    }
  } finally {
    await source.dispose();
  }
}

async function applyAsPulled(target: TempStore, changes: readonly RecordChange[]): Promise<void> {
  const clock = createHybridClock('target-device', () => Date.now());
  const perTransaction = PAGES_PER_TRANSACTION * MAX_CHANGES_PER_BATCH;
  for (let start = 0; start < changes.length; start += perTransaction) {
    await target.context.db.transaction().execute(async (trx) => {
      for (let page = start; page < Math.min(start + perTransaction, changes.length); page += MAX_CHANGES_PER_BATCH) {
        await applyRemoteChangesInTransaction(trx, changes.slice(page, page + MAX_CHANGES_PER_BATCH), { clock, deviceId: 'target-device' });
      }
    });
  }
}

/**
 * `npm run bench -- hub-apply`: what applying a large pull costs the laptop itself, without a
 * hub, HTTP or JSON — another laptop's `--leads` leads (each with its timeline entry) applied
 * to a joined store holding `--held` leads, in the pull's transactions of 4 pages. Prints the
 * main thread's CPU per change: the store's own work, which `npm run bench -- hub` hides among
 * its processes.
 */
export async function runHubApplyBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const changes = await changesOfLaptop(options.leads);
  const target = await seededLaptop('Target', options.held);
  try {
    await target.context.db.transaction().execute((trx) => startChangeLog(trx));
    while ((await stampPendingChanges(target.context.db, createHybridClock('target-device', () => Date.now()), 'target-device', MAX_CHANGES_PER_BATCH)) > 0);
    const cpuBefore = mainThreadCpuMs();
    const started = performance.now();
    const turns = cpuPerTurnMonitor();
    const apply = () => applyAsPulled(target, changes);
    await (options.cache === 'bulk' ? withBulkWriteCache(target.database.sqlite, apply) : apply());
    const wallMs = performance.now() - started;
    const cpuMs = mainThreadCpuMs() - cpuBefore;
    const maxTurnCpuMs = turns.stop();
    printFigure('hub_apply_changes', changes.length, 'changes', 0);
    printFigure('hub_apply_wall', wallMs / 1000, 's', 2);
    printFigure('hub_apply_cpu', cpuMs / 1000, 's', 2);
    printFigure('hub_apply_cpu_per_change', (cpuMs * 1000) / changes.length, 'µs', 0);
    // As the hub bench's first_sync_event_loop_max_turn_cpu: the most CPU one turn of the event loop took.
    printFigure('hub_apply_event_loop_max_turn_cpu', maxTurnCpuMs, 'ms', 0);
  } finally {
    await target.dispose();
  }
}
