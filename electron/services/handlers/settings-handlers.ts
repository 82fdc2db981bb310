import type { AreaHandlers } from '../../../shared/ipc/contract';
import type { ServiceContext } from '../service-context';
import { getSettings, setFastScan, setStaffName } from '../settings-service';

export function settingsHandlers(context: ServiceContext): AreaHandlers<'settings'> {
  return {
    'settings.get': () => getSettings(context),
    'settings.update': (input) => setStaffName(context, input.staffName),
    'settings.setFastScan': (input) => setFastScan(context, input.fastScan),
  };
}
