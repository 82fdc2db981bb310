import type { AreaHandlers } from '../../../shared/ipc/contract';
import { findDuplicates, mergeIntoLead } from '../duplicates-service';
import { getLeadDetail } from '../lead-detail-service';
import { forgetLead } from '../forget-lead-service';
import { createLead, getLead, listLeads, updateLead } from '../leads-service';
import type { ServiceContext } from '../service-context';

export function leadsHandlers(context: ServiceContext): AreaHandlers<'leads'> {
  return {
    'leads.create': (input) => createLead(context, input),
    'leads.update': (input) => updateLead(context, input.id, input.patch),
    'leads.get': (input) => getLead(context, input.id),
    'leads.detail': (input) => getLeadDetail(context, input.id),
    'leads.list': (input) => listLeads(context, input),
    'leads.findDuplicates': (input) => findDuplicates(context, input),
    'leads.merge': (input) => mergeIntoLead(context, input),
    'leads.forget': (input) => forgetLead(context, input.id),
  };
}
