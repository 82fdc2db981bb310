import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { joinFieldLabels } from './field-labels';

/** A toast fades after this long, so it never sits over the form for the rest of the show. */
const TOAST_SHOWN_MS = 10_000;

/**
 * "Saved Ana Müller — still needs Company for export" (or "Merged into Ana Müller" after
 * "Merge into it"): the quiet proof the lead is safe, as a toast over the page (CSS:
 * booth-layout.css), so it never pushes the form down.
 */
export function SaveConfirmation() {
  const lastSaved = useAppStore((state) => state.lastSaved);
  const [fadedFor, setFadedFor] = useState<unknown>(null);

  useEffect(() => {
    if (!lastSaved) return;
    const timer = setTimeout(() => setFadedFor(lastSaved), TOAST_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [lastSaved]);

  // Always rendered (empty when idle) so screen readers announce each new confirmation.
  return (
    <p className={lastSaved && fadedFor === lastSaved ? 'save-confirmation is-faded' : 'save-confirmation'} role="status" aria-live="polite">
      {lastSaved && (
        <>
          <span className="save-confirmation-check" aria-hidden="true">
            ✓
          </span>{' '}
          {lastSaved.merged ? 'Merged into' : 'Saved'} <strong>{lastSaved.name}</strong>
          {lastSaved.missingForExport.length > 0
            ? ` — still needs ${joinFieldLabels(lastSaved.missingForExport)} for export. Ready for the next person.`
            : ' — ready for the next person.'}
        </>
      )}
    </p>
  );
}
