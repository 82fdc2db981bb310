import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logActivity } from '../../../electron/services/activities-service';
import { runConversionRule, setConversionRule } from '../../../electron/services/automatic-conversion-service';
import { convertLead, getConversionSuggestions, suggestAccounts, undoConversion } from '../../../electron/services/conversion-service';
import { getAccount, getOpportunity, setStage } from '../../../electron/services/crm-service';
import { createEvent } from '../../../electron/services/events-service';
import { getLeadDetail } from '../../../electron/services/lead-detail-service';
import { createLead, updateLead } from '../../../electron/services/leads-service';
import { answerCriterion } from '../../../electron/services/qualification-service';
import { setStaffName } from '../../../electron/services/settings-service';
import type { NewLead } from '../../../shared/domain/lead';
import { AppError } from '../../../shared/ipc/errors';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';

let store: TempStore;
let eventId: string;
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
  await setStaffName(store.context, 'Jo Booth');
  eventId = (await createEvent(store.context, { name: 'Web Summit 2026' })).id;
});
afterEach(() => store.dispose());

async function lead(fields: NewLead): Promise<string> {
  return (await createLead(store.context, fields)).lead.id;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Every row of the tables a conversion touches, to compare before and after. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const tables = ['leads', 'accounts', 'contacts', 'opportunities', 'opportunity_contact_roles', 'conversions', 'activities', 'lead_criteria'];
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    result[table] = store.database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all().map((row) => {
      const copy = { ...(row as Record<string, unknown>) };
      delete copy.updated_at; // Undo is a change of its own; everything else must be as before.
      return copy;
    });
  }
  return result;
}

const opportunity = { name: 'Acme – Web Summit 2026', stage: 'Prospecting' as const, closeDate: '2027-03-31', amount: 50_000 };

describe('qualifying with BANT', () => {
  it('moves the lead forward, suggests the rating and records every step on the timeline', async () => {
    const id = await lead({ firstName: 'Ana', lastName: 'Silva', company: 'Acme GmbH', email: 'ana@acme.example' });
    let result = await answerCriterion(store.context, { leadId: id, key: 'need', state: 'met', note: 'Replacing their scanners' });
    expect(result.lead.status).toBe('Working');
    expect(result.lead.rating).toBe('Cold');
    result = await answerCriterion(store.context, { leadId: id, key: 'authority', state: 'met' });
    expect(result.lead.status).toBe('Qualified');
    await answerCriterion(store.context, { leadId: id, key: 'budget', state: 'met', value: '50k' });
    result = await answerCriterion(store.context, { leadId: id, key: 'timeline', state: 'met' });
    expect(result.summary).toEqual({ met: 4, unmet: 0, unknown: 0, total: 4 });
    expect(result.lead.rating).toBe('Hot');

    const detail = await getLeadDetail(store.context, id);
    const kinds = detail.timeline.map((entry) => entry.kind);
    expect(kinds.at(-1)).toBe('captured'); // newest first: the capture is the oldest
    expect(kinds.filter((kind) => kind === 'criterion_answered')).toHaveLength(4);
    expect(detail.timeline.find((entry) => entry.kind === 'status_changed')).toMatchObject({ from: 'Working', to: 'Qualified', byChecklist: true });
  });

  it('leaves a rating a person chose alone, and an unknown criterion is refused', async () => {
    const id = await lead({ lastName: 'Roe', rating: 'Hot' });
    const result = await answerCriterion(store.context, { leadId: id, key: 'need', state: 'unmet' });
    expect(result.lead.rating).toBe('Hot');
    const error = await rejection(answerCriterion(store.context, { leadId: id, key: 'colour', state: 'met' }));
    expect(error.message).toMatch(/not on this show's checklist.*budget, authority, need, timeline/);
  });

  it('Unqualified needs a reason, and the edit is on the timeline with old and new values', async () => {
    const id = await lead({ lastName: 'Roe', company: 'Old Co' });
    expect((await rejection(updateLead(store.context, id, { status: 'Unqualified' }))).fieldErrors).toHaveProperty('unqualifiedReason');
    await updateLead(store.context, id, { status: 'Unqualified', unqualifiedReason: 'No budget', company: 'New Co' });
    const detail = await getLeadDetail(store.context, id);
    expect(detail.timeline.find((entry) => entry.kind === 'edited')).toMatchObject({ changes: [{ field: 'company', from: 'Old Co', to: 'New Co' }] });
    expect(detail.timeline.find((entry) => entry.kind === 'status_changed')).toMatchObject({ from: 'New', to: 'Unqualified', reason: 'No budget' });
  });

  it('a call logged on a New lead makes it Working', async () => {
    const id = await lead({ lastName: 'Roe' });
    await logActivity(store.context, { leadId: id, type: 'call', outcome: 'Interested', text: 'Wants a demo' });
    const detail = await getLeadDetail(store.context, id);
    expect(detail.lead.status).toBe('Working');
    expect(detail.activities).toHaveLength(1);
  });
});

describe('conversion', () => {
  it('converts into a new account, contact and opportunity; the lead is read-only and cannot be converted twice', async () => {
    const id = await lead({ firstName: 'Ana', lastName: 'Silva', company: 'Acme GmbH', email: 'ana@acme.example', phone: '+49 30 1234' });
    const summary = await convertLead(store.context, { leadId: id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity });
    expect(summary).toMatchObject({ accountName: 'Acme GmbH', accountCreated: true, contactCreated: true, opportunityName: opportunity.name, undoable: true });
    const account = await getAccount(store.context, summary.accountId);
    expect(account.account.domain).toBe('acme.example');
    expect(account.contacts[0]).toMatchObject({ email: 'ana@acme.example', convertedFromLeadId: id });
    const deal = await getOpportunity(store.context, summary.opportunityId as string);
    expect(deal.contactRoles).toEqual([expect.objectContaining({ contactId: summary.contactId, isPrimary: true })]);
    expect(deal.opportunity).toMatchObject({ stage: 'Prospecting', probability: 10, closeDate: '2027-03-31', amount: 50_000 });

    expect((await rejection(updateLead(store.context, id, { company: 'X' }))).code).toBe('read_only');
    const again = await rejection(convertLead(store.context, { leadId: id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null }));
    expect(again.code).toBe('conflict');
  });

  it('suggests the existing account of a second lead of the same company (legal form, case and accents ignored) and fills only empty fields', async () => {
    const first = await lead({ lastName: 'Silva', company: 'Müller Antriebe GmbH', email: 'ana@mueller.example' });
    const firstSummary = await convertLead(store.context, { leadId: first, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null });
    const second = await lead({ lastName: 'Roe', company: 'MULLER ANTRIEBE AG', email: 'bo@mueller.example', city: 'Köln', website: 'www.mueller.example' });
    const suggestions = await getConversionSuggestions(store.context, second);
    expect(suggestions.accounts[0]).toMatchObject({ reason: 'name', account: { id: firstSummary.accountId } });
    await convertLead(store.context, {
      leadId: second,
      account: { mode: 'existing', id: firstSummary.accountId },
      contact: { mode: 'new' },
      opportunity: null,
    });
    const account = await getAccount(store.context, firstSummary.accountId);
    expect(account.account.name).toBe('Müller Antriebe GmbH'); // kept
    expect(account.account.city).toBe('Köln'); // was empty: filled
    expect(account.contacts).toHaveLength(2);
    // A domain alone finds it too.
    expect((await suggestAccounts(store.database.db, { company: '', website: '', email: 'x@mueller.example' }))[0]?.reason).toBe('domain');
  });

  it('refuses a contact of another account, changing nothing', async () => {
    const first = await lead({ lastName: 'Silva', company: 'Acme' });
    const one = await convertLead(store.context, { leadId: first, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null });
    const other = await lead({ lastName: 'Roe', company: 'Globex' });
    const two = await convertLead(store.context, { leadId: other, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null });
    const third = await lead({ lastName: 'Doe', company: 'Acme' });
    const before = await snapshot();
    const error = await rejection(
      convertLead(store.context, { leadId: third, account: { mode: 'existing', id: one.accountId }, contact: { mode: 'existing', id: two.contactId }, opportunity: null }),
    );
    expect(error.fieldErrors).toHaveProperty('contact');
    expect(await snapshot()).toEqual(before);
  });

  it('rolls the whole conversion back when any part fails', async () => {
    const id = await lead({ lastName: 'Silva', company: 'Acme' });
    const before = await snapshot();
    // A real failure inside the transaction, after the account and contact were written.
    store.database.sqlite.exec("CREATE TRIGGER fail_opportunity BEFORE INSERT ON opportunities BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    await expect(convertLead(store.context, { leadId: id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity })).rejects.toThrow(/injected failure/);
    expect(await snapshot()).toEqual(before);
  });

  it('undo restores exactly the state before: created records removed, filled fields emptied again', async () => {
    const first = await lead({ lastName: 'Silva', company: 'Acme', email: 'ana@acme.example' });
    const existing = await convertLead(store.context, { leadId: first, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null });
    const second = await lead({ lastName: 'Roe', company: 'Acme Inc.', city: 'Austin', title: 'CTO', email: 'bo@acme.example' });
    await logActivity(store.context, { leadId: second, type: 'note', text: 'Met at the booth' });
    const before = await snapshot();
    await convertLead(store.context, {
      leadId: second,
      account: { mode: 'existing', id: existing.accountId },
      contact: { mode: 'new' },
      opportunity,
    });
    expect((await getAccount(store.context, existing.accountId)).account.city).toBe('Austin');
    const restored = await undoConversion(store.context, second);
    expect(restored.status).toBe('New');
    expect(await snapshot()).toEqual(before);
    const detail = await getLeadDetail(store.context, second);
    expect(detail.conversion).toBeNull();
    expect(detail.timeline[0]?.kind).toBe('conversion_undone');
    expect((await rejection(undoConversion(store.context, second))).code).toBe('conflict');
  });

  it('moves an opportunity to Closed Won, and Closed Lost needs a reason', async () => {
    const id = await lead({ lastName: 'Silva', company: 'Acme' });
    const summary = await convertLead(store.context, { leadId: id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity });
    const opportunityId = summary.opportunityId as string;
    expect((await rejection(setStage(store.context, opportunityId, 'Closed Lost'))).fieldErrors).toHaveProperty('lostReason');
    await setStage(store.context, opportunityId, 'Negotiation/Review');
    const won = await setStage(store.context, opportunityId, 'Closed Won');
    expect(won).toMatchObject({ stage: 'Closed Won', probability: 100 });
    const detail = await getOpportunity(store.context, opportunityId);
    expect(detail.stageHistory.map((change) => change.stage)).toEqual(['Prospecting', 'Negotiation/Review', 'Closed Won']);
  });
});

describe('automatic conversion', () => {
  it('converts the leads that meet the show rule, through the same path, and lists them for review', async () => {
    await setConversionRule(store.context, eventId, { minMet: 3, requireCloseDate: false, stage: 'Qualification', closeInDays: 90 });
    const ready = await lead({ lastName: 'Silva', company: 'Acme', email: 'ana@acme.example' });
    const notReady = await lead({ lastName: 'Roe', company: 'Globex' });
    const unqualified = await lead({ lastName: 'Doe', company: 'Initech' });
    for (const key of ['budget', 'need']) await answerCriterion(store.context, { leadId: ready, key, state: 'met' });
    await answerCriterion(store.context, { leadId: notReady, key: 'need', state: 'met' });
    await updateLead(store.context, unqualified, { status: 'Unqualified', unqualifiedReason: 'Student or job seeker' });

    // The third criterion met converts it "without a click".
    const answered = await answerCriterion(store.context, { leadId: ready, key: 'authority', state: 'met' });
    expect(answered.convertedAutomatically).toMatchObject({ automatic: true, reviewed: false, accountName: 'Acme' });
    const deal = await getOpportunity(store.context, answered.convertedAutomatically?.opportunityId as string);
    expect(deal.opportunity.stage).toBe('Qualification');
    expect(deal.opportunity.closeDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Running the rule over the show converts nobody else and says why.
    for (const key of ['budget', 'authority', 'timeline']) await store.database.db
      .insertInto('lead_criteria')
      .values({ lead_id: unqualified, criterion_key: key, state: 'met', value: '', note: '', answered_by: 'x', answered_at: 'x' })
      .execute();
    const report = await runConversionRule(store.context, eventId);
    expect(report.converted).toBe(0);
    expect(report.skippedCount).toBe(2);
    expect(Object.keys(report.skippedByReason).sort()).toEqual(['1 of 4 criteria met, the rule needs 3', 'Unqualified']);
    const progress = store.notifications.filter((notification) => notification.event === 'conversion.progress');
    expect(progress.at(-1)?.payload).toEqual({ done: 2, total: 2 });
  });

  it('converts into the existing account and contact it suggests, filling only their empty fields, and undo restores exactly', async () => {
    const first = await lead({ firstName: 'Ana', lastName: 'Silva', company: 'Acme GmbH', email: 'ana@acme.example' });
    const existing = await convertLead(store.context, { leadId: first, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null });
    await setConversionRule(store.context, eventId, { minMet: 3, requireCloseDate: false, stage: 'Prospecting', closeInDays: 90 });
    const again = await lead({ firstName: 'Ana', lastName: 'Silva', company: 'ACME AG', email: 'Ana@Acme.example', city: 'Austin', title: 'CTO' });
    for (const key of ['budget', 'authority', 'need']) await store.database.db
      .insertInto('lead_criteria')
      .values({ lead_id: again, criterion_key: key, state: 'met', value: '', note: '', answered_by: 'x', answered_at: 'x' })
      .execute();
    const before = await snapshot();

    expect((await runConversionRule(store.context, eventId)).converted).toBe(1);
    const account = await getAccount(store.context, existing.accountId);
    expect(account.account).toMatchObject({ name: 'Acme GmbH', city: 'Austin' });
    expect(account.contacts).toEqual([expect.objectContaining({ id: existing.contactId, title: 'CTO', city: 'Austin', email: 'ana@acme.example' })]);
    expect((await getLeadDetail(store.context, again)).conversion).toMatchObject({ accountCreated: false, contactCreated: false, automatic: true });

    await undoConversion(store.context, again);
    expect(await snapshot()).toEqual(before);
  });
});
