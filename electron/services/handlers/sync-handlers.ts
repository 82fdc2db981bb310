import type { AreaHandlers } from '../../../shared/ipc/contract';
import type { ServiceContext } from '../service-context';
import { joinTeamHub, listTeamDevices, recentSyncConflicts, revokeTeamDevice, syncNow, syncStatus } from '../sync-service';

export function syncHandlers(context: ServiceContext): AreaHandlers<'sync'> {
  return {
    'sync.status': () => syncStatus(context),
    'sync.now': () => syncNow(context),
    'sync.join': (input) => joinTeamHub(context, input),
    'sync.devices': () => listTeamDevices(context),
    'sync.revokeDevice': (input) => revokeTeamDevice(context, input),
    'sync.conflicts': () => recentSyncConflicts(context),
  };
}
