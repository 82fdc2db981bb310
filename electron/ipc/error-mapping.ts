import { z } from 'zod';
import { AppError } from '../../shared/ipc/errors';
import { invalidInput } from '../../shared/ipc/validation';

/** SQLite's own failures, turned into messages a person at a booth can act on. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return invalidInput(error);
  // better-sqlite3 reports extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED…): match the family.
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_FULL') {
    return new AppError('disk_full', 'The disk is full, so this was not saved. Free some space and save again; what was saved before is safe.');
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('busy', 'The database is busy with another window or the command line. Try again in a moment.');
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new AppError('read_only', 'The database file is read-only. Check the file permissions of the data folder.');
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError('conflict', 'This was saved already (another window or the command line was quicker). Reload and check.');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('internal', `Something went wrong: ${message}. Nothing was changed; try again.`);
}

