import type { StageChange } from '../../../shared/domain/crm';
import { DateTime } from '../components/DateTime';
import { StageTag } from './StageTag';

/** Every stage the opportunity went through, newest first, with who moved it and when. */
export function StageHistoryList({ history }: { history: StageChange[] }) {
  if (history.length === 0) return <p className="section-hint">No stage changes yet.</p>;
  const newestFirst = [...history].sort((first, second) => second.at.localeCompare(first.at));
  return (
    <ol className="history-list" aria-label="Stage history, newest first">
      {newestFirst.map((change, index) => (
        <li key={`${change.at}-${index}`} className="history-item">
          <StageTag stage={change.stage} />
          <span className="history-meta">
            <DateTime iso={change.at} /> · {change.actor}
          </span>
        </li>
      ))}
    </ol>
  );
}
