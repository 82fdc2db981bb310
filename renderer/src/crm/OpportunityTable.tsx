import type { Opportunity } from '../../../shared/domain/crm';
import { useAppStore } from '../store/app-store';
import { formatAmount, formatCalendarDate } from '../components/date-and-number-format';
import { StageTag } from './StageTag';
import { currencyOfShow } from '../store/session-slice';

type OpportunityRow = Opportunity & { accountName?: string };

interface OpportunityTableProps {
  opportunities: OpportunityRow[];
  label: string;
  /** The account column, for lists that span accounts (on an account's page it would only repeat the name). */
  showAccount: boolean;
}

/** Opportunities as a table: name (opens it), account, stage, probability, close date, amount. */
export function OpportunityTable({ opportunities, label, showAccount }: OpportunityTableProps) {
  const navigate = useAppStore((state) => state.navigate);
  const events = useAppStore((state) => state.events);
  return (
    <div className="table-scroll">
      <table className="record-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Opportunity</th>
            {showAccount && <th scope="col">Account</th>}
            <th scope="col">Stage</th>
            <th scope="col" className="numeric">
              Probability
            </th>
            <th scope="col">Close date</th>
            <th scope="col" className="numeric">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {opportunities.map((opportunity) => (
            <tr key={opportunity.id}>
              <th scope="row">
                <button
                  type="button"
                  className="button-link"
                  onClick={() => navigate({ screen: 'opportunity', opportunityId: opportunity.id })}
                >
                  {opportunity.name}
                </button>
              </th>
              {showAccount && (
                <td>
                  <button
                    type="button"
                    className="button-link button-link-quiet"
                    onClick={() => navigate({ screen: 'account', accountId: opportunity.accountId })}
                  >
                    {opportunity.accountName || '(account)'}
                  </button>
                </td>
              )}
              <td>
                <StageTag stage={opportunity.stage} />
              </td>
              <td className="numeric">{opportunity.probability} %</td>
              <td>{formatCalendarDate(opportunity.closeDate)}</td>
              <td className="numeric">{formatAmount(opportunity.amount, currencyOfShow({ events }, opportunity.eventId))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
