import type { AreaHandlers } from '../../../shared/ipc/contract';
import { createEvent, listEvents, useEvent } from '../events-service';
import type { ServiceContext } from '../service-context';

export function eventsHandlers(context: ServiceContext): AreaHandlers<'events'> {
  return {
    'events.list': () => listEvents(context.db),
    'events.create': (input) => createEvent(context, input),
    'events.use': (input) => useEvent(context, input.id),
  };
}
