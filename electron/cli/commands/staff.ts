import type { CliIo, UsageLine } from '../cli-io';
import type { CliSession } from '../open-client';
import { parseOptions } from '../parse-command-line';

export const STAFF_USAGE: UsageLine[] = [['staff [NAME]', 'show, or set, the staff member recorded on new leads']];

export async function runStaffCommand(session: CliSession, words: string[], io: CliIo): Promise<void> {
  const name = parseOptions(words, {}, 'staff').positionals.join(' ').trim();
  if (!name) {
    const { staffName } = await session.client['settings.get']({});
    io.stdout(staffName || 'No staff name set yet. Set it with: leadbooth staff "Your Name"');
    return;
  }
  const settings = await session.client['settings.update']({ staffName: name });
  io.stdout(`New leads will be recorded as captured by ${settings.staffName}.`);
}
