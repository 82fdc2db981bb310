import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { insertLeads } from '../../../electron/db/repositories/leads';
import { createEvent } from '../../../electron/services/events-service';
import { forgetLead } from '../../../electron/services/forget-lead-service';
import { createLead } from '../../../electron/services/leads-service';
import { startBackgroundSync } from '../../../electron/services/background-sync';
import { joinTeamHub, syncNow } from '../../../electron/services/sync-service';
import { PAGES_PULLED_ON_THIS_THREAD, runSync } from '../../../electron/sync/sync-run';
import { MAX_CHANGES_PER_BATCH } from '../../../shared/sync/protocol';
import { makeLead } from '../../support/lead-fixture';
import { memoryHubLaptopsForEachTest } from '../../support/memory-hub-laptops';
import { syncedData } from '../../support/sync-laptops';
import type { TempStore } from '../../support/temp-database';

// A pull of many pages runs on a worker thread with its own connection (pull-on-worker.ts) after
// its first PAGES_PULLED_ON_THIS_THREAD pages, applied on the main thread: these laptops are given their
// store's file, as the app's are, so their large pulls go there.

/** Leads past this many changes are surely the worker's: the main thread applies the pages before (sync-run.ts). */
const MAIN_THREAD_CHANGES = PAGES_PULLED_ON_THIS_THREAD * MAX_CHANGES_PER_BATCH;

/** Leads enough for several of the worker's transactions after the main thread's pages. */
const LEADS = MAIN_THREAD_CHANGES + 9_000;

const hubs = memoryHubLaptopsForEachTest();
const laptop = hubs.laptop;

/** A laptop holding `count` leads of one show (written at once, as a booth left them), joined and pushed to the hub. */
async function laptopWithLeadsOnHub(count: number): Promise<TempStore> {
  const a = await laptop('Ada');
  const show = await createEvent(a.context, { name: 'Worker Expo' });
  const leads = Array.from({ length: count }, (_, index) => makeLead({ lastName: `Lead ${index}`, company: `Company ${index % 50}`, eventId: show.id }));
  await a.context.db.transaction().execute((trx) => insertLeads(trx, leads.map((lead) => ({ lead, sourceUid: '' }))));
  await joinTeamHub(a.context, { url: hubs.server.url, code: '123456' });
  await syncNow(a.context);
  return a;
}

const count = (store: TempStore, table: string): number => store.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const storedCursor = (store: TempStore): string => store.database.sqlite.prepare('SELECT cursor FROM sync_state').pluck().get() as string;

/** Calls `check` on every turn of the event loop until `done` resolves; what it saw. */
async function watchWhile<T>(done: Promise<unknown>, check: () => T): Promise<T[]> {
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => undefined);
  const seen: T[] = [];
  while (!finished) {
    seen.push(check());
    await nextTurn();
  }
  return seen;
}

describe('a pull of many pages on a worker thread', () => {
  it('leaves a pull of no more pages than the main thread takes first on the main thread: no worker started for it', async () => {
    const a = await laptopWithLeadsOnHub(MAIN_THREAD_CHANGES - 100);
    const b = await laptop('Bea');
    await joinTeamHub(b.context, { url: hubs.server.url, code: '654321' });
    let workersStarted = 0;
    const started = (): void => void workersStarted++;
    process.on('worker', started);
    const report = await syncNow(b.context).finally(() => process.off('worker', started));
    // A worker's start (a thread, the apply's modules, a connection) would cost more than these pages' apply.
    expect(workersStarted).toBe(0);
    expect(report.applied).toBe(hubs.server.hub.changes.length);
    expect(syncedData(b)).toEqual(syncedData(a));
  }, 120_000);

  it('converges as a pull on the main thread does, and the main connection holds no transaction of it', async () => {
    const a = await laptopWithLeadsOnHub(LEADS);
    const b = await laptop('Bea');
    await joinTeamHub(b.context, { url: hubs.server.url, code: '654321' });
    const sync = syncNow(b.context);
    // Read on the main thread while the sync runs: the leads arrive a transaction at a time, and
    // once the worker has taken over the main thread's write connection is never inside a
    // transaction (a pull on this thread would be, in the middle of its pages).
    const seen = await watchWhile(sync, () => ({ leads: count(b, 'leads'), mainInTransaction: b.database.sqlite.inTransaction }));
    const report = await sync;
    expect(report.pulled).toBe(hubs.server.hub.changes.length);
    expect(report.applied).toBe(hubs.server.hub.changes.length);
    const midPull = seen.filter((moment) => moment.leads > MAIN_THREAD_CHANGES && moment.leads < LEADS);
    expect(midPull.length).toBeGreaterThan(0);
    expect(midPull.filter((moment) => moment.mainInTransaction)).toEqual([]);
    expect(syncedData(b)).toEqual(syncedData(a));
    expect(storedCursor(b)).toBe(String(hubs.server.hub.changes.length));
    // The search index was kept in step by the worker's connection too.
    expect(b.database.sqlite.prepare("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH ?").pluck().get(`"Lead ${LEADS - 1}"`)).toBe(1);
  }, 120_000);

  it('keeps a capture and a forget made on the main connection while the worker applies, and syncs them', async () => {
    const a = await laptopWithLeadsOnHub(LEADS);
    const b = await laptop('Bea');
    await joinTeamHub(b.context, { url: hubs.server.url, code: '654321' });
    const show = await createEvent(b.context, { name: 'Captured meanwhile' });
    const sync = syncNow(b.context);
    // Wait until the worker has committed a first transaction, then capture while it applies the rest.
    while (count(b, 'leads') <= MAIN_THREAD_CHANGES) await sleep(2);
    const captured: string[] = [];
    const capture = async (index: number) => captured.push((await createLead(b.context, { lastName: `Captured ${index}`, company: 'Meanwhile', eventId: show.id })).lead.id);
    await capture(0);
    // Saved while the pull had pages left to apply (the worker's first transaction holds at most 4 of its 9).
    expect(count(b, 'leads') - 1).toBeLessThan(LEADS);
    for (let index = 1; index < 5; index++) await capture(index);
    const pulledLead = b.database.sqlite.prepare("SELECT id FROM leads WHERE last_name LIKE 'Lead %' LIMIT 1").pluck().get() as string;
    await forgetLead(b.context, pulledLead);
    const report = await sync;
    expect(report.applied).toBeGreaterThan(LEADS);
    for (const id of captured) expect(b.database.sqlite.prepare('SELECT count(*) FROM leads WHERE id = ?').pluck().get(id)).toBe(1);
    // The captures and the forget went to the hub in the same sync (its push after the pull) and reach the other laptop.
    await syncNow(a.context);
    await syncNow(b.context);
    expect(syncedData(a)).toEqual(syncedData(b));
    for (const id of captured) expect(a.database.sqlite.prepare('SELECT count(*) FROM leads WHERE id = ?').pluck().get(id)).toBe(1);
    expect(a.database.sqlite.prepare('SELECT count(*) FROM leads WHERE id = ?').pluck().get(pulledLead)).toBe(0);
  }, 120_000);

  it("is stopped when the app closes, whoever started the sync: Sync now's pull ends before the store may close, what it committed stays", async () => {
    await laptopWithLeadsOnHub(LEADS);
    const b = await laptop('Bea');
    await joinTeamHub(b.context, { url: hubs.server.url, code: '654321' });
    const background = startBackgroundSync(b.context, { intervalMs: 60_000 });
    // Sync now: no signal of its own.
    const sync = syncNow(b.context);
    let ended = false;
    const outcome = sync.then(
      () => null,
      (error: unknown) => error,
    );
    void outcome.then(() => (ended = true));
    while (Number(storedCursor(b) || 0) <= MAIN_THREAD_CHANGES) await sleep(1);
    await background.close();
    // The app closes the store right after: the pull's worker must be gone by then.
    await nextTurn();
    expect(ended).toBe(true);
    expect(await outcome).toMatchObject({ message: expect.stringMatching(/^The sync stopped while this laptop applied the hub's changes/) });
    const cursor = Number(storedCursor(b));
    expect(cursor).toBeGreaterThan(MAIN_THREAD_CHANGES);
    expect(cursor).toBeLessThan(hubs.server.hub.changes.length);
  }, 180_000);

  it('killed in the middle of its pull, keeps every transaction it committed and resumes at their cursor', async () => {
    const a = await laptopWithLeadsOnHub(LEADS);
    // Several pages past the main thread's, so several transactions on the worker (at most PAGES_PER_TRANSACTION pages each).
    expect(hubs.server.hub.changes.length).toBeGreaterThan(MAIN_THREAD_CHANGES + MAX_CHANGES_PER_BATCH * 5);
    const b = await laptop('Bea');
    const show = await createEvent(b.context, { name: 'Booth of Bea' });
    await joinTeamHub(b.context, { url: hubs.server.url, code: '654321' });
    const stop = new AbortController();
    const sync = runSync(b.context.db, { wallClockMs: Date.now, store: b.context.store, signal: stop.signal });
    const failed = sync.then(
      () => null,
      (error: unknown) => error,
    );
    // Once the worker has committed a first transaction (its cursor is stored), it is stopped, most likely inside its next one.
    while (Number(storedCursor(b) || 0) <= MAIN_THREAD_CHANGES) await sleep(1);
    stop.abort();
    const error = (await failed) as Error | null;
    expect(error).toMatchObject({ code: 'internal', message: expect.stringMatching(/^The sync stopped while this laptop applied the hub's changes \(it was stopped\)/) });
    expect(error?.message).not.toContain('\n');

    // What is stored is exactly the hub's changes before the stored cursor: no transaction half applied.
    const cursor = Number(storedCursor(b));
    expect(cursor).toBeGreaterThan(MAIN_THREAD_CHANGES);
    expect(cursor).toBeLessThan(hubs.server.hub.changes.length);
    const leadsBeforeCursor = hubs.server.hub.changes.slice(0, cursor).filter((change) => change.kind === 'lead').map((change) => change.recordId);
    expect((b.database.sqlite.prepare('SELECT id FROM leads ORDER BY id').pluck().all() as string[])).toEqual([...new Set(leadsBeforeCursor)].sort());
    expect(b.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // The store's write turn came back: a capture saves at once, and the next sync goes on from the cursor.
    await createLead(b.context, { lastName: 'After the kill', company: 'Still works', eventId: show.id });
    const resumed = await syncNow(b.context);
    expect(resumed.pulled).toBe(hubs.server.hub.changes.length - cursor);
    await syncNow(a.context);
    expect(syncedData(b)).toEqual(syncedData(a));
    expect(count(b, 'leads')).toBe(LEADS + 1);
  }, 180_000);
});
