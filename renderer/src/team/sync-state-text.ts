import type { SyncStatus } from '../../../shared/ipc/contract';
import { formatCount } from '../components/date-and-number-format';

/**
 * What the header says first about a joined laptop's sync: a failed last attempt, else what is
 * waiting, else that everything is on the hub. The last sync's time follows it on screen.
 */
export function describeSyncState(status: SyncStatus): { text: string; tone: 'ok' | 'waiting' | 'problem' } {
  if (status.lastFailure) return { text: status.lastFailure.unreachable ? 'Hub not reachable' : 'Hub refused the sync', tone: 'problem' };
  if (status.leadsNotOnHub > 0) {
    return { text: `${formatCount(status.leadsNotOnHub)} ${status.leadsNotOnHub === 1 ? 'lead' : 'leads'} not on the hub yet`, tone: 'waiting' };
  }
  if (status.notOnHub > 0) return { text: `${formatCount(status.notOnHub)} ${status.notOnHub === 1 ? 'change' : 'changes'} not on the hub yet`, tone: 'waiting' };
  if (!status.lastSyncAt) return { text: 'Not synced yet', tone: 'waiting' };
  return { text: 'All on the hub', tone: 'ok' };
}
