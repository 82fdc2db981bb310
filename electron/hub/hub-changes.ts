import { sql, type Kysely } from 'kysely';
import { MAX_CHANGES_PER_BATCH, type DeviceRole, type RecordChange } from '../../shared/sync/protocol';
import type { ChangeRow, HubDatabase } from './hub-schema';
import { HUB_LOCKS, takeTransactionLock } from './hub-locks';
import { refuseLaterConversions } from './first-conversion';
import { adoptIntoShows, noteNewShowsOfDevice, showsOfChanges } from './change-shows';
import { deleteUnreferencedPhotos, photosOfScans } from './hub-photos';

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
 * learns of it at its next pull. A later change of a tombstoned record is discarded: a tombstone
 * is for good (a record that may come back, a checklist criterion or a conversion rule, is
 * marked removed instead of deleted, so its removal is an edit).
 *
 * A card scan's tombstone also deletes its photo when no other stored scan refers to it.
 *
 * One conversion per lead: a conversion of a lead the hub holds another conversion of is not
 * stored; a tombstone of it is, after the push's changes (first-conversion.ts).
 */
export async function pushChanges(db: Kysely<HubDatabase>, deviceId: string, changes: readonly RecordChange[]): Promise<PushOutcome> {
  if (changes.length === 0) return { accepted: 0, alreadyStored: 0, discarded: 0 };
  return db.transaction().execute(async (trx) => {
    await takeTransactionLock(trx, HUB_LOCKS.changes);
    const tombstoned = await tombstonedRecords(trx, changes);
    const notTombstoned = withoutTombstonedRecords(changes, tombstoned);
    const { stored: kept, refusals } = await refuseLaterConversions(trx, notTombstoned, (kind, recordId) => tombstoned.has(recordKey({ kind, recordId })));
    // A refused conversion's later changes in this very push go with it.
    const refused = new Set(refusals.map(recordKey));
    const accepted = kept.filter((change) => !refused.has(recordKey(change)));
    const toStore = [...accepted, ...refusals];
    const { shows, adoptions } = await showsOfChanges(trx, toStore);
    await noteNewShowsOfDevice(trx, deviceId, shows);
    const inserted = toStore.length === 0 ? [] : await insertChanges(trx, deviceId, toStore, shows);
    await adoptIntoShows(trx, adoptions);
    const newTombstones = toStore.filter((change) => change.tombstone);
    // A forgotten card scan's photo goes with it, unless another scan refers to the same photo.
    const photos = await photosOfScans(trx, newTombstones.filter((change) => change.kind === 'card_scan').map((change) => change.recordId));
    if (newTombstones.length > 0) await purgeTombstonedRecords(trx, newTombstones);
    await deleteUnreferencedPhotos(trx, photos);
    const insertedOfPush = inserted.length - refusals.length;
    return { accepted: insertedOfPush, alreadyStored: accepted.length - insertedOfPush, discarded: changes.length - accepted.length };
  });
}

/**
 * The changes of a push the hub keeps, tombstones aside: a record tombstoned (stored, or
 * anywhere in this push) loses its changes.
 */
function withoutTombstonedRecords(changes: readonly RecordChange[], tombstoned: Set<string>): RecordChange[] {
  for (const change of changes) if (change.tombstone) tombstoned.add(recordKey(change));
  return changes.filter((change) => change.tombstone || !tombstoned.has(recordKey(change)));
}

/**
 * Inserts the changes not stored yet, each change id once, in one statement of seven array
 * parameters (`unnest`): a VALUES list of a full batch has 7,000 parameters for PostgreSQL to
 * parse and plan, which cost a first sync more than the writing. Returns the ids it stored.
 */
async function insertChanges(
  trx: Kysely<HubDatabase>,
  deviceId: string,
  changes: readonly RecordChange[],
  shows: ReadonlyArray<string | null>,
): Promise<Array<{ change_id: string }>> {
  const result = await sql<{ change_id: string }>`
    INSERT INTO changes (change_id, device_id, kind, record_id, hlc, fields, tombstone, show_id)
    SELECT change_id, ${deviceId}, kind, record_id, hlc, fields, tombstone, show_id
    FROM unnest(
      ${changes.map((change) => change.changeId)}::uuid[],
      ${changes.map((change) => change.kind)}::text[],
      ${changes.map((change) => change.recordId)}::text[],
      ${changes.map((change) => change.hlc)}::text[],
      ${changes.map((change) => JSON.stringify(change.tombstone ? {} : change.fields))}::jsonb[],
      ${changes.map((change) => change.tombstone)}::boolean[],
      ${shows}::text[]
    ) WITH ORDINALITY AS incoming (change_id, kind, record_id, hlc, fields, tombstone, show_id, position)
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

/** Deletes the tombstoned records' changes stored before their tombstone. */
async function purgeTombstonedRecords(trx: Kysely<HubDatabase>, tombstones: readonly RecordChange[]): Promise<void> {
  await sql`
    DELETE FROM changes AS c
    WHERE NOT c.tombstone AND (c.kind, c.record_id) IN (
      SELECT * FROM unnest(${tombstones.map((t) => t.kind)}::text[], ${tombstones.map((t) => t.recordId)}::text[])
    )
    AND c.seq < (SELECT max(t.seq) FROM changes AS t WHERE t.tombstone AND t.kind = c.kind AND t.record_id = c.record_id)`.execute(trx);
}

/**
 * A stored change as a pull sends it: its fields as PostgreSQL's JSON text of them, passed on
 * as it is (pullPageJson). Parsed by the pg driver and serialized again for the answer, each
 * page's fields cost the hub process more than the rest of the pull (profile in docs/team-hub.md).
 */
interface PulledChange {
  changeId: string;
  kind: string;
  recordId: string;
  hlc: string;
  /** A JSON object, as PostgreSQL writes a `jsonb` out. */
  fieldsJson: string;
  tombstone: boolean;
}

export interface PullPage {
  changes: PulledChange[];
  cursor: string;
  more: boolean;
}

/** A pull's answer as JSON text, in the shape of pullResponseSchema: each change's fields spliced in as PostgreSQL wrote them. */
export function pullPageJson(page: PullPage): string {
  const changes = page.changes.map(
    (change) =>
      `{"changeId":${JSON.stringify(change.changeId)},"kind":${JSON.stringify(change.kind)},"recordId":${JSON.stringify(change.recordId)},"hlc":${JSON.stringify(change.hlc)},"fields":${change.fieldsJson},"tombstone":${change.tombstone}}`,
  );
  return `{"changes":[${changes.join(',')}],"cursor":${JSON.stringify(page.cursor)},"more":${page.more}}`;
}

/**
 * The changes after `after` (a seq as text, '' or '0' from the start), in the hub's order: all
 * of them to a manager device, to a booth device every show with its checklist (so it can pick
 * one and capture there at once) and its shows' changes only (change-shows.ts: the shows it
 * pushed anything of).
 *
 * A booth device that has since pushed changes of a show new to it (`pull_from_start`) is told
 * to start again: an empty page with the cursor '0' (the laptop keeps the cursor as the hub
 * gives it); its next pull, from the start, clears the flag and brings it that show's earlier
 * changes (the rest it skips as known by id). The flag is cleared only then, so a lost answer
 * does not lose the restart.
 */
export async function pullChanges(
  db: Kysely<HubDatabase>,
  after: string,
  limit: number,
  device: { id: string; role: DeviceRole },
): Promise<PullPage> {
  const from = after === '' ? '0' : after;
  const pageSize = Math.max(1, Math.min(limit, MAX_CHANGES_PER_BATCH));
  if (device.role === 'booth') {
    if (await startsAgain(db, device.id, from)) return { changes: [], cursor: '0', more: true };
    return pullOfBooth(db, device.id, from, pageSize);
  }
  const rows = await db
    .selectFrom('changes')
    .select(['seq', 'change_id', 'kind', 'record_id', 'hlc', 'tombstone'])
    .select(sql<string>`fields::text`.as('fields_json'))
    .where('seq', '>', sql<string>`${from}::bigint`)
    .orderBy('seq')
    .limit(pageSize + 1)
    .execute();
  return pageOf(rows, pageSize, from);
}

type PulledRow = Pick<ChangeRow, 'seq' | 'change_id' | 'kind' | 'record_id' | 'hlc' | 'tombstone'> & { fields_json: string };

function pageOf(rows: readonly PulledRow[], pageSize: number, from: string, scannedTo?: string | null): PullPage {
  const page = rows.slice(0, pageSize);
  const more = rows.length > pageSize;
  // A booth's page that is not full moves the cursor past the other shows' changes it skipped.
  const last = more ? page.at(-1)?.seq : scannedTo && BigInt(scannedTo) > BigInt(page.at(-1)?.seq ?? from) ? scannedTo : page.at(-1)?.seq;
  return {
    changes: page.map((row) => ({
      changeId: row.change_id,
      kind: row.kind,
      recordId: row.record_id,
      hlc: row.hlc,
      fieldsJson: row.fields_json,
      tombstone: row.tombstone,
    })),
    cursor: last ?? from,
    more,
  };
}

/** Whether a booth device must pull from the start (see pullChanges); a pull from the start clears it. */
async function startsAgain(db: Kysely<HubDatabase>, deviceId: string, from: string): Promise<boolean> {
  if (BigInt(from) === 0n) {
    await db.updateTable('devices').set({ pull_from_start: false }).where('id', '=', deviceId).where('pull_from_start', '=', true).execute();
    return false;
  }
  const row = await db.selectFrom('devices').select('pull_from_start').where('id', '=', deviceId).executeTakeFirst();
  return row?.pull_from_start === true;
}

/**
 * A booth device's page: one statement, so the newest seq it reads (`scanned_to`, the cursor of a
 * page that is not full) is of the same snapshot as the page — with pushes appended one after
 * another (the push lock), no change at or below it can commit later.
 */
async function pullOfBooth(db: Kysely<HubDatabase>, deviceId: string, from: string, pageSize: number): Promise<PullPage> {
  const result = await sql<PulledRow & { scanned_to: string | null }>`
    WITH shows AS (SELECT DISTINCT show_id FROM changes WHERE device_id = ${deviceId} AND show_id IS NOT NULL)
    SELECT top.scanned_to, page.* FROM (SELECT max(seq)::text AS scanned_to FROM changes) AS top
    LEFT JOIN LATERAL (
      SELECT seq::text AS seq, change_id, kind, record_id, hlc, fields::text AS fields_json, tombstone FROM changes
      WHERE seq > ${from}::bigint AND (kind IN ('event', 'criterion') OR show_id IN (SELECT show_id FROM shows))
      ORDER BY changes.seq LIMIT ${pageSize + 1}
    ) AS page ON true`.execute(db);
  const rows = result.rows.filter((row) => row.seq !== null);
  return pageOf(rows, pageSize, from, result.rows[0]?.scanned_to ?? null);
}
