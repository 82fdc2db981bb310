import type { ImportSummary } from '../../../shared/domain/exchange';
import { ImportProblems } from './ImportProblems';

/** What an import did: added, updated, flagged, skipped; the columns kept, the emails to check and every problem value. */
export function ImportSummaryText({ summary }: { summary: ImportSummary }) {
  if (summary.cancelled) {
    return (
      <p className="import-summary banner banner-warning" role="status">
        Import cancelled: nothing was imported.
      </p>
    );
  }
  return (
    <div className="import-summary" role="status">
      <p className="banner banner-ok">
        Added {summary.added}, updated {summary.updated}, flagged as possible duplicates {summary.flagged}, skipped {summary.skipped}
        {summary.skippedProblemRows > 0 ? ` (${summary.skippedProblemRows} of them rows with a problem, left out as you chose)` : ''}.
      </p>
      {summary.keptColumns.length > 0 && <p>Kept on each lead as imported fields: {summary.keptColumns.join(', ')}.</p>}
      {summary.toReview > 0 && (
        <p>
          {summary.toReview} lead{summary.toReview === 1 ? ' has' : 's have'} an email that is not valid: kept as text in the imported fields; check {summary.toReview === 1 ? 'it' : 'them'}.
        </p>
      )}
      <ImportProblems problems={summary.problems} rowsLeftOut={false} caption={`${summary.problems.length} problem value${summary.problems.length === 1 ? '' : 's'}`} />
    </div>
  );
}
