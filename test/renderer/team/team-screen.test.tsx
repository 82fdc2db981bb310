// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamScreen } from '../../../renderer/src/team/TeamScreen';
import { AppError } from '../../../shared/ipc/errors';
import type { SyncConflict, SyncStatus, TeamDevice } from '../../../shared/ipc/contract';
import { fakeApi, readyStore } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

const NOT_JOINED: SyncStatus = {
  joined: false,
  hubUrl: null,
  hubFingerprint: null,
  deviceName: null,
  role: null,
  notOnHub: 0,
  leadsNotOnHub: 0,
  lastSyncAt: null,
  lastFailure: null,
};
const FINGERPRINT = Array.from({ length: 32 }, (_, index) => (index * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');
const JOINED: SyncStatus = {
  joined: true,
  hubUrl: 'https://192.168.1.20:8470',
  hubFingerprint: FINGERPRINT,
  deviceName: 'Mia on desk-7',
  role: 'manager',
  notOnHub: 5,
  leadsNotOnHub: 2,
  lastSyncAt: null,
  lastFailure: null,
};
const CONFLICT: SyncConflict = {
  entryId: 'entry-1',
  leadId: 'lead-1',
  leadName: 'Grace Hopper',
  at: '2026-12-07T10:02:00.000Z',
  label: 'Job title',
  lost: { value: 'CEO', device: 'laptop 97baaff8' },
  won: { value: 'CTO', device: 'laptop 55afc1a9' },
};
const device = (fields: Partial<TeamDevice>): TeamDevice => ({
  id: 'device-1',
  name: 'Ben on booth-2',
  role: 'booth',
  createdAt: '2026-12-07T08:00:00.000Z',
  lastSeenAt: '2026-12-07T10:00:00.000Z',
  revokedAt: null,
  pushed: 120,
  pulled: 30,
  thisDevice: false,
  ...fields,
});

describe('TeamScreen', () => {
  it('on a laptop that never joined shows the join form; the contract names a bad field, the hub refusal goes in a banner', async () => {
    const join = vi.fn(async (input: { url: string; code: string; fingerprint?: string }) => {
      if (!input.code) throw new AppError('invalid_input', 'Check the fields.', { code: 'Give the pairing code the hub shows.' });
      throw new AppError('hub_refused', 'This pairing code is unknown, used or expired: ask the hub for a new one (leadbooth hub code).');
    });
    const store = readyStore(fakeApi({ 'sync.status': async () => NOT_JOINED, 'sync.join': join }));
    renderWithStore(store, <TeamScreen />);
    const form = await screen.findByRole('form', { name: "Join your team's hub" });
    fireEvent.change(within(form).getByLabelText('Hub address'), { target: { value: 'http://127.0.0.1:8470' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Join the hub' }));
    const code = within(form).getByLabelText('Pairing code');
    expect(await within(form).findByText('Give the pairing code the hub shows.')).toBeTruthy();
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(join).toHaveBeenCalledWith({ url: 'http://127.0.0.1:8470', code: '' });

    fireEvent.change(code, { target: { value: 'ABCD-EFGH-JKLM' } });
    fireEvent.change(within(form).getByLabelText(/Certificate fingerprint/), { target: { value: ` ${FINGERPRINT} ` } });
    fireEvent.click(within(form).getByRole('button', { name: 'Join the hub' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/pairing code is unknown/);
    expect(join).toHaveBeenLastCalledWith({ url: 'http://127.0.0.1:8470', code: 'ABCD-EFGH-JKLM', fingerprint: FINGERPRINT });
    expect(code.getAttribute('aria-invalid')).toBeNull();
  });

  it('joined as a manager: the hub and its fingerprint, what waits, Sync now, conflicts linking to the lead, devices with a confirmed Revoke', async () => {
    const revoke = vi.fn(async () => device({ revokedAt: '2026-12-07T11:00:00.000Z' }));
    const syncNow = vi.fn(async () => ({
      pushed: 5,
      pulled: 3,
      applied: 3,
      conflicts: 0,
      tombstoned: 0,
      skipped: [],
      status: { ...JOINED, notOnHub: 0, leadsNotOnHub: 0, lastSyncAt: '2026-12-07T11:05:00.000Z' },
    }));
    const store = readyStore(
      fakeApi({
        'sync.status': async () => JOINED,
        'sync.conflicts': async () => [CONFLICT],
        'sync.devices': async () => [device({}), device({ id: 'device-me', name: 'Mia on desk-7', role: 'manager', thisDevice: true })],
        'sync.revokeDevice': revoke,
        'sync.now': syncNow,
      }),
    );
    renderWithStore(store, <TeamScreen />);
    expect(await screen.findByText('https://192.168.1.20:8470')).toBeTruthy();
    expect(screen.getByText(FINGERPRINT)).toBeTruthy();
    expect(screen.getByText('Mia on desk-7 (manager)')).toBeTruthy();
    expect(screen.getByText('2 leads not on the hub yet')).toBeTruthy();

    const conflicts = screen.getByRole('region', { name: 'Recent sync conflicts' });
    expect(conflicts.textContent).toMatch(/Job title “CTO” \(laptop 55afc1a9\) kept; “CEO” \(laptop 97baaff8\) lost/);
    fireEvent.click(within(conflicts).getByRole('button', { name: 'Grace Hopper' }));
    expect(store.getState().route).toEqual({ screen: 'lead', leadId: 'lead-1' });

    const devices = await screen.findByRole('table');
    const ben = within(devices).getByRole('row', { name: /Ben on booth-2/ });
    expect(within(devices).getByRole('row', { name: /Mia on desk-7/ }).textContent).toMatch(/this laptop/);
    expect(within(within(devices).getByRole('row', { name: /Mia on desk-7/ })).queryByRole('button')).toBeNull(); // no revoking itself
    fireEvent.click(within(ben).getByRole('button', { name: 'Revoke…' }));
    expect(within(ben).getByRole('alertdialog').textContent).toMatch(/can no longer sync/);
    expect(revoke).not.toHaveBeenCalled();
    fireEvent.click(within(ben).getByRole('button', { name: 'Revoke' }));
    expect(await within(ben).findByText(/^Revoked/)).toBeTruthy();
    expect(revoke).toHaveBeenCalledWith({ deviceId: 'device-1' });

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('All on the hub')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/Sent 5, received 3/);
  });

  it('a booth device sees no device list, and an unreachable hub says so with the last sync', async () => {
    const status: SyncStatus = {
      ...JOINED,
      role: 'booth',
      hubFingerprint: null,
      hubUrl: 'http://10.0.0.5:8470',
      lastSyncAt: '2026-12-07T09:00:00.000Z',
      lastFailure: { at: '2026-12-07T10:00:00.000Z', message: 'The hub at http://10.0.0.5:8470 cannot be reached (ECONNREFUSED)', unreachable: true },
    };
    const store = readyStore(fakeApi({ 'sync.status': async () => status, 'sync.conflicts': async () => [] }));
    renderWithStore(store, <TeamScreen />);
    expect(await screen.findByText('Hub not reachable')).toBeTruthy();
    expect(screen.getByText(/ECONNREFUSED/)).toBeTruthy();
    expect(screen.getByText(/an http:\/\/ hub/)).toBeTruthy();
    expect(await screen.findByText(/No sync conflicts/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Devices' })).toBeNull();
  });
});
