import type { AppInfo, AreaHandlers } from '../../../shared/ipc/contract';

export function appHandlers(appInfo: AppInfo): AreaHandlers<'app'> {
  return { 'app.info': async () => appInfo };
}
