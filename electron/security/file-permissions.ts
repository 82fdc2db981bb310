import fs from 'node:fs';

/**
 * The database holds personal data of everyone met at a show: only the user who runs
 * LeadBooth may read it. On Linux and macOS the data folder is 0700 and the database
 * files (the db, its -wal and -shm, backups) 0600, whatever the umask says. Windows keeps
 * the per-user ACLs of the profile folder, where the data lives; chmod means nothing there.
 */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const appliesHere = process.platform !== 'win32';

/** Creates the folder 0700 when it is missing; an existing folder is made 0700 only when `ours` (the app's own data folder). */
export function ensurePrivateFolder(folder: string, options: { ours: boolean }): void {
  const existed = fs.existsSync(folder);
  fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  // mkdir's mode is filtered by the umask; chmod is not. A folder the user picked (--db in
  // their Documents) is theirs to set: only one we created, or our own, is tightened.
  if (appliesHere && (!existed || options.ours)) fs.chmodSync(folder, PRIVATE_FOLDER_MODE);
}

/** Makes each of these files 0600 where it exists (SQLite creates -wal and -shm with the db file's mode). */
export function makeFilesPrivate(...files: string[]): void {
  if (!appliesHere) return;
  for (const file of files) {
    try {
      fs.chmodSync(file, PRIVATE_FILE_MODE);
    } catch (error) {
      // A file that is not there (no -wal yet) has nothing to protect; one another user owns is not ours to change.
      if (!['ENOENT', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
  }
}

/** The database file and the two files SQLite keeps beside it in WAL mode. */
export function databaseFiles(dbPath: string): string[] {
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`];
}
