import type { Kysely } from 'kysely';
import type { SalesforceProfile } from '../../../shared/domain/exchange';
import type { Database } from '../schema';

/** Settings are a small key → JSON table; each key's value type is named here. */
export interface SettingValues {
  staffName: string;
  currentEventId: string | null;
  /** Scan cards without the learned recognizer (see the contract's Settings). */
  fastScan: boolean;
  /** The half-typed lead in the entry form, so a restart does not lose it. */
  draft: { fields: Record<string, string>; savedAt: string } | null;
  /** CSV column mappings a person confirmed, by the header row's signature (see csv-mapping-memory). */
  csvMappings: Record<string, Record<string, string>>;
  /** The Salesforce org's Lead Status values and consent rule for the Leads CSV. */
  salesforceProfile: SalesforceProfile;
  /**
   * Set in the transaction of a forget, cleared once no live store file holds the person's
   * old text (see forget-log-cleanup.ts): a token, so a clean-up clears only the mark it saw.
   */
  forgetCleanupPending: string | null;
  /** Indexes a bulk write dropped and left to its after-commit worker (owed-indexes.ts): each as sqlite_master held it. */
  owedIndexes: Array<{ name: string; sql: string }>;
}
export type SettingKey = keyof SettingValues;

export async function readSetting<K extends SettingKey>(db: Kysely<Database>, key: K): Promise<SettingValues[K] | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  // We wrote this JSON ourselves with the same key's type.
  return row ? (JSON.parse(row.value) as SettingValues[K]) : undefined;
}

export async function writeSetting<K extends SettingKey>(
  db: Kysely<Database>,
  key: K,
  value: SettingValues[K],
  now: string,
): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
    .execute();
}

/** Sets the key to `value` only while it still holds `expected` (as written by writeSetting); true when it did. */
export async function replaceSettingIf<K extends SettingKey>(
  db: Kysely<Database>,
  key: K,
  expected: SettingValues[K],
  value: SettingValues[K],
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('settings')
    .set({ value: JSON.stringify(value), updated_at: now })
    .where('key', '=', key)
    .where('value', '=', JSON.stringify(expected))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
