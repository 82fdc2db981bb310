import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/ipc/errors';
import { invalidInput } from '../../shared/ipc/validation';
import { isDiskFullError } from '../db/disk-full-error';

/** A short tag that ties the message a person sees to the detailed entry in the log. */
export function newErrorReference(): string {
  return randomBytes(4).toString('hex');
}

/**
 * SQLite's own failures, turned into messages a person at a booth can act on. An
 * unexpected failure's own text (SQL, file paths, stack) is never put in the message: it
 * goes to the log under `reference`, and the person sees the code and that reference.
 */
export function toAppError(error: unknown, reference: string = newErrorReference()): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return invalidInput(error);
  // better-sqlite3 reports extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED…): match the family.
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (isDiskFullError(error)) {
    return new AppError('disk_full', 'The disk is full, so this was not saved. Free some space and save again; what was saved before is safe.', undefined, {
      cause: error,
    });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('busy', 'The database is busy with another window or the command line. Try again in a moment.', undefined, { cause: error });
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new AppError('read_only', 'The database file is read-only, so this was not saved. Check the permissions of the data folder, then save again.', undefined, {
      cause: error,
    });
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError('conflict', 'This was saved already (another window or the command line was quicker). Reload and check.', undefined, { cause: error });
  }
  return new AppError(
    'internal',
    `Something went wrong inside LeadBooth (error internal, reference ${reference}). Nothing was changed; try again. ` +
      'If it keeps happening, restart the app and quote the reference: the details are in the log.',
    undefined,
    { cause: error },
  );
}

/**
 * What goes to the log for a failure the person only sees a code for: the reference and
 * the internal detail. The log stays on this machine; the UI never receives this.
 */
export function describeForLog(error: unknown, reference: string): Error {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const logged = new Error(`reference ${reference}: ${detail}`, { cause: error });
  // String(error) in the existing loggers prints the message, which now carries the detail.
  logged.stack = logged.message;
  return logged;
}
