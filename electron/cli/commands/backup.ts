import path from 'node:path';
import { UsageError } from '../cli-io';
import type { CliContext } from '../cli-context';
import type { CommandArgs } from '../parse-command-line';
import { refuseNonRegularFile, type InputFileKind } from '../regular-file';

/** SQLite opens a backup itself, page by page: no size limit, only a regular file. */
const BACKUP_FILE: InputFileKind = { noun: 'a LeadBooth backup file', advice: 'give the path of a backup (.db) file' };

export async function runBackupCommand(args: CommandArgs, cli: CliContext): Promise<void> {
  if (args.positionals.length > 0) throw new UsageError('backup takes no file name; use --out FILE');
  const { backupDatabase } = await import('../file-jobs');
  const backup = await backupDatabase(cli.dbPath, args.text('--out'));
  cli.io.stdout(`Backed up to ${backup.path} (${Math.round(backup.bytes / 1024)} KB).`);
}

export async function runRestoreCommand(args: CommandArgs, cli: CliContext): Promise<void> {
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) throw new UsageError('restore needs one backup file');
  const source = path.resolve(file);
  const refused = refuseNonRegularFile(source, BACKUP_FILE);
  if (refused) throw new Error(refused);
  const { restoreDatabase } = await import('../file-jobs');
  const restored = await restoreDatabase(cli.dbPath, source);
  cli.io.stdout(
    restored.currentWasUnopenable
      ? `Restored ${restored.leads} lead(s) from ${restored.restoredFrom}. The file that could not be opened was moved to ${restored.keptAs}.`
      : `Restored ${restored.leads} lead(s) from ${restored.restoredFrom}. What was there before is kept as ${restored.keptAs}.`,
  );
}
