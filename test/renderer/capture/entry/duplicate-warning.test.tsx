// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingForExport, type NewLead } from '../../../../shared/domain/lead';
import type { LikelyDuplicate, SavedLead } from '../../../../shared/ipc/contract';
import { LeadEntryScreen } from '../../../../renderer/src/capture/entry/LeadEntryScreen';
import { type AppStore } from '../../../../renderer/src/store/app-store';
import { renderWithStore } from '../../render-screen';
import { fakeApi, leadWith, readyStore, SHOW } from '../../fake-store';

afterEach(cleanup);

const renderEntry = (store: AppStore) => renderWithStore(store, <LeadEntryScreen />);

const existing = leadWith({ firstName: 'Ana', lastName: 'Müller', company: 'Acme GmbH', capturedBy: 'Kim Stand' });
const match: LikelyDuplicate = { lead: existing, reasons: ['name+company'], eventName: SHOW.name };

async function echo(input: NewLead): Promise<SavedLead> {
  const lead = leadWith({ firstName: input.firstName ?? '', lastName: input.lastName ?? '', company: input.company ?? '' });
  return { lead, missingForExport: missingForExport(lead) };
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' }) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

function typeAna(): void {
  type('Name', 'ana Muller');
  type('Company', 'Acme');
  fireEvent.keyDown(field('Company'), { key: 'Enter' });
}

describe('duplicate warning at save', () => {
  it('names the existing lead and saves nothing until the person chooses', async () => {
    const api = fakeApi({
      'leads.findDuplicates': vi.fn(async () => [match]),
      'leads.create': vi.fn(echo),
      'drafts.save': vi.fn(async () => null),
    });
    renderEntry(readyStore(api));
    typeAna();
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toContain('Ana Müller, Acme GmbH — captured by Kim Stand');
    expect(warning.textContent).toContain(`at ${SHOW.name} (same name and company)`);
    expect(api['leads.create']).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Merge into it'));

    fireEvent.click(screen.getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved ana Muller'));
    // The lead is filed under the show and staff member the header shows.
    expect(api['leads.create']).toHaveBeenCalledWith(
      expect.objectContaining({ firstName: 'ana', eventId: SHOW.id, capturedBy: 'Dana Booth', clearDraft: true }),
    );
    expect(screen.queryByText(/Already saved/)).toBeNull();
  });

  it('merges into the existing lead and clears the form', async () => {
    const api = fakeApi({
      'leads.findDuplicates': vi.fn(async () => [match]),
      'leads.merge': vi.fn(async () => ({ lead: existing, missingForExport: [] })),
      'drafts.save': vi.fn(async () => null),
    });
    renderEntry(readyStore(api));
    typeAna();
    fireEvent.click(await screen.findByRole('button', { name: 'Merge into it' }));
    // It was not saved as a lead of its own: the confirmation says where it went.
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Merged into Ana Müller'));
    expect(screen.getByRole('status').textContent).not.toContain('Saved');
    expect(api['leads.merge']).toHaveBeenCalledWith(
      expect.objectContaining({ intoId: existing.id, lead: expect.objectContaining({ firstName: 'ana', company: 'Acme' }), clearDraft: true }),
    );
    expect(field('Name').value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(field('Name')));
  });

  it('an edit after the warning drops it, and a failing check never blocks the save', async () => {
    const api = fakeApi({
      'leads.findDuplicates': vi.fn().mockResolvedValueOnce([match]).mockRejectedValueOnce(new Error('offline')),
      'leads.create': vi.fn(echo),
      'drafts.save': vi.fn(async () => null),
    });
    renderEntry(readyStore(api));
    typeAna();
    await screen.findByText(/Already saved/);
    type('Name', 'Anabel Muller');
    expect(screen.queryByText(/Already saved/)).toBeNull();
    fireEvent.keyDown(field('Name'), { key: 'Enter' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved Anabel Muller'));
  });
});
