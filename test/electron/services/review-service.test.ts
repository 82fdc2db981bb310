import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '../../../electron/services/events-service';
import { getLeadDetail } from '../../../electron/services/lead-detail-service';
import { createLead } from '../../../electron/services/leads-service';
import { bulkUpdateLeads, deleteLeads, queryReview } from '../../../electron/services/review-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { DEFAULT_REVIEW_SORT } from '../../../shared/domain/review';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';

let store: TempStore;
let showA = '';
let showB = '';
const ids: string[] = [];
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
  await setStaffName(store.context, 'Jo Booth');
  showA = (await createEvent(store.context, { name: 'Show A' })).id;
  showB = (await createEvent(store.context, { name: 'Show B' })).id;
  ids.length = 0;
  for (let index = 0; index < 30; index++) {
    ids.push((await createLead(store.context, { firstName: `P${index}`, lastName: `Person${index}`, eventId: showA })).lead.id);
  }
  store.notifications.length = 0;
});
afterEach(() => store.dispose());

describe('bulk actions', () => {
  it('sets status and rating on a selection, each change on its lead timeline, and skips converted leads', async () => {
    store.database.sqlite.prepare("UPDATE leads SET status = 'Converted' WHERE id = ?").run(ids[0]);
    const result = await bulkUpdateLeads(store.context, { ids: ids.slice(0, 5) }, { status: 'Working', rating: 'Hot' });
    expect(result).toEqual({ done: 4, skippedConverted: 1, unchanged: 0, cancelled: false });
    const detail = await getLeadDetail(store.context, ids[1] as string);
    expect(detail.lead).toMatchObject({ status: 'Working', rating: 'Hot' });
    expect(detail.timeline.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['status_changed', 'rating_changed']));
    expect(store.notifications.some((note) => note.event === 'leads.bulkProgress')).toBe(true);
    expect(store.notifications.at(-1)).toMatchObject({ event: 'leads.changed' });
  });

  it('needs a reason for Unqualified, and moves everything a filter matches to another show', async () => {
    await expect(bulkUpdateLeads(store.context, { ids: [ids[1] as string] }, { status: 'Unqualified' })).rejects.toThrow(/Say why/);
    const moved = await bulkUpdateLeads(store.context, { filter: { eventId: showA, text: 'person1' } }, { eventId: showB });
    expect(moved.done).toBe(11); // Person1, Person10 … Person19
    const page = await queryReview(store.context, { filter: { eventId: showB }, sort: DEFAULT_REVIEW_SORT, offset: 0, limit: 50 });
    expect(page.total).toBe(11);
    const detail = await getLeadDetail(store.context, ids[1] as string);
    expect(detail.timeline[0]).toMatchObject({ kind: 'edited', changes: [{ field: 'show', from: 'Show A', to: 'Show B' }] });
  });

  it('deletes the chosen leads in slices, keeping converted ones', async () => {
    store.database.sqlite.prepare("UPDATE leads SET status = 'Converted' WHERE id = ?").run(ids[2]);
    const result = await deleteLeads(store.context, { filter: { eventId: showA } });
    expect(result).toMatchObject({ done: 29, skippedConverted: 1 });
    expect(store.database.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(1);
    expect(store.database.sqlite.prepare('SELECT count(*) FROM lead_timeline WHERE lead_id <> ?').pluck().get(ids[2])).toBe(0);
  });

  it('counts and pages the review list, and says which rows are possible duplicates', async () => {
    await createLead(store.context, { firstName: 'P3', lastName: 'Person3', company: 'Acme', eventId: showA, email: 'p3@acme.example' });
    await createLead(store.context, { firstName: 'Px', lastName: 'Other', eventId: showA, email: 'P3@acme.example' });
    const page = await queryReview(store.context, { filter: { eventId: showA }, sort: DEFAULT_REVIEW_SORT, offset: 0, limit: 10, withDuplicates: true });
    expect(page.total).toBe(32);
    expect(page.items).toHaveLength(10);
    expect(page.duplicateIds).toHaveLength(2);
  });

  it('says when each lead on the page last went out in an export, and nothing for leads never exported', async () => {
    const insertBatch = store.database.sqlite.prepare(
      "INSERT INTO export_batches (id, created_at, created_by, format, filter, file_name, sha256, lead_count) VALUES (?, ?, 'Jo Booth', 'salesforce_csv', '{}', 'leads.csv', '', 1)",
    );
    const insertMember = store.database.sqlite.prepare('INSERT INTO export_batch_leads (batch_id, lead_id) VALUES (?, ?)');
    insertBatch.run('batch-1', '2026-11-20T10:00:00.000Z');
    insertBatch.run('batch-2', '2026-11-21T10:00:00.000Z');
    insertMember.run('batch-1', ids[0]);
    insertMember.run('batch-2', ids[0]);
    insertMember.run('batch-1', ids[1]);
    const page = await queryReview(store.context, { filter: { eventId: showA }, sort: { by: 'name', direction: 'asc' }, offset: 0, limit: 50 });
    expect(page.exportedAt).toEqual({ [ids[0] as string]: '2026-11-21T10:00:00.000Z', [ids[1] as string]: '2026-11-20T10:00:00.000Z' });
  });
});
