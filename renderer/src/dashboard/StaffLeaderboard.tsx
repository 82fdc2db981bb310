import type { StaffResults } from '../../../shared/ipc/contracts/dashboard';
import { formatAmount, formatCount } from '../components/date-and-number-format';

/** Who brought in what: leads, qualified, converted and won, best first. `currency` empty: several currencies, no money column. */
export function StaffLeaderboard({ rows, currency }: { rows: readonly StaffResults[]; currency: string }) {
  const withMoney = currency !== '' && rows.every((row) => row.wonValue !== null);
  return (
    <div className="table-scroll">
      <table className="record-table staff-leaderboard" aria-label="Staff leaderboard">
        <thead>
          <tr>
            <th scope="col" className="numeric">#</th>
            <th scope="col">Staff member</th>
            <th scope="col" className="numeric">Leads</th>
            <th scope="col" className="numeric">Qualified</th>
            <th scope="col" className="numeric">Converted</th>
            <th scope="col" className="numeric">Won deals</th>
            {withMoney && <th scope="col" className="numeric">Won value</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.staff}>
              <td className="numeric">{index + 1}</td>
              <th scope="row">{row.staff || '(nobody)'}</th>
              <td className="numeric">{formatCount(row.leads)}</td>
              <td className="numeric">{formatCount(row.qualified)}</td>
              <td className="numeric">{formatCount(row.converted)}</td>
              <td className="numeric">{formatCount(row.wonDeals)}</td>
              {withMoney && <td className="numeric">{formatAmount(row.wonValue ?? 0, currency)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
