import { applyRemoteChanges, type AppliedBatch } from '../../electron/sync/apply-changes';
import { listUnpushedChanges, markChangesPushed, stampPendingChanges } from '../../electron/sync/change-log';
import { startChangeLog } from '../../electron/sync/sync-capture';
import { SYNCED_TABLES } from '../../electron/sync/synced-tables';
import { createHybridClock, type HybridClock } from '../../shared/sync/hybrid-clock';
import type { RecordChange } from '../../shared/sync/protocol';
import { openTempStore, type TempStore } from './temp-database';

/** A laptop store with its change log on and a clock of its own, as if joined to a hub. */
export interface Laptop {
  name: string;
  store: TempStore;
  clock: HybridClock;
  /** How far it pulled from the in-memory hub. */
  cursor: number;
}

export async function openLaptop(name: string, wallClockMs: () => number = Date.now): Promise<Laptop> {
  const store = await openTempStore();
  await store.context.db.transaction().execute((trx) => startChangeLog(trx));
  return { name, store, clock: createHybridClock(name, wallClockMs), cursor: 0 };
}

/** The hub's part, in memory: every change once, in the order pushed (what the real hub's pull returns). */
export class MemoryHub {
  readonly changes: RecordChange[] = [];
  private readonly ids = new Set<string>();

  push(changes: readonly RecordChange[]): void {
    for (const change of changes) {
      if (this.ids.has(change.changeId)) continue;
      this.ids.add(change.changeId);
      this.changes.push(change);
    }
  }
}

/** One push of everything not pushed, then one pull of everything after the laptop's cursor. */
export async function syncWithMemoryHub(laptop: Laptop, hub: MemoryHub): Promise<AppliedBatch> {
  const db = laptop.store.context.db;
  await db.transaction().execute((trx) => stampPendingChanges(trx, laptop.clock, laptop.name, 1_000_000));
  const pending = await listUnpushedChanges(db, 1_000_000);
  hub.push(pending);
  await markChangesPushed(db, pending.map((change) => change.changeId));
  const batch = hub.changes.slice(laptop.cursor);
  const applied = await applyRemoteChanges(db, batch, { clock: laptop.clock, deviceId: laptop.name });
  laptop.cursor = hub.changes.length;
  return applied;
}

/** Every synced record of a store, by kind, in key order, with the columns that sync: what must be identical on every laptop. */
export function syncedData(store: TempStore): Record<string, unknown[]> {
  const data: Record<string, unknown[]> = {};
  for (const table of SYNCED_TABLES) {
    const columns = table.columns.map((column) => `"${column}"`).join(', ');
    data[table.kind] = store.database.sqlite.prepare(`SELECT ${columns} FROM ${table.table} ORDER BY ${table.key.map((column) => `"${column}"`).join(', ')}`).all();
  }
  return data;
}
