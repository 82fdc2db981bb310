import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

/**
 * Kysely over a connection the caller opened and configures itself (a backup copy being
 * rewritten): Kysely's plain SQLite dialect, without the store's write turns and statement
 * cache (open-database.ts), since nobody else uses that file meanwhile.
 */
export function kyselyOver(sqlite: BetterSqlite3.Database): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
