import type { AreaHandlers } from '../../../shared/ipc/contract';
import { readCardImage } from '../card-read-image';
import { getCardScan, scanCard } from '../card-scan-service';
import { dequeueCard, enqueueCard, listQueue, retryQueuedCard } from '../capture-queue-service';
import { getCardPhoto } from '../lead-detail-service';
import type { ServiceContext } from '../service-context';

export function cardsHandlers(context: ServiceContext): AreaHandlers<'cards'> {
  return {
    'cards.scan': (input) => scanCard(context, context.cardReader, input),
    'cards.get': (input) => getCardScan(context, input.scanId),
    'cards.readImage': (input) => readCardImage(context, input.scanId),
    'cards.enqueue': (input) => enqueueCard(context, input),
    'cards.queue': () => listQueue(context),
    'cards.retry': (input) => retryQueuedCard(context, input.itemId),
    'cards.dequeue': (input) => dequeueCard(context, input.itemId),
    'cards.photo': (input) => getCardPhoto(context, input.scanId),
  };
}
