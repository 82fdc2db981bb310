import { useAppStore } from '../../store/app-store';
import type { LeadFormField } from '../model/lead-form-model';
import { scanHintId } from './scan-hint-id';

/**
 * Under a field the scan wants looked at: "Check" for an unsure reading, "Check: not read" for a
 * field the card seems to print that the scan left empty, or the card's reading of a field the
 * person had already typed (with a button to take it instead).
 */
export function ScanFieldHint({ field }: { field: LeadFormField }) {
  const mark = useAppStore((state) => state.scanMarks[field]);
  const acceptCardValue = useAppStore((state) => state.acceptCardValue);
  if (!mark) return null;
  if (mark.kind === 'check' && mark.reason === 'not-read') {
    return (
      <p id={scanHintId(field)} className="scan-hint scan-hint-check">
        <span className="scan-hint-tag">Check: not read</span> The card seems to have one the scan could not read: type it from the photo.
      </p>
    );
  }
  if (mark.kind === 'check') {
    return (
      <p id={scanHintId(field)} className="scan-hint scan-hint-check">
        <span className="scan-hint-tag">Check</span> Hard to read on the card: compare with the photo.
      </p>
    );
  }
  return (
    <p id={scanHintId(field)} className="scan-hint scan-hint-differs">
      The card reads “{mark.cardValue}”.{' '}
      <button type="button" className="button-link" onClick={() => acceptCardValue(field)}>
        Use the card’s
      </button>
    </p>
  );
}
