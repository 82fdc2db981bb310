import type { SyncConflict } from '../../../shared/ipc/contract';
import { DateTime } from '../components/DateTime';
import { LeadNameButton } from '../exchange/LeadNameButton';

/** Lead fields two laptops changed without seeing each other's change: which value lost to which, on which lead. */
export function SyncConflictList({ conflicts }: { conflicts: SyncConflict[] }) {
  if (conflicts.length === 0) return <p className="empty-state">No sync conflicts: no field was changed on two laptops at once.</p>;
  return (
    <ul className="team-conflicts">
      {conflicts.map((conflict) => (
        <li key={conflict.entryId}>
          <DateTime iso={conflict.at} /> · <LeadNameButton leadId={conflict.leadId} name={conflict.leadName} />: {conflict.label} “{conflict.won.value}”
          ({conflict.won.device}) kept; “{conflict.lost.value}” ({conflict.lost.device}) lost, and is on the lead's timeline.
        </li>
      ))}
    </ul>
  );
}
