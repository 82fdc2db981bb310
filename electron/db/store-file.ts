import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/** The file the connection's main database lives in ('' for an in-memory database). */
export async function storeFilePath(db: Kysely<Database>): Promise<string> {
  const result = await sql<{ file: string }>`SELECT file FROM pragma_database_list WHERE name = 'main'`.execute(db);
  return result.rows[0]?.file ?? '';
}
