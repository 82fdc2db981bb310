import { describeTimelineEntry } from '../../../shared/domain/timeline';
import { useAppStore } from '../store/app-store';
import { NO_ITEMS } from './empty';
import { DateTime } from '../components/DateTime';

/** Everything that happened to the lead, newest first: who did what, and when. */
export function TimelineList() {
  const timeline = useAppStore((state) => state.leadDetail?.timeline ?? NO_ITEMS);
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="side-title">
        Timeline
      </h2>
      <ol className="timeline-list" aria-label="Timeline, newest first">
        {timeline.map((entry) => (
          <li key={entry.id} className={`timeline-entry timeline-${entry.kind}`}>
            <p className="timeline-what">{describeTimelineEntry(entry)}</p>
            <p className="timeline-meta">
              <DateTime iso={entry.at} />{' '}
              · {entry.actor}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
