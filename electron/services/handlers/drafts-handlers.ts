import type { AreaHandlers } from '../../../shared/ipc/contract';
import { getDraft, saveDraft } from '../drafts-service';
import type { ServiceContext } from '../service-context';

export function draftsHandlers(context: ServiceContext): AreaHandlers<'drafts'> {
  return {
    'drafts.get': () => getDraft(context),
    'drafts.save': (input) => saveDraft(context, input.fields),
  };
}
