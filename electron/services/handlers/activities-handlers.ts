import type { AreaHandlers } from '../../../shared/ipc/contract';
import { composeFollowup, logActivity, recordFollowup } from '../activities-service';
import type { ServiceContext } from '../service-context';

export function activitiesHandlers(context: ServiceContext): AreaHandlers<'activities'> {
  return {
    'activities.log': (input) => logActivity(context, input),
    'activities.followup': (input) => composeFollowup(context, input.leadId),
    'activities.recordFollowup': (input) => recordFollowup(context, input.leadId, input.via),
  };
}
