// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeaderSyncState } from '../../../renderer/src/team/HeaderSyncState';
import { AppError } from '../../../shared/ipc/errors';
import type { SyncStatus } from '../../../shared/ipc/contract';
import { fakeApi, readyStore } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

const JOINED: SyncStatus = {
  joined: true,
  hubUrl: 'http://10.0.0.5:8470',
  hubFingerprint: null,
  deviceName: 'Dana on booth-1',
  role: 'booth',
  notOnHub: 14,
  leadsNotOnHub: 12,
  lastSyncAt: '2026-12-07T09:00:00.000Z',
  lastFailure: null,
};

describe('HeaderSyncState', () => {
  it('shows nothing on a laptop that never joined a hub', async () => {
    const status = vi.fn(async () => ({ ...JOINED, joined: false, hubUrl: null, deviceName: null, role: null, notOnHub: 0, leadsNotOnHub: 0, lastSyncAt: null }));
    const store = readyStore(fakeApi({ 'sync.status': status }));
    const { container } = renderWithStore(store, <HeaderSyncState />);
    await vi.waitFor(() => expect(status).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });

  it('says what waits and the last sync, Sync now runs it, and an unreachable hub is said with the last sync kept', async () => {
    const syncNow = vi
      .fn()
      .mockResolvedValueOnce({ pushed: 14, pulled: 0, applied: 0, conflicts: 0, tombstoned: 0, skipped: [], status: { ...JOINED, notOnHub: 0, leadsNotOnHub: 0, lastSyncAt: '2026-12-07T10:00:00.000Z' } })
      .mockRejectedValueOnce(new AppError('hub_unreachable', 'The hub at http://10.0.0.5:8470 cannot be reached (ECONNREFUSED)'));
    const statuses = [JOINED, { ...JOINED, notOnHub: 0, leadsNotOnHub: 0, lastSyncAt: '2026-12-07T10:00:00.000Z', lastFailure: { at: '2026-12-07T10:01:00.000Z', message: 'cannot be reached', unreachable: true } }];
    const store = readyStore(fakeApi({ 'sync.status': async () => statuses[0] as SyncStatus, 'sync.now': syncNow }));
    renderWithStore(store, <HeaderSyncState />);
    const line = await screen.findByRole('status');
    expect(line.textContent).toMatch(/^12 leads not on the hub yet · last sync /);
    expect(line.querySelector('time')?.getAttribute('dateTime')).toBe('2026-12-07T09:00:00.000Z');

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('All on the hub')).toBeTruthy();
    expect(line.querySelector('time')?.getAttribute('dateTime')).toBe('2026-12-07T10:00:00.000Z');

    statuses.shift();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('Hub not reachable')).toBeTruthy();
    expect(line.querySelector('time')?.getAttribute('dateTime')).toBe('2026-12-07T10:00:00.000Z');
  });
});
