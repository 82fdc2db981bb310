import type { AreaHandlers } from '../../../shared/ipc/contract';
import { findDuplicates, mergeIntoLead } from '../duplicates-service';
import { getLeadDetail } from '../lead-detail-service';
import { forgetLead, previewForget } from '../forget-lead-service';
import { createLead, getLead, listLeads, updateLead } from '../leads-service';
import { bulkUpdateLeads, cancelBulk, deleteLeads, queryReview } from '../review-service';
import type { ServiceContext } from '../service-context';

export function leadsHandlers(context: ServiceContext): AreaHandlers<'leads'> {
  return {
    // The form sends the staff name it shows, so a lead is never filed under someone the
    // person did not see; a caller cannot name anybody else (createLead checks it).
    'leads.create': ({ capturedBy, ...input }) => createLead(context, { ...input, staffNameShown: capturedBy }),
    'leads.update': (input) => updateLead(context, input.id, input.patch),
    'leads.get': (input) => getLead(context, input.id),
    'leads.detail': (input) => getLeadDetail(context, input.id),
    'leads.list': (input) => listLeads(context, input),
    'leads.findDuplicates': (input) => findDuplicates(context, input),
    'leads.merge': (input) => mergeIntoLead(context, input),
    'leads.forget': (input) => forgetLead(context, input.id, { fromBackups: input.fromBackups ?? false }),
    'leads.forgetPreview': async (input) => previewForget(context, input.id),
    'leads.query': (input) => queryReview(context, input),
    'leads.bulkUpdate': (input) => bulkUpdateLeads(context, input.target, input.change),
    'leads.delete': (input) => deleteLeads(context, input.target),
    'leads.cancelBulk': async () => cancelBulk(context),
  };
}
