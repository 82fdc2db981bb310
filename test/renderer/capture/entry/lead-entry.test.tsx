// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingForExport, type NewLead } from '../../../../shared/domain/lead';
import { AppError } from '../../../../shared/ipc/errors';
import type { SavedLead } from '../../../../shared/ipc/contract';
import { LeadEntryScreen } from '../../../../renderer/src/capture/entry/LeadEntryScreen';
import { CONSENT_WORDING } from '../../../../renderer/src/capture/model/lead-form-model';
import { type AppStore } from '../../../../renderer/src/store/app-store';
import { renderWithStore } from '../../render-screen';
import { fakeApi, leadWith, readyStore } from '../../fake-store';

afterEach(cleanup);

const renderEntry = (store: AppStore) => renderWithStore(store, <LeadEntryScreen />);

/** leads.create that echoes what it got, as the real service would. */
async function echoCreate(input: NewLead): Promise<SavedLead> {
  const lead = leadWith({ firstName: input.firstName ?? '', lastName: input.lastName ?? '', company: input.company ?? '' });
  return { lead, missingForExport: missingForExport(lead) };
}

/** The form control whose label starts with these words ("Name" and "Last name" have a "needed for export" tag after them). */
const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input, textarea, select' }) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

describe('lead entry', () => {
  it('saves on Enter, clears the form and puts focus back in the first field, Name', async () => {
    const api = fakeApi({ 'leads.create': vi.fn(echoCreate), 'drafts.save': vi.fn(async () => null) });
    renderEntry(readyStore(api));
    expect(document.activeElement).toBe(field('Name'));
    type('Name', 'Ana Müller');
    field('Job title').focus();
    fireEvent.keyDown(field('Job title'), { key: 'Enter' });

    await screen.findByText(/still needs Company for export/);
    expect(screen.getByRole('status').textContent).toContain('Saved Ana Müller');
    expect(api['leads.create']).toHaveBeenCalledWith(
      expect.objectContaining({ firstName: 'Ana', lastName: 'Müller', leadSource: 'Trade Show', consent: null, rating: null }),
    );
    expect(field('Name').value).toBe('');
    expect(field('First name').value).toBe('');
    expect(field('Last name').value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(field('Name')));
    // The draft is dropped once the lead is safe.
    await waitFor(() => expect(api['drafts.save']).toHaveBeenLastCalledWith({ fields: null }));
  });

  it('a save that waits for another program says so, keeps the lead as a draft meanwhile, and finishes when the store is free', async () => {
    let finish: (saved: SavedLead) => void = () => {};
    let sentLead: NewLead | undefined;
    const api = fakeApi({
      'leads.create': vi.fn(async (input: NewLead) => {
        sentLead = input;
        return new Promise<SavedLead>((resolve) => (finish = resolve));
      }),
      'drafts.save': vi.fn(async () => null),
    });
    renderEntry(readyStore(api));
    type('Name', 'Ines Waiting');
    fireEvent.keyDown(field('Name'), { key: 'Enter' });
    // Written before the save is answered, not on the draft timer: a quit now leaves the lead as the draft.
    await waitFor(() => expect(api['drafts.save']).toHaveBeenCalledWith({ fields: expect.objectContaining({ firstName: 'Ines', lastName: 'Waiting' }) }));
    expect(await screen.findByText(/Still saving: another program/, undefined, { timeout: 4_000 })).toBeTruthy();
    finish(await echoCreate(sentLead!));
    await waitFor(() => expect(screen.queryByText(/Still saving/)).toBeNull());
    expect(field('Name').value).toBe('');
    expect(screen.getByRole('status').textContent).toContain('Saved Ines Waiting');
  });

  it('a save refused as busy after its wait keeps everything and says it is kept as a draft', async () => {
    const api = fakeApi({
      'leads.create': vi.fn(async () =>
        Promise.reject(new AppError('busy', 'Another program has been writing to the lead store for 30 s (an import). Nothing was changed: try again when it has finished.')),
      ),
      'drafts.save': vi.fn(async () => null),
    });
    renderEntry(readyStore(api));
    type('Name', 'Ola Busy');
    fireEvent.keyDown(field('Name'), { key: 'Enter' });
    expect((await screen.findByText(/kept as a draft: press Enter to save it then/)).textContent).toMatch(/^Not saved yet\. Another program/);
    expect(field('Name').value).toBe('Ola Busy');
  });

  it('shows an API field error next to its field and keeps what was typed', async () => {
    const message = 'This does not look like an email address (name@company.com).';
    const api = fakeApi({
      'leads.create': vi.fn(async () => Promise.reject(new AppError('invalid_input', `Check email: ${message}`, { email: message }))),
      'drafts.save': vi.fn(async () => null),
    });
    renderEntry(readyStore(api));
    type('Name', 'Ben Okafor');
    type('Email', 'ben@');
    fireEvent.keyDown(field('Email'), { key: 'Enter' });

    const email = field('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = document.getElementById(email.getAttribute('aria-describedby') ?? '');
    expect(describedBy?.textContent).toBe(message);
    expect(screen.getByRole('alert').textContent).toContain('Not saved yet');
    expect(email.value).toBe('ben@');
    expect(field('Name').value).toBe('Ben Okafor');
    await waitFor(() => expect(document.activeElement).toBe(email));

    // Typing in the field clears its error.
    type('Email', 'ben@acme.example');
    expect(email.getAttribute('aria-invalid')).toBeNull();
  });

  it('makes a new line on Enter in the notes, and saves on Ctrl+Enter with the consent wording', async () => {
    const api = fakeApi({ 'leads.create': vi.fn(echoCreate), 'drafts.save': vi.fn(async () => null) });
    renderEntry(readyStore(api));
    type('Company', 'Acme GmbH');
    fireEvent.click(screen.getByRole('checkbox', { name: /Marketing consent/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Hot' }));
    type('Notes', 'Wants a demo');
    fireEvent.keyDown(field('Notes'), { key: 'Enter' });
    expect(api['leads.create']).not.toHaveBeenCalled();

    fireEvent.keyDown(field('Notes'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(api['leads.create']).toHaveBeenCalledTimes(1));
    const sent = vi.mocked(api['leads.create']).mock.calls[0]?.[0];
    expect(sent).toMatchObject({ company: 'Acme GmbH', notes: 'Wants a demo', rating: 'Hot', captureMethod: 'typed' });
    expect(sent?.consent).toMatchObject({ given: true, wording: CONSENT_WORDING });
    expect(new Date(sent?.consent?.at ?? '').toISOString()).toBe(sent?.consent?.at);
  });

  it('keeps the half-typed lead as a draft after a short pause', async () => {
    const api = fakeApi({ 'drafts.save': vi.fn(async () => null) });
    renderEntry(readyStore(api));
    type('Name', 'Cleo');
    type('Name', 'Cleo Park');
    await waitFor(() => expect(api['drafts.save']).toHaveBeenCalledTimes(1));
    expect(api['drafts.save']).toHaveBeenCalledWith({ fields: expect.objectContaining({ firstName: 'Cleo', lastName: 'Park', leadSource: 'Trade Show' }) });
  });
});
