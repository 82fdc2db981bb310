import type { AreaHandlers } from '../../../shared/ipc/contract';
import { createEvent, listEvents, updateEvent, useEvent } from '../events-service';
import { listBadgeProfiles, removeBadgeProfile, saveBadgeProfile } from '../badge-profiles-service';
import type { ServiceContext } from '../service-context';

export function eventsHandlers(context: ServiceContext): AreaHandlers<'events'> {
  return {
    'events.list': () => listEvents(context.db),
    'events.create': (input) => createEvent(context, input),
    'events.use': (input) => useEvent(context, input.id),
    'events.update': (input) => updateEvent(context, input.id, input),
    'events.badgeProfiles': (input) => listBadgeProfiles(context, input.eventId),
    'events.saveBadgeProfile': (input) => saveBadgeProfile(context, input),
    'events.removeBadgeProfile': (input) => removeBadgeProfile(context, input),
  };
}
