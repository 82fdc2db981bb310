import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logActivity } from '../../../electron/services/activities-service';
import { createEvent } from '../../../electron/services/events-service';
import { getLeadDetail } from '../../../electron/services/lead-detail-service';
import { createLead, updateLead } from '../../../electron/services/leads-service';
import { mergeLeads } from '../../../electron/services/merge-service';
import { answerCriterion } from '../../../electron/services/qualification-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { AppError } from '../../../shared/ipc/errors';
import { describeTimelineEntry } from '../../../shared/domain/timeline';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';

let store: TempStore;
let older = '';
let newer = '';
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'Show A' });
  older = (
    await createLead(store.context, {
      firstName: 'Ana', lastName: 'Zeller', company: 'Acme GmbH', email: 'ana@acme.example', phone: '+49 30 1234567',
      notes: 'met at the keynote', capturedAt: '2026-11-01T09:00:00.000Z', capturedBy: 'Sam',
    })
  ).lead.id;
  newer = (
    await createLead(store.context, { firstName: 'Ana', lastName: 'Zeller', company: 'ACME', email: 'ana@acme.example', notes: 'wants a demo' })
  ).lead.id;
  // The older lead's answer is the more recent one for "need"; the newer lead answers "budget" only.
  await answerCriterion(store.context, { leadId: newer, key: 'need', state: 'unmet' });
  await answerCriterion(store.context, { leadId: older, key: 'need', state: 'met' });
  await answerCriterion(store.context, { leadId: newer, key: 'budget', state: 'met' });
  await logActivity(store.context, { leadId: older, type: 'call', text: 'left a message' });
  store.database.sqlite
    .prepare("INSERT INTO card_scans (id, lead_id, image, image_mime, image_width, image_height, ocr_text, ocr_json, scanned_by, scanned_at) VALUES ('c1', ?, x'00', 'image/jpeg', 1, 1, '', '{}', 'Sam', '2026-11-01T09:00:00.000Z')")
    .run(older);
  // The newer lead is the one changed last: its non-empty values win by default.
  await updateLead(store.context, newer, { title: 'CTO' });
});
afterEach(() => store.dispose());

function snapshotOfTables(): string {
  const sqlite = store.database.sqlite;
  return JSON.stringify(
    ['leads', 'card_scans', 'activities', 'lead_criteria', 'lead_timeline'].map((table) =>
      sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all().map((row) => ({ ...(row as object), image: undefined })),
    ),
  );
}

describe('mergeLeads', () => {
  it('keeps the newer non-empty values, both notes, the older capture, both photos, activities, answers and timelines', async () => {
    const { lead } = await mergeLeads(store.context, newer, older);
    expect(lead).toMatchObject({
      id: newer,
      title: 'CTO',
      company: 'ACME', // newer non-empty
      phone: '+49 30 1234567', // only the older had one
      capturedAt: '2026-11-01T09:00:00.000Z',
      capturedBy: 'Sam',
      notes: 'met at the keynote\n\nwants a demo',
      status: 'Working', // the checklist moved the older one on: a worked status beats New
    });
    const sqlite = store.database.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(1);
    expect(sqlite.prepare('SELECT lead_id FROM card_scans').pluck().all()).toEqual([newer]);
    expect(sqlite.prepare('SELECT lead_id FROM activities').pluck().all()).toEqual([newer]);
    expect(sqlite.prepare('SELECT criterion_key, state FROM lead_criteria ORDER BY criterion_key').all()).toEqual([
      { criterion_key: 'budget', state: 'met' },
      { criterion_key: 'need', state: 'met' },
    ]);
    const detail = await getLeadDetail(store.context, newer);
    expect(detail.timeline[0]?.kind).toBe('merged');
    expect(describeTimelineEntry(detail.timeline[0] as never)).toContain('Merged with the duplicate Ana Zeller');
    // Both "captured" entries are on the kept lead's timeline now.
    expect(detail.timeline.filter((entry) => entry.kind === 'captured')).toHaveLength(2);
    expect(sqlite.prepare("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'keynote'").pluck().get()).toBe(1);
  });

  it('keeps what both leads were imported with: the kept lead\'s under its names, a differing value of the other marked as the merged lead\'s', async () => {
    const importedFields = (id: string, fields: Record<string, string>) =>
      store.database.sqlite.prepare('UPDATE leads SET imported_fields = ? WHERE id = ?').run(JSON.stringify(fields), id);
    importedFields(newer, { 'LinkedIn URL': 'https://linkedin.example/in/ana', 'Connected On': '01 Nov 2026' });
    importedFields(older, { 'Connected On': '02 Oct 2025', 'E-mail 2 - Value': 'ana@home.example' });
    const merged = await mergeLeads(store.context, newer, older);
    expect(merged.lead.importedFields).toEqual({
      'LinkedIn URL': 'https://linkedin.example/in/ana',
      'Connected On': '01 Nov 2026',
      'Connected On (merged lead)': '02 Oct 2025',
      'E-mail 2 - Value': 'ana@home.example',
    });
    expect((await getLeadDetail(store.context, newer)).lead.importedFields).toEqual(merged.lead.importedFields);
  });

  it('takes the field a person picked', async () => {
    const { lead } = await mergeLeads(store.context, newer, older, { company: 'other' });
    expect(lead.company).toBe('Acme GmbH');
  });

  it('is one transaction: a failure at the last step (a trigger refusing the delete) leaves everything as it was', async () => {
    const before = snapshotOfTables();
    store.database.sqlite.exec("CREATE TRIGGER refuse_delete BEFORE DELETE ON leads BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    await expect(mergeLeads(store.context, newer, older)).rejects.toThrow(/disk on fire/);
    store.database.sqlite.exec('DROP TRIGGER refuse_delete');
    expect(snapshotOfTables()).toBe(before);
  });

  it('refuses two converted leads, and a converted lead as the one merged away', async () => {
    store.database.sqlite.prepare("UPDATE leads SET status = 'Converted' WHERE id = ?").run(older);
    const swapped = await mergeLeads(store.context, newer, older).catch((error: unknown) => error);
    expect(swapped).toBeInstanceOf(AppError);
    expect((swapped as AppError).message).toMatch(/converted lead must be the one kept/);
    const kept = await mergeLeads(store.context, older, newer);
    expect(kept.lead.status).toBe('Converted');
    const third = (await createLead(store.context, { firstName: 'Ana', lastName: 'Zeller', email: 'ana@acme.example' })).lead.id;
    store.database.sqlite.prepare("UPDATE leads SET status = 'Converted' WHERE id = ?").run(third);
    await expect(mergeLeads(store.context, older, third)).rejects.toThrow(/Both leads were converted/);
  });

  it('keeps the Unqualified reason with the status it came with', async () => {
    await updateLead(store.context, older, { status: 'Unqualified', unqualifiedReason: 'No budget' });
    const { lead } = await mergeLeads(store.context, newer, older);
    expect(lead).toMatchObject({ status: 'Unqualified', unqualifiedReason: 'No budget' });
  });
});
