import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Deleted and forgotten records (`sync_tombstones`, migration 0011): the delete triggers add
 * every record a synced table loses; the sync adds those the hub's tombstones name. Kept for
 * good, so a pull, a bundle or a conflict never brings such a record back.
 */

export async function isTombstoned(db: Kysely<Database>, kind: string, recordId: string): Promise<boolean> {
  const row = await db.selectFrom('sync_tombstones').select('record_id').where('kind', '=', kind).where('record_id', '=', recordId).executeTakeFirst();
  return row !== undefined;
}

/** The ids among `recordIds` of records of this kind deleted or forgotten here or on the team's hub. */
export async function tombstonedAmong(db: Kysely<Database>, kind: string, recordIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < recordIds.length; start += 500) {
    // The ids as one JSON array SQLite unpacks: a bound value each cost Kysely more than SQLite's look-up (a first sync asks about tens of thousands).
    const rows = await sql<{ record_id: string }>`
      SELECT record_id FROM sync_tombstones
      WHERE kind = ${kind} AND record_id IN (SELECT value FROM json_each(${JSON.stringify(recordIds.slice(start, start + 500))}))`.execute(db);
    for (const row of rows.rows) found.add(row.record_id);
  }
  return found;
}

/** A tombstone for a record this laptop does not hold (deleting one it holds adds it by trigger). */
export async function addTombstone(db: Kysely<Database>, kind: string, recordId: string, atMs: number): Promise<void> {
  await db.insertInto('sync_tombstones').values({ kind, record_id: recordId, deleted_at_ms: atMs }).onConflict((conflict) => conflict.doNothing()).execute();
}
