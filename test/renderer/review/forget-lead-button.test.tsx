// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForgetLeadButton } from '../../../renderer/src/review/ForgetLeadButton';
import { AppStoreContext } from '../../../renderer/src/store/app-store';
import type { ForgottenLead } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { fakeApi, leadWith, readyStore } from '../fake-store';

afterEach(cleanup);

const NO_BACKUPS = { backupsFolder: '/data/backups', backupsHolding: [] };

function forgotten(leadId: string, extra: Partial<ForgottenLead> = {}): ForgottenLead {
  return {
    leadId,
    inStore: true,
    photosRemoved: 1,
    contactsRemoved: 0,
    draftCleared: false,
    unclaimedScansRemoved: 0,
    queueItemsRemoved: 0,
    backupsCleaned: [],
    backupsStillHolding: [],
    backupErrors: [],
    cleanupPending: null,
    ...extra,
  };
}

describe('ForgetLeadButton', () => {
  it('asks first; Cancel forgets nothing; confirming deletes the person and leaves their screen', async () => {
    const ana = leadWith({ firstName: 'Ana', lastName: 'Müller' });
    const other = leadWith({ lastName: 'Other' });
    const forget = vi.fn(async () => forgotten(ana.id));
    const query = vi.fn(async () => ({ items: [other], total: 1, offset: 0, duplicateIds: [], exportedAt: {} }));
    const store = readyStore(fakeApi({ 'leads.forget': forget, 'leads.query': query, 'leads.forgetPreview': async () => NO_BACKUPS }));
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

    // Destructive, in the design system's words: the opener is outlined red, the confirming button filled red.
    expect(screen.getByRole('button', { name: 'Forget this person…' }).className).toBe('button-danger-quiet');
    fireEvent.click(screen.getByRole('button', { name: 'Forget this person…' }));
    expect(screen.getByRole('button', { name: 'Forget for good' }).className).toBe('button-danger');
    fireEvent.click(screen.getByRole('button', { name: 'Forget for good' }));
    await waitFor(() => expect(store.getState().route).toEqual({ screen: 'leads' }));
    expect(forget).toHaveBeenCalledWith({ id: ana.id });
    expect(store.getState().forgetNotice).toBeNull();
    // The list is read again, without the person.
    await waitFor(() => expect(query).toHaveBeenCalled());
  });

  it('says so when another reader holds the clean-up of the log back', async () => {
    const ana = leadWith({ firstName: 'Ana' });
    const note = 'Another window or command still reads an older view of the leads…';
    const store = readyStore(
      fakeApi({
        'leads.forget': async () => forgotten(ana.id, { cleanupPending: note }),
        'leads.forgetPreview': async () => NO_BACKUPS,
        'leads.query': async () => ({ items: [], total: 0, offset: 0, duplicateIds: [], exportedAt: {} }),
      }),
    );
    render(
      <AppStoreContext.Provider value={store}>
        <ForgetLeadButton leadId={ana.id} personName="Ana" />
      </AppStoreContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Forget this person…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget for good' }));
    await waitFor(() => expect(store.getState().forgetNotice).toBe(`Forgotten. ${note}`));
  });

  it('shows why it failed and keeps the lead', async () => {
    const ana = leadWith({ firstName: 'Ana' });
    const store = readyStore(
      fakeApi({
        'leads.forget': async () => Promise.reject(new AppError('busy', 'The database is busy. Try again in a moment.')),
        'leads.forgetPreview': async () => NO_BACKUPS,
      }),
    );
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

  it("names the backups that hold the person (today's too), removes the person from them on request, and clears the booth form holding them", async () => {
    const ana = leadWith({ firstName: 'Ana', lastName: 'Müller' });
    const today = { name: 'leadbooth-2026-12-06T08-00-00-000Z.db', path: '/data/backups/leadbooth-2026-12-06T08-00-00-000Z.db', createdAt: new Date().toISOString(), bytes: 4096 };
    const older = { name: 'leadbooth-2026-12-01T08-00-00-000Z.db', path: '/data/backups/leadbooth-2026-12-01T08-00-00-000Z.db', createdAt: '2026-12-01T08:00:00.000Z', bytes: 4096 };
    const forget = vi.fn(async () => forgotten(ana.id, { draftCleared: true, backupsCleaned: [today.name, older.name] }));
    const store = readyStore(
      fakeApi({
        'leads.forget': forget,
        'leads.forgetPreview': async () => ({ backupsFolder: '/data/backups', backupsHolding: [today, older] }),
        'leads.query': async () => ({ items: [], total: 0, offset: 0, duplicateIds: [], exportedAt: {} }),
        'drafts.save': async () => null,
      }),
    );
    store.getState().setField('email', 'ana@acme.example');
    store.getState().navigate({ screen: 'lead', leadId: ana.id });
    render(
      <AppStoreContext.Provider value={store}>
        <ForgetLeadButton leadId={ana.id} personName="Ana Müller" />
      </AppStoreContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Forget this person…' }));
    const dialog = screen.getByRole('alertdialog');
    await waitFor(() => expect(dialog.textContent).toContain('These 2 backups in /data/backups still hold Ana Müller'));
    expect(dialog.textContent).toContain(today.name);
    expect(dialog.textContent).not.toMatch(/before today/);
    expect(dialog.textContent).toMatch(/kept elsewhere .* are not changed/);
    expect((screen.getByRole('checkbox', { name: /Also remove Ana Müller from these backups/ }) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Forget for good' }));
    await waitFor(() => expect(forget).toHaveBeenCalledWith({ id: ana.id, fromBackups: true }));
    await waitFor(() => expect(store.getState().forgetNotice).toMatch(/the half-typed lead at the booth.*Removed from 2 backup/));
    expect(store.getState().form.email).toBe('');
  });
});
