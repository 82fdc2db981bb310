import type { AreaHandlers } from '../../../shared/ipc/contract';
import { findDuplicates, mergeIntoLead } from '../duplicates-service';
import { getLeadDetail } from '../lead-detail-service';
import { forgetLead, previewForget } from '../forget-lead-service';
import { createLead, getLead, listLeads, updateLead } from '../leads-service';
import { bulkUpdateLeads, cancelBulk, deleteLeads, queryReview } from '../review-service';
import type { ServiceContext } from '../service-context';
import { getSettings } from '../settings-service';
import { AppError } from '../../../shared/ipc/errors';

export function leadsHandlers(context: ServiceContext): AreaHandlers<'leads'> {
  return {
    'leads.create': async ({ capturedBy, ...input }) => {
      // The form sends the staff name it shows, so a lead is never filed under someone the
      // person did not see; a caller cannot name anybody else.
      if (capturedBy !== undefined) {
        const { staffName } = await getSettings(context);
        if (capturedBy !== staffName) {
          throw new AppError(
            'conflict',
            `The staff name is now “${staffName}” (it was changed in another window or on the command line). Check the header, then save again: nothing typed was lost.`,
            { capturedBy: 'Not the staff member set up on this laptop.' },
          );
        }
      }
      return createLead(context, input);
    },
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
