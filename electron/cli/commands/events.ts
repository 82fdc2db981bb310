import type { ShowEvent } from '../../../shared/domain/event';
import type { OpportunityStage } from '../../../shared/domain/opportunity';
import type { BadgeProfile, BadgeProfileField } from '../../../shared/parsing/badge-profiles';
import { UsageError, type CliIo } from '../cli-io';
import type { CliSession } from '../open-client';
import type { CommandArgs } from '../parse-command-line';

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

/** `events add|use|list|rule|badge-profile|badge-profiles`. */
export async function runEventsCommand(session: CliSession, command: string, args: CommandArgs, io: CliIo): Promise<void> {
  const action = command.split(' ')[1];
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
    case 'badge-profile': {
      if (!name) throw new UsageError('events badge-profile needs the profile name');
      const show = args.text('--show');
      const eventId = show === undefined ? undefined : (await findShowByName(session, show)).id;
      if (args.flag('--remove')) {
        const kept = await session.client['events.removeBadgeProfile']({ eventId, name });
        io.stdout(json ? JSON.stringify(kept) : `Badge profile "${name}" removed.`);
        return;
      }
      const delimiter = args.text('--delimiter');
      const fields = args.text('--fields');
      if (delimiter === undefined || fields === undefined) {
        throw new UsageError("events badge-profile needs --delimiter (e.g. '^') and --fields (e.g. refId,firstName,lastName,email)");
      }
      const idField = args.text('--id-field');
      const profiles = await session.client['events.saveBadgeProfile']({
        eventId,
        profile: {
          name,
          // A shell passes a tab as the two characters \t more easily than as a tab.
          delimiter: delimiter === '\\t' || delimiter.toLowerCase() === 'tab' ? '\t' : delimiter,
          // The contract names the allowed fields when one is unknown.
          fields: fields.split(',').map((field) => field.trim()) as BadgeProfileField[],
          prefix: args.text('--prefix') ?? '',
          suffix: args.text('--suffix') ?? '',
          ...(idField !== undefined && { idField: (idField === '' || idField === 'none' ? null : idField) as BadgeProfileField | null }),
        },
      });
      const saved = profiles.find((profile) => profile.name.toLocaleLowerCase() === name.toLocaleLowerCase());
      io.stdout(json ? JSON.stringify(saved) : `Badge profile saved: ${saved ? describeProfile(saved) : name}`);
      return;
    }
    case 'badge-profiles': {
      const show = args.text('--show');
      const eventId = show === undefined ? undefined : (await findShowByName(session, show)).id;
      const profiles = await session.client['events.badgeProfiles']({ eventId });
      for (const profile of profiles) io.stdout(json ? JSON.stringify(profile) : describeProfile(profile));
      if (!json && profiles.length === 0) io.stdout('This show has no badge profiles of its own; the built-in caret, pipe and tab profiles read its badges.');
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

function describeProfile(profile: BadgeProfile): string {
  const delimiter = profile.delimiter === '\t' ? 'tab' : `'${profile.delimiter}'`;
  const frame = [profile.prefix && `prefix '${profile.prefix}'`, profile.suffix && `suffix '${profile.suffix}'`].filter(Boolean).join(', ');
  return `${profile.name}: ${profile.fields.join(profile.delimiter === '\t' ? ' ⇥ ' : profile.delimiter)} (delimiter ${delimiter}, id ${profile.idField ?? 'none'}${frame ? `, ${frame}` : ''})`;
}
