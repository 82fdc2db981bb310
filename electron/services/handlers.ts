import type { AppInfo, Handlers } from '../../shared/ipc/contract';
import { appHandlers } from './handlers/app-handlers';
import { backupsHandlers } from './handlers/backups-handlers';
import { cardsHandlers } from './handlers/cards-handlers';
import { draftsHandlers } from './handlers/drafts-handlers';
import { eventsHandlers } from './handlers/events-handlers';
import { leadsHandlers } from './handlers/leads-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import type { ServiceContext } from './service-context';

/**
 * The contract's channels, each mapped to its use case (one file per area in handlers/).
 * Electron IPC, the browser host and the CLI all serve this map.
 */
export function createHandlers(context: ServiceContext, appInfo: AppInfo): Handlers {
  return {
    ...appHandlers(appInfo),
    ...settingsHandlers(context),
    ...eventsHandlers(context),
    ...leadsHandlers(context),
    ...cardsHandlers(context),
    ...draftsHandlers(context),
    ...backupsHandlers(context),
  };
}
