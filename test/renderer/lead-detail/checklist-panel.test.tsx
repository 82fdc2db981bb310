// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChecklistPanel } from '../../../renderer/src/lead-detail/ChecklistPanel';
import { createAppStore, type AppStore } from '../../../renderer/src/store/app-store';
import type { ApiClient } from '../../../shared/ipc/client';
import { criteriaOfFramework, summarize, type CriterionAnswer } from '../../../shared/domain/qualification';
import type { ChannelInput, LeadDetail, LeadQualification } from '../../../shared/ipc/contract';
import { renderWithStore } from '../render-screen';
import { fakeApi, leadWith, SHOW } from '../fake-store';

afterEach(cleanup);

const lead = leadWith({ firstName: 'Lena', lastName: 'Fischer', company: 'Meridel AG' });
const criteria = criteriaOfFramework('BANT');

/**
 * A tiny stand-in for the qualification service: keeps the answers it was sent, so the
 * screen reloads what was really stored (the real service is tested in
 * test/electron/services/qualification-service.test.ts).
 */
function checklistApi(initial: CriterionAnswer[]) {
  let answers = initial;
  const qualification = (): LeadQualification => ({
    lead,
    checklist: { eventId: SHOW.id, framework: 'BANT', criteria },
    answers,
    summary: summarize(criteria, answers),
    suggestedStatus: null,
    suggestedRating: null,
    convertedAutomatically: null,
  });
  const store = (given: Omit<ChannelInput<'qualification.answer'>, 'leadId'>) => {
    const previous = answers.find((answer) => answer.key === given.key);
    const next = { key: given.key, state: given.state, value: given.value ?? previous?.value ?? '', note: given.note ?? previous?.note ?? '', answeredBy: 'Dana Booth', answeredAt: new Date().toISOString() };
    answers = [...answers.filter((answer) => answer.key !== given.key), next];
  };
  const detail = (): LeadDetail => ({ lead, event: SHOW, missingForExport: [], qualification: qualification(), timeline: [], activities: [], cardScans: [], conversion: null });
  const api = fakeApi({
    'leads.detail': vi.fn(async () => detail()),
    'qualification.answer': vi.fn(async ({ leadId: _leadId, ...given }: ChannelInput<'qualification.answer'>) => {
      store(given);
      return qualification();
    }),
    'qualification.answerMany': vi.fn(async ({ answers: given }: ChannelInput<'qualification.answerMany'>) => {
      for (const answer of given) store(answer);
      return qualification();
    }),
  } satisfies Partial<ApiClient>);
  return { api, stored: (key: string) => answers.find((answer) => answer.key === key) };
}

async function openChecklist(api: ApiClient, criterionSaveDelayMs = 60_000): Promise<AppStore> {
  const store = createAppStore({ api, bridge: { on: () => () => {} }, draftSaveDelayMs: 20, searchDelayMs: 5, criterionSaveDelayMs });
  store.setState({ startupStatus: 'ready', settings: { staffName: 'Dana Booth', currentEventId: SHOW.id, fastScan: false }, events: [SHOW] });
  await store.getState().openLeadDetail(lead.id);
  return store;
}

const budgetMet: CriterionAnswer = { key: 'budget', state: 'met', value: '', note: '', answeredBy: 'Dana Booth', answeredAt: '2026-12-06T09:00:00.000Z' };

describe('checklist: every edit is stored', () => {
  it('an amount typed after the answer was set is stored when the field is left, even for the note beside it', async () => {
    const { api, stored } = checklistApi([budgetMet]);
    const store = await openChecklist(api);
    const { unmount } = renderWithStore(store, <ChecklistPanel />);
    const amount = screen.getByLabelText('Budget: amount') as HTMLInputElement;
    const note = screen.getByLabelText('Budget: note') as HTMLInputElement;

    fireEvent.change(amount, { target: { value: '50k' } });
    expect(amount.value).toBe('50k');
    // On to the note of the same row (this used to store nothing), then away without touching the note.
    fireEvent.blur(amount, { relatedTarget: note });
    await waitFor(() => expect(stored('budget')).toMatchObject({ state: 'met', value: '50k' }));
    expect(api['qualification.answerMany']).toHaveBeenCalledWith({ leadId: lead.id, answers: [{ key: 'budget', state: 'met', value: '50k' }] });
    await waitFor(() => expect(store.getState().criterionEdits).toBeNull());
    expect((screen.getByLabelText('Budget: amount') as HTMLInputElement).value).toBe('50k');
    unmount();
  });

  it('a note typed and never left is stored when the screen goes away', async () => {
    const { api, stored } = checklistApi([budgetMet]);
    const store = await openChecklist(api);
    const { unmount } = renderWithStore(store, <ChecklistPanel />);
    fireEvent.change(screen.getByLabelText('Authority: note'), { target: { value: 'the CTO signs' } });
    unmount(); // navigating to another screen
    await waitFor(() => expect(stored('authority')).toMatchObject({ state: 'unknown', note: 'the CTO signs' }));
  });

  it('is stored after a pause in typing, and the answer clicked again sends what was typed with it', async () => {
    const { api, stored } = checklistApi([budgetMet]);
    const store = await openChecklist(api, 30);
    renderWithStore(store, <ChecklistPanel />);
    fireEvent.change(screen.getByLabelText('Budget: note'), { target: { value: 'approved' } });
    await waitFor(() => expect(stored('budget')).toMatchObject({ note: 'approved' }));

    fireEvent.change(screen.getByLabelText('Budget: amount'), { target: { value: '€ 12.500' } });
    // Met is the answer already selected: clicking it stores the amount typed with it, nothing else.
    fireEvent.click(within(screen.getByRole('group', { name: 'Budget' })).getByRole('button', { name: 'Met' }));
    await waitFor(() => expect(api['qualification.answer']).toHaveBeenCalledWith({ leadId: lead.id, key: 'budget', state: 'met', value: '€ 12.500' }));
    expect(stored('budget')).toMatchObject({ state: 'met', value: '€ 12.500', note: 'approved' });
  });
});
