import type { AppInfo, AreaHandlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { checkExternalUrl } from '../../security/open-external';
import type { ServiceContext } from '../service-context';

export function appHandlers(context: ServiceContext, appInfo: AppInfo): AreaHandlers<'app'> {
  return {
    'app.info': async () => appInfo,
    'app.openExternal': async (input) => {
      const check = checkExternalUrl(input.url);
      if (!check.ok) {
        throw new AppError('invalid_input', `This address cannot be opened (${check.reason}): only mailto: and https: addresses are.`, {
          url: 'Not a mailto: or https: address LeadBooth opens.',
        });
      }
      if (!context.openExternal) return { opened: false };
      await context.openExternal(check.url);
      return { opened: true };
    },
  };
}
