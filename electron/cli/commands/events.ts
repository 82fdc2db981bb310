import type { ShowEvent } from '../../../shared/domain/event';
import type { OpportunityStage } from '../../../shared/domain/opportunity';
import { UsageError, type CliIo, type UsageLine } from '../cli-io';
import type { CliSession } from '../open-client';
import { parseOptions, type OptionSpec } from '../parse-command-line';

export const EVENTS_USAGE: UsageLine[] = [
  ['events add NAME [--location PLACE] [--starts DATE] [--ends DATE] [--time-zone ZONE]', "create a show (time zone: this computer's unless given, e.g. Europe/Berlin); it becomes the current one"],
  ['events use NAME', 'make a show the current one'],
  ['events list [--json]', 'list the shows (* marks the current one)'],
  [
    'events rule NAME --min-met N [--require-close-date] [--stage STAGE] [--close-in-days N] | --off',
    "the show's automatic conversion rule (defaults: Prospecting, 90 days)",
  ],
];

const EVENTS_OPTIONS: Record<string, OptionSpec> = {
  add: { '--json': 'flag', '--location': 'text', '--starts': 'text', '--ends': 'text', '--time-zone': 'text' },
  use: { '--json': 'flag' },
  list: { '--json': 'flag' },
  rule: { '--json': 'flag', '--min-met': 'integer', '--require-close-date': 'flag', '--stage': 'text', '--close-in-days': 'text', '--off': 'flag' },
};

/** A show by its name, case ignored, or an error that says how to see the names. */
export async function findShowByName(session: CliSession, name: string): Promise<ShowEvent> {
  const events = await session.client['events.list']({});
  const wanted = name.trim().toLocaleLowerCase();
  const event = events.find((candidate) => candidate.name.toLocaleLowerCase() === wanted);
  if (!event) {
    throw new Error(`There is no show called "${name}". See them with "leadbooth events list", or add it with "leadbooth events add".`);
  }
  return event;
}

export async function runEventsCommand(session: CliSession, words: string[], io: CliIo): Promise<void> {
  const [action, ...afterAction] = words;
  const spec = action === undefined ? undefined : EVENTS_OPTIONS[action];
  if (!spec) throw new UsageError(action ? `unknown events command "${action}"` : 'events needs add, use, list or rule');
  const args = parseOptions(afterAction, spec, `events ${action}`);
  const json = args.flag('--json');
  const name = args.positionals.join(' ').trim();
  const location = args.text('--location');
  const starts = args.text('--starts');
  const ends = args.text('--ends');
  const timeZone = args.text('--time-zone');
  switch (action) {
    case 'add': {
      if (!name) throw new UsageError('events add needs the show name');
      const event = await session.client['events.create']({
        name,
        ...(location !== undefined && { location }),
        ...(starts !== undefined && { startsOn: starts }),
        ...(ends !== undefined && { endsOn: ends }),
        ...(timeZone !== undefined && { timeZone }),
      });
      io.stdout(json ? JSON.stringify(event) : `Created "${event.name}"; it is now the current show.`);
      return;
    }
    case 'use': {
      if (!name) throw new UsageError('events use needs the show name');
      const event = await findShowByName(session, name);
      await session.client['events.use']({ id: event.id });
      io.stdout(json ? JSON.stringify(event) : `"${event.name}" is now the current show.`);
      return;
    }
    case 'list': {
      const [events, settings] = await Promise.all([session.client['events.list']({}), session.client['settings.get']({})]);
      for (const event of events) {
        const current = event.id === settings.currentEventId;
        io.stdout(json ? JSON.stringify({ ...event, current }) : describeEvent(event, current));
      }
      if (!json && events.length === 0) io.stdout('No shows yet. Add one with: leadbooth events add "Show name"');
      return;
    }
    case 'rule': {
      if (!name) throw new UsageError('events rule needs the show name');
      const event = await findShowByName(session, name);
      if (args.flag('--off')) {
        await session.client['conversion.setRule']({ eventId: event.id, rule: null });
        io.stdout(json ? 'null' : `"${event.name}" no longer converts leads automatically.`);
        return;
      }
      const minMet = args.integer('--min-met');
      if (minMet === undefined) throw new UsageError('events rule needs --min-met N (how many criteria must be met), or --off');
      const closeInDays = args.text('--close-in-days');
      if (closeInDays !== undefined && !/^\d+$/.test(closeInDays)) throw new UsageError(`--close-in-days takes a whole number of days, not "${closeInDays}"`);
      const rule = await session.client['conversion.setRule']({
        eventId: event.id,
        rule: {
          minMet,
          requireCloseDate: args.flag('--require-close-date'),
          // The contract refuses an unknown stage, listing the stages.
          stage: (args.text('--stage') ?? 'Prospecting') as OpportunityStage,
          closeInDays: closeInDays === undefined ? 90 : Number(closeInDays),
        },
      });
      io.stdout(
        json
          ? JSON.stringify(rule)
          : `"${event.name}": leads with ${minMet}+ criteria met${rule?.requireCloseDate ? ' and a close date' : ''} are converted automatically (stage ${rule?.stage}, closing ${rule?.closeInDays} days later unless the lead has a date).`,
      );
      return;
    }
  }
}

function describeEvent(event: ShowEvent, current: boolean): string {
  const dates = [event.startsOn, event.endsOn].filter(Boolean).join(' to ');
  const details = [event.location, dates, event.timeZone].filter(Boolean).join(', ');
  return `${current ? '*' : ' '} ${event.name}${details ? `  (${details})` : ''}`;
}
