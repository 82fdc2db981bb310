import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/** The search index's trigger for new leads (migration 0001). */
const INSERT_TRIGGER = 'leads_fts_insert';

export interface DeferredSearchIndex {
  /** Indexes the leads added since the last call: before anything updates one of them (its update trigger removes what the index holds of it). */
  catchUp(): Promise<void>;
  /** Indexes what is left and puts the trigger back. */
  finish(): Promise<void>;
}

/**
 * For a bulk insert of leads inside the caller's transaction: the search index's insert
 * trigger is dropped, and the new leads are indexed afterwards by one INSERT … SELECT of the
 * same columns the trigger writes — the same index, without the trigger program and the index
 * flushing its terms after every statement of a few hundred rows (at 100,000 leads about a
 * third of SQLite's time). The DROP and CREATE are part of the transaction: a rollback
 * (Cancel, an error, a crash) brings the trigger back with everything else.
 *
 * Until catchUp() the new leads are not searchable and must not be updated: an update's
 * trigger would remove from the index terms it never held.
 */
export async function deferSearchIndexing(db: Kysely<Database>): Promise<DeferredSearchIndex> {
  const trigger = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ${INSERT_TRIGGER}`.execute(db);
  const createTrigger = trigger.rows[0]?.sql;
  // No such trigger (a schema that indexes otherwise): nothing to defer.
  if (!createTrigger) return { catchUp: async () => undefined, finish: async () => undefined };
  let indexedUpTo = await lastLeadSeq(db);
  await sql`DROP TRIGGER ${sql.id(INSERT_TRIGGER)}`.execute(db);
  const catchUp = async () => {
    const last = await lastLeadSeq(db);
    if (last === indexedUpTo) return;
    // leads_fts is a virtual table outside the typed schema, hence raw SQL; the columns are the trigger's.
    await sql`
      INSERT INTO leads_fts (rowid, first_name, last_name, company, email, notes)
      SELECT seq, first_name, last_name, company, email, notes FROM leads WHERE seq > ${indexedUpTo} ORDER BY seq`.execute(db);
    indexedUpTo = last;
  };
  return {
    catchUp,
    async finish() {
      await catchUp();
      await sql.raw(createTrigger).execute(db);
    },
  };
}

/** New leads get a seq above every one before them (INTEGER PRIMARY KEY: the largest + 1). */
async function lastLeadSeq(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('leads').select((eb) => eb.fn.max('seq').as('last')).executeTakeFirst();
  return Number(row?.last ?? 0);
}
