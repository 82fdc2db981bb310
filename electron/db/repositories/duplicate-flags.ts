import type { Kysely } from 'kysely';
import type { DuplicateReason } from '../../../shared/domain/duplicates';
import type { DuplicateFlag } from '../../../shared/domain/exchange';
import type { Database } from '../schema';

/**
 * Likely duplicates found by an import (a pair of leads, why), for the duplicates view; nothing
 * merges them by itself. A flag goes with either lead.
 *
 * A flag is one record per pair, stored with the smaller lead id first whichever lead the import
 * added: the pair found on two laptops (each importing the other's bundle) is then one record at
 * team sync, not two (synced-tables.ts, migration 0016). A pair dismissed (its flag deleted, here
 * or on a laptop of the team) is not flagged again: its tombstone stays.
 */
/** Five values a flag: well under SQLite's 32,766 variables a statement, however many flags an import finds. */
const FLAGS_PER_STATEMENT = 1_000;

/** The record id of a flag's pair, as the sync registry makes it (`<lead_id>/<other_lead_id>`). */
const pairRecordId = (row: { lead_id: string; other_lead_id: string }): string => `${row.lead_id}/${row.other_lead_id}`;

export async function insertDuplicateFlags(db: Kysely<Database>, flags: readonly DuplicateFlag[]): Promise<void> {
  for (let start = 0; start < flags.length; start += FLAGS_PER_STATEMENT) {
    await insertFlagRows(db, flags.slice(start, start + FLAGS_PER_STATEMENT));
  }
}

async function insertFlagRows(db: Kysely<Database>, flags: readonly DuplicateFlag[]): Promise<void> {
  const rows = flags.map((flag) => {
    const [first, second] = flag.leadId < flag.otherLeadId ? [flag.leadId, flag.otherLeadId] : [flag.otherLeadId, flag.leadId];
    return { lead_id: first, other_lead_id: second, reasons: JSON.stringify(flag.reasons), source: flag.source, flagged_at: flag.flaggedAt };
  });
  const dismissed = new Set(
    (
      await db
        .selectFrom('sync_tombstones')
        .select('record_id')
        .where('kind', '=', 'duplicate_flag')
        .where('record_id', 'in', rows.map(pairRecordId))
        .execute()
    ).map((row) => row.record_id),
  );
  const kept = rows.filter((row) => !dismissed.has(pairRecordId(row)));
  if (kept.length === 0) return;
  await db
    .insertInto('duplicate_flags')
    .values(kept)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Every flag, or those touching one of `leadIds`, newest first. */
export async function listDuplicateFlags(db: Kysely<Database>, leadIds?: readonly string[]): Promise<DuplicateFlag[]> {
  let query = db.selectFrom('duplicate_flags').selectAll();
  if (leadIds) {
    if (leadIds.length === 0) return [];
    query = query.where((eb) => eb.or([eb('lead_id', 'in', leadIds), eb('other_lead_id', 'in', leadIds)]));
  }
  const rows = await query.orderBy('flagged_at', 'desc').execute();
  return rows.map((row) => ({
    leadId: row.lead_id,
    otherLeadId: row.other_lead_id,
    // Written from DuplicateReason[] by insertDuplicateFlags.
    reasons: JSON.parse(row.reasons) as DuplicateReason[],
    source: row.source,
    flaggedAt: row.flagged_at,
  }));
}

/** Forgets the flags between two leads (after a merge, or when a person says they differ). */
export async function clearDuplicateFlags(db: Kysely<Database>, firstId: string, secondId: string): Promise<void> {
  await db
    .deleteFrom('duplicate_flags')
    .where((eb) =>
      eb.or([
        eb.and([eb('lead_id', '=', firstId), eb('other_lead_id', '=', secondId)]),
        eb.and([eb('lead_id', '=', secondId), eb('other_lead_id', '=', firstId)]),
      ]),
    )
    .execute();
}
