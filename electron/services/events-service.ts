import type { NewEvent, ShowEvent } from '../../shared/domain/event';
import { laptopTimeZone, newEventSchema, timeZoneSchema } from '../../shared/domain/event';
import type { Settings } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { parseOrThrow } from '../../shared/ipc/validation';
import { findEventById, findEventByName, insertEvent, listEvents, updateEventColumns } from '../db/repositories/events';
import { writeSetting } from '../db/repositories/settings';
import { replaceCriteria } from '../db/repositories/qualification';
import { criteriaOfFramework } from '../../shared/domain/qualification';
import { currencySchema, laptopCurrency, showCostSchema } from '../../shared/domain/currency';
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
    followupSubject: '',
    followupBody: '',
    // The laptop's zone unless told otherwise: a show is usually set up where it happens.
    timeZone: fields.timeZone ?? laptopTimeZone(),
    currency: fields.currency ?? laptopCurrency(),
    cost: fields.cost ?? null,
    createdAt: nowIso(context),
  };
  await context.db.transaction().execute(async (trx) => {
    if (await findEventByName(trx, event.name)) {
      throw new AppError('conflict', `There is already a show called "${event.name}". Pick it from the list instead.`, {
        name: 'A show with this name exists already.',
      });
    }
    await insertEvent(trx, event);
    await replaceCriteria(trx, event.id, criteriaOfFramework(event.qualificationFramework));
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

/** Changes a show's follow-up email template, its time zone, its currency or its cost (null clears it). */
export async function updateEvent(
  context: ServiceContext,
  id: string,
  changes: {
    followupSubject?: string | undefined;
    followupBody?: string | undefined;
    timeZone?: string | undefined;
    currency?: string | undefined;
    cost?: number | null | undefined;
  },
): Promise<ShowEvent> {
  if (!(await findEventById(context.db, id))) throw new AppError('not_found', 'That show no longer exists.');
  await updateEventColumns(context.db, id, {
    ...(changes.followupSubject !== undefined && { followupSubject: changes.followupSubject }),
    ...(changes.followupBody !== undefined && { followupBody: changes.followupBody }),
    ...(changes.timeZone !== undefined && { timeZone: parseOrThrow(timeZoneSchema, changes.timeZone) }),
    ...(changes.currency !== undefined && { currency: parseOrThrow(currencySchema, changes.currency) }),
    ...(changes.cost !== undefined && { cost: parseOrThrow(showCostSchema, changes.cost) }),
  });
  const event = await findEventById(context.db, id);
  if (!event) throw new AppError('not_found', 'That show no longer exists.');
  return event;
}
