import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../shared/domain/exchange';
import { listTimeline } from '../../../electron/db/repositories/timeline';
import { convertLead } from '../../../electron/services/conversion-service';
import { createEvent, useEvent } from '../../../electron/services/events-service';
import { describeTimelineEntry } from '../../../shared/domain/timeline';
import { exportBatch } from '../../../electron/services/export-service';
import { forgetLead } from '../../../electron/services/forget-lead-service';
import { importFile } from '../../../electron/services/import-service';
import { createLead, updateLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { stampPendingChanges } from '../../../electron/sync/change-log';
import { startChangeLog } from '../../../electron/sync/sync-capture';
import { createHybridClock } from '../../../shared/sync/hybrid-clock';
import { openTempStore, type TempStore } from '../../support/temp-database';

/** Two laptops that never see a network: two real store files, bundles carried between them. */
let laptopA: TempStore;
let laptopB: TempStore;
beforeEach(async () => {
  laptopA = await openTempStore();
  laptopB = await openTempStore();
  await setStaffName(laptopA.context, 'Ann Booth');
  await setStaffName(laptopB.context, 'Ben Booth');
  await createEvent(laptopA.context, { name: 'Field Merge Expo' });
});
afterEach(async () => {
  await laptopA.dispose();
  await laptopB.dispose();
});

async function bundleOf(store: TempStore): Promise<Uint8Array> {
  const result = await exportBatch(store.context, { format: 'bundle', filter: {} });
  if (result.cancelled) throw new Error('the export was cancelled');
  return new TextEncoder().encode(result.files[0]?.content ?? '');
}

async function carry(from: TempStore, to: TempStore): Promise<ImportSummary> {
  return importFile(to.context, { fileName: 'other-laptop.leadbooth.json', bytes: await bundleOf(from) });
}

/** The store's clocks stamp by the millisecond: edits a few apart are ordered. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function leadRow(store: TempStore, id: string): Record<string, unknown> {
  const row = store.database.sqlite.prepare('SELECT * FROM leads WHERE id = ?').get(id) as Record<string, unknown>;
  delete row.seq;
  return row;
}

function conflictEntries(store: TempStore, id: string): Array<{ id: string; details: string }> {
  return store.database.sqlite.prepare("SELECT id, details FROM lead_timeline WHERE lead_id = ? AND kind = 'sync_conflict' ORDER BY id").all(id) as Array<{
    id: string;
    details: string;
  }>;
}

describe('the bundle import merges a lead held on both laptops field by field', () => {
  it('keeps a title added on one laptop and a note added on the other, whichever imports whose bundle', async () => {
    const { lead } = await createLead(laptopA.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines' });
    expect((await carry(laptopA, laptopB)).added).toBe(1);

    await updateLead(laptopA.context, lead.id, { title: 'CTO' });
    await tick();
    // The later edit, on the other laptop, of another field: before, the import kept one lead whole.
    await updateLead(laptopB.context, lead.id, { notes: 'Wants a demo in March' });

    const intoB = await carry(laptopA, laptopB);
    expect(intoB).toMatchObject({ added: 0, updated: 1, skipped: 0 });
    expect(leadRow(laptopB, lead.id)).toMatchObject({ title: 'CTO', notes: 'Wants a demo in March' });

    const intoA = await carry(laptopB, laptopA);
    expect(intoA).toMatchObject({ added: 0, updated: 1 });
    expect(leadRow(laptopA, lead.id)).toEqual(leadRow(laptopB, lead.id));

    // Both hold everything now: a bundle either way changes nothing.
    expect(await carry(laptopA, laptopB)).toMatchObject({ added: 0, updated: 0, skipped: 1 });
    expect(conflictEntries(laptopA, lead.id)).toEqual([]);
  });

  it('settles one field edited on both by the later edit, with the losing value on the timeline of both, once', async () => {
    const { lead } = await createLead(laptopA.context, { firstName: 'Grace', lastName: 'Hopper', company: 'Navy' });
    await carry(laptopA, laptopB);

    await updateLead(laptopB.context, lead.id, { title: 'Admiral' });
    await tick();
    await updateLead(laptopA.context, lead.id, { title: 'Rear Admiral', city: 'Arlington' });

    // The earlier value comes in: it loses, and is kept.
    expect(await carry(laptopB, laptopA)).toMatchObject({ updated: 0, skipped: 1 });
    expect(leadRow(laptopA, lead.id)).toMatchObject({ title: 'Rear Admiral', city: 'Arlington' });
    // The later one comes in: it wins, and the value it replaced is kept.
    expect(await carry(laptopA, laptopB)).toMatchObject({ updated: 1 });
    expect(leadRow(laptopB, lead.id)).toMatchObject({ title: 'Rear Admiral', city: 'Arlington' });

    const onA = conflictEntries(laptopA, lead.id);
    expect(onA).toHaveLength(1);
    expect(JSON.parse(onA[0]?.details ?? '{}')).toMatchObject({ field: 'title', label: 'Job title', lost: { value: 'Admiral' }, won: { value: 'Rear Admiral' } });
    // The same entry (same id) on both: carrying the timelines again does not double it.
    expect(conflictEntries(laptopB, lead.id)).toEqual(onA);
    await carry(laptopB, laptopA);
    await carry(laptopA, laptopB);
    expect(conflictEntries(laptopA, lead.id)).toEqual(onA);
    expect(conflictEntries(laptopB, lead.id)).toEqual(onA);
    expect(leadRow(laptopA, lead.id)).toEqual(leadRow(laptopB, lead.id));
  });

  it('carries the field clocks on: a third laptop merges by the edit that was made, not by when its bundle came', async () => {
    const laptopC = await openTempStore();
    try {
      const { lead } = await createLead(laptopA.context, { firstName: 'Alan', lastName: 'Turing', company: 'Bletchley' });
      await carry(laptopA, laptopB);
      await carry(laptopA, laptopC);
      await updateLead(laptopB.context, lead.id, { title: 'Cryptanalyst' });
      await tick();
      await updateLead(laptopC.context, lead.id, { title: 'Mathematician' });
      // B learns of C's later title through A, which never edited it.
      await carry(laptopC, laptopA);
      await carry(laptopA, laptopB);
      expect(leadRow(laptopB, lead.id)).toMatchObject({ title: 'Mathematician' });
      // B's older title, carried to C, loses there too.
      await carry(laptopB, laptopC);
      expect(leadRow(laptopC, lead.id)).toMatchObject({ title: 'Mathematician' });
      expect(leadRow(laptopC, lead.id)).toEqual(leadRow(laptopB, lead.id));
    } finally {
      await laptopC.dispose();
    }
  });

  it('never brings back a person forgotten here, and an own older bundle changes nothing', async () => {
    const { lead: forgotten } = await createLead(laptopA.context, { firstName: 'Zephyrine', lastName: 'Quaxleigh', company: 'Vortimax' });
    const { lead: kept } = await createLead(laptopA.context, { firstName: 'Ada', lastName: 'Byron', company: 'Engines' });
    await carry(laptopA, laptopB);
    const older = await bundleOf(laptopB);
    await updateLead(laptopA.context, forgotten.id, { title: 'CEO' });
    await forgetLead(laptopB.context, forgotten.id);
    await updateLead(laptopB.context, kept.id, { notes: 'Call back' });

    expect(await carry(laptopA, laptopB)).toMatchObject({ added: 0, updated: 0, skipped: 2 });
    expect(laptopB.database.sqlite.prepare('SELECT count(*) FROM leads WHERE id = ?').pluck().get(forgotten.id)).toBe(0);
    expect(await importFile(laptopB.context, { fileName: 'older.leadbooth.json', bytes: older })).toMatchObject({ added: 0, updated: 0 });
    expect(leadRow(laptopB, kept.id)).toMatchObject({ notes: 'Call back' });
    expect(conflictEntries(laptopB, kept.id)).toEqual([]);
  });

  it('stamps a laptop\'s own edits until it joins a hub, whose sync stamps them from then on', async () => {
    const { lead } = await createLead(laptopA.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines' });
    const clocks = () => laptopA.database.sqlite.prepare("SELECT field FROM sync_field_clocks WHERE kind = 'lead' AND record_id = ? ORDER BY field").pluck().all(lead.id);
    // An insert stamps nothing (a 100,000-lead import pays nothing); an update its changed fields.
    expect(clocks()).toEqual([]);
    await updateLead(laptopA.context, lead.id, { title: 'CTO' });
    expect(clocks()).toEqual(['title', 'updated_at']);
    await laptopA.context.db.transaction().execute((trx) => startChangeLog(trx));
    // Joining: what the laptop held is "held before joining", older than any edit; its own stamps go.
    expect(clocks()).toEqual([]);
    await updateLead(laptopA.context, lead.id, { title: 'CEO' });
    expect(clocks()).toEqual([]);
  });
});

describe('a record\'s `*` stamp in a bundle (kept on the record since migration 0018)', () => {
  it('travels in the record\'s field clocks, not as a column, is kept on the record it adds, and goes when the laptop joins a hub', async () => {
    const { lead } = await createLead(laptopA.context, { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines' });
    // A joins a hub and stamps what it held: held before joining, the `*` stamp on each record.
    await laptopA.context.db.transaction().execute((trx) => startChangeLog(trx));
    await laptopA.context.db.transaction().execute((trx) => stampPendingChanges(trx, createHybridClock('device-a', () => Date.now()), 'device-a', 1000));
    const stamp = laptopA.database.sqlite.prepare('SELECT sync_record_hlc FROM leads WHERE id = ?').pluck().get(lead.id);
    expect(stamp).toMatch(/^0000000000000-0000-device-a$/);

    const text = new TextDecoder().decode(await bundleOf(laptopA));
    expect(text).not.toContain('sync_record_hlc');
    expect(text).toContain(JSON.stringify(JSON.stringify({ '*': stamp })).slice(1, -1));

    expect(await carry(laptopA, laptopB)).toMatchObject({ added: expect.any(Number) });
    expect(laptopB.database.sqlite.prepare('SELECT sync_record_hlc FROM leads WHERE id = ?').pluck().get(lead.id)).toBe(stamp);
    await laptopB.context.db.transaction().execute((trx) => startChangeLog(trx));
    expect(laptopB.database.sqlite.prepare('SELECT count(*) FROM leads WHERE sync_record_hlc IS NOT NULL').pluck().get()).toBe(0);
    expect(laptopB.database.sqlite.prepare('SELECT count(*) FROM events WHERE sync_record_hlc IS NOT NULL').pluck().get()).toBe(0);
  });
});

describe('the bundle import merges accounts made for one company on two laptops, by the sync’s rule', () => {
  it('ends with the older account on both laptops, both contacts under it, and the merge once on the timeline of the lead whose account went', async () => {
    // B gets the show first; then each laptop converts a lead of Acme offline into an account of its own.
    const fromA = await createLead(laptopA.context, { firstName: 'Ada', lastName: 'Acme', company: 'Acme GmbH' });
    await carry(laptopA, laptopB);
    const [show] = laptopB.database.sqlite.prepare('SELECT id FROM events').pluck().all() as [string];
    await useEvent(laptopB.context, show);
    await convertLead(laptopA.context, { leadId: fromA.lead.id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null });
    await tick();
    const fromB = await createLead(laptopB.context, { firstName: 'Bo', lastName: 'Acme', company: 'ACME GmbH' });
    await convertLead(laptopB.context, { leadId: fromB.lead.id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null });
    const accountOf = (store: TempStore) => store.database.sqlite.prepare('SELECT id FROM accounts').pluck().all() as string[];
    const [olderAccount] = accountOf(laptopA) as [string];

    await carry(laptopB, laptopA);
    await carry(laptopA, laptopB);
    for (const laptop of [laptopA, laptopB]) {
      expect(accountOf(laptop)).toEqual([olderAccount]);
      expect(laptop.database.sqlite.prepare('SELECT DISTINCT account_id FROM contacts').pluck().all()).toEqual([olderAccount]);
      expect(laptop.database.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(2);
      const merged = await listTimeline(laptop.context.db, fromB.lead.id);
      expect(merged.filter((entry) => entry.kind === 'accounts_merged').map(describeTimelineEntry)).toEqual([
        expect.stringMatching(/^Accounts merged at a bundle import: “ACME GmbH” \(the bundle's laptop\) into “Acme GmbH” \(laptop \w+\)/),
      ]);
      expect((await listTimeline(laptop.context.db, fromA.lead.id)).filter((entry) => entry.kind === 'accounts_merged')).toEqual([]);
    }
    // Carried again either way: nothing comes back, nothing is merged twice.
    await carry(laptopB, laptopA);
    expect(accountOf(laptopA)).toEqual([olderAccount]);
  });

  it('leaves two accounts of one name made on one laptop as two', async () => {
    const leads = await Promise.all(['One', 'Two'].map(async (lastName) => (await createLead(laptopA.context, { firstName: 'Cy', lastName, company: 'Globex' })).lead.id));
    for (const leadId of leads) {
      await convertLead(laptopA.context, { leadId, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null });
      await tick();
    }
    await carry(laptopA, laptopB);
    expect(laptopB.database.sqlite.prepare("SELECT count(*) FROM accounts WHERE name = 'Globex'").pluck().get()).toBe(2);
  });
});
