import type { AppInfo } from '../../shared/ipc/contract';
import type { Handlers } from '../ipc/dispatch';
import { scanCard } from './card-scan-service';
import { getDraft, saveDraft } from './drafts-service';
import { createEvent, listEvents, useEvent } from './events-service';
import { createLead, getLead, listLeads, updateLead } from './leads-service';
import type { ServiceContext } from './service-context';
import { getSettings, setStaffName } from './settings-service';

/** The contract's channels, each mapped to its use case. Electron IPC and the browser host both serve this map. */
export function createHandlers(context: ServiceContext, appInfo: AppInfo): Handlers {
  return {
    'app.info': async () => appInfo,
    'settings.get': () => getSettings(context),
    'settings.update': (input) => setStaffName(context, input.staffName),
    'events.list': () => listEvents(context.db),
    'events.create': (input) => createEvent(context, input),
    'events.use': (input) => useEvent(context, input.id),
    'leads.create': (input) => createLead(context, input),
    'leads.update': (input) => updateLead(context, input.id, input.patch),
    'leads.get': (input) => getLead(context, input.id),
    'leads.list': (input) => listLeads(context, input),
    'cards.scan': (input) => scanCard(context, context.cardReader, input),
    'drafts.get': () => getDraft(context),
    'drafts.save': (input) => saveDraft(context, input.fields),
  };
}
