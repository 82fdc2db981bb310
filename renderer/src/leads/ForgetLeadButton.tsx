import { useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';

interface ForgetLeadButtonProps {
  leadId: string;
  /** How the person is named in the confirmation ("Ana Müller"). */
  personName: string;
}

/**
 * "Forget this person" on a lead: asks once, in words that say it cannot be undone, then
 * deletes the lead, its card photos and its search entries for good. Self-contained: the
 * lead screen places it; the store's forgetLead does the rest (and leaves the screen).
 */
export function ForgetLeadButton({ leadId, personName }: ForgetLeadButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const busy = useAppStore((state) => state.forgettingLeadId === leadId);
  const error = useAppStore((state) => state.forgetError);
  const forgetLead = useAppStore((state) => state.forgetLead);

  if (!confirming) {
    return (
      <button type="button" className="button-quiet" onClick={() => setConfirming(true)}>
        Forget this person…
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby={`forget-${leadId}-title`} aria-describedby={`forget-${leadId}-text`} className="banner banner-error">
      <p id={`forget-${leadId}-title`}>
        <strong>Forget {personName} for good?</strong>
      </p>
      <p id={`forget-${leadId}-text`}>
        This deletes the lead, its card photos and its search entries from this laptop. It cannot be undone. Backups made
        before today still hold it until they are replaced (the last 7 are kept).
      </p>
      <ErrorBanner message={error} />
      <button
        type="button"
        className="button-primary"
        disabled={busy}
        onClick={async () => {
          if (await forgetLead(leadId)) setConfirming(false);
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
