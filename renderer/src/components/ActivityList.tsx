import type { Activity, ActivityType } from '../../../shared/domain/activity';
import { DateTime } from './DateTime';

export const ACTIVITY_LABELS: Record<ActivityType, string> = { call: 'Call', email: 'Email', meeting: 'Meeting', note: 'Note' };

/** What was done with a lead or an opportunity, newest first. */
export function ActivityList({ activities }: { activities: readonly Activity[] }) {
  if (activities.length === 0) return <p className="section-hint">Nothing logged yet.</p>;
  const newestFirst = [...activities].sort((first, second) => second.occurredAt.localeCompare(first.occurredAt));
  return (
    <ol className="history-list" aria-label="Activities, newest first">
      {newestFirst.map((activity) => (
        <li key={activity.id} className="history-item activity-item">
          <span className="activity-type">{ACTIVITY_LABELS[activity.type]}</span>
          <div className="activity-body">
            {activity.outcome && <p className="activity-outcome">{activity.outcome}</p>}
            {activity.text && <p className="activity-text">{activity.text}</p>}
            <p className="history-meta">
              <DateTime iso={activity.occurredAt} /> · {activity.createdBy}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
