// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForgetLeadButton } from '../../renderer/src/leads/ForgetLeadButton';
import { AppStoreContext } from '../../renderer/src/store/app-store';
import { AppError } from '../../shared/ipc/errors';
import { fakeApi, leadWith, readyStore } from './fake-store';

afterEach(cleanup);

describe('ForgetLeadButton', () => {
  it('asks first; Cancel forgets nothing; confirming deletes the person and leaves their screen', async () => {
    const ana = leadWith({ firstName: 'Ana', lastName: 'Müller' });
    const other = leadWith({ lastName: 'Other' });
    const forget = vi.fn(async () => ({ leadId: ana.id, photosRemoved: 1, contactsRemoved: 0 }));
    const query = vi.fn(async () => ({ items: [other], total: 1, offset: 0, duplicateIds: [] }));
    const store = readyStore(fakeApi({ 'leads.forget': forget, 'leads.query': query }));
    store.getState().navigate({ screen: 'leads' });
    store.getState().navigate({ screen: 'lead', leadId: ana.id });
    render(
      <AppStoreContext.Provider value={store}>
        <ForgetLeadButton leadId={ana.id} personName="Ana Müller" />
      </AppStoreContext.Provider>,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Forget this person…' }));
    expect(screen.getByRole('alertdialog').textContent).toMatch(/Forget Ana Müller for good\?.*cannot be undone/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(forget).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Forget this person…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget for good' }));
    await waitFor(() => expect(store.getState().route).toEqual({ screen: 'leads' }));
    expect(forget).toHaveBeenCalledWith({ id: ana.id });
    // The list is read again, without the person.
    await waitFor(() => expect(query).toHaveBeenCalled());
  });

  it('shows why it failed and keeps the lead', async () => {
    const ana = leadWith({ firstName: 'Ana' });
    const store = readyStore(fakeApi({ 'leads.forget': async () => Promise.reject(new AppError('busy', 'The database is busy. Try again in a moment.')) }));
    render(
      <AppStoreContext.Provider value={store}>
        <ForgetLeadButton leadId={ana.id} personName="Ana" />
      </AppStoreContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Forget this person…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget for good' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/busy/);
    expect(store.getState().route).not.toEqual({ screen: 'leads' });
  });
});
