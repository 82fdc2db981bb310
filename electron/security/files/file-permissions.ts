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

/**
 * Errors of a file system that has no POSIX modes or will not change them: FAT and exFAT USB
 * sticks (which docs/data.md suggests for moving data), some network shares, read-only mounts.
 * There privacy rests on the medium; refusing to open would only lock the user out of their leads.
 */
const CHMOD_REFUSED = new Set(['EPERM', 'EACCES', 'EROFS', 'ENOTSUP', 'EOPNOTSUPP', 'EINVAL']);

/**
 * Creates the folder 0700 when it is missing; an existing folder is made 0700 only when `ours`
 * (the app's own data folder). Returns a warning when the file system refused the mode.
 */
export function ensurePrivateFolder(folder: string, options: { ours: boolean }): string | undefined {
  const existed = fs.existsSync(folder);
  if (!existed) fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  // mkdir's mode is filtered by the umask; chmod is not. A folder the user picked (--db in
  // their Documents) is theirs to set: only one we created, or our own, is tightened.
  if (!appliesHere || (existed && !options.ours)) return undefined;
  try {
    fs.chmodSync(folder, PRIVATE_FOLDER_MODE);
    return undefined;
  } catch (error) {
    if (!CHMOD_REFUSED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    return `${folder}: this drive does not keep file permissions (${(error as NodeJS.ErrnoException).code}), so other users of this computer may read the leads in it. Keep it on an encrypted or personal drive.`;
  }
}

/** Makes each of these files 0600 where it exists (SQLite creates -wal and -shm with the db file's mode). */
export function makeFilesPrivate(...files: string[]): void {
  if (!appliesHere) return;
  for (const file of files) {
    try {
      fs.chmodSync(file, PRIVATE_FILE_MODE);
    } catch (error) {
      // A file that is not there (no -wal yet) has nothing to protect; one another user owns is not
      // ours to change; a drive without modes was named once by ensurePrivateFolder.
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code !== 'ENOENT' && !CHMOD_REFUSED.has(code)) throw error;
    }
  }
}

/** The database file and the two files SQLite keeps beside it in WAL mode. */
export function databaseFiles(dbPath: string): string[] {
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`];
}
