/**
 * A write refused for want of space: SQLite's SQLITE_FULL or the file system's ENOSPC (EDQUOT: over the user's quota).
 * It lives with the store, below the services and the dispatcher, because both ask it: the
 * backup service for its own message, the IPC error mapping for every other write.
 */
export function isDiskFullError(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}
