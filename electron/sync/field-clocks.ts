import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Per record and field, the clock stamp of the value the laptop holds (`sync_field_clocks`).
 * Field `*` holds the stamp of the record's insert: the clock of every field without its own row.
 */
export const WHOLE_RECORD = '*';

export interface RecordClocks {
  /** The stamp the value of `field` carries; '' when the laptop knows none (older than any stamp). */
  of(field: string): string;
}

export async function readRecordClocks(db: Kysely<Database>, kind: string, recordId: string): Promise<RecordClocks> {
  const rows = await db.selectFrom('sync_field_clocks').select(['field', 'hlc']).where('kind', '=', kind).where('record_id', '=', recordId).execute();
  const byField = new Map(rows.map((row) => [row.field, row.hlc]));
  const whole = byField.get(WHOLE_RECORD) ?? '';
  return { of: (field) => byField.get(field) ?? whole };
}

/** Sets a field's stamp unless it holds a later one already (stamps compare as text). */
export async function raiseFieldClock(db: Kysely<Database>, kind: string, recordId: string, field: string, hlc: string): Promise<void> {
  await db
    .insertInto('sync_field_clocks')
    .values({ kind, record_id: recordId, field, hlc })
    .onConflict((conflict) => conflict.columns(['kind', 'record_id', 'field']).doUpdateSet({ hlc }).where('sync_field_clocks.hlc', '<', hlc))
    .execute();
}
