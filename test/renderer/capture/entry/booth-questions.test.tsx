// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingForExport, type NewLead } from '../../../../shared/domain/lead';
import type { Checklist, LeadQualification, SavedLead } from '../../../../shared/ipc/contract';
import { LeadEntryScreen } from '../../../../renderer/src/capture/entry/LeadEntryScreen';
import { type AppStore } from '../../../../renderer/src/store/app-store';
import { renderWithStore } from '../../render-screen';
import { fakeApi, leadWith, readyStore, SHOW } from '../../fake-store';

afterEach(cleanup);

const renderEntry = (store: AppStore) => renderWithStore(store, <LeadEntryScreen />);

const checklist: Checklist = {
  eventId: SHOW.id,
  framework: 'BANT',
  criteria: [
    { key: 'budget', label: 'Budget', kind: 'yesno', choices: [], askAtBooth: false },
    { key: 'need', label: 'Need', kind: 'yesno', choices: [], askAtBooth: true },
    { key: 'timeline', label: 'Timeline', kind: 'yesno', choices: [], askAtBooth: true },
  ],
};

describe('ask at the booth', () => {
  it("shows the show's booth questions and saves the ticked ones as met with the lead, in the same call", async () => {
    const saved = leadWith({ lastName: 'Okafor' });
    const api = fakeApi({
      'qualification.checklist': vi.fn(async () => checklist),
      'qualification.answerMany': vi.fn(async () => ({}) as LeadQualification),
      'leads.findDuplicates': vi.fn(async () => []),
      'leads.create': vi.fn(async (_input: NewLead & { boothAnswers?: unknown }): Promise<SavedLead> => ({ lead: saved, missingForExport: missingForExport(saved) })),
      'drafts.save': vi.fn(async () => null),
    });
    renderEntry(readyStore(api));
    const need = await screen.findByRole('checkbox', { name: 'Need' });
    expect(screen.queryByRole('checkbox', { name: 'Budget' })).toBeNull();
    fireEvent.click(need);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Timeline' }));
    const name = screen.getByLabelText(/^Name/, { selector: 'input' });
    fireEvent.change(name, { target: { value: 'Okafor' } });
    fireEvent.keyDown(name, { key: 'Enter' });
    // The ticks go with the lead, in its one call (one transaction): the show's automatic rule runs once, after both.
    await waitFor(() =>
      expect(api['leads.create']).toHaveBeenCalledWith(
        expect.objectContaining({
          lastName: 'Okafor',
          boothAnswers: [
            { key: 'need', state: 'met' },
            { key: 'timeline', state: 'met' },
          ],
        }),
      ),
    );
    expect(api['leads.create']).toHaveBeenCalledTimes(1);
    expect(api['qualification.answerMany']).not.toHaveBeenCalled();
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Need' }) as HTMLInputElement).checked).toBe(false));
  });
});
