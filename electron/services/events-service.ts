import type { NewEvent, ShowEvent } from '../../shared/domain/event';
import { newEventSchema } from '../../shared/domain/event';
import type { Settings } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { parseOrThrow } from '../../shared/ipc/validation';
import { findEventById, findEventByName, insertEvent, listEvents } from '../db/repositories/events';
import { writeSetting } from '../db/repositories/settings';
import { nowIso, type ServiceContext } from './service-context';
import { getSettings } from './settings-service';

export { listEvents };

/** Creates a show and makes it the current one: that is why anyone creates a show at the booth. */
export async function createEvent(context: ServiceContext, input: NewEvent): Promise<ShowEvent> {
  const fields = parseOrThrow(newEventSchema, input);
  const event: ShowEvent = {
    id: context.newId(),
    name: fields.name,
    location: fields.location ?? '',
    startsOn: fields.startsOn ?? '',
    endsOn: fields.endsOn ?? '',
    qualificationFramework: fields.qualificationFramework ?? 'BANT',
    createdAt: nowIso(context),
  };
  await context.db.transaction().execute(async (trx) => {
    if (await findEventByName(trx, event.name)) {
      throw new AppError('conflict', `There is already a show called "${event.name}". Pick it from the list instead.`, {
        name: 'A show with this name exists already.',
      });
    }
    await insertEvent(trx, event);
    await writeSetting(trx, 'currentEventId', event.id, event.createdAt);
  });
  context.notify('settings.changed', await getSettings(context));
  return event;
}

export async function useEvent(context: ServiceContext, eventId: string): Promise<Settings> {
  const event = await findEventById(context.db, eventId);
  if (!event) throw new AppError('not_found', 'That show no longer exists. Pick another one or create it again.');
  await writeSetting(context.db, 'currentEventId', event.id, nowIso(context));
  const settings = await getSettings(context);
  context.notify('settings.changed', settings);
  return settings;
}

export async function useEventNamed(context: ServiceContext, name: string): Promise<ShowEvent> {
  const event = await findEventByName(context.db, name);
  if (!event) throw new AppError('not_found', `There is no show called "${name}". See them with "leadbooth events list", or add it with "leadbooth events add".`);
  await useEvent(context, event.id);
  return event;
}
