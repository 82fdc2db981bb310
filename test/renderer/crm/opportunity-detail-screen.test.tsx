// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Activity } from '../../../shared/domain/activity';
import type { Opportunity } from '../../../shared/domain/crm';
import { probabilityOf, type OpportunityStage } from '../../../shared/domain/opportunity';
import type { OpportunityDetail } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { OpportunityDetailScreen } from '../../../renderer/src/crm/OpportunityDetailScreen';
import { accountWith, opportunityDetailOf, opportunityWith } from '../crm-fixtures';
import { fakeApi, readyStore } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

/** An API holding one opportunity that moves when told to, as the service does. */
function opportunityApi(start: Opportunity) {
  const account = accountWith({ id: start.accountId, name: 'Umbrella SA' });
  let detail: OpportunityDetail = opportunityDetailOf(start, account);
  const setStage = vi.fn(async ({ stage, lostReason }: { id: string; stage: OpportunityStage; lostReason?: string }) => {
    if (stage === 'Closed Lost' && !lostReason) {
      throw new AppError('invalid_input', 'Say why the opportunity was lost.', { lostReason: 'Why was it lost?' });
    }
    const opportunity = { ...detail.opportunity, stage, probability: probabilityOf(stage), lostReason: lostReason ?? '' };
    detail = { ...detail, opportunity, stageHistory: [...detail.stageHistory, { stage, at: '2026-03-04T10:00:00.000Z', actor: 'Dana Booth' }] };
    return opportunity;
  });
  const log = vi.fn(async (input: { opportunityId?: string; type: Activity['type']; outcome?: string; text?: string; occurredAt?: string }) => {
    const activity: Activity = {
      id: crypto.randomUUID(),
      leadId: null,
      opportunityId: input.opportunityId ?? null,
      type: input.type,
      occurredAt: input.occurredAt ?? '2026-03-04T10:00:00.000Z',
      outcome: input.outcome ?? '',
      text: input.text ?? '',
      createdBy: 'Dana Booth',
      createdAt: '2026-03-04T10:00:00.000Z',
    };
    detail = { ...detail, activities: [...detail.activities, activity] };
    return activity;
  });
  const update = vi.fn(async ({ id: _id, ...changes }: { id: string; name?: string; amount?: number | null; closeDate?: string; stage?: OpportunityStage }) => {
    if (changes.name === 'taken') throw new AppError('invalid_input', 'Check name: no.', { name: 'That name is taken.' });
    const stage = changes.stage ?? detail.opportunity.stage;
    const opportunity = { ...detail.opportunity, ...changes, stage, probability: probabilityOf(stage) };
    detail = { ...detail, opportunity };
    return opportunity;
  });
  const api = fakeApi({ 'opportunities.get': async () => detail, 'opportunities.setStage': setStage, 'opportunities.update': update, 'activities.log': log });
  return { api, setStage, update, log, account };
}

describe('opportunity page', () => {
  it('edits name, amount and stage in place, in the show’s currency; the app’s own messages sit under their fields', async () => {
    const opportunity = opportunityWith({ name: 'Umbrella SA – Hannover Messe 2026', stage: 'Qualification', amount: 12500 });
    const { api, update } = opportunityApi(opportunity);
    renderWithStore(readyStore(api), <OpportunityDetailScreen opportunityId={opportunity.id} />);
    await screen.findByRole('heading', { name: /Umbrella SA – Hannover Messe 2026/ });
    // The fake store's show is in EUR.
    expect(screen.getByLabelText('Opportunity details').textContent).toContain(
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(12500),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Edit details' }));
    fireEvent.change(screen.getByLabelText('Amount (EUR)'), { target: { value: 'lots' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByText('Give the opportunity a name.')).toBeTruthy();
    expect(screen.getByLabelText('Amount (EUR)').getAttribute('aria-describedby')).toBe('opportunity-edit-amount-message');
    expect(document.getElementById('opportunity-edit-amount-message')?.textContent).toBe('Enter the amount as a number, e.g. 50000.');
    expect(update).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'taken' } });
    fireEvent.change(screen.getByLabelText('Amount (EUR)'), { target: { value: '20,000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('That name is taken.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Umbrella SA – 20 scanners' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Stage' }), { target: { value: 'Closed Won' } });
    expect(screen.getByText('Left as it is, Closed Won sets it to today.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { name: /Umbrella SA – 20 scanners/ });
    // Only what changed goes: the untouched close date lets Closed Won set the day it was won.
    expect(update).toHaveBeenLastCalledWith({ id: opportunity.id, name: 'Umbrella SA – 20 scanners', amount: 20000, stage: 'Closed Won' });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit opportunity' })).toBeNull());
  });

  it('shows the account, the primary contact and the stage, and moves to Closed Won', async () => {
    const opportunity = opportunityWith({ name: 'Umbrella SA – Hannover Messe 2026', stage: 'Qualification', amount: 12500 });
    const { api, setStage, account } = opportunityApi(opportunity);
    const store = readyStore(api);
    renderWithStore(store, <OpportunityDetailScreen opportunityId={opportunity.id} />);

    expect(await screen.findByRole('heading', { name: /Umbrella SA – Hannover Messe 2026/ })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Contact roles' })).getByText('Primary')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Qualification/ }).getAttribute('aria-current')).toBe('step');

    fireEvent.click(screen.getByRole('button', { name: /^Closed Won/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: /^Closed Won/ }).getAttribute('aria-current')).toBe('step'));
    expect(setStage).toHaveBeenCalledWith({ id: opportunity.id, stage: 'Closed Won' });
    const history = screen.getByRole('list', { name: 'Stage history, newest first' });
    expect(within(history).getAllByRole('listitem')[0]?.textContent).toContain('Closed Won');

    fireEvent.click(screen.getByRole('button', { name: account.name }));
    expect(store.getState().route).toEqual({ screen: 'account', accountId: account.id });
  });

  it('asks why before Closed Lost, shows the API’s message in place, and Escape leaves the question', async () => {
    const opportunity = opportunityWith({ stage: 'Negotiation/Review' });
    const { api, setStage } = opportunityApi(opportunity);
    renderWithStore(readyStore(api), <OpportunityDetailScreen opportunityId={opportunity.id} />);
    await screen.findByRole('heading', { name: new RegExp(opportunity.name) });

    fireEvent.click(screen.getByRole('button', { name: /^Closed Lost/ }));
    const reason = screen.getByRole('combobox', { name: 'Why was it lost?' });
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect(setStage).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Mark as Closed Lost' }));
    expect(await screen.findByText('Say why it was lost: the team learns from it.')).toBeTruthy();
    expect(setStage).not.toHaveBeenCalled();

    fireEvent.keyDown(reason, { key: 'Escape' });
    expect(screen.queryByRole('combobox', { name: 'Why was it lost?' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /^Closed Lost/ }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Why was it lost?' }), { target: { value: 'Lost to a competitor' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark as Closed Lost' }));
    await waitFor(() => expect(screen.getByText('Lost because: Lost to a competitor')).toBeTruthy());
    expect(setStage).toHaveBeenCalledWith({ id: opportunity.id, stage: 'Closed Lost', lostReason: 'Lost to a competitor' });
  });

  it('shows the API’s own message when the reason is refused', async () => {
    const opportunity = opportunityWith({ stage: 'Prospecting' });
    const { api } = opportunityApi(opportunity);
    api['opportunities.setStage'] = vi.fn(async () =>
      Promise.reject(new AppError('invalid_input', 'Check lostReason: too long', { lostReason: 'Keep the reason under 255 characters.' })),
    );
    renderWithStore(readyStore(api), <OpportunityDetailScreen opportunityId={opportunity.id} />);
    await screen.findByRole('heading', { name: new RegExp(opportunity.name) });
    fireEvent.click(screen.getByRole('button', { name: /^Closed Lost/ }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Why was it lost?' }), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark as Closed Lost' }));
    expect(await screen.findByText('Keep the reason under 255 characters.')).toBeTruthy();
  });

  it('logs an activity on the opportunity and lists it', async () => {
    const opportunity = opportunityWith({});
    const { api, log } = opportunityApi(opportunity);
    renderWithStore(readyStore(api), <OpportunityDetailScreen opportunityId={opportunity.id} />);
    await screen.findByRole('heading', { name: new RegExp(opportunity.name) });
    expect(screen.getByText('Nothing logged yet.')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Meeting' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Outcome' }), { target: { value: 'Demo booked' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Notes' }), { target: { value: 'Wants the API docs.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log activity' }));

    const activities = await screen.findByRole('list', { name: 'Activities, newest first' });
    expect(within(activities).getByText('Demo booked')).toBeTruthy();
    expect(log.mock.calls[0]?.[0]).toMatchObject({ opportunityId: opportunity.id, type: 'meeting', outcome: 'Demo booked', text: 'Wants the API docs.' });
    expect(log.mock.calls[0]?.[0]).not.toHaveProperty('leadId');
    // The form is cleared for the next one once the save is through.
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Outcome' }) as HTMLInputElement).value).toBe(''));
  });

  it('says so when the opportunity no longer exists', async () => {
    const api = fakeApi({ 'opportunities.get': async () => Promise.reject(new AppError('not_found', 'This opportunity no longer exists.')) });
    renderWithStore(readyStore(api), <OpportunityDetailScreen opportunityId={crypto.randomUUID()} />);
    expect(await screen.findByText('This opportunity no longer exists.')).toBeTruthy();
  });
});
