import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { EXIT_OK, UsageError } from '../cli-io';
import type { CliContext } from '../cli-context';
import type { CommandArgs } from '../parse-command-line';
import { refuseNonRegularFile } from '../regular-file';

/** The hub's port unless --port says otherwise: fixed, so laptops keep the address they joined. */
const DEFAULT_HUB_PORT = 8470;

/** `leadbooth hub start`: the hub runs in this process until Ctrl+C (or SIGTERM). */
export async function runHubStartCommand(args: CommandArgs, cli: CliContext): Promise<number> {
  noPositionals(args, 'hub start');
  const { startHub } = await import('../../hub/start-hub');
  const port = args.integer('--port') ?? DEFAULT_HUB_PORT;
  const hub = await startHub({
    ...hubLocation(args, cli),
    port,
    host: args.text('--listen') ?? '0.0.0.0',
    tls: args.flag('--tls'),
    onUnexpected: (error) => cli.io.stderr(`leadbooth hub: unexpected error: ${String(error)}`),
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`Port ${port} is taken on this computer: choose another with --port N.`);
    throw error;
  });
  try {
    const booth = await hub.newPairingCode('booth');
    const manager = await hub.newPairingCode('manager');
    cli.io.stdout(`LeadBooth team hub ${hub.hubId} is running.`);
    cli.io.stdout('Laptops join it at:');
    const scheme = hub.fingerprint ? 'https' : 'http';
    if (args.text('--listen') === undefined) for (const address of lanAddresses()) cli.io.stdout(`  ${scheme}://${address}:${hub.port}`);
    cli.io.stdout(`  ${hub.url}   (this computer)`);
    if (hub.fingerprint) cli.io.stdout(`Certificate fingerprint (SHA-256; a laptop checks it when it joins): ${hub.fingerprint}`);
    cli.io.stdout('Pairing codes (each joins one laptop, valid 24 hours):');
    cli.io.stdout(`  booth:   ${booth}`);
    cli.io.stdout(`  manager: ${manager}`);
    cli.io.stdout('More codes: "leadbooth hub code [--role manager]" with the same --data or --database-url.');
    cli.io.stdout('Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.removeListener('SIGINT', stop);
        process.removeListener('SIGTERM', stop);
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  } finally {
    await hub.close();
  }
  cli.io.stdout('The hub stopped.');
  return EXIT_OK;
}

/** `leadbooth hub code`: a new one-time pairing code of the hub on that folder or database. */
export async function runHubCodeCommand(args: CommandArgs, cli: CliContext): Promise<void> {
  noPositionals(args, 'hub code');
  const { deviceRoleSchema } = await import('../../../shared/sync/protocol');
  const role = deviceRoleSchema.safeParse(args.text('--role') ?? 'booth');
  if (!role.success) throw new UsageError(`--role is ${deviceRoleSchema.options.join(' or ')}, not "${args.text('--role')}"`);
  const { connectHubDatabase } = await import('../../hub/hub-connection');
  const { createPairingCode } = await import('../../hub/hub-devices');
  const connection = await connectHubDatabase(hubLocation(args, cli));
  try {
    const code = await createPairingCode(connection.db, role.data);
    cli.io.stdout(`Pairing code for a ${role.data} laptop (joins one laptop, valid 24 hours): ${code}`);
  } finally {
    await connection.close();
  }
}

/** `leadbooth hub backup FILE`: the hub's tables as JSON lines. */
export async function runHubBackupCommand(args: CommandArgs, cli: CliContext): Promise<void> {
  const file = oneFile(args, 'hub backup');
  const { connectHubDatabase } = await import('../../hub/hub-connection');
  const { backupHub } = await import('../../hub/hub-backup');
  const connection = await connectHubDatabase(hubLocation(args, cli));
  try {
    const { rows } = await backupHub(connection.db, file);
    cli.io.stdout(`Backed up the hub to ${file} (${rows} rows).`);
  } finally {
    await connection.close();
  }
}

/** `leadbooth hub restore FILE`: the hub's tables replaced by a backup's; its tombstones stay. */
export async function runHubRestoreCommand(args: CommandArgs, cli: CliContext): Promise<void> {
  const file = oneFile(args, 'hub restore');
  const refused = refuseNonRegularFile(file, { noun: 'a LeadBooth hub backup', advice: 'give the path of a file "leadbooth hub backup" wrote' });
  if (refused) throw new Error(refused);
  const { connectHubDatabase } = await import('../../hub/hub-connection');
  const { restoreHub } = await import('../../hub/hub-backup');
  const connection = await connectHubDatabase(hubLocation(args, cli));
  try {
    const restored = await restoreHub(connection.db, file);
    const kept = restored.tombstonesKept > 0 ? `; ${restored.tombstonesKept} deletion(s) made since the backup were kept` : '';
    cli.io.stdout(`Restored the hub from ${file} (${restored.rows} rows${kept}).`);
  } finally {
    await connection.close();
  }
}

function hubLocation(args: CommandArgs, cli: CliContext): { dataDir: string; databaseUrl?: string } {
  const databaseUrl = args.text('--database-url');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new UsageError('--database-url is a PostgreSQL address: postgres://USER:PASSWORD@HOST:5432/DATABASE');
  }
  const dataDir = path.resolve(args.text('--data') ?? path.join(cli.dataDir(), 'hub'));
  return databaseUrl === undefined ? { dataDir } : { dataDir, databaseUrl };
}

function noPositionals(args: CommandArgs, command: string): void {
  if (args.positionals.length > 0) throw new UsageError(`${command} takes no argument (found "${args.positionals[0]}")`);
}

function oneFile(args: CommandArgs, command: string): string {
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) throw new UsageError(`${command} needs one file`);
  return path.resolve(file);
}

/** This computer's IPv4 addresses on its networks (what another laptop types), loopback aside. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}
