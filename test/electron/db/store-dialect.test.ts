import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../electron/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase, type OpenedDatabase } from '../../../electron/db/open-database';
import { createEvent } from '../../../electron/services/events-service';
import { createLead, listLeads } from '../../../electron/services/leads-service';
import { createServiceContext, type ServiceContext } from '../../../electron/services/service-context';
import { setStaffName } from '../../../electron/services/settings-service';
import { AppError } from '../../../shared/ipc/errors';
import { makeTempDir } from '../../support/temp-database';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempFile(): string {
  const dir = makeTempDir();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'leadbooth.db');
}

async function boothStore(file: string, options: { writeWaitMs?: number } = {}): Promise<{ database: OpenedDatabase; context: ServiceContext }> {
  const database = await openDatabase(file, options);
  cleanups.push(() => database.close());
  const context = createServiceContext(database.db);
  await setStaffName(context, 'Jo');
  await createEvent(context, { name: 'Lock Expo' });
  return { database, context };
}

/** Another program holding the store's write lock, as the CLI does during an import. */
function holdWriteLock(file: string): { release(): void } {
  const other = new BetterSqlite3(file);
  other.exec('BEGIN IMMEDIATE');
  other.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('other-writer', '1', 'x') ON CONFLICT (key) DO UPDATE SET value = value + 1").run();
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    other.exec('COMMIT');
    other.close();
  };
  cleanups.push(release);
  return { release };
}

/** How many times a 5 ms timer ran until stopped: a loop blocked by a wait inside SQLite runs it once. */
function countTimerTicks(): { stop(): number } {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  return {
    stop() {
      clearInterval(timer);
      return ticks;
    },
  };
}

describe('the store while another process holds the write lock', () => {
  it('a save waits on a timer, not inside SQLite: the process keeps running, and the save completes once the lock is free', async () => {
    const file = tempFile();
    const { context } = await boothStore(file);
    const lock = holdWriteLock(file);
    const ticks = countTimerTicks();
    let released = false;
    // The lock is released by a timer of this process: a wait inside SQLite would block that
    // timer, so the save would end as busy instead of completing.
    setTimeout(() => {
      lock.release();
      released = true;
    }, 1_500);
    const saved = await createLead(context, { lastName: 'Waited' });
    expect(released).toBe(true);
    // The loop kept running while the save waited (about 300 ticks unloaded; the longest block is
    // measured by `npm run bench -- faults locks`).
    expect(ticks.stop()).toBeGreaterThan(10);
    expect((await listLeads(context, {})).items.map((lead) => lead.id)).toContain(saved.lead.id);
  });

  it('reads do not wait for a save that waits for the lock', async () => {
    const file = tempFile();
    const { context } = await boothStore(file);
    await createLead(context, { lastName: 'Already there' });
    const lock = holdWriteLock(file);
    let saveDone = false;
    const save = createLead(context, { lastName: 'Waiting' }).then((saved) => {
      saveDone = true;
      return saved;
    });
    const page = await listLeads(context, {});
    expect(saveDone).toBe(false);
    expect(page.items.map((lead) => lead.lastName)).toEqual(['Already there']);
    lock.release();
    await save;
    expect((await listLeads(context, {})).items).toHaveLength(2);
  });

  it('gives up after its wait with a "busy" error that says what to do, and writes nothing', async () => {
    const file = tempFile();
    const { context } = await boothStore(file, { writeWaitMs: 300 });
    const lock = holdWriteLock(file);
    const error = await createLead(context, { lastName: 'Too late' }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('busy');
    expect((error as AppError).message).toMatch(/Another program has been writing to the lead store.*try again when it has finished/);
    lock.release();
    expect((await listLeads(context, {})).items).toHaveLength(0);
    // The turn it gave up is free again: the next save goes through.
    await createLead(context, { lastName: 'Next' });
    expect((await listLeads(context, {})).items.map((lead) => lead.lastName)).toEqual(['Next']);
  });

  it('saves of one process run one after another, each whole', async () => {
    const file = tempFile();
    const { context } = await boothStore(file);
    const saves = await Promise.all(Array.from({ length: 20 }, (_, index) => createLead(context, { lastName: `Parallel ${index}` })));
    expect(new Set(saves.map((saved) => saved.lead.id)).size).toBe(20);
    expect((await listLeads(context, { limit: 50 })).items).toHaveLength(20);
  });

  it('opening a file that needs migrating waits for the lock without stopping the process', async () => {
    const file = tempFile();
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(old, MIGRATIONS.slice(0, 1));
    await old.destroy();
    const lock = holdWriteLock(file);
    const ticks = countTimerTicks();
    setTimeout(() => lock.release(), 1_000); // a wait inside SQLite would block this timer too
    const database = await openDatabase(file);
    cleanups.push(() => database.close());
    expect(ticks.stop()).toBeGreaterThan(10);
    expect(database.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });
});
