import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { parseStamp, type HybridClock } from '../../shared/sync/hybrid-clock';
import type { RecordChange } from '../../shared/sync/protocol';
import { deferSearchIndexing, type DeferredSearchIndex } from '../db/repositories/deferred-search-index';
import { addTombstone } from '../db/repositories/sync-tombstones';
import type { Database } from '../db/schema';
import { eraseLeadInTransaction } from '../services/forget-lead-service';
import { markForgetCleanupPending } from '../services/forget-log-cleanup';
import { mergeAccountBeforeTombstone, mergeMatchingAccounts, MergedAccounts } from './account-merge';
import { BatchLookups } from './batch-lookups';
import { isUnpushedLocalStamp, stampPendingChanges } from './change-log';
import { recordLeadConflict, SYNC_ACTOR } from './conflict-entry';
import { raiseFieldClocks, readRecordClocks, RECORD_STAMP_COLUMN } from './field-clocks';
import { keepsLosers, settleFields, sqlValue, whereKey, writeSettledFields } from './field-merge';
import { giveWayToFirstConversion } from './lost-conversion';
import { PendingInserts } from './pending-inserts';
import { setChangeLogging, withoutChangeLog } from './sync-capture';
import { syncedTableOfKind, type SyncedTable } from './synced-tables';

export interface AppliedBatch {
  applied: number;
  /** Changes seen before: this laptop's own, or a batch delivered twice. */
  alreadyKnown: number;
  /** Changes of records deleted or forgotten here or elsewhere: a tombstone always wins. */
  tombstoned: number;
  /**
   * Lead fields where two laptops' values met, and this laptop's conversions of a lead undone
   * because another laptop's reached the hub first: the loser is on the lead's timeline.
   */
  conflicts: number;
  /** Changes this laptop could not apply, one line each (a kind a newer LeadBooth syncs, a record it does not hold). */
  skipped: string[];
}

type Row = Record<string, unknown>;

/** About 20 ms of work on this machine between two turns of the event loop. */
const CHANGES_BETWEEN_PAUSES = 20;

/** Changes stamped between two turns of the event loop before a batch is applied. */
const STAMPS_AT_ONCE = 500;

/**
 * Applies a batch of the hub's changes to this laptop's store, in one transaction of its own
 * (the pull applies its pages with `applyRemoteChangesInTransaction`, in transactions that
 * also store the cursor).
 */
export async function applyRemoteChanges(db: Kysely<Database>, changes: readonly RecordChange[], session: ApplySession): Promise<AppliedBatch> {
  return db.transaction().execute((trx) => applyRemoteChangesInTransaction(trx, changes, session));
}

export interface ApplySession {
  clock: HybridClock;
  deviceId: string;
}

/**
 * Applies a batch of the hub's changes inside the caller's transaction (the pull stores its
 * cursor in the same one, so a cut connection resumes exactly after the last batch applied).
 *
 * Per change: skipped when its id is known; a tombstone deletes the record (a lead is forgotten
 * exactly as "Forget me" does here); otherwise per field, the value is taken only when its stamp
 * is later than the stamp of the value here (last writer wins per field, hybrid clocks), so
 * every laptop ends with the same values whatever order the changes arrive in. Where a lead's
 * field held a different value that another laptop could not have seen, the losing value goes
 * on the lead's timeline (conflict-entry.ts).
 *
 * This laptop's own changes not stamped yet are stamped first: their fields' clocks must be
 * in place before a remote value is compared with them.
 */
export async function applyRemoteChangesInTransaction(trx: Kysely<Database>, changes: readonly RecordChange[], session: ApplySession): Promise<AppliedBatch> {
  while ((await stampPendingChanges(trx, session.clock, session.deviceId, STAMPS_AT_ONCE)) === STAMPS_AT_ONCE) await nextTurn();
  return withoutChangeLog(trx, async (wasLogging) => {
    const batch: AppliedBatch = { applied: 0, alreadyKnown: 0, tombstoned: 0, conflicts: 0, skipped: [] };
    // What the apply writes of its own (a conflict's timeline entry, a rename) is logged when this laptop logs.
    const lookups = await BatchLookups.of(trx, changes);
    const ownWrites: OwnWrites = { logged: wasLogging, lookups };
    const searchIndex = changes.filter((change) => change.kind === 'lead').length >= LEADS_TO_DEFER_INDEXING ? await deferSearchIndexing(trx) : null;
    const mergedAccounts = await MergedAccounts.load(trx);
    const state: BatchState = { lookups, inserts: new PendingInserts(), batch, ownWrites, searchIndex, deviceId: session.deviceId, mergedAccounts, arrivedAccounts: [] };
    for (const [index, change] of changes.entries()) {
      await applyOne(trx, change, session.clock, state);
      // SQLite answers synchronously: without a pause a 1000-change batch holds the window's
      // process for a second. Other queries wait for this transaction all the same.
      if (index % CHANGES_BETWEEN_PAUSES === CHANGES_BETWEEN_PAUSES - 1) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await flushInserts(trx, state);
    // After the batch: its records made under an arriving account are here, re-linked with it.
    for (const accountId of state.arrivedAccounts) await mergeArrivedAccount(trx, accountId, state);
    await searchIndex?.finish();
    await state.lookups.saveRemembered(trx);
    return batch;
  });
}

/** One batch's bookkeeping: its lookups, the new records not written yet, its counts. */
interface BatchState {
  lookups: BatchLookups;
  inserts: PendingInserts;
  batch: AppliedBatch;
  ownWrites: OwnWrites;
  /** The search index of the leads the batch adds, written after each flush of them; null for a batch of few leads. */
  searchIndex: DeferredSearchIndex | null;
  /** This laptop's device id (the hub's). */
  deviceId: string;
  /** Accounts merged at sync here, and where they went (account-merge.ts). */
  mergedAccounts: MergedAccounts;
  /** Accounts the batch added: met with the accounts here by the account-matching rule once the batch is applied. */
  arrivedAccounts: string[];
}

/**
 * A batch with this many lead changes indexes its new leads for search as the import does
 * (deferred-search-index.ts): one INSERT … SELECT per flush instead of the index's trigger
 * per lead — in a first sync the trigger was about half of SQLite's time inserting leads.
 */
const LEADS_TO_DEFER_INDEXING = 100;

/** New records are written at most this many at a time (pending-inserts.ts). */
const MAX_PENDING_INSERTS = 1000;

/** Writes the new records held back, and indexes the new leads for search: after it anything may read, update or delete them. */
async function flushInserts(trx: Kysely<Database>, state: BatchState): Promise<void> {
  // Most merges find nothing held back: no statement for them.
  if (state.inserts.size === 0) return;
  await state.inserts.flush(trx, (table, change, error) => {
    // One record that cannot be written (a show's name taken by another show here) must not stop the rest.
    state.batch.applied--;
    state.batch.skipped.push(`${table.kind} ${change.recordId}: not added here (${error.message}).`);
    // Not held under its stamp: known by its id, as before it was added.
    state.lookups.remember(change.changeId);
  });
  await state.searchIndex?.catchUp();
}

async function applyOne(trx: Kysely<Database>, received: RecordChange, clock: HybridClock, state: BatchState): Promise<void> {
  const { lookups, batch, ownWrites } = state;
  if (await lookups.isKnown(trx, received)) {
    batch.alreadyKnown++;
    return;
  }
  const table = syncedTableOfKind(received.kind);
  if (!table) {
    // Not remembered as applied: a LeadBooth that syncs this kind applies it after a fresh join.
    batch.skipped.push(`${received.kind} ${received.recordId}: this LeadBooth does not sync ${received.kind} records yet (update it).`);
    return;
  }
  // A record made with an account merged here since (its laptop had not seen the merge) goes under the survivor.
  const change = state.mergedAccounts.redirect(table, received);
  clock.receive(change.hlc);
  lookups.remember(change.changeId);
  if (table.kind === 'conversion' && (await giveWayToFirstConversion(trx, change, state.deviceId, (step) => ownWriteAfterFlush(trx, state, step)))) {
    // It deleted records and wrote a timeline entry: from here on the batch asks the store.
    lookups.distrust();
    batch.conflicts++;
  }
  if (!change.tombstone && !(await lookups.isTombstoned(trx, table.kind, change.recordId)) && !lookups.mayHold(table.kind, change.recordId) && !table.uniqueName) {
    // A record new here, of a kind without a unique name: written with the batch's other new records.
    if (!(await mayAddRecord(trx, table, change, state))) return;
    state.inserts.add(table, change, insertValues(table, change, null));
    lookups.holds(table.kind, change.recordId);
    lookups.addedWhole(change);
    batch.applied++;
    if (table.kind === 'account') state.arrivedAccounts.push(change.recordId);
    if (state.inserts.size >= MAX_PENDING_INSERTS) await flushInserts(trx, state);
    return;
  }
  // Anything else may read what the batch inserted.
  await flushInserts(trx, state);
  if (change.tombstone) {
    // A forget deletes more than the record (a lead's timeline, its converted contact): ask the store from now on.
    lookups.distrust();
    // An account merged away elsewhere that records here still name: merged here too, which deletes it.
    if (table.kind === 'account' && (await mergeAccountBeforeTombstone(trx, change.recordId, state.mergedAccounts, (step) => asOwnWrite(trx, ownWrites, step)))) {
      batch.tombstoned++;
      return;
    }
    await applyTombstone(trx, table, change);
    batch.tombstoned++;
    return;
  }
  if (await lookups.isTombstoned(trx, table.kind, change.recordId)) {
    batch.tombstoned++;
    return;
  }
  const current = await readRecord(trx, table, change.recordId);
  if (!current) {
    if (!(await mayAddRecord(trx, table, change, state))) return;
    let room: NameRoom;
    try {
      room = await makeRoomForName(trx, table, change, ownWrites);
      await insertRecord(trx, table, change, room, ownWrites);
    } catch (error) {
      // One record that cannot be written (a show's name taken by another show here) must not stop the rest.
      batch.skipped.push(`${change.kind} ${change.recordId}: not added here (${(error as Error).message}).`);
      return;
    }
    lookups.holds(table.kind, change.recordId);
    // Renamed here, it is logged as this laptop's insert, whose stamp (at the next sync) replaces the change's: known by its id.
    if (!room) lookups.addedWhole(change);
    batch.applied++;
    if (table.kind === 'account') state.arrivedAccounts.push(change.recordId);
    // A lead written here is indexed at once: the next change may update or forget it.
    if (table.kind === 'lead') await state.searchIndex?.catchUp();
    return;
  }
  batch.conflicts += await mergeFields(trx, table, change, current, ownWrites);
  batch.applied++;
}

/**
 * An account new here met by the account-matching rule: merged with the matching accounts made
 * on other laptops (account-merge.ts), counted with the conflicts. Once the batch is applied: a
 * batch of many accounts (a first sync) keeps writing its records together, and the records it
 * made under the account are re-linked with it.
 */
async function mergeArrivedAccount(trx: Kysely<Database>, accountId: string, state: BatchState): Promise<void> {
  const merged = await mergeMatchingAccounts(trx, accountId, state.mergedAccounts, (step) => asOwnWrite(trx, state.ownWrites, step));
  if (merged === 0) return;
  // It re-linked and deleted records and wrote timeline entries: from here on the batch asks the store.
  state.lookups.distrust();
  state.batch.conflicts += merged;
}

/**
 * Whether a record this laptop does not hold may be added: not when the change is an edit of a
 * record never received (skipped, with a line), nor when its parent was forgotten here (it goes
 * as its parent went: a tombstone).
 */
async function mayAddRecord(trx: Kysely<Database>, table: SyncedTable, change: RecordChange, state: BatchState): Promise<boolean> {
  const { lookups, batch } = state;
  if (!table.key.every((column) => column in change.fields)) {
    batch.skipped.push(`${change.kind} ${change.recordId}: an edit of a record this laptop never received; join the hub again to fetch every record.`);
    return false;
  }
  if (await hasForgottenParent(trx, table, change, lookups)) {
    // Made on a laptop that had not yet heard of the forget.
    await addTombstone(trx, table.kind, change.recordId, parseStamp(change.hlc).ms);
    lookups.distrust();
    batch.tombstoned++;
    return false;
  }
  if (await hasDroppedParent(trx, table, change, lookups)) {
    // The hub sends parents before children: a parent never received is one the hub dropped at
    // its tombstone, which follows (the record goes with it), or an account merged away, whose
    // records the merging laptop sent again whole (account-merge.ts). Not a failure to report.
    batch.tombstoned++;
    return false;
  }
  return true;
}

async function hasDroppedParent(trx: Kysely<Database>, table: SyncedTable, change: RecordChange, lookups: BatchLookups): Promise<boolean> {
  for (const [column, kind] of Object.entries(table.parents ?? {})) {
    const parentId = change.fields[column];
    if (typeof parentId === 'string' && !(await lookups.holdsRecord(trx, kind, parentId))) return true;
  }
  return false;
}

async function hasForgottenParent(trx: Kysely<Database>, table: SyncedTable, change: RecordChange, lookups: BatchLookups): Promise<boolean> {
  for (const [column, kind] of Object.entries(table.parents ?? {})) {
    const parentId = change.fields[column];
    if (typeof parentId === 'string' && (await lookups.isTombstoned(trx, kind, parentId))) return true;
  }
  return false;
}

async function readRecord(trx: Kysely<Database>, table: SyncedTable, recordId: string): Promise<Row | undefined> {
  const result = await sql<Row>`SELECT * FROM ${sql.table(table.table)} WHERE ${whereKey(table, recordId)}`.execute(trx);
  return result.rows[0];
}

/** The change's values of columns this LeadBooth syncs (a newer laptop may send more). */
function knownFields(table: SyncedTable, change: RecordChange): Array<[string, RecordChange['fields'][string]]> {
  const columns = syncedColumnsOf(table);
  return Object.entries(change.fields).filter(([column]) => columns.has(column));
}

/** Each table's synced columns as a set: a first sync asks about ~40 fields of each of tens of thousands of records. */
const syncedColumnSets = new WeakMap<SyncedTable, ReadonlySet<string>>();

function syncedColumnsOf(table: SyncedTable): ReadonlySet<string> {
  let columns = syncedColumnSets.get(table);
  if (!columns) {
    columns = new Set(table.columns);
    syncedColumnSets.set(table, columns);
  }
  return columns;
}

/**
 * How the batch writes what is its own (a conflict's timeline entry, a rename): logged when this
 * laptop logs; the batch's lookups are told what such a write changed.
 */
interface OwnWrites {
  logged: boolean;
  lookups: BatchLookups;
}

/** A write of this laptop's own in the middle of applying (the log is off then): logged when the laptop logs. */
async function asOwnWrite(trx: Kysely<Database>, ownWrites: OwnWrites, write: () => Promise<unknown>): Promise<void> {
  if (ownWrites.logged) await setChangeLogging(trx, true);
  await write();
  if (ownWrites.logged) await setChangeLogging(trx, false);
}

/** An own write that may read or delete what the batch has held back: those are written first. */
async function ownWriteAfterFlush(trx: Kysely<Database>, state: BatchState, write: () => Promise<unknown>): Promise<void> {
  await flushInserts(trx, state);
  await asOwnWrite(trx, state.ownWrites, write);
}

/** How an incoming record meets a local one of the same unique name: the incoming one renamed, or room made (the local one renamed), or no clash. */
type NameRoom = { renamed: string } | null;

function renamedFor(name: string, id: string): string {
  return `${name} (${id.slice(0, 8)})`;
}

/**
 * Two records of one unique name (`uniqueName`): the one with the greater id is renamed, the
 * same on every laptop whichever arrives first. The rename is logged as this laptop's change
 * (when it logs), so the laptop that holds the record under its first name takes it too.
 */
async function makeRoomForName(trx: Kysely<Database>, table: SyncedTable, change: RecordChange, ownWrites: OwnWrites): Promise<NameRoom> {
  const column = table.uniqueName;
  const name = column ? change.fields[column] : undefined;
  const [key] = table.key;
  if (!column || typeof name !== 'string' || !key || table.key.length !== 1) return null;
  const clash = await sql<{ id: string; name: string }>`
    SELECT ${sql.ref(key)} AS id, ${sql.ref(column)} AS name FROM ${sql.table(table.table)}
    WHERE ${sql.ref(column)} = ${name} COLLATE NOCASE AND ${sql.ref(key)} <> ${change.recordId}`.execute(trx);
  const local = clash.rows[0];
  if (!local) return null;
  if (change.recordId > local.id) return { renamed: renamedFor(name, change.recordId) };
  // A rename is rare: from here on the batch asks the store rather than work out what it changed.
  ownWrites.lookups.distrust();
  await asOwnWrite(trx, ownWrites, () =>
    sql`UPDATE ${sql.table(table.table)} SET ${sql.ref(column)} = ${renamedFor(local.name, local.id)} WHERE ${sql.ref(key)} = ${local.id}`.execute(trx),
  );
  return null;
}

/**
 * A new record's columns as SQLite binds them: the local columns' defaults (a card scan's photo,
 * fetched after the pull), the synced ones this LeadBooth knows, derived ones made again, the
 * name a clash gave it, and the stamp of the change that brought it whole.
 */
function insertValues(table: SyncedTable, change: RecordChange, room: NameRoom): Row {
  // One object, filled in place: a first sync makes one for each of tens of thousands of records.
  const values: Row = { ...table.localDefaults };
  const columns = syncedColumnsOf(table);
  for (const column of Object.keys(change.fields)) if (columns.has(column)) values[column] = change.fields[column];
  Object.assign(values, table.derive?.(values));
  if (room && table.uniqueName) values[table.uniqueName] = room.renamed;
  for (const column of Object.keys(values)) values[column] = sqlValue(values[column]);
  // The record's `*` clock, kept on the record and written with it (field-clocks.ts).
  values[RECORD_STAMP_COLUMN] = change.hlc;
  return values;
}

async function insertRecord(trx: Kysely<Database>, table: SyncedTable, change: RecordChange, room: NameRoom, ownWrites: OwnWrites): Promise<void> {
  const values = insertValues(table, change, room);
  const columns = Object.keys(values);
  const insert = sql`
    INSERT INTO ${sql.table(table.table)} (${sql.join(columns.map((column) => sql.ref(column)))})
    VALUES (${sql.join(columns.map((column) => values[column]))})`;
  // Renamed here: logged as this laptop's insert (it holds a value the sender does not), so the others take the new name.
  if (room) {
    ownWrites.lookups.distrust();
    await asOwnWrite(trx, ownWrites, () => insert.execute(trx));
  }
  else await insert.execute(trx);
}

/** Last writer wins per field (field-merge.ts); returns how many fields' values met a concurrent one. */
async function mergeFields(trx: Kysely<Database>, table: SyncedTable, change: RecordChange, current: Row, ownWrites: OwnWrites): Promise<number> {
  const clocks = await readRecordClocks(trx, table.kind, change.recordId);
  const incomingDevice = parseStamp(change.hlc).deviceId;
  const incoming = knownFields(table, change).map(([field, value]) => ({ field, value, hlc: change.hlc }));
  const settled = await settleFields(table, current, incoming, clocks, {
    // The value here was this laptop's own edit no other laptop has seen: both were made blind.
    localLosesBlind: (_field, localStamp) => isUnpushedLocalStamp(trx, table.kind, change.recordId, localStamp),
    // Older than the value here and from another laptop, which would have stamped it later had it seen ours.
    incomingLosesBlind: (localStamp) => parseStamp(localStamp).deviceId !== incomingDevice,
  });
  let conflicts = 0;
  for (const { field, lost, won } of settled.losers) {
    if (!keepsLosers(table, field)) continue;
    // Logged like a local write (when this laptop logs), so laptops that never see the conflict themselves receive it.
    // The entry is a timeline record the batch holds now: a copy of it from another laptop later in the batch is merged, not added twice.
    await asOwnWrite(trx, ownWrites, async () => ownWrites.lookups.holds('timeline_entry', await recordLeadConflict(trx, change.recordId, field, lost, won)));
    conflicts++;
  }
  // One statement for the record's fields (nothing above reads them back).
  await raiseFieldClocks(trx, settled.raised.map(({ field, hlc }) => ({ kind: table.kind, recordId: change.recordId, field, hlc })));
  await writeSettledFields(trx, table, change.recordId, current, settled.updates);
  return conflicts;
}

/** A lead is forgotten as "Forget me" does (photos, contact, drafts); other records are deleted. The delete triggers keep the tombstone. */
async function applyTombstone(trx: Kysely<Database>, table: SyncedTable, change: RecordChange): Promise<void> {
  const atMs = parseStamp(change.hlc).ms;
  if (table.kind === 'lead') {
    const at = new Date(atMs).toISOString();
    const erased = await eraseLeadInTransaction(trx, change.recordId, { at, doneBy: SYNC_ACTOR });
    // As after "Forget me" here: the running app (or the next start) checkpoints the old page images out of the -wal file.
    if (erased) await markForgetCleanupPending(trx, randomUUID(), at);
    else await addTombstone(trx, table.kind, change.recordId, atMs);
    return;
  }
  const deleted = await sql`DELETE FROM ${sql.table(table.table)} WHERE ${whereKey(table, change.recordId)}`.execute(trx);
  if (Number(deleted.numAffectedRows ?? 0) === 0) await addTombstone(trx, table.kind, change.recordId, atMs);
}
