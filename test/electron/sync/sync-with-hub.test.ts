import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../../electron/hub/start-hub';
import { listTimeline } from '../../../electron/db/repositories/timeline';
import { createEvent, useEvent } from '../../../electron/services/events-service';
import { convertLead } from '../../../electron/services/conversion-service';
import { getConversionRule, setConversionRule } from '../../../electron/services/automatic-conversion-service';
import { mergeLeads } from '../../../electron/services/merge-service';
import { confirmExport, exportBatch, listBatches, previewExport } from '../../../electron/services/export-service';
import { clearDuplicateFlags, insertDuplicateFlags, listDuplicateFlags } from '../../../electron/db/repositories/duplicate-flags';
import { setStage } from '../../../electron/services/crm-service';
import { getChecklist, saveCriteria, setFramework } from '../../../electron/services/qualification-service';
import { forgetLead } from '../../../electron/services/forget-lead-service';
import { insertLeads, listUnconvertedLeadIdsOfShow } from '../../../electron/db/repositories/leads';
import { createLead, updateLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { joinTeamHub, listTeamDevices, recentSyncConflicts, revokeTeamDevice, syncNow, syncStatus } from '../../../electron/services/sync-service';
import { PAGES_PULLED_ON_THIS_THREAD } from '../../../electron/sync/sync-run';
import { MAX_CHANGES_PER_BATCH } from '../../../shared/sync/protocol';
import { describeTimelineEntry } from '../../../shared/domain/timeline';
import { makeLead } from '../../support/lead-fixture';
import { syncedData } from '../../support/sync-laptops';
import { makeTempDir, openTempStore, type TempStore } from '../../support/temp-database';

// End to end: the real hub on its embedded PostgreSQL (one start for the file: it costs seconds), two laptop stores.
let dataDir: string;
let hub: RunningHub;
let laptops: TempStore[] = [];

beforeAll(async () => {
  dataDir = makeTempDir('leadbooth-hub-');
  hub = await startHub({ dataDir, port: 0, host: '127.0.0.1', onUnexpected: (error) => console.error(error) });
});

afterAll(async () => {
  for (const laptop of laptops) await laptop.dispose();
  await hub?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function joinedLaptop(staff: string, role: 'booth' | 'manager' = 'booth'): Promise<TempStore> {
  const store = await openTempStore();
  laptops.push(store);
  await setStaffName(store.context, staff);
  await joinTeamHub(store.context, { url: hub.url, code: await hub.newPairingCode(role) });
  return store;
}

const leadIdsOf = (store: TempStore): string[] => store.database.sqlite.prepare('SELECT id FROM leads ORDER BY id').pluck().all() as string[];

describe('two laptops syncing through a real hub', () => {
  it('bring each other their leads, settle one field edited on both the same way with the loser on the timeline, and a forget purges both', async () => {
    // A manager device (it may forget) and a booth device, which receives the show's leads once it captured there.
    const a = await joinedLaptop('Ada', 'manager');
    const b = await joinedLaptop('Bea');
    const show = await createEvent(a.context, { name: 'Hub Expo' });
    const fromA = await createLead(a.context, { firstName: 'Grace', lastName: 'Hopper', company: 'Navy', title: 'Officer' });
    await syncNow(a.context);
    await syncNow(b.context);
    await useEvent(b.context, show.id);
    const fromB = await createLead(b.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines' });
    await syncNow(b.context);
    await syncNow(a.context);
    expect(leadIdsOf(a)).toEqual([fromA.lead.id, fromB.lead.id].sort());
    expect(leadIdsOf(b)).toEqual(leadIdsOf(a));

    // Both edit the title offline; B's edit is the later one.
    await updateLead(a.context, fromA.lead.id, { title: 'CEO' });
    await updateLead(b.context, fromA.lead.id, { title: 'CTO' });
    await syncNow(a.context);
    const bReport = await syncNow(b.context);
    // B's sync pushed the conflict's timeline entry it made: one more sync of A is all A needs.
    await syncNow(a.context);
    expect(bReport.conflicts).toBe(1);
    expect(syncedData(a)).toEqual(syncedData(b));
    const title = a.database.sqlite.prepare('SELECT title FROM leads WHERE id = ?').pluck().get(fromA.lead.id);
    expect(title).toBe('CTO');
    for (const laptop of [a, b]) {
      const conflicts = (await listTimeline(laptop.context.db, fromA.lead.id)).filter((entry) => entry.kind === 'sync_conflict');
      expect(conflicts.map(describeTimelineEntry)).toEqual([expect.stringMatching(/^Sync conflict: Job title “CEO” \(laptop \w+\) lost to “CTO” \(laptop \w+\)$/)]);
      // The Team screen's list: the same conflict, on the lead it names.
      expect(await recentSyncConflicts(laptop.context)).toEqual([
        expect.objectContaining({ leadId: fromA.lead.id, leadName: 'Grace Hopper', label: 'Job title', lost: expect.objectContaining({ value: 'CEO' }), won: expect.objectContaining({ value: 'CTO' }) }),
      ]);
    }

    // Forget on A: gone from B at its next sync, its change log too.
    await forgetLead(a.context, fromB.lead.id);
    await syncNow(a.context);
    const purge = await syncNow(b.context);
    expect(purge.tombstoned).toBeGreaterThanOrEqual(1);
    for (const laptop of [a, b]) {
      expect(leadIdsOf(laptop)).toEqual([fromA.lead.id]);
      expect(laptop.database.sqlite.prepare("SELECT count(*) FROM sync_changes WHERE fields LIKE '%Lovelace%'").pluck().get()).toBe(0);
    }
  });

  it('lists the team to a manager device, revokes a device from it, and refuses both to a booth device', async () => {
    const manager = await joinedLaptop('Mia', 'manager');
    const booth = await joinedLaptop('Ben');
    await createEvent(booth.context, { name: 'Team Expo' });
    await createLead(booth.context, { firstName: 'Alan', lastName: 'Turing' });
    await syncNow(booth.context);
    const devices = await listTeamDevices(manager.context);
    const boothId = (await syncStatus(booth.context)).deviceName;
    const boothDevice = devices.find((device) => device.name === boothId);
    expect(boothDevice).toMatchObject({ role: 'booth', thisDevice: false, revokedAt: null });
    expect(boothDevice?.pushed).toBeGreaterThan(0);
    expect(devices.filter((device) => device.thisDevice)).toEqual([expect.objectContaining({ role: 'manager' })]);
    await expect(listTeamDevices(booth.context)).rejects.toMatchObject({ code: 'hub_refused', message: expect.stringMatching(/manager/) });

    const revoked = await revokeTeamDevice(manager.context, { deviceId: boothDevice?.id ?? '' });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(syncNow(booth.context)).rejects.toMatchObject({ code: 'hub_refused' });
    expect((await syncStatus(booth.context)).lastFailure).toMatchObject({ unreachable: false });
  });

  it('over HTTPS pins the certificate the hub presents, checks it before every request, and refuses another', async () => {
    // A second hub process on the same database, serving HTTPS with the hub's own certificate.
    const secure = await startHub({ dataDir, port: 0, host: '127.0.0.1', tls: true, onUnexpected: (error) => console.error(error) });
    try {
      const url = secure.url;
      expect(url).toMatch(/^https:/);
      const wrong = await openTempStore();
      laptops.push(wrong);
      await setStaffName(wrong.context, 'Mallory');
      const refused = joinTeamHub(wrong.context, { url, code: await secure.newPairingCode('booth'), fingerprint: `00${(secure.fingerprint ?? '').slice(2)}` });
      await expect(refused).rejects.toMatchObject({ code: 'hub_refused', message: expect.stringMatching(/presents certificate .* not the pinned .*nothing was sent/) });

      const laptop = await openTempStore();
      laptops.push(laptop);
      await setStaffName(laptop.context, 'Cleo');
      const status = await joinTeamHub(laptop.context, { url, code: await secure.newPairingCode('booth') });
      expect(status.hubFingerprint).toBe(secure.fingerprint);
      const report = await syncNow(laptop.context);
      expect(report.applied).toBeGreaterThan(0);
      expect((await syncStatus(laptop.context)).notOnHub).toBe(0);
    } finally {
      await secure.close();
    }
  });

  it('applies a large pull on a worker thread that reaches the hub over HTTPS with the pinned certificate', async () => {
    const secure = await startHub({ dataDir, port: 0, host: '127.0.0.1', tls: true, onUnexpected: (error) => console.error(error) });
    try {
      const a = await joinedLaptop('Ida', 'manager');
      const show = await createEvent(a.context, { name: 'Worker Expo' });
      // More than the pages a pull applies on the main thread before the rest goes to a worker (sync-run.ts).
      const leads = Array.from({ length: PAGES_PULLED_ON_THIS_THREAD * MAX_CHANGES_PER_BATCH + 500 }, (_, index) => makeLead({ lastName: `Worker ${index}`, company: 'Threads', eventId: show.id }));
      await a.context.db.transaction().execute((trx) => insertLeads(trx, leads.map((lead) => ({ lead, sourceUid: '' }))));
      await syncNow(a.context);

      // Given its store's file, as the app's laptops are: the pages after a pull's first ones go to a worker (sync-run.ts).
      const b = await openTempStore();
      laptops.push(b);
      b.context.store = { db: b.database.db, sqlite: b.database.sqlite, path: b.dbPath };
      await setStaffName(b.context, 'Jon');
      await joinTeamHub(b.context, { url: secure.url, code: await secure.newPairingCode('manager') });
      let workersStarted = 0;
      const started = (): void => void workersStarted++;
      process.on('worker', started);
      const report = await syncNow(b.context).finally(() => process.off('worker', started));
      expect(workersStarted).toBeGreaterThan(0);
      expect(report.pulled).toBeGreaterThan(leads.length);
      const workerLeads = b.database.sqlite.prepare("SELECT id FROM leads WHERE company = 'Threads' ORDER BY id").pluck().all();
      expect(workerLeads).toEqual(leads.map((lead) => lead.id).sort());
      expect((await syncStatus(b.context)).lastFailure).toBeNull();
    } finally {
      await secure.close();
    }
  }, 120_000);
});

describe('one lead converted on two laptops offline', () => {
  const count = (store: TempStore, query: string, ...values: string[]): unknown => store.database.sqlite.prepare(query).pluck().get(...values);

  it('keeps the conversion the hub accepted first, undoes the other with what it made, and says so on the timeline', async () => {
    const a = await joinedLaptop('Ada');
    const b = await joinedLaptop('Bea', 'manager');
    const show = await createEvent(a.context, { name: 'Convert Expo' });
    const { lead } = await createLead(a.context, { firstName: 'Kathleen', lastName: 'Booth', company: 'Birkbeck', email: 'kb@birkbeck.example' });
    await syncNow(a.context);
    await syncNow(b.context);
    await useEvent(b.context, show.id);

    // Both convert the lead offline, each making an account, a contact and an opportunity.
    const opportunity = (name: string) => ({ name, closeDate: '2027-03-31', stage: 'Prospecting' as const, amount: null });
    const byA = await convertLead(a.context, { leadId: lead.id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: opportunity('Deal of A') });
    const byB = await convertLead(b.context, { leadId: lead.id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: opportunity('Deal of B') });
    expect(byB.id).not.toBe(byA.id);

    await syncNow(a.context); // A's conversion reaches the hub first.
    const bReport = await syncNow(b.context); // B's is refused there and undone here.
    await syncNow(a.context); // A receives B's records' tombstones and the timeline entry.
    expect(bReport.conflicts).toBeGreaterThanOrEqual(1);

    for (const laptop of [a, b]) {
      expect(laptop.database.sqlite.prepare('SELECT id FROM conversions WHERE lead_id = ?').pluck().all(lead.id)).toEqual([byA.id]);
      for (const [table, id] of [['accounts', byB.accountId], ['contacts', byB.contactId], ['opportunities', byB.opportunityId ?? '']] as const) {
        expect(count(laptop, `SELECT count(*) FROM ${table} WHERE id = ?`, id)).toBe(0);
      }
      for (const [table, id] of [['accounts', byA.accountId], ['contacts', byA.contactId], ['opportunities', byA.opportunityId ?? '']] as const) {
        expect(count(laptop, `SELECT count(*) FROM ${table} WHERE id = ?`, id)).toBe(1);
      }
      const lost = (await listTimeline(laptop.context.db, lead.id)).filter((entry) => entry.kind === 'conversion_lost');
      expect(lost.map(describeTimelineEntry)).toEqual([expect.stringMatching(/^Converted on two laptops: the conversion of laptop \w+ was undone at sync.*laptop \w+ reached the hub first/)]);
      expect(lost[0]).toMatchObject({ conversionId: byB.id, wonConversionId: byA.id });
      // The lead stays converted: the automatic rule (which takes the unconverted leads of a show) leaves it alone.
      expect(await listUnconvertedLeadIdsOfShow(laptop.context.db, show.id)).not.toContain(lead.id);
    }
    // A, a booth device, holds this show's records only; B, a manager's, all the team's.
    const ofShow = (store: TempStore) => ({
      leads: store.database.sqlite.prepare('SELECT id, status, first_name, last_name, company, email, updated_at FROM leads WHERE event_id = ? ORDER BY id').all(show.id),
      timeline: store.database.sqlite.prepare('SELECT id, kind, details FROM lead_timeline WHERE lead_id = ? ORDER BY id').all(lead.id),
      conversions: store.database.sqlite.prepare('SELECT * FROM conversions WHERE lead_id = ?').all(lead.id),
      opportunities: store.database.sqlite.prepare('SELECT id, name FROM opportunities WHERE event_id = ? ORDER BY id').all(show.id),
    });
    expect(ofShow(a)).toEqual(ofShow(b));

    // A third laptop joining later receives one conversion of the lead, and none of B's records.
    const c = await joinedLaptop('Cid', 'manager');
    expect((await syncNow(c.context)).skipped).toEqual([]);
    expect(c.database.sqlite.prepare('SELECT id FROM conversions WHERE lead_id = ?').pluck().all(lead.id)).toEqual([byA.id]);
    expect(count(c, 'SELECT count(*) FROM opportunities WHERE id = ?', byB.opportunityId ?? '')).toBe(0);
    expect(syncedData(c)).toEqual(syncedData(b));

    // The opportunity's contact role and stage history came along; a stage set on one laptop reaches the others.
    await setStage(b.context, byA.opportunityId ?? '', 'Negotiation/Review');
    await syncNow(b.context);
    await syncNow(a.context);
    await syncNow(c.context);
    const history = (store: TempStore) => ({
      roles: store.database.sqlite.prepare('SELECT contact_id, role, is_primary FROM opportunity_contact_roles WHERE opportunity_id = ?').all(byA.opportunityId),
      stages: store.database.sqlite.prepare('SELECT stage, at, actor FROM opportunity_stage_history WHERE opportunity_id = ? ORDER BY at, stage').pluck(false).all(byA.opportunityId),
    });
    expect(history(a).roles).toEqual([expect.objectContaining({ contact_id: byA.contactId, is_primary: 1 })]);
    expect((history(a).stages as Array<{ stage: string }>).map((entry) => entry.stage)).toEqual(['Prospecting', 'Negotiation/Review']);
    expect(history(b)).toEqual(history(a));
    expect(history(c)).toEqual(history(a));
    expect(a.database.sqlite.prepare('SELECT count(*) FROM opportunity_contact_roles WHERE opportunity_id = ?').pluck().get(byB.opportunityId)).toBe(0);
  });
});

describe('one company made an account on two laptops offline', () => {
  it('ends with one account on every laptop, both contacts and opportunities under it, and the merge on both leads’ timelines', async () => {
    const a = await joinedLaptop('Ada');
    const b = await joinedLaptop('Bea', 'manager');
    const show = await createEvent(a.context, { name: 'Acme Expo' });
    const fromA = await createLead(a.context, { firstName: 'Konrad', lastName: 'Zuse', company: 'Acme GmbH', email: 'kz@acme.example' });
    await syncNow(a.context);
    await syncNow(b.context);
    await useEvent(b.context, show.id);
    const fromB = await createLead(b.context, { firstName: 'Hedy', lastName: 'Lamarr', company: 'Acme GmbH', email: 'hl@acme.example' });
    await syncNow(b.context);
    await syncNow(a.context);

    // Offline, each converts its lead and makes "Acme GmbH": A's is the older, B's knows the phone.
    const opportunity = (name: string) => ({ name, closeDate: '2027-03-31', stage: 'Prospecting' as const, amount: null });
    const byA = await convertLead(a.context, { leadId: fromA.lead.id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: opportunity('Deal of A') });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const byB = await convertLead(b.context, { leadId: fromB.lead.id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: opportunity('Deal of B') });
    b.database.sqlite.prepare("UPDATE accounts SET phone = '+49 89 555' WHERE id = ?").run(byB.accountId);

    await syncNow(a.context);
    const bReport = await syncNow(b.context); // B meets A's account: merges its own into it.
    const aReport = await syncNow(a.context);
    expect(bReport.conflicts).toBeGreaterThanOrEqual(1);
    // B's records made under its account, whose first inserts A cannot apply (the hub dropped the account), came whole: nothing to report.
    expect(aReport.skipped).toEqual([]);
    // A third laptop joining later never received B's account (the hub dropped it at its tombstone): it gets the merged records whole.
    const c = await joinedLaptop('Cid', 'manager');
    expect((await syncNow(c.context)).skipped).toEqual([]);

    // The hub serves this file's other tests too: their records are left out.
    const accounts = (store: TempStore) => store.database.sqlite.prepare("SELECT id, name, phone FROM accounts WHERE name = 'Acme GmbH' OR id = ?").all(byB.accountId);
    for (const laptop of [a, b, c]) {
      expect(accounts(laptop)).toEqual([{ id: byA.accountId, name: 'Acme GmbH', phone: '+49 89 555' }]);
      expect(laptop.database.sqlite.prepare('SELECT id, account_id FROM contacts WHERE id IN (?, ?) ORDER BY id').all(byA.contactId, byB.contactId)).toEqual(
        [byA.contactId, byB.contactId].sort().map((id) => ({ id, account_id: byA.accountId })),
      );
      expect(laptop.database.sqlite.prepare('SELECT name, account_id FROM opportunities WHERE event_id = ? ORDER BY name').all(show.id)).toEqual([
        { name: 'Deal of A', account_id: byA.accountId },
        { name: 'Deal of B', account_id: byA.accountId },
      ]);
      expect(laptop.database.sqlite.prepare('SELECT DISTINCT account_id FROM conversions WHERE lead_id IN (?, ?)').pluck().all(fromA.lead.id, fromB.lead.id)).toEqual([byA.accountId]);
      // On the lead whose account went: the other's records did not change.
      const merged = (await listTimeline(laptop.context.db, fromB.lead.id)).filter((entry) => entry.kind === 'accounts_merged');
      expect(merged.map(describeTimelineEntry)).toEqual([expect.stringMatching(/^Accounts merged at sync: “Acme GmbH” \(laptop \w+\) into “Acme GmbH” \(laptop \w+\)/)]);
      expect(merged[0]).toMatchObject({ mergedAccountId: byB.accountId, intoAccountId: byA.accountId });
      expect((await listTimeline(laptop.context.db, fromA.lead.id)).filter((entry) => entry.kind === 'accounts_merged')).toEqual([]);
    }
    expect(syncedData(b)).toEqual(syncedData(c));
    // A (a booth device) holds this show's records, the same as the others'.
    const ofShow = (store: TempStore) => ({
      // The synced columns (`seq` is each laptop's own).
      opportunities: store.database.sqlite.prepare('SELECT id, account_id, name, stage, updated_at FROM opportunities WHERE event_id = ? ORDER BY id').all(show.id),
      roles: store.database.sqlite.prepare('SELECT * FROM opportunity_contact_roles WHERE contact_id IN (?, ?) ORDER BY opportunity_id, contact_id').all(byA.contactId, byB.contactId),
      stages: store.database.sqlite.prepare('SELECT opportunity_id, at, stage FROM opportunity_stage_history WHERE opportunity_id IN (?, ?) ORDER BY opportunity_id, at').all(byA.opportunityId, byB.opportunityId),
    });
    expect(ofShow(a)).toEqual(ofShow(b));
    expect(ofShow(c)).toEqual(ofShow(b));
    expect((ofShow(c).roles as unknown[]).length).toBe(2);
  });
});

describe('roles', () => {
  it('a booth device receives every show, and the leads of its shows only — with the records they became; a manager everything', async () => {
    const manager = await joinedLaptop('Meg', 'manager');
    const north = await joinedLaptop('Nils');
    const south = await joinedLaptop('Sara');
    const northShow = await createEvent(north.context, { name: 'North Expo' });
    const northLead = await createLead(north.context, { firstName: 'Nora', lastName: 'North', company: 'Fjord AS' });
    await syncNow(north.context);
    const southShow = await createEvent(south.context, { name: 'South Expo' });
    const southLead = await createLead(south.context, { firstName: 'Sam', lastName: 'South', company: 'Cape Ltd' });
    await syncNow(south.context);
    // The manager converts North's lead: its account, contact and opportunity go with the lead's show.
    await syncNow(manager.context);
    const made = await convertLead(manager.context, { leadId: northLead.lead.id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null });
    await syncNow(manager.context);
    await syncNow(north.context);
    await syncNow(south.context);

    const has = (store: TempStore, table: string, id: string): boolean => store.database.sqlite.prepare(`SELECT count(*) FROM ${table} WHERE id = ?`).pluck().get(id) === 1;
    for (const laptop of [manager, north, south]) {
      expect(has(laptop, 'events', northShow.id) && has(laptop, 'events', southShow.id)).toBe(true);
    }
    expect([has(manager, 'leads', northLead.lead.id), has(manager, 'leads', southLead.lead.id)]).toEqual([true, true]);
    expect([has(north, 'leads', northLead.lead.id), has(north, 'leads', southLead.lead.id)]).toEqual([true, false]);
    expect([has(south, 'leads', northLead.lead.id), has(south, 'leads', southLead.lead.id)]).toEqual([false, true]);
    expect([has(north, 'accounts', made.accountId), has(north, 'contacts', made.contactId), has(north, 'conversions', made.id)]).toEqual([true, true, true]);
    expect([has(south, 'accounts', made.accountId), has(south, 'contacts', made.contactId), has(south, 'conversions', made.id)]).toEqual([false, false, false]);
    // Nothing of North's lead in South's store, its change log included.
    expect(south.database.sqlite.prepare("SELECT count(*) FROM lead_timeline WHERE details LIKE '%Fjord%' OR lead_id = ?").pluck().get(northLead.lead.id)).toBe(0);

    // Every show comes with its checklist, so a booth can capture there with the show's questions at once.
    const criteriaOf = (store: TempStore, showId: string) => store.database.sqlite.prepare('SELECT key FROM qualification_criteria WHERE event_id = ? ORDER BY position').pluck().all(showId);
    expect(criteriaOf(south, northShow.id)).toEqual(criteriaOf(north, northShow.id));
    expect(criteriaOf(south, northShow.id).length).toBeGreaterThan(0);

    // South captures at North Expo too: from its next sync it receives that show's earlier leads, and what follows.
    await useEvent(south.context, northShow.id);
    await createLead(south.context, { firstName: 'Stig', lastName: 'Southby' });
    await syncNow(south.context);
    expect(has(south, 'leads', northLead.lead.id)).toBe(true);
    expect(has(south, 'conversions', made.id)).toBe(true);
    expect((await syncStatus(south.context)).notOnHub).toBe(0);
  });

  it('a booth device may not forget a person (a manager does, for the team), nor list or revoke devices', async () => {
    const booth = await joinedLaptop('Bo');
    await createEvent(booth.context, { name: 'Forget Expo' });
    const { lead } = await createLead(booth.context, { firstName: 'Fay', lastName: 'Forget' });
    await expect(forgetLead(booth.context, lead.id)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/manager device/) });
    expect(leadIdsOf(booth)).toContain(lead.id);
    await expect(listTeamDevices(booth.context)).rejects.toMatchObject({ code: 'hub_refused', message: expect.stringMatching(/manager/) });
    await syncNow(booth.context);
    const manager = await joinedLaptop('Max', 'manager');
    await syncNow(manager.context);
    await forgetLead(manager.context, lead.id);
    await syncNow(manager.context);
    await syncNow(booth.context);
    expect(leadIdsOf(booth)).not.toContain(lead.id);
  });
});

describe("a show's checklist", () => {
  it('syncs what changed: an edit, a criterion removed, and one added back after its removal', async () => {
    const a = await joinedLaptop('Cora', 'manager');
    const b = await joinedLaptop('Cato', 'manager');
    const show = await createEvent(a.context, { name: 'Checklist Expo', qualificationFramework: 'BANT' });
    await syncNow(a.context);
    await syncNow(b.context);
    // The checklist shown: criteria removed stay as records, marked (migration 0017).
    const checklist = (store: TempStore) => store.database.sqlite.prepare('SELECT key, label, position FROM qualification_criteria WHERE event_id = ? AND removed = 0 ORDER BY position').all(show.id);
    expect((checklist(b) as Array<{ key: string }>).map((criterion) => criterion.key)).toEqual(['budget', 'authority', 'need', 'timeline']);

    const bant = await setFramework(a.context, show.id, 'BANT');
    const withoutTimeline = bant.criteria.filter((criterion) => criterion.key !== 'timeline').map((criterion) => (criterion.key === 'budget' ? { ...criterion, label: 'Budget approved' } : criterion));
    await saveCriteria(a.context, show.id, withoutTimeline);
    await syncNow(a.context);
    await syncNow(b.context);
    expect(checklist(b)).toEqual(checklist(a));
    expect((checklist(b) as Array<{ label: string }>).map((criterion) => criterion.label)).toEqual(['Budget approved', 'Authority', 'Need']);

    // Added back on B: it comes back on A (its removal was a mark, and unmarking it is later).
    const timeline = bant.criteria.find((criterion) => criterion.key === 'timeline');
    if (!timeline) throw new Error('BANT has a timeline criterion');
    await saveCriteria(b.context, show.id, [...withoutTimeline, timeline]);
    await syncNow(b.context);
    await syncNow(a.context);
    expect((checklist(a) as Array<{ key: string }>).map((criterion) => criterion.key)).toEqual(['budget', 'authority', 'need', 'timeline']);
    expect(checklist(a)).toEqual(checklist(b));
    // And a later edit of it is not discarded.
    await saveCriteria(a.context, show.id, [...withoutTimeline, { ...timeline, label: 'Buying timeline' }]);
    await syncNow(a.context);
    await syncNow(b.context);
    expect(checklist(b)).toEqual(checklist(a));
    expect(syncedData(a)).toEqual(syncedData(b));
  });

  // Issue 18 §6: laptops end with identical data. A removed on its clock first, B (offline) later.
  for (const first of ['A', 'B'] as const) {
    it(`ends identical when A removes criteria and B, offline and later, edits one and adds another back (${first} syncs first)`, async () => {
      const a = await joinedLaptop('Ada', 'manager');
      const b = await joinedLaptop('Bea', 'manager');
      const show = await createEvent(a.context, { name: `Removal Expo ${first}`, qualificationFramework: 'BANT' });
      for (const laptop of [a, b]) await syncNow(laptop.context);
      const bant = (await getChecklist(b.context, show.id)).criteria;
      expect(bant.map((criterion) => criterion.key)).toEqual(['budget', 'authority', 'need', 'timeline']);

      // A removes "need" and "timeline".
      await saveCriteria(a.context, show.id, bant.filter((criterion) => criterion.key !== 'need' && criterion.key !== 'timeline'));
      // Later on B's clock: "timeline" renamed, "need" removed then added back.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const renamed = bant.map((criterion) => (criterion.key === 'timeline' ? { ...criterion, label: 'Buying timeline' } : criterion));
      await saveCriteria(b.context, show.id, renamed.filter((criterion) => criterion.key !== 'need'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      await saveCriteria(b.context, show.id, renamed);

      const order = first === 'A' ? [a, b, a] : [b, a, b];
      for (const laptop of order) await syncNow(laptop.context);
      expect(syncedData(a)).toEqual(syncedData(b));
      // Field by field, the later edit wins: "need" is back (B unmarked it after A's removal);
      // "timeline" stays removed (B renamed it, it did not add it back), under B's name.
      for (const laptop of [a, b]) {
        expect((await getChecklist(laptop.context, show.id)).criteria.map((criterion) => criterion.key)).toEqual(['budget', 'authority', 'need']);
        expect(laptop.database.sqlite.prepare("SELECT label, removed FROM qualification_criteria WHERE event_id = ? AND key = 'timeline'").get(show.id)).toEqual({ label: 'Buying timeline', removed: 1 });
      }
    });
  }
});

describe("a show's conversion rule and the duplicate flags", () => {
  it('sync both ways: a rule removed and set again comes back, a pair flagged on two laptops is one flag, a dismissal and a merge reach the others', async () => {
    const a = await joinedLaptop('Rita', 'manager');
    const b = await joinedLaptop('Rolf', 'manager');
    const show = await createEvent(a.context, { name: 'Rule Expo' });
    const rule = { minMet: 2, requireCloseDate: false, stage: 'Prospecting' as const, closeInDays: 30 };
    await setConversionRule(a.context, show.id, rule);
    const [first, second, third] = await Promise.all(['One', 'Two', 'Three'].map(async (lastName) => (await createLead(a.context, { firstName: 'Ann', lastName })).lead.id)) as [string, string, string];
    await syncNow(a.context);
    await syncNow(b.context);
    expect(await getConversionRule(b.context, show.id)).toEqual({ eventId: show.id, ...rule });

    // Both laptops find the same pair offline, each the other way round: one flag on both.
    const flagged = { reasons: ['name+company' as const], source: 'import', flaggedAt: '2026-12-07T10:00:00.000Z' };
    await insertDuplicateFlags(a.context.db, [{ ...flagged, leadId: first, otherLeadId: second }]);
    await insertDuplicateFlags(b.context.db, [{ ...flagged, leadId: second, otherLeadId: first, flaggedAt: '2026-12-07T11:00:00.000Z' }]);
    await insertDuplicateFlags(b.context.db, [{ ...flagged, leadId: third, otherLeadId: first }]);
    // Removed on B, then set again on A after it heard of the removal: it comes back everywhere (removing marks it).
    await setConversionRule(b.context, show.id, null);
    for (const laptop of [a, b, a]) await syncNow(laptop.context);
    expect(await getConversionRule(a.context, show.id)).toBeNull();
    await setConversionRule(a.context, show.id, { ...rule, minMet: 3 });
    for (const laptop of [a, b, a]) await syncNow(laptop.context);
    expect(await getConversionRule(b.context, show.id)).toEqual({ eventId: show.id, ...rule, minMet: 3 });
    expect(await listDuplicateFlags(b.context.db)).toHaveLength(2);
    expect(syncedData(a)).toEqual(syncedData(b));
    const pair = [first, second].sort().join('/');
    expect((await queryHub(`SELECT DISTINCT record_id FROM changes WHERE kind = 'duplicate_flag' AND NOT tombstone`)).map((row) => row.record_id)).toContain(pair);

    // Dismissed on B: gone from A, and an import on A does not flag the pair again.
    await clearDuplicateFlags(b.context.db, first, second);
    // Merged on A: the third lead's flag goes with it on B.
    await mergeLeads(a.context, first, third);
    await syncNow(b.context);
    await syncNow(a.context);
    await syncNow(b.context);
    await insertDuplicateFlags(a.context.db, [{ ...flagged, leadId: second, otherLeadId: first }]);
    for (const laptop of [a, b]) {
      expect(await listDuplicateFlags(laptop.context.db)).toEqual([]);
      expect(laptop.database.sqlite.prepare('SELECT id FROM leads WHERE event_id = ? ORDER BY id').pluck().all(show.id)).toEqual([first, second].sort());
    }
    expect(syncedData(a)).toEqual(syncedData(b));
  });
});

describe('export batches', () => {
  it('travel with the leads they carried, so "not yet exported" agrees on every laptop; an export never written does not travel', async () => {
    const a = await joinedLaptop('Edda', 'manager');
    const b = await joinedLaptop('Emil', 'manager');
    const show = await createEvent(a.context, { name: 'Export Expo' });
    const ids = await Promise.all(['One', 'Two', 'Three'].map(async (lastName) => (await createLead(a.context, { firstName: 'Eve', lastName, email: `eve.${lastName.toLowerCase()}@example.com` })).lead.id));
    await syncNow(a.context);
    await syncNow(b.context);
    const notYetExported = async (laptop: TempStore) => (await previewExport(laptop.context, { format: 'vcard', filter: { eventId: show.id, onlyNew: true } })).leadCount;
    expect(await notYetExported(b)).toBe(3);

    // Handed to the CRM on A: the file written, the batch recorded.
    const written = await exportBatch(a.context, { format: 'vcard', filter: { leadIds: ids.slice(0, 2) } });
    if (written.cancelled) throw new Error('cancelled');
    await confirmExport(a.context, written.batch.id);
    // Produced, but its file never written (a full disk): not recorded, so nothing travels as exported.
    const notWritten = await exportBatch(a.context, { format: 'vcard', filter: { leadIds: ids.slice(2) } });
    if (notWritten.cancelled) throw new Error('cancelled');
    await syncNow(a.context);
    await syncNow(b.context);
    expect(await notYetExported(a)).toBe(1);
    expect(await notYetExported(b)).toBe(1);
    expect((await listBatches(b.context)).map((batch) => batch.id)).toContain(written.batch.id);
    expect((await listBatches(b.context)).map((batch) => batch.id)).not.toContain(notWritten.batch.id);
    expect(syncedData(a).export_batch_member).toEqual(syncedData(b).export_batch_member);
    // A booth device at the show receives the leads, not the batch (it names no show): it skips the members quietly.
    const booth = await joinedLaptop('Enno');
    await syncNow(booth.context);
    await useEvent(booth.context, show.id);
    await createLead(booth.context, { firstName: 'Eve', lastName: 'Booth' });
    await syncNow(booth.context);
    expect((await syncNow(booth.context)).skipped).toEqual([]);
    expect(booth.database.sqlite.prepare('SELECT count(*) FROM leads WHERE event_id = ?').pluck().get(show.id)).toBe(4);
    expect(booth.database.sqlite.prepare('SELECT count(*) FROM export_batch_leads').pluck().get()).toBe(0);

    // A lead of the batch forgotten on B: its membership goes on A too, the batch stays.
    await forgetLead(b.context, ids[0] ?? '');
    await syncNow(b.context);
    await syncNow(a.context);
    for (const laptop of [a, b]) {
      expect(laptop.database.sqlite.prepare('SELECT lead_id FROM export_batch_leads WHERE batch_id = ?').pluck().all(written.batch.id)).toEqual([ids[1]]);
    }
  });
});

describe('card photos', () => {
  it('go once, by their hash: the hub stores a photo once, a laptop fetches what it lacks, and a forget purges it from the hub', async () => {
    const booth = await joinedLaptop('Pia');
    const manager = await joinedLaptop('Pat', 'manager');
    await createEvent(booth.context, { name: 'Photo Expo' });
    const photo = Buffer.from(`card photo ${Date.now()} `.repeat(2000));
    const hash = createHash('sha256').update(photo).digest('hex');
    const scanned = async (firstName: string): Promise<{ leadId: string; scanId: string }> => {
      const { lead } = await createLead(booth.context, { firstName, lastName: 'Scanned' });
      const scanId = randomUUID();
      // As the scanner stores it: first without its lead (a draft, which does not travel), then tied to the lead.
      booth.database.sqlite
        .prepare("INSERT INTO card_scans (id, lead_id, image, image_mime, image_width, image_height, ocr_text, ocr_json, scanned_by, scanned_at) VALUES (?, NULL, ?, 'image/jpeg', 10, 10, ?, '{}', 'Pia', 'now')")
        .run(scanId, photo, firstName);
      booth.database.sqlite.prepare('UPDATE card_scans SET lead_id = ? WHERE id = ?').run(lead.id, scanId);
      return { leadId: lead.id, scanId };
    };
    const draft = randomUUID();
    booth.database.sqlite
      .prepare("INSERT INTO card_scans (id, lead_id, image, image_mime, image_width, image_height, ocr_text, ocr_json, scanned_by, scanned_at) VALUES (?, NULL, x'01', 'image/jpeg', 1, 1, 'draft', '{}', 'Pia', 'now')")
      .run(draft);
    const first = await scanned('Una');
    const second = await scanned('Duo'); // the same photo again
    await syncNow(booth.context);
    await syncNow(manager.context);

    const hubPhotos = async () => (await queryHub('SELECT sha256, length(bytes) AS size FROM photos')).filter((row) => row.sha256 === hash);
    expect(await hubPhotos()).toEqual([{ sha256: hash, size: photo.length }]);
    const imageOf = (store: TempStore, scanId: string) => store.database.sqlite.prepare('SELECT image FROM card_scans WHERE id = ?').pluck().get(scanId) as Buffer | undefined;
    expect(imageOf(manager, first.scanId)?.equals(photo)).toBe(true);
    expect(imageOf(manager, second.scanId)?.equals(photo)).toBe(true);
    // The draft never left the booth.
    expect(imageOf(manager, draft)).toBeUndefined();

    // Forgetting one lead keeps the photo the other scan refers to; forgetting both purges it from the hub.
    await forgetLead(manager.context, first.leadId);
    await syncNow(manager.context);
    expect(await hubPhotos()).toHaveLength(1);
    await forgetLead(manager.context, second.leadId);
    await syncNow(manager.context);
    expect(await hubPhotos()).toEqual([]);
    await syncNow(booth.context);
    expect(booth.database.sqlite.prepare('SELECT count(*) FROM card_scans WHERE image_sha256 = ?').pluck().get(hash)).toBe(0);
  });
});

async function queryHub(text: string): Promise<Array<Record<string, unknown>>> {
  const password = fs.readFileSync(`${dataDir}/postgres-password`, 'utf8').trim();
  const port = Number(fs.readFileSync(`${dataDir}/postgres/postmaster.pid`, 'utf8').split('\n')[3]);
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'leadbooth_hub' });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}
