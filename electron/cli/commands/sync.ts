import type { SyncStatus } from '../../../shared/ipc/contract';
import { UsageError, type CliIo } from '../cli-io';
import type { CliSession } from '../open-client';
import type { CommandArgs } from '../parse-command-line';

/** `hub join`, `hub status` and `sync`: this laptop's side of team sync, through the contract like every command. */
export async function runSyncCommand(session: CliSession, command: string, args: CommandArgs, io: CliIo): Promise<void> {
  if (command === 'hub join') {
    const [url, code, ...extra] = args.positionals;
    if (!url || !code || extra.length > 0) throw new UsageError('hub join needs the hub\'s address and the pairing code it shows, e.g. hub join http://192.168.1.20:8787 482913');
    const fingerprint = args.text('--fingerprint');
    const status = await session.client['sync.join']({ url, code, ...(fingerprint !== undefined && { fingerprint }) });
    io.stdout(`Joined the hub at ${status.hubUrl ?? url} as ${status.deviceName ?? 'this laptop'} (${status.role ?? 'booth'}). Run "leadbooth sync" to send and fetch the leads.`);
    if (status.hubFingerprint && fingerprint === undefined) {
      io.stdout(`Pinned the hub's certificate ${status.hubFingerprint}: check that it is the fingerprint the hub printed.`);
    }
    return;
  }
  if (args.positionals.length > 0) throw new UsageError(`${command} takes no arguments`);
  if (command === 'hub status') {
    const status = await session.client['sync.status']({});
    if (args.flag('--json')) io.stdout(JSON.stringify(status));
    else io.stdout(describeStatus(status));
    return;
  }
  const report = await session.client['sync.now']({});
  if (args.flag('--json')) {
    io.stdout(JSON.stringify(report));
    return;
  }
  io.stdout(
    `Synced with ${report.status.hubUrl ?? 'the hub'}: sent ${report.pushed} change(s), received ${report.pulled} (${report.applied} applied` +
      `${report.conflicts ? `, ${report.conflicts} conflict(s) kept on the leads' timelines` : ''}${report.tombstoned ? `, ${report.tombstoned} deletion(s)` : ''}).`,
  );
  for (const line of report.skipped) io.stderr(`leadbooth: not applied: ${line}`);
}

function describeStatus(status: SyncStatus): string {
  if (!status.joined) return 'This laptop has not joined a team hub. Join one with: leadbooth hub join URL CODE';
  const last = status.lastSyncAt ? `last sync ${status.lastSyncAt}` : 'not synced yet';
  return `Hub ${status.hubUrl} as ${status.deviceName} (${status.role}) · ${status.leadsNotOnHub} lead change(s) not on the hub yet (${status.notOnHub} in all) · ${last}`;
}
