import type { AreaHandlers } from '../../../shared/ipc/contract';
import { createEvent, listEvents, updateEvent, useEvent } from '../events-service';
import type { ServiceContext } from '../service-context';

export function eventsHandlers(context: ServiceContext): AreaHandlers<'events'> {
  return {
    'events.list': () => listEvents(context.db),
    'events.create': (input) => createEvent(context, input),
    'events.use': (input) => useEvent(context, input.id),
    'events.update': (input) => updateEvent(context, input.id, input),
  };
}
