import type { AreaHandlers } from '../../../shared/ipc/contract';
import { listDuplicateGroups } from '../duplicate-groups-service';
import { mergeLeads } from '../merge-service';
import type { ServiceContext } from '../service-context';

export function duplicatesHandlers(context: ServiceContext): AreaHandlers<'duplicates'> {
  return {
    'duplicates.groups': (input) => listDuplicateGroups(context, input),
    'duplicates.merge': (input) => mergeLeads(context, input.keepId, input.otherId, input.choices ?? {}),
  };
}
