import { sql, type Kysely } from 'kysely';

/**
 * One conversion per lead (electron/hub/first-conversion.ts): a push with a conversion looks up
 * the conversions the hub holds of the same lead. A partial index of conversions only: a hub of
 * millions of changes holds few of them, and a lead's or a timeline entry's insert pays nothing.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX changes_conversion_lead ON changes ((fields->>'lead_id')) WHERE kind = 'conversion' AND NOT tombstone`.execute(db);
}
