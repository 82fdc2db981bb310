import { sql, type Kysely } from 'kysely';
import { RECORD_STAMP_COLUMN, WHOLE_RECORD } from '../../sync/field-clocks';
import { recordIdSql, SYNCED_TABLES } from '../../sync/synced-tables';

/**
 * The `*` field clock of a record (the stamp of its insert, the clock of every field without a
 * stamp of its own) moves from a row of `sync_field_clocks` onto the record itself: a column
 * `sync_record_hlc` on every synced table, written with the record's insert (field-clocks.ts).
 * A first sync receives tens of thousands of records whole, and a `*` row each was one more
 * insert into a B-tree of 100,000+ keys per record (docs/team-hub.md, "Sixth round").
 *
 * Each `*` row of a record held moves onto its record, then every `*` row goes (one of a record
 * not held stamped nothing anyone reads). The column is not logged (the change-log triggers name
 * the registry's columns only) and does not travel in a bundle (the bundle carries its record's
 * clocks as `field_clocks`).
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  // The tables synced at this version: a table a later migration adds to the registry gets the column there.
  for (const table of SYNCED_TABLES.filter((synced) => (synced.loggedSinceMigration ?? 11) <= 18)) {
    const name = `"${table.table}"`;
    await sql.raw(`ALTER TABLE ${name} ADD COLUMN ${RECORD_STAMP_COLUMN} TEXT`).execute(db);
    // By the clocks' key for each record (a record id of two columns is no column to join on).
    const stampOf = `SELECT hlc FROM sync_field_clocks WHERE kind = '${table.kind}' AND record_id = ${recordIdSql(table, name)} AND field = '${WHOLE_RECORD}'`;
    await sql.raw(`UPDATE ${name} SET ${RECORD_STAMP_COLUMN} = (${stampOf}) WHERE EXISTS (${stampOf})`).execute(db);
  }
  await sql`DELETE FROM sync_field_clocks WHERE field = ${WHOLE_RECORD}`.execute(db);
}
