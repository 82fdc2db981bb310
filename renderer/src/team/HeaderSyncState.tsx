import '../styles/team.css';
import { useEffect } from 'react';
import { DateTime } from '../components/DateTime';
import { useAppStore } from '../store/app-store';
import { describeSyncState } from './sync-state-text';

/** How often the header asks the main process for the sync state (a local read: what is waiting, the last sync). */
const STATUS_REFRESH_MS = 15_000;

/**
 * The header's sync line on a laptop that joined a team hub: what is not on the hub yet, the last
 * sync, and Sync now. A laptop that never joined shows nothing. Asking never blocks capture: the
 * sync runs in the main process.
 */
export function HeaderSyncState() {
  const status = useAppStore((state) => state.syncStatus);
  const running = useAppStore((state) => state.syncRunning);
  const syncError = useAppStore((state) => state.syncError);
  const loadSyncStatus = useAppStore((state) => state.loadSyncStatus);
  const syncWithHub = useAppStore((state) => state.syncWithHub);
  // A lead saved here is one more waiting for the hub: ask again at once rather than at the next tick.
  const lastSavedLead = useAppStore((state) => state.lastSaved?.id);

  useEffect(() => {
    void loadSyncStatus();
    const timer = setInterval(() => void loadSyncStatus(), STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadSyncStatus]);
  useEffect(() => {
    if (lastSavedLead) void loadSyncStatus();
  }, [lastSavedLead, loadSyncStatus]);

  if (!status?.joined) return null;
  const state = describeSyncState(status);
  const stateText = running ? 'Syncing…' : state.text;
  return (
    <div className={`header-sync header-sync-${state.tone}`} role="status" title={status.lastFailure?.message ?? syncError ?? stateText}>
      {/* Two short lines, so the show's name keeps its room in the one-line header. */}
      <span className="header-sync-text">
        <span className="header-sync-state">{stateText}</span>
        <span className="visually-hidden"> · </span>
        <span className="header-detail">
          {status.lastSyncAt ? (
            <>
              last sync <DateTime iso={status.lastSyncAt} />
            </>
          ) : (
            'never synced'
          )}
        </span>
      </span>
      <button type="button" className="button-header" disabled={running} onClick={() => void syncWithHub()}>
        Sync now
      </button>
    </div>
  );
}
