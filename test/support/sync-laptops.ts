import { applyRemoteChanges, type AppliedBatch } from '../../electron/sync/apply-changes';
import { listUnpushedChanges, markChangesPushed, stampPendingChanges } from '../../electron/sync/change-log';
import { startChangeLog } from '../../electron/sync/sync-capture';
import { setConversionRule } from '../../electron/services/automatic-conversion-service';
import { convertLead } from '../../electron/services/conversion-service';
import { clearDuplicateFlags, insertDuplicateFlags, listDuplicateFlags } from '../../electron/db/repositories/duplicate-flags';
import { createEvent, useEvent } from '../../electron/services/events-service';
import { forgetLead } from '../../electron/services/forget-lead-service';
import { createLead, updateLead } from '../../electron/services/leads-service';
import { getChecklist, saveCriteria } from '../../electron/services/qualification-service';
import { criteriaOfFramework, type Criterion } from '../../shared/domain/qualification';
import { setStaffName } from '../../electron/services/settings-service';
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

/**
 * The hub's part, in memory: every change once, in the order pushed (what the real hub's pull
 * returns). As the real hub does (hub-changes.ts), a tombstone drops the record's changes stored
 * before it: a laptop that pulls later does not receive them.
 */
export class MemoryHub {
  readonly changes: RecordChange[] = [];
  private readonly ids = new Set<string>();
  private readonly dropped = new Set<string>();

  push(changes: readonly RecordChange[]): void {
    for (const change of changes) {
      if (this.ids.has(change.changeId)) continue;
      this.ids.add(change.changeId);
      if (change.tombstone) {
        for (const stored of this.changes) {
          if (stored.kind === change.kind && stored.recordId === change.recordId && !stored.tombstone) this.dropped.add(stored.changeId);
        }
      }
      this.changes.push(change);
    }
  }

  /** The changes after a cursor, those dropped left out. */
  changesAfter(cursor: number): RecordChange[] {
    return this.changes.slice(cursor).filter((change) => !this.dropped.has(change.changeId));
  }
}

/** One push of everything not pushed, then one pull of everything after the laptop's cursor. */
export async function syncWithMemoryHub(laptop: Laptop, hub: MemoryHub): Promise<AppliedBatch> {
  const db = laptop.store.context.db;
  await db.transaction().execute((trx) => stampPendingChanges(trx, laptop.clock, laptop.name, 1_000_000));
  const pending = await listUnpushedChanges(db, 1_000_000);
  hub.push(pending);
  await markChangesPushed(db, pending.map((change) => change.changeId));
  const batch = hub.changesAfter(laptop.cursor);
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

/** A small pseudo-random order per seed (a linear congruential generator: the same seed, the same orders). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** Syncs the laptops in a seed's orders, round after round, until none has anything left to push or pull. */
export async function syncUntilQuiet(hub: MemoryHub, all: readonly Laptop[], seed: number): Promise<number> {
  let conflicts = 0;
  for (let round = 0; round < 10; round++) {
    const before = hub.changes.length;
    for (const laptop of shuffled(all, seed + round)) conflicts += (await syncWithMemoryHub(laptop, hub)).conflicts;
    const unpushed = all.some((laptop) => laptop.store.database.sqlite.prepare('SELECT count(*) FROM sync_changes WHERE pushed = 0').pluck().get() !== 0);
    if (!unpushed && hub.changes.length === before && all.every((laptop) => laptop.cursor === hub.changes.length)) return conflicts;
  }
  throw new Error('the laptops did not settle in 10 rounds');
}

/** What each laptop held after one round of a random run: `data[i]` is laptop i's `syncedData`. */
export interface ConvergenceRound {
  round: number;
  data: Array<Record<string, unknown[]>>;
  conflicts: number;
}

/**
 * The randomized convergence run (issue 18 §6) of one seed: three laptops share a show and four
 * leads, then, twice, each makes 8 random operations offline (capture, edit a title or a
 * company, forget, set or remove the show's conversion rule, flag two leads as likely duplicates,
 * dismiss a flag, remove a criterion from the show's checklist or add one back, rename one), converts a lead it captured then into a new account, and all sync in the seed's random orders until quiet. Returns what each
 * laptop holds after each round; the test (a few seeds) and `npm run bench -- hub --seeds N`
 * (many) check they are identical. The stores are disposed of before it returns.
 */
export async function runRandomConvergence(seed: number): Promise<ConvergenceRound[]> {
  const titles = ['CEO', 'CTO', 'CFO', 'VP Sales', ''];
  const companies = ['Acme', 'Globex', 'Initech'];
  const bant = criteriaOfFramework('BANT');
  let state = seed;
  const random = (below: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
  const all: Laptop[] = [];
  try {
    for (const name of ['laptop-a', 'laptop-b', 'laptop-c']) {
      const laptop = await openLaptop(name);
      all.push(laptop);
      await setStaffName(laptop.store.context, `Staff of ${name}`);
    }
    const [first] = all as [Laptop];
    const hub = new MemoryHub();
    const show = await createEvent(first.store.context, { name: 'Random Expo' });
    for (let index = 0; index < 4; index++) await createLead(first.store.context, { lastName: `Seed${index}`, company: 'Acme' });
    await syncUntilQuiet(hub, all, seed);
    for (const laptop of all) await useEvent(laptop.store.context, show.id);

    const rounds: ConvergenceRound[] = [];
    for (let round = 0; round < 2; round++) {
      for (const laptop of all) {
        const capturedNow: string[] = [];
        for (let step = 0; step < 8; step++) {
          // A converted lead is read-only: edited no more.
          const ids = laptop.store.database.sqlite.prepare("SELECT id FROM leads WHERE status <> 'Converted' ORDER BY id").pluck().all() as string[];
          const target = ids[random(Math.max(ids.length, 1))];
          // 17, not 16: the generator's low bits repeat every 2^k steps, a power of two would cycle.
          const operation = random(17);
          if (operation < 2 || !target) capturedNow.push((await createLead(laptop.store.context, { lastName: `${laptop.name}-${round}-${step}`, company: companies[random(3)] ?? '' })).lead.id);
          else if (operation < 9) await updateLead(laptop.store.context, target, random(2) === 0 ? { title: titles[random(5)] ?? '' } : { company: companies[random(3)] ?? '' });
          else if (operation < 10) await forgetLead(laptop.store.context, target);
          // The show's conversion rule set (made again after a removal) or removed.
          else if (operation < 11) await setConversionRule(laptop.store.context, show.id, random(3) === 0 ? null : { minMet: 1 + random(3), requireCloseDate: false, stage: 'Prospecting', closeInDays: 30 });
          else if (operation < 13) {
            // Two leads flagged as likely duplicates, either way round (one record per pair), or a flag dismissed.
            const other = ids[(ids.indexOf(target) + 1 + random(Math.max(ids.length - 1, 1))) % ids.length];
            if (other && other !== target) await insertDuplicateFlags(laptop.store.context.db, [{ leadId: target, otherLeadId: other, reasons: ['name+company'], source: laptop.name, flaggedAt: `round ${round} step ${step}` }]);
          } else if (operation < 14) {
            const flag = (await listDuplicateFlags(laptop.store.context.db))[0];
            if (flag) await clearDuplicateFlags(laptop.store.context.db, flag.leadId, flag.otherLeadId);
          } else {
            // A BANT criterion removed from the checklist or added back (marked, not deleted), or one renamed.
            const { criteria } = await getChecklist(laptop.store.context, show.id);
            const picked = bant[random(bant.length)] as Criterion;
            const held = criteria.find((criterion) => criterion.key === picked.key);
            if (operation === 16 && held) await saveCriteria(laptop.store.context, show.id, criteria.map((criterion) => (criterion === held ? { ...held, label: `${picked.label} ${laptop.name}-${round}-${step}` } : criterion)));
            else await saveCriteria(laptop.store.context, show.id, held ? criteria.filter((criterion) => criterion !== held) : [...criteria, picked]);
          }
        }
        // A lead captured offline converted into a new account: laptops that each make one for a
        // company meet at sync (account-merge.ts). Only its own new lead: another laptop converting
        // it too is settled by the hub's refusal, which this hub does not play.
        const toConvert = capturedNow.find((id) => laptop.store.database.sqlite.prepare('SELECT count(*) FROM leads WHERE id = ?').pluck().get(id) === 1);
        if (toConvert) await convertLead(laptop.store.context, { leadId: toConvert, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null });
      }
      const conflicts = await syncUntilQuiet(hub, all, seed * 10 + round);
      rounds.push({ round, data: all.map((laptop) => syncedData(laptop.store)), conflicts });
    }
    return rounds;
  } finally {
    for (const laptop of all) await laptop.store.dispose();
  }
}
