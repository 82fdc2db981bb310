import { AppError } from '../../shared/ipc/errors';
import { defaultDatabasePath, defaultDataDir } from '../data-location';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, formatUsage, type CliIo } from './cli-io';
import { BADGE_USAGE, runBadgeCommand } from './commands/badge';
import { BACKUP_USAGE, runBackupCommand, runRestoreCommand } from './commands/backup';
import { EVENTS_USAGE, runEventsCommand } from './commands/events';
import { LEADS_USAGE, runLeadsCommand } from './commands/leads';
import { CONVERT_USAGE, runConvertCommand } from './commands/convert';
import { CRM_USAGE, runCrmCommand } from './commands/crm';
import { runServeCommand, SERVE_USAGE } from './commands/serve';
import { runStaffCommand, STAFF_USAGE } from './commands/staff';
import { EXCHANGE_USAGE, runBatchesCommand, runDuplicatesCommand, runExportCommand, runImportCommand } from './commands/exchange';
import { parseCommandLine, type CommandLine } from './parse-command-line';

const USAGE = [
  'usage: leadbooth [--db PATH] COMMAND ...',
  '',
  ...formatUsage([
    ['where', 'print the database file the app uses'],
    ...STAFF_USAGE,
    ...EVENTS_USAGE,
    ...LEADS_USAGE,
    ...CONVERT_USAGE,
    ...CRM_USAGE,
    ...EXCHANGE_USAGE,
    ['scan FILE... [--concurrency N] [--thorough] [--fast] [--save]', 'read business-card photos; one JSON line per file (--save: each saved as a lead)'],
    ...BADGE_USAGE,
    ...SERVE_USAGE,
    ...BACKUP_USAGE,
  ]),
  '',
  '--db PATH   use another database file (default: the app\'s own, see "leadbooth where")',
].join('\n');

export async function main(argv: string[], io: CliIo): Promise<number> {
  let commandLine: CommandLine;
  try {
    commandLine = parseCommandLine(argv);
  } catch (error) {
    return usageFailure(error, io);
  }
  if (commandLine.help || !commandLine.command) {
    (commandLine.help ? io.stdout : io.stderr)(USAGE);
    return commandLine.help ? EXIT_OK : EXIT_USAGE;
  }
  const dbPath = commandLine.db ?? defaultDatabasePath();
  try {
    return await runCommand(commandLine, dbPath, io);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(error, io);
    io.stderr(`leadbooth: ${describeFailure(error)}`);
    return EXIT_FAILED;
  }
}

async function runCommand(commandLine: CommandLine, dbPath: string, io: CliIo): Promise<number> {
  switch (commandLine.command) {
    case 'where':
      io.stdout(dbPath);
      return EXIT_OK;
    case 'scan': {
      // Loaded on demand: the OCR engine is heavy and the other commands never need it.
      const { runScanCommand } = await import('./commands/scan');
      return runScanCommand(commandLine.words, {
        ...io,
        dataDir: defaultDataDir(),
        openSaver: async () => (await import('./commands/scan-save')).openScanSaver(dbPath),
      });
    }
    case 'serve':
      return runServeCommand(dbPath, commandLine.words, io);
    case 'badge':
      await runBadgeCommand(async () => (await import('./open-client')).openCliSession(dbPath, io), commandLine.words, io);
      return EXIT_OK;
    case 'backup':
      await runBackupCommand(dbPath, commandLine.words, io);
      return EXIT_OK;
    case 'restore':
      await runRestoreCommand(dbPath, commandLine.words, io);
      return EXIT_OK;
    case 'staff':
    case 'events':
    case 'leads':
    case 'convert':
    case 'accounts':
    case 'contacts':
    case 'opportunities':
    case 'export':
    case 'import':
    case 'batches':
    case 'duplicates': {
      const command = commandLine.command;
      // Loaded on demand: the store and every service are most of the CLI's code, and
      // "where" or a usage error should not wait for them to load.
      const { openCliSession } = await import('./open-client');
      const session = await openCliSession(dbPath, io);
      try {
        if (command === 'staff') await runStaffCommand(session, commandLine.words, io);
        else if (command === 'events') await runEventsCommand(session, commandLine.words, io);
        else if (command === 'leads') await runLeadsCommand(session, commandLine.words, io);
        else if (command === 'convert') await runConvertCommand(session, commandLine.words, io);
        else if (command === 'export') await runExportCommand(session, commandLine.words, io);
        else if (command === 'import') await runImportCommand(session, commandLine.words, io);
        else if (command === 'batches') await runBatchesCommand(session, commandLine.words, io);
        else if (command === 'duplicates') await runDuplicatesCommand(session, commandLine.words, io);
        else await runCrmCommand(session, command, commandLine.words, io);
      } finally {
        await session.close();
      }
      return EXIT_OK;
    }
    default:
      throw new UsageError(`unknown command "${commandLine.command}"`);
  }
}

function usageFailure(error: unknown, io: CliIo): number {
  io.stderr(`leadbooth: ${(error as Error).message}`);
  io.stderr(USAGE);
  return EXIT_USAGE;
}

function describeFailure(error: unknown): string {
  if (error instanceof AppError && error.fieldErrors) {
    const fields = Object.entries(error.fieldErrors).map(([field, message]) => `  ${field}: ${message}`);
    return [error.message, ...fields].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}
