import { UsageError, type CliIo, type UsageLine } from '../cli-io';
import type { CliSession } from '../open-client';
import { parseOptions } from '../parse-command-line';
import { findShowByName } from './events';

export const CONVERT_USAGE: UsageLine[] = [['convert auto [--event NAME] [--json]', "run the shows' automatic conversion rules; prints converted/skipped"]];

export async function runConvertCommand(session: CliSession, words: string[], io: CliIo): Promise<void> {
  const [action, ...rest] = words;
  if (action !== 'auto') throw new UsageError(action ? `unknown convert command "${action}"` : 'convert needs auto');
  const args = parseOptions(rest, { '--event': 'text', '--json': 'flag' }, 'convert auto');
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
