import type { ShowResults } from '../../../shared/ipc/contracts/dashboard';
import { formatAmount, formatCount } from '../components/date-and-number-format';
import { formatOptionalAmount, formatShare } from './show-results-format';

/** Every show's results side by side, one row each, amounts in each show's own currency. */
export function ShowComparisonTable({ shows, currentEventId }: { shows: readonly ShowResults[]; currentEventId: string | null }) {
  return (
    <div className="table-scroll">
      <table className="record-table show-comparison" aria-label="Shows side by side">
        <thead>
          <tr>
            <th scope="col">Show</th>
            <th scope="col" className="numeric">Leads</th>
            <th scope="col" className="numeric">Qualified</th>
            <th scope="col" className="numeric">Converted</th>
            <th scope="col" className="numeric">Pipeline</th>
            <th scope="col" className="numeric">Won</th>
            <th scope="col" className="numeric">Cost</th>
            <th scope="col" className="numeric">Per lead</th>
            <th scope="col" className="numeric">Per won deal</th>
          </tr>
        </thead>
        <tbody>
          {shows.map((show) => (
            <tr key={show.eventId} aria-current={show.eventId === currentEventId ? 'true' : undefined}>
              <th scope="row">{show.name}</th>
              <td className="numeric">{formatCount(show.leads)}</td>
              <td className="numeric">{formatShare(show.qualifiedShare)}</td>
              <td className="numeric">{formatCount(show.converted)}</td>
              <td className="numeric">{formatAmount(show.pipelineValue, show.currency)}</td>
              <td className="numeric">
                {formatAmount(show.wonValue, show.currency)} <span className="quiet">({formatCount(show.wonDeals)})</span>
              </td>
              <td className="numeric">{formatOptionalAmount(show.cost, show.currency)}</td>
              <td className="numeric">{formatOptionalAmount(show.costPerLead, show.currency)}</td>
              <td className="numeric">{formatOptionalAmount(show.costPerWonDeal, show.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
