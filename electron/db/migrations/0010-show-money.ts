import { sql, type Kysely } from 'kysely';

/**
 * A show's money (issue 17):
 *
 * - `events.currency`: ISO 4217 code of the show's amounts (its opportunities, its cost); ''
 *   for shows made before shows had one: the laptop's currency.
 * - `events.cost`: the show's total cost in that currency, NULL until someone enters it (the
 *   dashboard's cost per lead and per won deal need it).
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE events ADD COLUMN currency TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE events ADD COLUMN cost REAL`.execute(db);
}
