import type { AreaHandlers } from '../../../shared/ipc/contract';
import { scanCard } from '../card-scan-service';
import { getCardPhoto } from '../lead-detail-service';
import type { ServiceContext } from '../service-context';

export function cardsHandlers(context: ServiceContext): AreaHandlers<'cards'> {
  return {
    'cards.scan': (input) => scanCard(context, context.cardReader, input),
    'cards.photo': (input) => getCardPhoto(context, input.scanId),
  };
}
