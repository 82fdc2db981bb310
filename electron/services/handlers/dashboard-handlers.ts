import type { AreaHandlers } from '../../../shared/ipc/contract';
import { dashboardStats } from '../dashboard-service';
import type { ServiceContext } from '../service-context';

export function dashboardHandlers(context: ServiceContext): AreaHandlers<'dashboard'> {
  return {
    'dashboard.stats': (input) => dashboardStats(context, input),
  };
}
