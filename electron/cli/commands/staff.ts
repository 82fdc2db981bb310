import type { CliIo } from '../cli-io';
import type { CliSession } from '../open-client';
import type { CommandArgs } from '../parse-command-line';

export async function runStaffCommand(session: CliSession, _command: string, args: CommandArgs, io: CliIo): Promise<void> {
  const name = args.positionals.join(' ').trim();
  if (!name) {
    const { staffName } = await session.client['settings.get']({});
    io.stdout(staffName || 'No staff name set yet. Set it with: leadbooth staff "Your Name"');
    return;
  }
  const settings = await session.client['settings.update']({ staffName: name });
  io.stdout(`New leads will be recorded as captured by ${settings.staffName}.`);
}
