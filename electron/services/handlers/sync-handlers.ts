import type { AreaHandlers } from '../../../shared/ipc/contract';
import type { ServiceContext } from '../service-context';
import { joinTeamHub, syncNow, syncStatus } from '../sync-service';

export function syncHandlers(context: ServiceContext): AreaHandlers<'sync'> {
  return {
    'sync.status': () => syncStatus(context),
    'sync.now': () => syncNow(context),
    'sync.join': (input) => joinTeamHub(context, input),
  };
}
