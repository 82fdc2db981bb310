import { sql, type Kysely } from 'kysely';
import { MAX_CHANGES_PER_BATCH, type RecordChange } from '../../shared/sync/protocol';
import type { HubDatabase } from './hub-schema';
import { HUB_LOCKS, takeTransactionLock } from './hub-locks';
import { refuseLaterConversions } from './first-conversion';

export interface PushOutcome {
  /** Changes stored by this push. */
  accepted: number;
  /** Changes the hub already had (a retried push). */
  alreadyStored: number;
  /**
   * Changes of records the hub holds a tombstone for, and conversions of a lead another laptop
   * converted first (first-conversion.ts): dropped, not stored.
   */
  discarded: number;
}

const recordKey = (change: { kind: string; recordId: string }): string => `${change.kind}\u0000${change.recordId}`;

/**
 * Stores a device's changes, each change id once, and applies the tombstones among them.
 *
 * Pull safety: `seq` is a bigserial, and a sequence hands out numbers in call order, not commit
 * order — two concurrent pushes could commit seq 12 after a pull already moved its cursor past
 * 13, and that pull would never see 12. So every push takes one transaction-level advisory lock
 * before it draws a seq and holds it until it commits: pushes (of every hub process on the
 * database — the lock lives in PostgreSQL) append one after another, and a reader sees either
 * all of a push or none of it, never a later seq without the earlier ones.
 *
 * Tombstones: a tombstone of (kind, record id) deletes the record's stored changes (their
 * personal data must not stay on the hub) and is kept itself, with no fields, so every laptop
 * learns of it at its next pull. A later change of a tombstoned record is discarded.
 *
 * One conversion per lead: a conversion of a lead the hub holds another conversion of is not
 * stored; a tombstone of it is, after the push's changes (first-conversion.ts).
 */
export async function pushChanges(db: Kysely<HubDatabase>, deviceId: string, changes: readonly RecordChange[]): Promise<PushOutcome> {
  if (changes.length === 0) return { accepted: 0, alreadyStored: 0, discarded: 0 };
  return db.transaction().execute(async (trx) => {
    await takeTransactionLock(trx, HUB_LOCKS.changes);
    const tombstoned = await tombstonedRecords(trx, changes);
    for (const change of changes) if (change.tombstone) tombstoned.add(recordKey(change));
    const notTombstoned = changes.filter((change) => change.tombstone || !tombstoned.has(recordKey(change)));
    const { stored: kept, refusals } = await refuseLaterConversions(trx, notTombstoned, (kind, recordId) => tombstoned.has(recordKey({ kind, recordId })));
    // A refused conversion's later changes in this very push go with it.
    const refused = new Set(refusals.map(recordKey));
    const accepted = kept.filter((change) => !refused.has(recordKey(change)));
    const toStore = [...accepted, ...refusals];
    const inserted = toStore.length === 0 ? [] : await insertChanges(trx, deviceId, toStore);
    const newTombstones = toStore.filter((change) => change.tombstone);
    if (newTombstones.length > 0) await purgeTombstonedRecords(trx, newTombstones);
    const insertedOfPush = inserted.length - refusals.length;
    return { accepted: insertedOfPush, alreadyStored: accepted.length - insertedOfPush, discarded: changes.length - accepted.length };
  });
}

/**
 * Inserts the changes not stored yet, each change id once, in one statement of seven array
 * parameters (`unnest`): a VALUES list of a full batch has 7,000 parameters for PostgreSQL to
 * parse and plan, which cost a first sync more than the writing. Returns the ids it stored.
 */
async function insertChanges(trx: Kysely<HubDatabase>, deviceId: string, changes: readonly RecordChange[]): Promise<Array<{ change_id: string }>> {
  const result = await sql<{ change_id: string }>`
    INSERT INTO changes (change_id, device_id, kind, record_id, hlc, fields, tombstone)
    SELECT change_id, ${deviceId}, kind, record_id, hlc, fields, tombstone
    FROM unnest(
      ${changes.map((change) => change.changeId)}::uuid[],
      ${changes.map((change) => change.kind)}::text[],
      ${changes.map((change) => change.recordId)}::text[],
      ${changes.map((change) => change.hlc)}::text[],
      ${changes.map((change) => JSON.stringify(change.tombstone ? {} : change.fields))}::jsonb[],
      ${changes.map((change) => change.tombstone)}::boolean[]
    ) WITH ORDINALITY AS incoming (change_id, kind, record_id, hlc, fields, tombstone, position)
    -- In the order pushed: the seq each change draws is its place in the hub's order (parents before children).
    ORDER BY position
    ON CONFLICT (change_id) DO NOTHING
    RETURNING change_id`.execute(trx);
  return result.rows;
}

/** The records of `changes` the hub already holds a tombstone for, as `recordKey`s. */
async function tombstonedRecords(trx: Kysely<HubDatabase>, changes: readonly RecordChange[]): Promise<Set<string>> {
  const rows = await sql<{ kind: string; record_id: string }>`
    SELECT DISTINCT kind, record_id FROM changes
    WHERE tombstone AND (kind, record_id) IN (
      SELECT * FROM unnest(${changes.map((c) => c.kind)}::text[], ${changes.map((c) => c.recordId)}::text[])
    )`.execute(trx);
  return new Set(rows.rows.map((row) => recordKey({ kind: row.kind, recordId: row.record_id })));
}

async function purgeTombstonedRecords(trx: Kysely<HubDatabase>, tombstones: readonly RecordChange[]): Promise<void> {
  await sql`
    DELETE FROM changes
    WHERE NOT tombstone AND (kind, record_id) IN (
      SELECT * FROM unnest(${tombstones.map((c) => c.kind)}::text[], ${tombstones.map((c) => c.recordId)}::text[])
    )`.execute(trx);
}

export interface PullPage {
  changes: RecordChange[];
  cursor: string;
  more: boolean;
}

/** The changes after `after` (a seq as text, '' or '0' from the start), in the hub's order. */
export async function pullChanges(db: Kysely<HubDatabase>, after: string, limit: number = MAX_CHANGES_PER_BATCH): Promise<PullPage> {
  const from = after === '' ? '0' : after;
  const pageSize = Math.max(1, Math.min(limit, MAX_CHANGES_PER_BATCH));
  const rows = await db
    .selectFrom('changes')
    .select(['seq', 'change_id', 'kind', 'record_id', 'hlc', 'fields', 'tombstone'])
    .where('seq', '>', sql<string>`${from}::bigint`)
    .orderBy('seq')
    .limit(pageSize + 1)
    .execute();
  const page = rows.slice(0, pageSize);
  return {
    changes: page.map((row) => ({
      changeId: row.change_id,
      kind: row.kind,
      recordId: row.record_id,
      hlc: row.hlc,
      fields: row.fields,
      tombstone: row.tombstone,
    })),
    cursor: page.at(-1)?.seq ?? from,
    more: rows.length > pageSize,
  };
}
