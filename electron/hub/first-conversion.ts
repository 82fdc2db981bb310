import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { RecordChange } from '../../shared/sync/protocol';
import type { HubDatabase } from './hub-schema';

/**
 * One lead is converted once (issue 18 §3): the hub keeps the first conversion of a lead it
 * accepts and refuses any other. Two laptops that converted one lead offline both push a
 * `conversion` record (different ids, the same `lead_id`); the second to reach the hub is not
 * stored, and a tombstone of it is, so a later change of it (marked reviewed, exported) is
 * discarded too and no laptop ever holds two conversions of a lead. The laptop that made it
 * undoes it when the first one reaches it (electron/sync/lost-conversion.ts).
 *
 * A conversion the hub holds a tombstone of (undone) no longer counts: the lead may be converted
 * again. Runs inside the push's transaction, under its lock, so two pushes never both win.
 */
export async function refuseLaterConversions(
  trx: Kysely<HubDatabase>,
  changes: readonly RecordChange[],
  isTombstoned: (kind: string, recordId: string) => boolean,
): Promise<{ stored: RecordChange[]; refusals: RecordChange[] }> {
  // Only a conversion's insert names its lead; an edit of it carries only what changed.
  const leadOf = (change: RecordChange): string | null =>
    change.kind === 'conversion' && !change.tombstone && typeof change.fields.lead_id === 'string' ? change.fields.lead_id : null;
  const leadIds = [...new Set(changes.map(leadOf).filter((lead): lead is string => lead !== null))];
  if (leadIds.length === 0) return { stored: [...changes], refusals: [] };
  const held = await sql<{ lead_id: string; record_id: string }>`
    SELECT fields->>'lead_id' AS lead_id, record_id FROM changes
    WHERE kind = 'conversion' AND NOT tombstone AND fields->>'lead_id' = ANY(${leadIds}::text[])
    ORDER BY seq`.execute(trx);
  const conversionOfLead = new Map<string, string>();
  for (const row of held.rows) {
    if (!conversionOfLead.has(row.lead_id) && !isTombstoned('conversion', row.record_id)) conversionOfLead.set(row.lead_id, row.record_id);
  }
  const stored: RecordChange[] = [];
  const refusals: RecordChange[] = [];
  for (const change of changes) {
    const lead = leadOf(change);
    const holder = lead === null ? undefined : conversionOfLead.get(lead);
    if (lead !== null && holder !== undefined && holder !== change.recordId) {
      // Its lead named so the tombstone goes to the devices of the lead's show (change-shows.ts); stored without fields.
      refusals.push({ changeId: randomUUID(), kind: 'conversion', recordId: change.recordId, hlc: change.hlc, fields: { lead_id: lead }, tombstone: true });
      continue;
    }
    if (lead !== null) conversionOfLead.set(lead, change.recordId);
    stored.push(change);
  }
  return { stored, refusals };
}
