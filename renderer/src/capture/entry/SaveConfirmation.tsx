import { useAppStore } from '../../store/app-store';
import { joinFieldLabels } from './field-labels';

/**
 * "Saved Ana Müller — still needs Company for export" (or "Merged into Ana Müller" after
 * "Merge into it"): the quiet proof the lead is safe.
 */
export function SaveConfirmation() {
  const lastSaved = useAppStore((state) => state.lastSaved);
  // Always rendered (empty when idle) so screen readers announce each new confirmation.
  return (
    <p className="save-confirmation" role="status" aria-live="polite">
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
