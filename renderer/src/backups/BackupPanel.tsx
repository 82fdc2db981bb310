import { useEffect, useState } from 'react';
import '../styles/backups.css';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { DateTime } from '../components/DateTime';
import { formatFileSize } from '../components/date-and-number-format';


/**
 * Backups: where they are, "Back up now", and restoring one (after a confirmation that
 * says the current data is kept as a backup first). LeadBooth also backs up by itself
 * once a day at start-up and keeps the last 7.
 */
export function BackupPanel() {
  const backups = useAppStore((state) => state.backups);
  const work = useAppStore((state) => state.backupWork);
  const error = useAppStore((state) => state.backupError);
  const lastRestore = useAppStore((state) => state.lastRestore);
  const loadBackups = useAppStore((state) => state.loadBackups);
  const backUpNow = useAppStore((state) => state.backUpNow);
  const restoreBackup = useAppStore((state) => state.restoreBackup);
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => void loadBackups(), [loadBackups]);

  return (
    <section className="backup-panel" aria-labelledby="backups-title">
      <h2 id="backups-title" className="screen-title">Backups</h2>
      <p>
        LeadBooth copies its database once a day when it starts and keeps the last 7
        {backups ? (
          <>
            {' '}
            in <code>{backups.folder}</code>
          </>
        ) : null}
        . Copy that folder to a USB stick to take the leads home safely.
      </p>
      <ErrorBanner message={error} />
      {lastRestore && (
        <p role="status" className="banner">
          Restored {lastRestore.leads} lead(s) from {lastRestore.restoredFrom}. What was there before is kept as {lastRestore.keptCurrentAs}.
        </p>
      )}
      <button type="button" className="button-primary" disabled={work !== null} onClick={() => void backUpNow()}>
        {work?.kind === 'backup' ? 'Backing up…' : 'Back up now'}
      </button>
      {backups === null && !error && (
        <p className="list-status" aria-busy="true">
          Looking for backups…
        </p>
      )}
      {backups && backups.backups.length === 0 && <p className="empty-state">No backups yet: the first is made when LeadBooth starts tomorrow, or now with Back up now.</p>}
      <ul className="backup-list">
        {backups?.backups.map((backup) => (
          <li key={backup.name}>
            <span>
              <DateTime iso={backup.createdAt} /> · {formatFileSize(backup.bytes)}
            </span>
            {confirming === backup.name ? (
              <span role="alertdialog" aria-label="Restore this backup?">
                Replace the current data with this backup? The current data is kept as a backup first.{' '}
                <button
                  type="button"
                  className="button-primary"
                  disabled={work !== null}
                  onClick={async () => {
                    if (await restoreBackup(backup.name)) setConfirming(null);
                  }}
                >
                  {work?.kind === 'restore' ? 'Restoring…' : 'Restore'}
                </button>{' '}
                <button type="button" className="button-quiet" disabled={work !== null} onClick={() => setConfirming(null)}>
                  Cancel
                </button>
              </span>
            ) : (
              <button type="button" className="button-quiet" disabled={work !== null} onClick={() => setConfirming(backup.name)}>
                Restore…
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
