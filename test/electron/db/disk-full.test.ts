import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../electron/db/open-database';
import { createDispatcher, type Dispatcher } from '../../../electron/ipc/dispatch';
import { createEvent } from '../../../electron/services/events-service';
import { createHandlers } from '../../../electron/services/handlers';
import { createServiceContext } from '../../../electron/services/service-context';
import { setStaffName } from '../../../electron/services/settings-service';
import { makeTempDir } from '../../support/temp-database';
import { canMountTmpfs, mountTmpfs } from '../../support/tmpfs';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

async function boothOn(dbPath: string): Promise<{ database: OpenedDatabase; dispatch: Dispatcher }> {
  const database = await openDatabase(dbPath);
  const context = createServiceContext(database.db);
  await setStaffName(context, 'Jo');
  await createEvent(context, { name: 'Full Disk Fair' });
  return { database, dispatch: createDispatcher(createHandlers(context, { version: 'test', dataPath: dbPath, mode: 'browser' })) };
}

const bigLead = (index: number) => ({ lastName: `Filler${index}`, notes: `note ${index} `.repeat(2500) });

/** Saves until the store refuses; returns how many were saved and the refusal. */
async function fillUp(dispatch: Dispatcher, limit = 2000) {
  for (let index = 0; index < limit; index++) {
    const result = await dispatch('leads.create', bigLead(index));
    if (!result.ok) return { saved: index, error: result.error };
  }
  throw new Error('the store never filled up');
}

describe('a full disk', () => {
  it('(SQLite max_page_count) refuses the save with a clear message, damages nothing, and saves again once there is room', async () => {
    const dir = makeTempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const { database, dispatch } = await boothOn(path.join(dir, 'leadbooth.db'));
    cleanups.push(() => void database.close());
    const pages = database.sqlite.pragma('page_count', { simple: true }) as number;
    database.sqlite.pragma(`max_page_count = ${pages + 60}`); // about 240 KB of room

    const { saved, error } = await fillUp(dispatch);
    console.log(`disk full (max_page_count): saved ${saved}, then ${error.code}`);
    expect(saved).toBeGreaterThan(0);
    expect(error).toEqual({ code: 'disk_full', message: expect.stringMatching(/disk is full.*Free some space and save again/) });
    // Still running: reads work, and what was saved is intact.
    expect(await dispatch('leads.list', { limit: 500 })).toMatchObject({ ok: true, value: { items: { length: saved } } });
    expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    database.sqlite.pragma('max_page_count = 1073741823'); // space is back
    expect(await dispatch('leads.create', { lastName: 'AfterSpace' })).toMatchObject({ ok: true });
  });

  // Mounting a tmpfs needs root (CI and these machines have it); the max_page_count test above covers the rest.
  it.skipIf(!canMountTmpfs())('(a real 1 MB tmpfs) fills up, keeps every saved lead, and saves again once a file is deleted', async () => {
    const { mountPoint, unmount } = mountTmpfs('1m');
    cleanups.push(unmount);
    const ballast = path.join(mountPoint, 'ballast.bin');
    // Room for a fresh store's migrations, which leave ~730 KB in its -wal (0018's column on every synced table added 29 KB).
    fs.writeFileSync(ballast, Buffer.alloc(192 * 1024));
    const dbPath = path.join(mountPoint, 'leadbooth.db');
    const { database, dispatch } = await boothOn(dbPath);
    cleanups.push(() => void database.close());

    const { saved, error } = await fillUp(dispatch);
    console.log(`disk full (tmpfs): saved ${saved}, then ${error.code}`);
    expect(error.code).toBe('disk_full');
    expect(error.message).not.toMatch(/SQLITE|\/tmp/);
    fs.rmSync(ballast); // the person frees some space
    expect(await dispatch('leads.create', { lastName: 'AfterSpace' })).toMatchObject({ ok: true });
    expect(database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(saved + 1);
    // (No checkpoint here: moving the log into the file needs room the tiny disk does not have; the log is safe where it is.)
    expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('a database that turns read-only', () => {
  it('refuses the save with a clear message and saves again once it is writable', async () => {
    const dir = makeTempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const { database, dispatch } = await boothOn(path.join(dir, 'leadbooth.db'));
    cleanups.push(() => void database.close());
    expect(await dispatch('leads.create', { lastName: 'Before' })).toMatchObject({ ok: true });
    // As a write-protected USB stick or a file another user owns looks to SQLite: every write fails with SQLITE_READONLY.
    database.sqlite.pragma('query_only = ON');
    const refused = await dispatch('leads.create', { lastName: 'While read-only' });
    expect(refused).toEqual({ ok: false, error: { code: 'read_only', message: expect.stringMatching(/read-only, so this was not saved/) } });
    expect(await dispatch('leads.list', {})).toMatchObject({ ok: true, value: { items: [{ lastName: 'Before' }] } });
    database.sqlite.pragma('query_only = OFF');
    expect(await dispatch('leads.create', { lastName: 'After' })).toMatchObject({ ok: true });
  });
});
