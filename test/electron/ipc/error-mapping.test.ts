import { describe, expect, it } from 'vitest';
import { toAppError } from '../../../electron/ipc/error-mapping';

const sqliteError = (code: string) => Object.assign(new Error(`sqlite said ${code}`), { code });

describe('toAppError', () => {
  it.each([
    ['SQLITE_FULL', 'disk_full'],
    ['SQLITE_BUSY', 'busy'],
    ['SQLITE_BUSY_SNAPSHOT', 'busy'],
    ['SQLITE_LOCKED_SHAREDCACHE', 'busy'],
    ['SQLITE_READONLY_DBMOVED', 'read_only'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'conflict'],
    ['SQLITE_IOERR_WRITE', 'internal'],
  ])('maps %s (extended codes included) to %s with a message that says what to do', (code, expected) => {
    const error = toAppError(sqliteError(code));
    expect(error.code).toBe(expected);
    expect(error.message).not.toMatch(/^sqlite said/);
  });
});
