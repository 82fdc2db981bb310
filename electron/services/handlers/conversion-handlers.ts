import type { AreaHandlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { markConversionReviewed, listUnreviewedAutomatic } from '../../db/repositories/conversions';
import { cancelConversionRun, getConversionRule, runConversionRule, setConversionRule } from '../automatic-conversion-service';
import { convertLead, getConversionSuggestions, undoConversion } from '../conversion-service';
import type { ServiceContext } from '../service-context';

const REVIEW_LIST_LIMIT = 500;

export function conversionHandlers(context: ServiceContext): AreaHandlers<'conversion'> {
  return {
    'conversion.suggestions': (input) => getConversionSuggestions(context, input.leadId, input.accountId),
    'conversion.convert': (input) => convertLead(context, input),
    'conversion.undo': (input) => undoConversion(context, input.leadId),
    'conversion.getRule': (input) => getConversionRule(context, input.eventId),
    'conversion.setRule': (input) => setConversionRule(context, input.eventId, input.rule),
    'conversion.runRule': (input) => runConversionRule(context, input.eventId),
    'conversion.cancelRun': async () => cancelConversionRun(context),
    'conversion.review': () => listUnreviewedAutomatic(context.db, REVIEW_LIST_LIMIT),
    'conversion.markReviewed': async (input) => {
      if (!(await markConversionReviewed(context.db, input.id))) throw new AppError('not_found', 'This conversion no longer exists.');
      return { reviewed: true };
    },
  };
}
