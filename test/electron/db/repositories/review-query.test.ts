import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countReviewLeads, queryReviewLeads, reviewLeadIds } from '../../../../electron/db/repositories/review-query';
import { duplicateSnapshot } from '../../../../electron/services/duplicate-groups-service';
import { createEvent } from '../../../../electron/services/events-service';
import { createLead, updateLead } from '../../../../electron/services/leads-service';
import { setStaffName } from '../../../../electron/services/settings-service';
import { DEFAULT_REVIEW_SORT, type ReviewFilter, type ReviewSort } from '../../../../shared/domain/review';
import { deferLeadIndexes } from '../../../../electron/db/repositories/deferred-indexes';
import { insertLead } from '../../../../electron/db/repositories/leads';
import { makeLead } from '../../../support/lead-fixture';
import { openTempStore, steppingClock, type TempStore } from '../../../support/temp-database';

let store: TempStore;
let showA = '';
let showB = '';
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
  await setStaffName(store.context, 'Jo Booth');
  showA = (await createEvent(store.context, { name: 'Show A' })).id;
  showB = (await createEvent(store.context, { name: 'Show B' })).id;
  const add = (fields: Parameters<typeof createLead>[1]) => createLead(store.context, fields);
  await add({ firstName: 'Ana', lastName: 'Zeller', company: 'Acme GmbH', email: 'ana@acme.example', eventId: showA, rating: 'Hot', captureMethod: 'card_scan', capturedAt: '2026-11-01T09:00:00.000Z' });
  await add({ firstName: 'bo', lastName: 'adams', company: 'Northwind', eventId: showA, capturedBy: 'Sam', capturedAt: '2026-11-01T10:00:00.000Z' });
  await add({ firstName: 'Cy', lastName: 'Müller', company: 'globex', eventId: showA, rating: 'Cold', notes: 'wants a demo', capturedAt: '2026-11-02T09:00:00.000Z',
    consent: { given: true, wording: 'You may email me.', at: '2026-11-02T09:00:00.000Z' } });
  await add({ firstName: 'Ana', lastName: 'Zeller', company: 'ACME', eventId: showB, capturedAt: '2026-11-03T09:00:00.000Z' });
  const cy = (await query({ text: 'demo' }))[0];
  await updateLead(store.context, cy?.id ?? '', { status: 'Working' });
});
afterEach(() => store.dispose());

function query(filter: ReviewFilter, sort: ReviewSort = DEFAULT_REVIEW_SORT, offset = 0, limit = 50) {
  return queryReviewLeads(store.context.db, { filter, sort, offset, limit });
}
const names = (leads: Array<{ lastName: string }>) => leads.map((lead) => lead.lastName);

describe('review query', () => {
  it('sorts by captured time, name, company, status and rating, both ways', async () => {
    expect(names(await query({}))).toEqual(['Zeller', 'Müller', 'adams', 'Zeller']);
    expect(names(await query({}, { by: 'captured', direction: 'asc' }))).toEqual(['Zeller', 'adams', 'Müller', 'Zeller']);
    expect(names(await query({ eventId: showA }, { by: 'name', direction: 'asc' }))).toEqual(['adams', 'Müller', 'Zeller']);
    expect((await query({ eventId: showA }, { by: 'company', direction: 'desc' })).map((lead) => lead.company)).toEqual(['Northwind', 'globex', 'Acme GmbH']);
    expect((await query({ eventId: showA }, { by: 'status', direction: 'desc' })).map((lead) => lead.status)).toEqual(['Working', 'New', 'New']);
    expect((await query({ eventId: showA }, { by: 'rating', direction: 'asc' })).map((lead) => lead.rating)).toEqual(['Hot', 'Cold', null]);
  });

  it('filters by show, status, rating, captured by, dates, consent, how captured and text, together', async () => {
    expect(await countReviewLeads(store.context.db, {})).toBe(4);
    expect(names(await query({ eventId: showB }))).toEqual(['Zeller']);
    expect(names(await query({ status: 'Working' }))).toEqual(['Müller']);
    expect(names(await query({ rating: 'none' }))).toEqual(['Zeller', 'adams']);
    expect(names(await query({ capturedBy: 'sam' }))).toEqual(['adams']);
    expect(names(await query({ capturedFrom: '2026-11-01T09:30:00.000Z', capturedTo: '2026-11-03T00:00:00.000Z' }))).toEqual(['Müller', 'adams']);
    expect(names(await query({ consent: 'given' }))).toEqual(['Müller']);
    expect(names(await query({ consent: 'missing', eventId: showA }))).toEqual(['adams', 'Zeller']);
    expect(names(await query({ captureMethod: 'card_scan' }))).toEqual(['Zeller']);
    expect(names(await query({ text: 'zel', eventId: showA, rating: 'Hot' }))).toEqual(['Zeller']);
    expect(await query({ text: '"*' })).toEqual([]);
    expect(await countReviewLeads(store.context.db, { text: 'acme' })).toBe(2);
  });

  it('pages with an offset, and filters on whether an export batch carried the lead', async () => {
    const all = names(await query({}));
    expect(names(await query({}, DEFAULT_REVIEW_SORT, 1, 2))).toEqual(all.slice(1, 3));
    expect(await countReviewLeads(store.context.db, { exported: 'yes' })).toBe(0);
    const zeller = (await query({ text: 'zeller' }))[0];
    store.database.sqlite
      .prepare("INSERT INTO export_batches (id, created_at, created_by, format, filter, file_name, sha256, lead_count) VALUES ('b1', 'x', 'Jo', 'vcard', '{}', 'a.vcf', 'x', 1)")
      .run();
    store.database.sqlite.prepare("INSERT INTO export_batch_leads (batch_id, lead_id) VALUES ('b1', ?)").run(zeller?.id);
    expect(names(await query({ exported: 'yes' }))).toEqual(['Zeller']);
    expect(await countReviewLeads(store.context.db, { exported: 'no' })).toBe(3);
  });

  it('filters possible duplicates with the duplicate rule, and the cache follows every change', async () => {
    let snapshot = await duplicateSnapshot(store.context.db);
    expect(await countReviewLeads(store.context.db, { duplicate: 'yes' }, snapshot.membership)).toBe(2);
    expect(names(await queryReviewLeads(store.context.db, { filter: { duplicate: 'no' }, sort: DEFAULT_REVIEW_SORT, offset: 0, limit: 9, duplicates: snapshot.membership }))).toEqual(['Müller', 'adams']);
    expect(await duplicateSnapshot(store.context.db)).toBe(snapshot); // nothing changed: cached
    const adams = (await query({ text: 'adams' }))[0];
    await updateLead(store.context, adams?.id ?? '', { firstName: 'Ana', lastName: 'Zeller', company: 'Acme' });
    snapshot = await duplicateSnapshot(store.context.db);
    expect(snapshot.memberIds.size).toBe(3);
    expect((await reviewLeadIds(store.context.db, { duplicate: 'yes' }, snapshot.membership)).length).toBe(3);
  });

  it('reads the same window and count when the words match thousands of leads (the sort index is walked then)', async () => {
    // 3,000 more leads, three to a minute (ties fall back to seq); "demo" in 2,250 of them:
    // past the count from which a search walks the sort's index instead of looking every match up.
    await store.context.db.transaction().execute(async (trx) => {
      for (let index = 0; index < 3000; index++) {
        const capturedAt = new Date(Date.parse('2026-11-05T00:00:00.000Z') + ((index * 7) % 1000) * 60_000).toISOString();
        await insertLead(
          trx,
          makeLead({ lastName: `Lead ${index}`, notes: index % 4 === 3 ? 'call back' : 'wants a demo', eventId: index % 3 === 0 ? showB : showA, capturedAt }),
        );
      }
    });
    // The expected lists, worked out here from every lead's row.
    const rows = store.database.sqlite.prepare('SELECT id, seq, last_name, event_id, captured_at, notes FROM leads').all() as Array<{
      id: string; seq: number; last_name: string; event_id: string; captured_at: string; notes: string;
    }>;
    const demo = rows.filter((row) => row.notes.includes('demo'));
    const newestFirst = (list: typeof rows) =>
      [...list].sort((a, b) => b.captured_at.localeCompare(a.captured_at) || b.seq - a.seq).map((row) => row.id);
    const ids = (leads: Array<{ id: string }>) => leads.map((lead) => lead.id);
    expect(demo.length).toBeGreaterThan(2000);

    expect(ids(await query({ text: 'demo' }, DEFAULT_REVIEW_SORT, 0, 100))).toEqual(newestFirst(demo).slice(0, 100));
    expect(ids(await query({ text: 'dem', eventId: showA }, DEFAULT_REVIEW_SORT, 1200, 100))).toEqual(
      newestFirst(demo.filter((row) => row.event_id === showA)).slice(1200, 1300),
    );
    expect(ids(await query({ text: 'demo', eventId: showB }, { by: 'captured', direction: 'asc' }, 0, 100))).toEqual(
      newestFirst(demo.filter((row) => row.event_id === showB)).reverse().slice(0, 100),
    );
    expect(names(await query({ text: 'wants demo' }, { by: 'name', direction: 'desc' }, 0, 3))).toEqual(
      demo.map((row) => row.last_name).sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())).slice(0, 3),
    );
    expect(await countReviewLeads(store.context.db, { text: 'demo' })).toBe(demo.length);
    expect(await countReviewLeads(store.context.db, { text: 'demo', eventId: showA })).toBe(demo.filter((row) => row.event_id === showA).length);
    expect(await countReviewLeads(store.context.db, { text: 'demo', eventId: showA, status: 'Working' })).toBe(1); // Cy Müller
    // Words alone are counted in the search index: a deleted lead's words leave it with the lead.
    store.database.sqlite.prepare('DELETE FROM leads WHERE id = ?').run(demo[0]?.id);
    expect(await countReviewLeads(store.context.db, { text: 'demo' })).toBe(demo.length - 1);
  });

  it('answers the same while a bulk import still owes the review indexes to its worker (no "no such index")', async () => {
    const sorts: ReviewSort[] = ['captured', 'name', 'company', 'status', 'rating'].flatMap((by) => [
      { by: by as ReviewSort['by'], direction: 'asc' as const },
      { by: by as ReviewSort['by'], direction: 'desc' as const },
    ]);
    const filters: ReviewFilter[] = [{}, { eventId: showA }, { eventId: showA, rating: 'Hot' }, { text: 'acme' }];
    const answers = async () => {
      const all = [];
      for (const filter of filters) {
        for (const sort of sorts) all.push(names(await query(filter, sort)));
        all.push(await countReviewLeads(store.context.db, filter));
      }
      return all;
    };
    const withIndexes = await answers();
    await store.context.db.transaction().execute(async (trx) => (await deferLeadIndexes(trx, { leads: 6000, lead_timeline: 6000 })).owe('2026-12-07T12:00:00.000Z'));
    expect(store.database.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'leads_review_%'").pluck().get()).toBe(0);
    expect(await answers()).toEqual(withIndexes);
  });
});
