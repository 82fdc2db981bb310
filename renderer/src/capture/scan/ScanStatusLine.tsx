import { useAppStore } from '../../store/app-store';
import type { ScanSummary } from '../model/scan-landing';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What the last scan did, in words a first-time user can act on. */
function summaryText(summary: ScanSummary): string {
  if (summary.filled === 0 && summary.differs === 0) {
    return 'Nothing could be read from this photo. Try a sharper photo with the card filling most of the frame, or type the details.';
  }
  const parts = [`Filled ${plural(summary.filled, 'field', 'fields')} from the card.`];
  if (summary.toCheck === 1) parts.push('Compare the field marked “Check” with the photo.');
  if (summary.toCheck > 1) parts.push(`Compare the ${summary.toCheck} fields marked “Check” with the photo.`);
  if (summary.differs > 0) parts.push('Where you had typed something else, your text was kept and the card’s reading is shown under the field.');
  if (summary.toCheck === 0 && summary.differs === 0) parts.push('Check them, then press Enter to save.');
  return parts.join(' ');
}

/**
 * "Reading the card…" while a scan runs, then its summary. A live region, so screen readers
 * hear both; not role="status", which stays the save confirmation's (one status per screen).
 */
export function ScanStatusLine() {
  const pending = useAppStore((state) => state.scanPending);
  const summary = useAppStore((state) => state.scanSummary);
  const notice = useAppStore((state) => state.scanNotice);
  return (
    <p className="scan-status" aria-live="polite">
      {pending ? (
        <>
          <span className="spinner" aria-hidden="true" /> Reading the card… You can keep typing meanwhile.
        </>
      ) : (
        summary && [notice, summaryText(summary)].filter(Boolean).join(' ')
      )}
    </p>
  );
}
