import { useState } from 'react';
import type { TeamDevice } from '../../../shared/ipc/contract';
import { DateTime } from '../components/DateTime';
import { formatCount } from '../components/date-and-number-format';
import { useAppStore } from '../store/app-store';

/**
 * The team's devices as the hub lists them to a manager device: role, its last request to the hub, what each sent
 * and received, and Revoke (confirmed: the device's token stops working at once).
 */
export function TeamDeviceList({ devices }: { devices: TeamDevice[] }) {
  const revoking = useAppStore((state) => state.revokingDeviceId);
  const revokeTeamDevice = useAppStore((state) => state.revokeTeamDevice);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <table className="team-devices">
      <thead>
        <tr>
          <th scope="col">Device</th>
          <th scope="col">Role</th>
          <th scope="col">Last contact</th>
          <th scope="col" className="team-number">
            Sent
          </th>
          <th scope="col" className="team-number">
            Received
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr key={device.id} className={device.revokedAt ? 'team-device-revoked' : undefined}>
            <th scope="row">
              {device.name}
              {device.thisDevice && <span className="team-tag">this laptop</span>}
            </th>
            <td>{device.role}</td>
            <td>{device.lastSeenAt ? <DateTime iso={device.lastSeenAt} /> : 'never'}</td>
            <td className="team-number">{formatCount(device.pushed)}</td>
            <td className="team-number">{formatCount(device.pulled)}</td>
            <td className="team-device-action">
              {device.revokedAt ? (
                <span>
                  Revoked <DateTime iso={device.revokedAt} />
                </span>
              ) : device.thisDevice ? null : confirming === device.id ? (
                <span role="alertdialog" aria-label={`Revoke ${device.name}?`} className="team-revoke-confirm">
                  Revoke {device.name}? It can no longer sync until it joins again with a new code.{' '}
                  <button
                    type="button"
                    className="button-danger"
                    disabled={revoking !== null}
                    onClick={async () => {
                      if (await revokeTeamDevice(device.id)) setConfirming(null);
                    }}
                  >
                    {revoking === device.id ? 'Revoking…' : 'Revoke'}
                  </button>{' '}
                  <button type="button" className="button-quiet" disabled={revoking !== null} onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </span>
              ) : (
                <button type="button" className="button-danger-quiet" disabled={revoking !== null} onClick={() => setConfirming(device.id)}>
                  Revoke…
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
