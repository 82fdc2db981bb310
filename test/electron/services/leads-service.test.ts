import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '../../../electron/services/events-service';
import { getLeadDetail } from '../../../electron/services/lead-detail-service';
import { createLead, getLead, listLeads, updateLead } from '../../../electron/services/leads-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { AppError } from '../../../shared/ipc/errors';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';

let store: TempStore;
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
});
afterEach(() => store.dispose());

async function atTheBooth(): Promise<string> {
  await setStaffName(store.context, 'Jo Booth');
  const event = await createEvent(store.context, { name: 'Web Summit 2026', location: 'Lisbon' });
  return event.id;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('createLead', () => {
  it('applies the booth defaults: Trade Show, New, the current show, the staff member, typed', async () => {
    const eventId = await atTheBooth();
    const saved = await createLead(store.context, { firstName: 'Ana', lastName: 'Müller', email: 'ana@acme.example' });
    expect(saved.lead).toMatchObject({
      leadSource: 'Trade Show',
      status: 'New',
      rating: null,
      eventId,
      capturedBy: 'Jo Booth',
      captureMethod: 'typed',
      consent: null,
    });
    expect(saved.lead.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved.lead.capturedAt).toMatch(/Z$/);
    expect(saved.missingForExport).toEqual(['company']);
    expect(await getLead(store.context, saved.lead.id)).toEqual(saved.lead);
    expect(store.notifications.at(-1)).toEqual({ event: 'leads.changed', payload: { ids: [saved.lead.id] } });
  });

  it('keeps consent with its time and wording', async () => {
    await atTheBooth();
    const consent = { given: true, at: '2026-11-27T10:00:00.000Z', wording: 'Yes, send me news about Acme products.' };
    const saved = await createLead(store.context, { lastName: 'Doe', consent });
    expect((await getLead(store.context, saved.lead.id)).consent).toEqual(consent);
  });

  it('saves a partial lead but refuses one with nothing to follow up on', async () => {
    await atTheBooth();
    await expect(createLead(store.context, { firstName: 'Bo' })).resolves.toMatchObject({ missingForExport: ['lastName', 'company'] });
    const error = await rejection(createLead(store.context, { title: 'CTO', notes: 'tall' }));
    expect(error.code).toBe('invalid_input');
    expect(error.fieldErrors?.firstName).toMatch(/name, a company, an email or a phone/);
  });

  it('says what to do when no staff name or show is set, and writes nothing', async () => {
    expect((await rejection(createLead(store.context, { lastName: 'Doe' }))).message).toMatch(/staff name/);
    await setStaffName(store.context, 'Jo');
    expect((await rejection(createLead(store.context, { lastName: 'Doe' }))).code).toBe('no_current_event');
    expect((await listLeads(store.context, {})).items).toHaveLength(0);
  });

  it('records the booth answers with the lead, in one transaction: the checklist moves it on, one notification', async () => {
    await atTheBooth();
    const saved = await createLead(store.context, { lastName: 'Okafor', boothAnswers: [{ key: 'need', state: 'met' }] });
    // Need met: Working, as an answer on the lead's page would make it.
    expect(saved.lead.status).toBe('Working');
    expect(await getLead(store.context, saved.lead.id)).toEqual(saved.lead);
    const detail = await getLeadDetail(store.context, saved.lead.id);
    expect(detail.qualification.answers).toMatchObject([{ key: 'need', state: 'met', answeredBy: 'Jo Booth' }]);
    expect(detail.timeline.map((entry) => entry.kind).sort()).toEqual(['captured', 'criterion_answered', 'rating_changed', 'status_changed']);
    expect(store.notifications.filter((note) => note.event === 'leads.changed')).toEqual([{ event: 'leads.changed', payload: { ids: [saved.lead.id] } }]);
  });

  it('saves nothing when a booth answer is refused, or the staff name shown is no longer the laptop\'s', async () => {
    await atTheBooth();
    const unknown = await rejection(createLead(store.context, { lastName: 'Okafor', boothAnswers: [{ key: 'golf', state: 'met' }] }));
    expect(unknown.message).toMatch(/"golf" is not on this show's checklist/);
    const renamed = await rejection(createLead(store.context, { lastName: 'Okafor', staffNameShown: 'Sam' }));
    expect(renamed.code).toBe('conflict');
    expect((await listLeads(store.context, {})).items).toHaveLength(0);
    await expect(createLead(store.context, { lastName: 'Okafor', staffNameShown: 'Jo Booth' })).resolves.toMatchObject({ lead: { capturedBy: 'Jo Booth' } });
  });

  it('refuses an invalid email with a message for that field', async () => {
    await atTheBooth();
    const error = await rejection(createLead(store.context, { lastName: 'Doe', email: 'doe at acme' }));
    expect(error.code).toBe('invalid_input');
    expect(error.fieldErrors?.email).toMatch(/email address/);
  });
});

describe('listLeads', () => {
  it('lists newest first and pages with a cursor without gaps or repeats', async () => {
    await atTheBooth();
    for (let index = 0; index < 7; index++) await createLead(store.context, { lastName: `Person ${index}` });
    const first = await listLeads(store.context, { limit: 3 });
    expect(first.items.map((lead) => lead.lastName)).toEqual(['Person 6', 'Person 5', 'Person 4']);
    const second = await listLeads(store.context, { limit: 3, after: first.nextCursor ?? '' });
    const third = await listLeads(store.context, { limit: 3, after: second.nextCursor ?? '' });
    expect([...second.items, ...third.items].map((lead) => lead.lastName)).toEqual(['Person 3', 'Person 2', 'Person 1', 'Person 0']);
    expect(third.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give out', async () => {
    expect((await rejection(listLeads(store.context, { after: 'bogus' }))).code).toBe('invalid_input');
  });

  it('searches word prefixes over names, company, email and notes, ignoring accents and case', async () => {
    await atTheBooth();
    await createLead(store.context, { firstName: 'Tessa', lastName: 'Hartmann', company: 'Hallström & Wexmoor SARL' });
    await createLead(store.context, { firstName: 'Jean', lastName: 'Dupont', email: 'jdupont@vitrail.example', notes: 'wants a demo in March' });
    const names = async (query: string) => (await listLeads(store.context, { query })).items.map((lead) => lead.lastName);
    expect(await names('hart')).toEqual(['Hartmann']);
    expect(await names('hallstrom')).toEqual(['Hartmann']);
    expect(await names('TESSA hall')).toEqual(['Hartmann']);
    expect(await names('vitrail')).toEqual(['Dupont']);
    expect(await names('demo march')).toEqual(['Dupont']);
    expect(await names('nobody')).toEqual([]);
    // FTS5 syntax typed by accident is taken literally, not as an error.
    expect(await names('"AND OR NEAR(')).toEqual([]);
    expect(await names('  ')).toEqual(['Dupont', 'Hartmann']);
  });

  it('keeps search in step with edits', async () => {
    await atTheBooth();
    const saved = await createLead(store.context, { lastName: 'Smith', company: 'Old Co' });
    await updateLead(store.context, saved.lead.id, { company: 'Newfangled Ltd' });
    expect((await listLeads(store.context, { query: 'old' })).items).toHaveLength(0);
    expect((await listLeads(store.context, { query: 'newfang' })).items).toHaveLength(1);
  });
});

describe('updateLead', () => {
  it('changes only the given fields and moves updatedAt', async () => {
    await atTheBooth();
    const saved = await createLead(store.context, { firstName: 'Ana', lastName: 'Lima', company: 'Acme' });
    const updated = await updateLead(store.context, saved.lead.id, { rating: 'Hot', status: 'Working' });
    expect(updated.lead).toMatchObject({ firstName: 'Ana', company: 'Acme', rating: 'Hot', status: 'Working' });
    expect(updated.lead.updatedAt > saved.lead.updatedAt).toBe(true);
    expect(updated.lead.capturedAt).toBe(saved.lead.capturedAt);
  });

  it('leaves a converted lead read-only', async () => {
    await atTheBooth();
    const saved = await createLead(store.context, { lastName: 'Lima', status: 'Converted' });
    expect((await rejection(updateLead(store.context, saved.lead.id, { company: 'X' }))).code).toBe('read_only');
  });

  it('never lets an edit mark a lead Converted (only conversion does)', async () => {
    await atTheBooth();
    const saved = await createLead(store.context, { lastName: 'Lima' });
    const error = await rejection(updateLead(store.context, saved.lead.id, { status: 'Converted' }));
    expect(error.code).toBe('invalid_input');
    expect(error.fieldErrors?.status).toMatch(/by converting it/);
    expect((await getLead(store.context, saved.lead.id)).status).toBe('New');
  });

  it('says when the lead is gone', async () => {
    expect((await rejection(updateLead(store.context, crypto.randomUUID(), { company: 'X' }))).code).toBe('not_found');
  });
});
