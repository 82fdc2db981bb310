import { Fragment, useEffect } from 'react';
import '../styles/team.css';
import { DateTime } from '../components/DateTime';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatCount } from '../components/date-and-number-format';
import { useAppStore } from '../store/app-store';
import { JoinHubForm } from './JoinHubForm';
import { SyncConflictList } from './SyncConflictList';
import { TeamDeviceList } from './TeamDeviceList';
import { describeSyncState } from './sync-state-text';

/**
 * The Team screen (issue 18 §5): a laptop that has not joined a hub gets the join form; a joined
 * one sees its hub, what is waiting, Sync now, recent sync conflicts, and on a manager device the
 * team's devices with Revoke. Only what the hub and this laptop really report.
 */
export function TeamScreen() {
  const status = useAppStore((state) => state.syncStatus);
  const running = useAppStore((state) => state.syncRunning);
  const report = useAppStore((state) => state.lastSyncReport);
  const syncError = useAppStore((state) => state.syncError);
  const devices = useAppStore((state) => state.teamDevices);
  const devicesError = useAppStore((state) => state.teamDevicesError);
  const conflicts = useAppStore((state) => state.syncConflicts);
  const loadTeam = useAppStore((state) => state.loadTeam);
  const syncWithHub = useAppStore((state) => state.syncWithHub);

  useEffect(() => void loadTeam(), [loadTeam]);

  return (
    <section className="team-screen" aria-labelledby="team-title">
      <h2 id="team-title" className="screen-title">
        Team
      </h2>
      {status === null ? (
        <p className="list-status" aria-busy="true">
          Reading this laptop's sync state…
        </p>
      ) : !status.joined ? (
        <>
          <p>
            This laptop works on its own. Join your team's hub to bring every laptop's leads together: capture never waits for the network, and
            the laptop syncs every minute while the hub can be reached.
          </p>
          <JoinHubForm />
        </>
      ) : (
        <>
          <section className="team-section" aria-labelledby="team-hub-title">
            <h3 id="team-hub-title">Hub</h3>
            <dl className="record-facts team-facts">
              <div>
                <dt>Address</dt>
                <dd>
                  <code>{status.hubUrl}</code>
                </dd>
              </div>
              <div>
                <dt>This laptop</dt>
                <dd>
                  {status.deviceName} ({status.role})
                </dd>
              </div>
              <div className="team-fact-wide">
                <dt>Certificate fingerprint (SHA-256)</dt>
                <dd>
                  {status.hubFingerprint ? (
                    <>
                      <code className="team-fingerprint">
                        {/* Breaks only between pairs, so no pair is split when it wraps. */}
                        {status.hubFingerprint.split(':').map((pair, index) => (
                          <Fragment key={index}>
                            {index > 0 && (
                              <>
                                :<wbr />
                              </>
                            )}
                            {pair}
                          </Fragment>
                        ))}
                      </code>
                      <span className="field-hint"> Compare it with the one the hub printed: they must be the same.</span>
                    </>
                  ) : (
                    'None: an http:// hub. Data crosses the network unencrypted; use it only on a network you trust.'
                  )}
                </dd>
              </div>
            </dl>
          </section>

          <section className="team-section" aria-labelledby="team-sync-title">
            <h3 id="team-sync-title">Sync</h3>
            <p className={`team-sync-state team-sync-${describeSyncState(status).tone}`}>
              <strong>{describeSyncState(status).text}</strong>
              {' · '}
              {status.lastSyncAt ? (
                <>
                  last sync <DateTime iso={status.lastSyncAt} />
                </>
              ) : (
                'never synced'
              )}
              {status.leadsNotOnHub > 0 && status.notOnHub > status.leadsNotOnHub && (
                <span className="field-hint"> ({formatCount(status.notOnHub)} changes waiting in all, leads' and other records')</span>
              )}
            </p>
            {status.lastFailure && <p className="field-hint">{status.lastFailure.message}</p>}
            <ErrorBanner message={syncError && !status.lastFailure ? syncError : null} />
            {report && !syncError && (
              <p role="status" className="banner">
                Sent {formatCount(report.pushed)}, received {formatCount(report.pulled)} change(s)
                {report.conflicts > 0 && `; ${formatCount(report.conflicts)} conflict(s), listed below`}
                {report.skipped.length > 0 && `; ${formatCount(report.skipped.length)} could not be applied: ${report.skipped.join(' · ')}`}.
              </p>
            )}
            <button type="button" className="button-primary" disabled={running} onClick={() => void syncWithHub()}>
              {running ? 'Syncing…' : 'Sync now'}
            </button>
          </section>

          <section className="team-section" aria-labelledby="team-conflicts-title">
            <h3 id="team-conflicts-title">Recent sync conflicts</h3>
            {conflicts === null ? <p className="list-status">Looking for conflicts…</p> : <SyncConflictList conflicts={conflicts} />}
          </section>

          {status.role === 'manager' && (
            <section className="team-section" aria-labelledby="team-devices-title">
              <h3 id="team-devices-title">Devices</h3>
              <ErrorBanner message={devicesError} />
              {devices === null ? !devicesError && <p className="list-status">Asking the hub for the team's devices…</p> : <TeamDeviceList devices={devices} />}
            </section>
          )}
        </>
      )}
    </section>
  );
}
