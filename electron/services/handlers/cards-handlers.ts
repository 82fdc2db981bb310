import type { AreaHandlers } from '../../../shared/ipc/contract';
import { getCardScan, scanCard } from '../card-scan-service';
import type { ServiceContext } from '../service-context';

export function cardsHandlers(context: ServiceContext): AreaHandlers<'cards'> {
  return {
    'cards.scan': (input) => scanCard(context, context.cardReader, input),
    'cards.get': (input) => getCardScan(context, input.scanId),
  };
}
