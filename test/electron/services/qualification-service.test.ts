import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '../../../electron/services/events-service';
import { getLeadDetail } from '../../../electron/services/lead-detail-service';
import { createLead } from '../../../electron/services/leads-service';
import { exportBatch } from '../../../electron/services/export-service';
import { answerCriteria, answerCriterion, getChecklist, getLeadQualification, saveCriteria } from '../../../electron/services/qualification-service';
import { setStaffName } from '../../../electron/services/settings-service';
import { openTempStore, steppingClock, type TempStore } from '../../support/temp-database';

let store: TempStore;
let leadId: string;
beforeEach(async () => {
  store = await openTempStore({ clock: steppingClock() });
  await setStaffName(store.context, 'Jo Booth');
  await createEvent(store.context, { name: 'Web Summit 2026' });
  leadId = (await createLead(store.context, { lastName: 'Fischer', company: 'Acme' })).lead.id;
});
afterEach(() => store.dispose());

async function answeredEntries(): Promise<unknown[]> {
  return (await getLeadDetail(store.context, leadId)).timeline.filter((entry) => entry.kind === 'criterion_answered');
}

describe('answerCriterion', () => {
  it('stores an amount and a note given after the answer, and the answer clicked again logs nothing new', async () => {
    await answerCriterion(store.context, { leadId, key: 'budget', state: 'met' });
    const withAmount = await answerCriterion(store.context, { leadId, key: 'budget', state: 'met', value: '50k', note: 'signed off by the CFO' });
    expect(withAmount.answers.find((answer) => answer.key === 'budget')).toMatchObject({ state: 'met', value: '50k', note: 'signed off by the CFO' });
    expect(await answeredEntries()).toHaveLength(2);

    const notifications = store.notifications.length;
    const again = await answerCriterion(store.context, { leadId, key: 'budget', state: 'met' });
    expect(again.answers.find((answer) => answer.key === 'budget')).toMatchObject({ value: '50k', note: 'signed off by the CFO' });
    expect(await answeredEntries()).toHaveLength(2);
    expect(store.notifications).toHaveLength(notifications);
  });
});

describe('answerCriteria', () => {
  it('stores several answers in one change and refuses the whole change when one is wrong', async () => {
    const result = await answerCriteria(store.context, {
      leadId,
      answers: [
        { key: 'need', state: 'met' },
        { key: 'authority', state: 'met' },
      ],
    });
    expect(result.summary.met).toBe(2);
    expect(result.lead.status).toBe('Qualified');
    // One change: the status moved once, straight to where the checklist leads.
    const statusSteps = (await getLeadDetail(store.context, leadId)).timeline.filter((entry) => entry.kind === 'status_changed');
    expect(statusSteps).toHaveLength(1);

    await expect(
      answerCriteria(store.context, { leadId, answers: [{ key: 'budget', state: 'met' }, { key: 'colour', state: 'met' }] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const detail = await getLeadDetail(store.context, leadId);
    expect(detail.qualification.answers.find((answer) => answer.key === 'budget')).toBeUndefined();
    await expect(
      answerCriteria(store.context, { leadId, answers: [{ key: 'budget', state: 'met' }, { key: 'budget', state: 'unmet' }] }),
    ).rejects.toThrow(/answered twice/);
  });
});

describe('saveCriteria', () => {
  it('marks a criterion left out removed: gone from the checklist, the score and a bundle, its answers kept for when it comes back', async () => {
    const show = (await getLeadQualification(store.context, leadId)).checklist.eventId;
    await answerCriteria(store.context, { leadId, answers: [{ key: 'budget', state: 'met', value: '50k' }, { key: 'need', state: 'met' }] });
    const bant = (await getChecklist(store.context, show)).criteria;
    const withoutBudget = bant.filter((criterion) => criterion.key !== 'budget');

    const saved = await saveCriteria(store.context, show, withoutBudget);
    expect(saved.criteria.map((criterion) => criterion.key)).toEqual(['authority', 'need', 'timeline']);
    const removed = await getLeadQualification(store.context, leadId);
    expect(removed.checklist.criteria.map((criterion) => criterion.key)).toEqual(['authority', 'need', 'timeline']);
    expect(removed.summary).toMatchObject({ met: 1, total: 3 });
    // The row stays, marked; the lead's answer to it stays as it was.
    const sqlite = store.database.sqlite;
    expect(sqlite.prepare("SELECT removed FROM qualification_criteria WHERE event_id = ? AND key = 'budget'").pluck().get(show)).toBe(1);
    expect(sqlite.prepare("SELECT value FROM lead_criteria WHERE lead_id = ? AND criterion_key = 'budget'").pluck().get(leadId)).toBe('50k');
    await expect(answerCriterion(store.context, { leadId, key: 'budget', state: 'unmet' })).rejects.toThrow(/not on this show's checklist/);

    const exported = await exportBatch(store.context, { format: 'bundle', filter: {} });
    if (exported.cancelled) throw new Error('cancelled');
    const bundle = JSON.parse(exported.files[0]?.content ?? '{}') as { criteria: Array<{ key: string }> };
    expect(bundle.criteria.map((criterion) => criterion.key).sort()).toEqual(['authority', 'need', 'timeline']);

    // Added back: the same record unmarked, and the answer counts again.
    await saveCriteria(store.context, show, bant);
    expect((await getLeadQualification(store.context, leadId)).summary).toMatchObject({ met: 2, total: 4 });
    expect(sqlite.prepare('SELECT count(*) FROM qualification_criteria WHERE event_id = ?').pluck().get(show)).toBe(4);
  });
});
