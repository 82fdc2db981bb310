import { useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { formatLocalTime } from '../components/date-and-number-format';

interface ForgetLeadButtonProps {
  leadId: string;
  /** How the person is named in the confirmation ("Ana Müller"). */
  personName: string;
}

/**
 * "Forget this person" on a lead: asks once, in words that say it cannot be undone, names
 * the backups in the app's backups folder that still hold the person and offers to remove
 * the person from them too, then deletes for good. Self-contained: the lead screen places
 * it; the store's forgetLead does the rest (and leaves the screen).
 */
export function ForgetLeadButton({ leadId, personName }: ForgetLeadButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [fromBackups, setFromBackups] = useState(true);
  const busy = useAppStore((state) => state.forgettingLeadId === leadId);
  const error = useAppStore((state) => state.forgetError);
  const preview = useAppStore((state) => (state.forgetPreview?.leadId === leadId ? state.forgetPreview : null));
  const forgetLead = useAppStore((state) => state.forgetLead);
  const loadForgetPreview = useAppStore((state) => state.loadForgetPreview);

  if (!confirming) {
    return (
      <button
        type="button"
        className="button-danger-quiet"
        onClick={() => {
          setConfirming(true);
          void loadForgetPreview(leadId);
        }}
      >
        Forget this person…
      </button>
    );
  }
  const holding = preview?.backupsHolding ?? [];
  return (
    <div role="alertdialog" aria-labelledby={`forget-${leadId}-title`} aria-describedby={`forget-${leadId}-text`} className="banner banner-error">
      <p id={`forget-${leadId}-title`}>
        <strong>Forget {personName} for good?</strong>
      </p>
      <div id={`forget-${leadId}-text`}>
        <p>
          This deletes the lead, its card photos and its search entries from this laptop, and every other copy LeadBooth keeps of{' '}
          {personName}: the half-typed lead at the booth, queued and unsaved card scans of them. It cannot be undone.
        </p>
        {preview === null ? (
          <p>Looking through the backups…</p>
        ) : holding.length === 0 ? (
          <p>No backup in LeadBooth&apos;s backups folder holds {personName}.</p>
        ) : (
          <>
            <p>
              {holding.length === 1 ? 'This backup' : `These ${holding.length} backups`} in {preview.backupsFolder} still hold {personName}:
            </p>
            <ul className="forget-backups">
              {holding.map((backup) => (
                <li key={backup.name}>
                  {backup.name} ({formatLocalTime(backup.createdAt)})
                </li>
              ))}
            </ul>
            <label>
              <input type="checkbox" checked={fromBackups} disabled={busy} onChange={(event) => setFromBackups(event.target.checked)} /> Also
              remove {personName} from {holding.length === 1 ? 'this backup' : 'these backups'} (each is rewritten without them and checked;
              none is deleted)
            </label>
          </>
        )}
        <p>Backups and exports kept elsewhere (a USB stick, a file saved with “backup --out”) are not changed: remove {personName} from those yourself.</p>
      </div>
      <ErrorBanner message={error} />
      <button
        type="button"
        className="button-danger"
        disabled={busy}
        onClick={async () => {
          if (await forgetLead(leadId, { fromBackups: holding.length > 0 && fromBackups })) setConfirming(false);
        }}
      >
        {busy ? 'Forgetting…' : 'Forget for good'}
      </button>{' '}
      <button type="button" className="button-quiet" disabled={busy} autoFocus onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  );
}
