import { currentEvent } from '../store/session-slice';
import { useAppStore } from '../store/app-store';
import { describeShowDates } from '../components/date-and-number-format';
import { HeaderSyncState } from '../team/HeaderSyncState';

/**
 * Who is at the booth and which show: always visible, so leads never land in the wrong show.
 * One line (≤ 64 px): a long show name is cut with an ellipsis and shown whole on hover.
 */
export function HeaderBar() {
  const showName = useAppStore((state) => currentEvent(state)?.name ?? '');
  const showDetails = useAppStore((state) => {
    const event = currentEvent(state);
    return event ? [event.location, describeShowDates(event)].filter(Boolean).join(' · ') : '';
  });
  const staffName = useAppStore((state) => state.settings.staffName);
  const openSetup = useAppStore((state) => state.openSetup);
  return (
    <header className="header-bar">
      <span className="brand">LeadBooth</span>
      <dl className="header-facts">
        <div>
          <dt>Show</dt>
          <dd title={[showName, showDetails].filter(Boolean).join(' · ')}>
            {showName}
            {showDetails && <span className="header-detail"> · {showDetails}</span>}
          </dd>
        </div>
        <div>
          <dt>Captured by</dt>
          <dd>{staffName}</dd>
        </div>
      </dl>
      <HeaderSyncState />
      <button type="button" className="button-header" onClick={openSetup}>
        Change show or name
      </button>
    </header>
  );
}
