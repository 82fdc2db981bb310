import type { ReactNode } from 'react';
import type { ExportSkipReason, ExportSummary } from '../../../shared/domain/exchange';
import { LeadNameButton } from './LeadNameButton';

const SKIP_REASONS: Record<ExportSkipReason, string> = {
  converted: 'converted: export them as Salesforce converted records',
  missing_required: 'left out for a missing Last Name or Company',
  not_converted: 'never converted, so no records to export',
};

/** At most this many people are listed per warning; the rest are counted. */
const LISTED = 20;

/**
 * What an export left out, what Salesforce will refuse or cut (people by name), and which cells
 * got a leading '. `leadsAreLeads`: the names are leads (a Leads CSV), so each opens its lead; in
 * the converted export they are accounts, contacts and opportunities.
 */
export function ExportSummaryView({ summary, leadsAreLeads }: { summary: ExportSummary; leadsAreLeads: boolean }) {
  const person = (id: string, name: string): ReactNode => (leadsAreLeads ? <LeadNameButton leadId={id} name={name} /> : name);
  const neutralized = Object.entries(summary.neutralized);
  const refused = summary.skipped.some((skip) => skip.reason === 'missing_required') ? [] : summary.missingRequired;
  if (summary.skipped.length === 0 && refused.length === 0 && summary.truncations.length === 0 && neutralized.length === 0) return null;
  return (
    <div className="export-summary" role="region" aria-label="Export summary">
      {summary.skipped.length > 0 && (
        <ul>
          {summary.skipped.map((skip) => (
            <li key={skip.reason}>
              {skip.count} lead{skip.count === 1 ? '' : 's'} not in the file: {SKIP_REASONS[skip.reason]}.
            </li>
          ))}
        </ul>
      )}
      {refused.length > 0 && (
        <>
          <p>Salesforce will refuse these leads (no Last Name or Company):</p>
          <ul>
            {refused.slice(0, LISTED).map((lead) => (
              <li key={lead.leadId}>
                {person(lead.leadId, lead.name)}: {lead.missing.join(', ')} missing
              </li>
            ))}
          </ul>
          {refused.length > LISTED && <p>…and {refused.length - LISTED} more.</p>}
        </>
      )}
      {summary.truncations.length > 0 && (
        <>
          <p>Cut to Salesforce’s field lengths:</p>
          <ul>
            {summary.truncations.slice(0, LISTED).map((cut) => (
              <li key={`${cut.leadId}-${cut.field}`}>
                {person(cut.leadId, cut.name)}: {cut.field} ({cut.from} → {cut.to} characters)
              </li>
            ))}
          </ul>
          {summary.truncations.length > LISTED && <p>…and {summary.truncations.length - LISTED} more.</p>}
        </>
      )}
      {neutralized.length > 0 && (
        <p>
          Cells starting with <code>'</code> so no spreadsheet runs them as a formula:{' '}
          {neutralized.map(([column, count]) => `${column} ${count}`).join(', ')}. Phone numbers, emails and numbers go out as they are.
        </p>
      )}
    </div>
  );
}
