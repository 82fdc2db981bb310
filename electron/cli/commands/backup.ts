import fs from 'node:fs';
import path from 'node:path';
import type { openAppServices } from '../../app-services';
import { systemClock } from '../../services/service-context';
import { databaseFiles, ensurePrivateFolder, makeFilesPrivate } from '../../security/files/file-permissions';
import { UsageError, type CliIo, type UsageLine } from '../cli-io';
import { parseOptions } from '../parse-command-line';
import { refuseNonRegularFile, type InputFileKind } from '../regular-file';

/** SQLite opens a backup itself, page by page: no size limit, only a regular file. */
const BACKUP_FILE: InputFileKind = { noun: 'a LeadBooth backup file', advice: 'give the path of a backup (.db) file' };

export const BACKUP_USAGE: UsageLine[] = [
  ['backup [--out FILE]', 'copy the database now (default: into the backups folder beside it, last 7 kept)'],
  ['restore FILE', 'check a backup and put it in place; the current data is kept as a backup first'],
];

export async function runBackupCommand(dbPath: string, words: string[], io: CliIo): Promise<void> {
  const args = parseOptions(words, { '--out': 'text' }, 'backup');
  if (args.positionals.length > 0) throw new UsageError('backup takes no file name; use --out FILE');
  // Loaded here, not at the top: the store and the services are most of the CLI's code, and
  // every other command's start-up (the built CLI's "where") should not pay for them.
  const { openAppServices } = await import('../../app-services');
  const { createBackup } = await import('../../services/backup-service');
  const services = await openAppServices({ dbPath, mode: 'browser', withScanner: false, withDailyBackup: false });
  try {
    // A full disk is said in words by the backup service itself (the window's "Back up now" too).
    const backup = await createBackup(services.database, systemClock, { out: args.text('--out') });
    io.stdout(`Backed up to ${backup.path} (${Math.round(backup.bytes / 1024)} KB).`);
  } finally {
    await services.close();
  }
}

export async function runRestoreCommand(dbPath: string, words: string[], io: CliIo): Promise<void> {
  const args = parseOptions(words, {}, 'restore');
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) throw new UsageError('restore needs one backup file');
  const source = path.resolve(file);
  const refused = refuseNonRegularFile(source, BACKUP_FILE);
  if (refused) throw new Error(refused);
  const { openAppServices } = await import('../../app-services');
  const { openDatabase } = await import('../../db/open-database');
  const { backupsFolder, checkBackupFile, restoreBackup } = await import('../../services/backup-service');
  const checked = checkBackupFile(source);
  let services: Awaited<ReturnType<typeof openAppServices>>;
  try {
    services = await openAppServices({ dbPath, mode: 'browser', withScanner: false, withDailyBackup: false });
  } catch {
    // The current file cannot even be opened (damaged, or not ours): set it aside whole, then put the backup in its place.
    const keptAs = setAsideUnopenable(dbPath, backupsFolder(dbPath));
    fs.copyFileSync(source, dbPath);
    makeFilesPrivate(dbPath);
    await (await openDatabase(dbPath)).close(); // migrates an older backup forward
    io.stdout(`Restored ${checked.leads} lead(s) from ${path.basename(source)}. The file that could not be opened was moved to ${keptAs}.`);
    return;
  }
  try {
    const result = await restoreBackup(services.database, systemClock, source);
    io.stdout(`Restored ${result.leads} lead(s) from ${result.restoredFrom}. What was there before is kept as ${path.join(backupsFolder(dbPath), result.keptCurrentAs)}.`);
  } finally {
    await services.close();
  }
}

function setAsideUnopenable(dbPath: string, folder: string): string {
  ensurePrivateFolder(folder, { ours: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(folder, `unopenable-${stamp}.db`);
  for (const [index, file] of databaseFiles(dbPath).entries()) {
    if (fs.existsSync(file)) fs.renameSync(file, target + ['', '-wal', '-shm'][index]);
  }
  return target;
}
