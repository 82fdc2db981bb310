import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCardScan, findCardScansOfLead } from '../../../electron/db/repositories/card-scans';
import { findDuplicates, mergeIntoLead } from '../../../electron/services/duplicates-service';
import { createEvent } from '../../../electron/services/events-service';
import { getLeadDetail } from '../../../electron/services/lead-detail-service';
import { createLead, getLead, updateLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { describeTimelineEntry } from '../../../shared/domain/timeline';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'Web Summit 2026' });
});
afterEach(() => store.dispose());

async function scanRow(id: string): Promise<void> {
  await insertCardScan(store.context.db, {
    id,
    lead_id: null,
    file_name: `${id}.jpg`,
    image: new Uint8Array([0xff, 0xd8]),
    image_mime: 'image/jpeg',
    image_width: 10,
    image_height: 10,
    ocr_text: '',
    ocr_json: '{}',
    scanned_by: 'Jo Booth',
    scanned_at: '2026-11-27T09:00:00.000Z',
  });
}

describe('findDuplicates', () => {
  it('recognises the same badge scanned again, even when it held only an id, and keeps the raw payload on the lead', async () => {
    const first = await createLead(store.context, { badgeId: 'A1029384', badgePayload: 'A1029384', captureMethod: 'badge_scan' });
    const again = await findDuplicates(store.context, { badgeId: 'A1029384' });
    expect(again.map((match) => [match.lead.id, match.reasons])).toEqual([[first.lead.id, ['badge']]]);
    expect(await findDuplicates(store.context, { badgeId: 'A1029385' })).toEqual([]);
    const row = await store.context.db.selectFrom('leads').select('badge_payload').where('id', '=', first.lead.id).executeTakeFirstOrThrow();
    expect(row.badge_payload).toBe('A1029384');
  });

  it('keeps the badge payload of a capture merged into a lead that had none', async () => {
    const typed = await createLead(store.context, { firstName: 'Ana', lastName: 'Müller', company: 'Acme' });
    const caret = 'A1^Ana^Müller^ana@acme.example^^Acme^^^^';
    await mergeIntoLead(store.context, { intoId: typed.lead.id, lead: { firstName: 'Ana', lastName: 'Müller', email: 'ana@acme.example', badgeId: 'A1', badgePayload: caret, captureMethod: 'badge_scan' } });
    const row = await store.context.db.selectFrom('leads').select(['badge_payload', 'badge_id']).where('id', '=', typed.lead.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ badge_payload: caret, badge_id: 'A1' });
  });

  it('names the existing lead with who captured it, when and at which show', async () => {
    const first = await createLead(store.context, { firstName: 'Ana', lastName: 'Müller', company: 'Acme GmbH', email: 'ana@acme.example' });
    await createLead(store.context, { firstName: 'Ben', lastName: 'Okafor', company: 'Northwind' });
    const matches = await findDuplicates(store.context, { firstName: 'ANA', lastName: 'Muller', company: 'Acme' });
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ reasons: ['name+company'], eventName: 'Web Summit 2026', lead: { id: first.lead.id, capturedBy: 'Jo Booth' } });
    expect(await findDuplicates(store.context, { email: 'Ana@ACME.example' })).toHaveLength(1);
    expect(await findDuplicates(store.context, { firstName: 'Ana', lastName: 'Müller' })).toEqual([]);
    expect(await findDuplicates(store.context, { email: 'ana@acme.example', excludeId: first.lead.id })).toEqual([]);
  });

  it('follows edits of the name (the key is kept in step)', async () => {
    const saved = await createLead(store.context, { firstName: 'Ana', lastName: 'Smith', company: 'Acme' });
    await updateLead(store.context, saved.lead.id, { lastName: 'Núñez' });
    expect(await findDuplicates(store.context, { firstName: 'Ana', lastName: 'Nunez', company: 'Acme Inc.' })).toHaveLength(1);
    expect(await findDuplicates(store.context, { firstName: 'Ana', lastName: 'Smith', company: 'Acme' })).toEqual([]);
  });
});

describe('mergeIntoLead', () => {
  it('fills empty fields only, keeps both notes and both card photos', async () => {
    await scanRow('00000000-0000-4000-8000-000000000001');
    await scanRow('00000000-0000-4000-8000-000000000002');
    const existing = await createLead(store.context, {
      firstName: 'Ana',
      lastName: 'Müller',
      company: 'Acme GmbH',
      notes: 'wants a demo',
      cardScanId: '00000000-0000-4000-8000-000000000001',
    });
    const merged = await mergeIntoLead(store.context, {
      intoId: existing.lead.id,
      lead: { firstName: 'Anna', lastName: 'Muller', company: 'Acme', email: 'ana@acme.example', title: 'CTO', notes: 'budget in Q3' },
      cardScanId: '00000000-0000-4000-8000-000000000002',
      clearDraft: true,
    });
    expect(merged.lead).toMatchObject({
      firstName: 'Ana',
      lastName: 'Müller',
      company: 'Acme GmbH',
      email: 'ana@acme.example',
      title: 'CTO',
      notes: 'wants a demo\n\nbudget in Q3',
      capturedAt: existing.lead.capturedAt,
    });
    expect(await getLead(store.context, existing.lead.id)).toEqual(merged.lead);
    expect((await findCardScansOfLead(store.context.db, existing.lead.id)).map((scan) => scan.id)).toHaveLength(2);
    expect(store.notifications.at(-1)).toEqual({ event: 'leads.changed', payload: { ids: [existing.lead.id] } });
  });

  it('keeps a different email and phone of the new capture: an empty slot, else the notes; and the merge is on the timeline', async () => {
    const existing = await createLead(store.context, {
      firstName: 'Lena',
      lastName: 'Fischer',
      company: 'Meridel AG',
      email: 'lena.fischer@meridel.example',
      phone: '+49 30 1234567',
      notes: 'met at the bar',
    });
    const merged = await mergeIntoLead(store.context, {
      intoId: existing.lead.id,
      lead: {
        firstName: 'Lena',
        lastName: 'Fischer',
        company: 'Meridel',
        email: 'l.fischer@meridel-group.example',
        // The same number written another way is no news; the second one takes the free mobile slot.
        phone: '030 123 4567',
        mobile: '+49 171 5550001',
        captureMethod: 'card_scan',
      },
    });
    expect(merged.lead).toMatchObject({
      email: 'lena.fischer@meridel.example',
      phone: '+49 30 1234567',
      mobile: '+49 171 5550001',
      notes: 'met at the bar\n\nAlso: email l.fischer@meridel-group.example',
    });

    // Both phone slots taken now: a third number goes to the notes, never dropped.
    const again = await mergeIntoLead(store.context, { intoId: existing.lead.id, lead: { lastName: 'Fischer', phone: '+44 20 7946 0018' } });
    expect(again.lead.notes).toBe('met at the bar\n\nAlso: email l.fischer@meridel-group.example\n\nAlso: phone +44 20 7946 0018');

    const timeline = (await getLeadDetail(store.context, existing.lead.id)).timeline.filter((entry) => entry.kind === 'capture_merged');
    expect(timeline.map(describeTimelineEntry)).toEqual([
      'A new capture (typed in) was merged in; kept in the notes: phone +44 20 7946 0018',
      'A new capture (card scanned) was merged in; filled mobile “+49 171 5550001”; kept in the notes: email l.fischer@meridel-group.example',
    ]);
  });

  it('fills an empty email slot with the new capture’s email', async () => {
    const existing = await createLead(store.context, { firstName: 'Lena', lastName: 'Fischer', company: 'Meridel AG', mobile: '+49 171 5550001' });
    const merged = await mergeIntoLead(store.context, {
      intoId: existing.lead.id,
      lead: { lastName: 'Fischer', email: 'lena@meridel.example', mobile: '+49 171 5550002' },
    });
    expect(merged.lead).toMatchObject({ email: 'lena@meridel.example', phone: '+49 171 5550002', mobile: '+49 171 5550001', notes: '' });
  });

  it('refuses to merge into a lead that does not exist', async () => {
    await expect(
      mergeIntoLead(store.context, { intoId: '00000000-0000-4000-8000-00000000dead', lead: { lastName: 'X' } }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
