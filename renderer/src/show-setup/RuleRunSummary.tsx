import type { AutoConversionReport } from '../../../shared/ipc/contract';

function leads(count: number): string {
  return `${count} ${count === 1 ? 'lead' : 'leads'}`;
}

/** What a run did: how many it converted, how many it skipped and why. */
export function RuleRunSummary({ report }: { report: AutoConversionReport }) {
  const reasons = Object.entries(report.skippedByReason).sort((first, second) => second[1] - first[1]);
  return (
    <div className="banner banner-info rule-summary" role="status">
      <p className="rule-summary-title">
        {report.cancelled ? 'Cancelled. ' : 'Done. '}Converted {leads(report.converted)}
        {report.skippedCount > 0 ? `, skipped ${leads(report.skippedCount)}.` : '.'}
      </p>
      {report.cancelled && <p className="banner-note">What was converted before you cancelled stays converted.</p>}
      {reasons.length > 0 && (
        <>
          <p className="banner-note">Skipped, by reason:</p>
          <ul className="skip-reasons">
            {reasons.map(([reason, count]) => (
              <li key={reason}>
                <span className="skip-count">{count}</span> {reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.converted > 0 && <p className="banner-note">Check the new conversions in the list below.</p>}
    </div>
  );
}
