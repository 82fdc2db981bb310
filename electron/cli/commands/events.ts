import type { ShowEvent } from '../../../shared/domain/event';
import { UsageError, type CliIo, type UsageLine } from '../cli-io';
import type { CliSession } from '../open-client';

export const EVENTS_USAGE: UsageLine[] = [
  ['events add NAME [--location PLACE] [--starts DATE] [--ends DATE]', 'create a show; it becomes the current one'],
  ['events use NAME', 'make a show the current one'],
  ['events list [--json]', 'list the shows (* marks the current one)'],
];

export interface EventsArgs {
  positionals: string[];
  json: boolean;
  location?: string | undefined;
  starts?: string | undefined;
  ends?: string | undefined;
}

export async function runEventsCommand(session: CliSession, args: EventsArgs, io: CliIo): Promise<void> {
  const [action, ...rest] = args.positionals;
  const name = rest.join(' ').trim();
  switch (action) {
    case 'add': {
      if (!name) throw new UsageError('events add needs the show name');
      const event = await session.client['events.create']({
        name,
        ...(args.location !== undefined && { location: args.location }),
        ...(args.starts !== undefined && { startsOn: args.starts }),
        ...(args.ends !== undefined && { endsOn: args.ends }),
      });
      io.stdout(args.json ? JSON.stringify(event) : `Created "${event.name}"; it is now the current show.`);
      return;
    }
    case 'use': {
      if (!name) throw new UsageError('events use needs the show name');
      const events = await session.client['events.list']({});
      const wanted = name.toLocaleLowerCase();
      const event = events.find((candidate) => candidate.name.toLocaleLowerCase() === wanted);
      if (!event) {
        throw new Error(`There is no show called "${name}". See them with "leadbooth events list", or add it with "leadbooth events add".`);
      }
      await session.client['events.use']({ id: event.id });
      io.stdout(args.json ? JSON.stringify(event) : `"${event.name}" is now the current show.`);
      return;
    }
    case 'list': {
      const [events, settings] = await Promise.all([session.client['events.list']({}), session.client['settings.get']({})]);
      for (const event of events) {
        const current = event.id === settings.currentEventId;
        io.stdout(args.json ? JSON.stringify({ ...event, current }) : describeEvent(event, current));
      }
      if (!args.json && events.length === 0) io.stdout('No shows yet. Add one with: leadbooth events add "Show name"');
      return;
    }
    default:
      throw new UsageError(action ? `unknown events command "${action}"` : 'events needs add, use or list');
  }
}

function describeEvent(event: ShowEvent, current: boolean): string {
  const dates = [event.startsOn, event.endsOn].filter(Boolean).join(' to ');
  const details = [event.location, dates].filter(Boolean).join(', ');
  return `${current ? '*' : ' '} ${event.name}${details ? `  (${details})` : ''}`;
}
