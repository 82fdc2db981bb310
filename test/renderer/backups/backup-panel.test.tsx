// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupPanel } from '../../../renderer/src/backups/BackupPanel';
import { AppStoreContext } from '../../../renderer/src/store/app-store';
import type { BackupList } from '../../../shared/ipc/contract';
import { fakeApi, readyStore } from '../fake-store';

afterEach(cleanup);

describe('BackupPanel', () => {
  it('shows where backups are, backs up now, and restores one only after confirming', async () => {
    let list: BackupList = { folder: '/home/jo/.config/LeadBooth/backups', backups: [] };
    const monday = { name: 'leadbooth-2026-11-23T08-00-00-000Z.db', path: '/x/monday.db', createdAt: '2026-11-23T08:00:00.000Z', bytes: 2_500_000 };
    const create = vi.fn(async () => {
      list = { ...list, backups: [monday] };
      return monday;
    });
    const restore = vi.fn(async () => ({ restoredFrom: monday.name, keptCurrentAs: 'leadbooth-2026-11-28T10-00-00-000Z-before-restore.db', leads: 42 }));
    const store = readyStore(
      fakeApi({ 'backups.list': async () => list, 'backups.create': create, 'backups.restore': restore, 'leads.list': async () => ({ items: [], nextCursor: null }) }),
    );
    render(
      <AppStoreContext.Provider value={store}>
        <BackupPanel />
      </AppStoreContext.Provider>,
    );
    expect(screen.getByText('Looking for backups…')).toBeTruthy(); // a loading state, not an empty list
    expect(await screen.findByText('/home/jo/.config/LeadBooth/backups')).toBeTruthy();
    expect(screen.getByText(/^No backups yet/)).toBeTruthy();
    expect(screen.queryByText('Looking for backups…')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText(/2\.4 MB/)).toBeTruthy();
    expect(create).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: 'Restore…' }));
    expect(screen.getByRole('alertdialog').textContent).toMatch(/current data is kept as a backup first/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(restore).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Restore…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Restored 42 lead\(s\).*before-restore\.db/));
    expect(restore).toHaveBeenCalledWith({ name: monday.name });
  });
});
