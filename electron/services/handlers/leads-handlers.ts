import type { AreaHandlers } from '../../../shared/ipc/contract';
import { getLeadDetail } from '../lead-detail-service';
import { createLead, getLead, listLeads, updateLead } from '../leads-service';
import { bulkUpdateLeads, cancelBulk, deleteLeads, queryReview } from '../review-service';
import type { ServiceContext } from '../service-context';

export function leadsHandlers(context: ServiceContext): AreaHandlers<'leads'> {
  return {
    'leads.create': (input) => createLead(context, input),
    'leads.update': (input) => updateLead(context, input.id, input.patch),
    'leads.get': (input) => getLead(context, input.id),
    'leads.detail': (input) => getLeadDetail(context, input.id),
    'leads.list': (input) => listLeads(context, input),
    'leads.query': (input) => queryReview(context, input),
    'leads.bulkUpdate': (input) => bulkUpdateLeads(context, input.target, input.change),
    'leads.delete': (input) => deleteLeads(context, input.target),
    'leads.cancelBulk': async () => cancelBulk(context),
  };
}
