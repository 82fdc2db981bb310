import { Fragment, useState } from 'react';
import type { ExportBatchInHistory } from '../../../shared/domain/exchange';
import { formatCount } from '../components/date-and-number-format';
import { LeadNameButton } from './LeadNameButton';

/** Names shown before "and N more". */
const FIRST_FEW = 3;

/**
 * Who a batch carried: the count, the first few names (each opens the lead), "and N more" to show
 * every name the history holds; past those, how many more the batch carried.
 */
export function BatchLeadNames({ batch }: { batch: ExportBatchInHistory }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? batch.leads : batch.leads.slice(0, FIRST_FEW);
  const hiddenNamed = batch.leads.length - shown.length;
  const unnamed = Math.max(0, batch.leadCount - batch.leads.length);
  return (
    <div className="batch-leads">
      <span className="batch-lead-count">
        {formatCount(batch.leadCount)} lead{batch.leadCount === 1 ? '' : 's'}
        {shown.length > 0 ? ': ' : ''}
      </span>
      {shown.map((lead, index) => (
        <Fragment key={lead.leadId}>
          {index > 0 && ', '}
          <LeadNameButton leadId={lead.leadId} name={lead.name} />
        </Fragment>
      ))}
      {hiddenNamed > 0 && (
        <>
          {' '}
          <button type="button" className="button-link button-link-quiet" aria-expanded={false} onClick={() => setExpanded(true)}>
            and {formatCount(hiddenNamed + unnamed)} more
          </button>
        </>
      )}
      {hiddenNamed === 0 && unnamed > 0 && ` and ${formatCount(unnamed)} more`}
      {expanded && (
        <>
          {' '}
          <button type="button" className="button-link button-link-quiet" aria-expanded={true} onClick={() => setExpanded(false)}>
            show fewer
          </button>
        </>
      )}
    </div>
  );
}
