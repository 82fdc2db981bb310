import type { AreaHandlers } from '../../../shared/ipc/contract';
import { answerCriteria, answerCriterion, getChecklist, getLeadQualification, saveCriteria, setFramework } from '../qualification-service';
import type { ServiceContext } from '../service-context';

export function qualificationHandlers(context: ServiceContext): AreaHandlers<'qualification'> {
  return {
    'qualification.checklist': (input) => getChecklist(context, input.eventId),
    'qualification.setFramework': (input) => setFramework(context, input.eventId, input.framework),
    'qualification.saveCriteria': (input) => saveCriteria(context, input.eventId, input.criteria),
    'qualification.answer': (input) => answerCriterion(context, input),
    'qualification.answerMany': (input) => answerCriteria(context, input),
    'qualification.ofLead': (input) => getLeadQualification(context, input.leadId),
  };
}
