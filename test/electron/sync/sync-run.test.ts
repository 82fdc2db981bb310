import { describe, expect, it } from 'vitest';
import { workAfterCommitDone } from '../../../electron/db/after-commit-work';
import { createEvent, useEvent } from '../../../electron/services/events-service';
import { createBackup, restoreBackup } from '../../../electron/services/backup-service';
import { forgetLead } from '../../../electron/services/forget-lead-service';
import { createLead, updateLead } from '../../../electron/services/leads-service';
import { joinTeamHub, syncNow, syncStatus } from '../../../electron/services/sync-service';
import { nextPagesPerTransaction, PAGES_PER_TRANSACTION } from '../../../electron/sync/pull-pages';
import { HUB_ROUTES, MAX_CHANGES_PER_BATCH } from '../../../shared/sync/protocol';
import { memoryHubLaptopsForEachTest } from '../../support/memory-hub-laptops';
import { startMemoryHubServer } from '../../support/memory-hub-server';
import { syncedData } from '../../support/sync-laptops';
import type { TempStore } from '../../support/temp-database';

const hubs = memoryHubLaptopsForEachTest();
const laptop = hubs.laptop;

/**
 * The store's own connection's page cache and automatic checkpoint: a pull must leave both as they
 * were (the pages after its first ones run on a worker with a connection of its own, pull-on-worker.ts).
 * Read once any after-commit work has ended (workAfterCommitDone).
 */
async function connectionSettings(store: TempStore): Promise<{ cacheSize: unknown; walAutocheckpoint: unknown }> {
  await workAfterCommitDone(store.database.sqlite);
  const { sqlite } = store.database;
  return { cacheSize: sqlite.pragma('cache_size', { simple: true }), walAutocheckpoint: sqlite.pragma('wal_autocheckpoint', { simple: true }) };
}

const PUSH = `POST ${HUB_ROUTES.push}`;
const PULL = `GET ${HUB_ROUTES.pull}`;

describe('the pages of a pull\'s next transaction, by its last COMMIT\'s time', () => {
  it('halves them after a COMMIT over 100 ms (down to one), adds one back after one under 50 ms (up to the bound), keeps them between', () => {
    expect(nextPagesPerTransaction(PAGES_PER_TRANSACTION, 180)).toBe(PAGES_PER_TRANSACTION / 2);
    expect(nextPagesPerTransaction(1, 900)).toBe(1);
    expect(nextPagesPerTransaction(2, 20)).toBe(3);
    expect(nextPagesPerTransaction(PAGES_PER_TRANSACTION, 5)).toBe(PAGES_PER_TRANSACTION);
    expect(nextPagesPerTransaction(3, 75)).toBe(3);
    // A run of long COMMITs (a disk busy with another program) ends at one page, and short ones bring the bound back step by step.
    let pages = PAGES_PER_TRANSACTION;
    for (let commit = 0; commit < 5; commit++) pages = nextPagesPerTransaction(pages, 250);
    expect(pages).toBe(1);
    const steps: number[] = [];
    for (let commit = 0; commit < 4; commit++) steps.push((pages = nextPagesPerTransaction(pages, 10)));
    expect(steps).toEqual([2, 3, 4, 4]);
  });
});

describe('sync with a hub over HTTP', () => {
  it('joins, pushes what the laptop held before joining, and a second laptop pulls all of it', async () => {
    const a = await laptop('Ada');
    const show = await createEvent(a.context, { name: 'Hub Expo' });
    await createLead(a.context, { firstName: 'Grace', lastName: 'Hopper', company: 'Navy' });
    expect((await syncStatus(a.context)).joined).toBe(false);

    await joinTeamHub(a.context, { url: `${hubs.server.url}/`, code: '123456' });
    expect(await syncStatus(a.context)).toMatchObject({ joined: true, hubUrl: hubs.server.url, role: 'manager', leadsNotOnHub: 1, lastSyncAt: null });
    const first = await syncNow(a.context);
    // The show, its checklist's 4 criteria, the lead, its timeline entry.
    expect(first.pushed).toBe(7);
    expect(first.status).toMatchObject({ notOnHub: 0, lastSyncAt: expect.any(String) });

    const b = await laptop('Bea');
    await joinTeamHub(b.context, { url: hubs.server.url, code: '654321' });
    const pulled = await syncNow(b.context);
    expect(pulled.applied).toBe(7);
    expect(syncedData(b)).toEqual(syncedData(a));
    await useEvent(b.context, show.id);
    await createLead(b.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines' });
    await syncNow(b.context);
    await syncNow(a.context);
    expect(syncedData(a)).toEqual(syncedData(b));
  });

  it('resumes after a cut connection: a push sent again is stored once, a pull goes on from the last batch applied', async () => {
    const a = await laptop('Ada');
    await createEvent(a.context, { name: 'Hub Expo' });
    await joinTeamHub(a.context, { url: hubs.server.url, code: '123456' });
    // More than one batch each way.
    for (let index = 0; index < MAX_CHANGES_PER_BATCH / 2 + 10; index++) await createLead(a.context, { lastName: `Lead ${index}`, company: 'Batch' });
    hubs.server.cutNext(PUSH);
    await expect(syncNow(a.context)).rejects.toMatchObject({ code: 'hub_unreachable' });
    await syncNow(a.context);
    // The show and its 4 criteria, each lead and its timeline entry.
    expect(hubs.server.hub.changes.length).toBe(5 + 2 * (MAX_CHANGES_PER_BATCH / 2 + 10));

    const b = await laptop('Bea');
    b.database.sqlite.pragma('wal_autocheckpoint = 321');
    const defaults = await connectionSettings(b);
    expect(defaults.walAutocheckpoint).toBe(321);
    await joinTeamHub(b.context, { url: hubs.server.url, code: '654321' });
    // The second pull request is cut: the first batch stays applied, with its cursor.
    hubs.server.cutNext(PULL, 1);
    await expect(syncNow(b.context)).rejects.toMatchObject({ code: 'hub_unreachable' });
    const halfway = b.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get() as number;
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(MAX_CHANGES_PER_BATCH / 2 + 10);
    // The cut pull left the store's own connection as it was.
    expect(await connectionSettings(b)).toEqual(defaults);
    const resumed = await syncNow(b.context);
    expect(resumed.pulled).toBe(hubs.server.hub.changes.length - MAX_CHANGES_PER_BATCH);
    expect(syncedData(b)).toEqual(syncedData(a));
    expect(await connectionSettings(b)).toEqual(defaults);
  });

  it('says in one line when the hub cannot be reached or speaks another protocol, and the laptop keeps working', async () => {
    const a = await laptop('Ada');
    await createEvent(a.context, { name: 'Hub Expo' });
    await joinTeamHub(a.context, { url: hubs.server.url, code: '123456' });
    hubs.server.speak(99);
    await expect(syncNow(a.context)).rejects.toMatchObject({ code: 'hub_refused', message: expect.stringMatching(/protocol 99/) });
    await hubs.server.close();
    const error = (await syncNow(a.context).catch((caught: unknown) => caught)) as Error;
    expect(error).toMatchObject({ code: 'hub_unreachable' });
    expect(error.message).toMatch(/cannot be reached .*sync again when the network is back/);
    expect(error.message).not.toContain('\n');
    const saved = await createLead(a.context, { lastName: 'Offline', company: 'Still works' });
    await updateLead(a.context, saved.lead.id, { title: 'Captured offline' });
    expect((await syncStatus(a.context)).leadsNotOnHub).toBe(2);
    hubs.server = await startMemoryHubServer();
  });

  it('refuses an address that is not http(s) before sending anything', async () => {
    const a = await laptop('Ada');
    await expect(joinTeamHub(a.context, { url: 'ftp://hub.example', code: '123456' })).rejects.toMatchObject({ code: 'hub_refused', message: expect.stringMatching(/http:\/\/ or https:\/\//) });
    expect((await syncStatus(a.context)).joined).toBe(false);
  });

  it('forgets again, at the next sync, a person an old backup brought back', async () => {
    const a = await laptop('Ada');
    await createEvent(a.context, { name: 'Hub Expo' });
    const person = await createLead(a.context, { lastName: 'Quaxleigh', company: 'Vortimax' });
    await joinTeamHub(a.context, { url: hubs.server.url, code: '123456' });
    await syncNow(a.context);
    const handle = { db: a.database.db, sqlite: a.database.sqlite, path: a.dbPath };
    const backup = await createBackup(handle, a.context.clock);
    await forgetLead(a.context, person.lead.id);
    await syncNow(a.context);

    await restoreBackup(handle, a.context.clock, backup.path);
    const count = () => a.database.sqlite.prepare('SELECT count(*) FROM leads WHERE id = ?').pluck().get(person.lead.id);
    expect(count()).toBe(1);
    // The backup's cursor is older than the hub's tombstone: the next pull brings the forget again.
    await syncNow(a.context);
    expect(count()).toBe(0);
    expect(a.database.sqlite.prepare("SELECT count(*) FROM sync_changes WHERE fields LIKE '%Quaxleigh%'").pluck().get()).toBe(0);
  });
});
