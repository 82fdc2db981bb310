import type { AppInfo, AreaHandlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { isExternalLink } from '../../security/open-external';
import type { ServiceContext } from '../service-context';

export function appHandlers(context: ServiceContext, appInfo: AppInfo): AreaHandlers<'app'> {
  return {
    'app.info': async () => appInfo,
    'app.openExternal': async (input) => {
      if (!isExternalLink(input.url)) {
        throw new AppError('invalid_input', 'Only mailto: and https: addresses can be opened.', { url: 'Not a mailto: or https: address.' });
      }
      if (!context.openExternal) return { opened: false };
      await context.openExternal(input.url);
      return { opened: true };
    },
  };
}
