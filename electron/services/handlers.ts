import type { AppInfo, Handlers } from '../../shared/ipc/contract';
import { appHandlers } from './handlers/app-handlers';
import { backupsHandlers } from './handlers/backups-handlers';
import { cardsHandlers } from './handlers/cards-handlers';
import { draftsHandlers } from './handlers/drafts-handlers';
import { eventsHandlers } from './handlers/events-handlers';
import { leadsHandlers } from './handlers/leads-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { qualificationHandlers } from './handlers/qualification-handlers';
import { activitiesHandlers } from './handlers/activities-handlers';
import { conversionHandlers } from './handlers/conversion-handlers';
import { accountsHandlers, contactsHandlers, opportunitiesHandlers } from './handlers/crm-handlers';
import { exchangeHandlers } from './handlers/exchange-handlers';
import { duplicatesHandlers } from './handlers/duplicates-handlers';
import { dashboardHandlers } from './handlers/dashboard-handlers';
import { syncHandlers } from './handlers/sync-handlers';
import type { ServiceContext } from './service-context';

/**
 * The contract's channels, each mapped to its use case (one file per area in handlers/).
 * Electron IPC, the browser host and the CLI all serve this map.
 */
export function createHandlers(context: ServiceContext, appInfo: AppInfo): Handlers {
  return {
    ...appHandlers(context, appInfo),
    ...settingsHandlers(context),
    ...eventsHandlers(context),
    ...leadsHandlers(context),
    ...cardsHandlers(context),
    ...draftsHandlers(context),
    ...qualificationHandlers(context),
    ...activitiesHandlers(context),
    ...conversionHandlers(context),
    ...accountsHandlers(context),
    ...contactsHandlers(context),
    ...opportunitiesHandlers(context),
    ...backupsHandlers(context),
    ...exchangeHandlers(context),
    ...duplicatesHandlers(context),
    ...dashboardHandlers(context),
    ...syncHandlers(context),
  };
}
