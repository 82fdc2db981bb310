import type { CliIo } from '../cli-io';
import type { CliSession } from '../open-client';
import type { CommandArgs } from '../parse-command-line';
import { findShowByName } from './events';

export async function runConvertCommand(session: CliSession, _command: string, args: CommandArgs, io: CliIo): Promise<void> {
  const eventName = args.text('--event');
  const eventId = eventName === undefined ? undefined : (await findShowByName(session, eventName)).id;
  const report = await session.client['conversion.runRule'](eventId === undefined ? {} : { eventId });
  if (args.flag('--json')) {
    io.stdout(JSON.stringify(report));
    return;
  }
  io.stdout(`converted ${report.converted}, skipped ${report.skippedCount}`);
  for (const [reason, count] of Object.entries(report.skippedByReason)) io.stdout(`  skipped ${count}: ${reason}`);
}
