import type { AreaHandlers } from '../../../shared/ipc/contract';
import { getAccount, getContact, getOpportunity, listAccounts, listContacts, listOpportunities, setStage, updateOpportunity } from '../crm-service';
import type { ServiceContext } from '../service-context';

export function accountsHandlers(context: ServiceContext): AreaHandlers<'accounts'> {
  return {
    'accounts.list': (input) => listAccounts(context, input),
    'accounts.get': (input) => getAccount(context, input.id),
  };
}

export function contactsHandlers(context: ServiceContext): AreaHandlers<'contacts'> {
  return {
    'contacts.list': (input) => listContacts(context, input),
    'contacts.get': (input) => getContact(context, input.id),
  };
}

export function opportunitiesHandlers(context: ServiceContext): AreaHandlers<'opportunities'> {
  return {
    'opportunities.list': (input) => listOpportunities(context, input),
    'opportunities.get': (input) => getOpportunity(context, input.id),
    'opportunities.setStage': (input) => setStage(context, input.id, input.stage, input.lostReason),
    'opportunities.update': ({ id, ...changes }) => updateOpportunity(context, id, changes),
  };
}
