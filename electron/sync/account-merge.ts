import { sql, type Kysely } from 'kysely';
import { formatStamp, parseStamp } from '../../shared/sync/hybrid-clock';
import type { RecordChange } from '../../shared/sync/protocol';
import { deleteAccount, findAccountCandidates, isAccountReferenced, type AccountFillable } from '../db/repositories/accounts';
import type { AccountRow, Database } from '../db/schema';
import { logRecordsWhole } from './change-triggers';
import { BUNDLE_DEVICE, recordAccountsMerged, type AccountsMergedOccasion, type MergedAccountSide } from './conflict-entry';
import { readRecordClocks, WHOLE_RECORD } from './field-clocks';
import { recordIdSql, SYNCED_TABLES, type SyncedTable } from './synced-tables';

/**
 * Accounts made offline on two laptops for one company (issue 18 §3): when an account arrives
 * from the hub (met once its batch is applied) and the account-matching rule the conversion uses meets an account here made on
 * another laptop — the same company name (`name_key`) or the same web domain, the two reasons
 * the automatic rule takes an existing account for — the two become one, on every laptop alike:
 *
 * - the survivor is the oldest (`created_at`, then the smaller id): every laptop picks the same,
 *   whichever account it held first;
 * - the other's contacts, opportunities and conversions are re-linked to it, and the survivor's
 *   empty fields filled from the other (fill-empty, as a conversion fills an existing account);
 * - the other is deleted: its tombstone travels, so every laptop (and the hub) drops it;
 * - every lead converted into the account merged away gets "Accounts merged at sync: … into …"
 *   on its timeline (`accounts_merged`; the id comes from the accounts and the lead, so once).
 *   Those leads' conversions are always on the laptop that made the account when it merges (the
 *   survivor's may not have reached it): so every laptop ends with the same entries whatever the
 *   order of the syncs;
 * - `sync_merged_accounts` (migration 0015) keeps where it went: a record naming it that arrives
 *   later (a contact its laptop made with it) is pointed at the survivor (`MergedAccounts.redirect`).
 *
 * The hub drops the merged account's changes at its tombstone, so a laptop that joins later
 * cannot apply the first insert of a record that named it: the records re-linked, and those
 * made under them (contact roles, stage history, activities), are logged again whole, as they are
 * now, after the re-link — that laptop applies them from those.
 *
 * Accounts two laptops made are merged whatever they saw of each other; two accounts of one name
 * made on one laptop (on purpose: the conversion dialog suggested the first) are left alone, and
 * an account is merged only into a survivor made on another laptop.
 */

/** The columns the merge fills on the survivor where empty: the ones a conversion fills. */
const FILLED_COLUMNS: readonly AccountFillable[] = ['website', 'domain', 'phone', 'street', 'city', 'region', 'postal_code', 'country'];

/** Where the accounts merged here went (`sync_merged_accounts`), read once per batch. */
export class MergedAccounts {
  private constructor(private readonly into: Map<string, string>) {}

  static async load(db: Kysely<Database>): Promise<MergedAccounts> {
    const rows = await db.selectFrom('sync_merged_accounts').select(['account_id', 'into_account_id']).execute();
    return new MergedAccounts(new Map(rows.map((row) => [row.account_id, row.into_account_id])));
  }

  /** The account an id stands for now: itself, or the survivor it was merged into (through later merges too). */
  resolve(accountId: string): string {
    let current = accountId;
    // Each merge goes into an older account: a chain ends (the bound only guards a damaged table).
    for (let step = 0; step < 100; step++) {
      const next = this.into.get(current);
      if (next === undefined) return current;
      current = next;
    }
    return current;
  }

  /** The change with every reference to a merged account pointed at its survivor (the same change when there is none). */
  redirect(table: SyncedTable, change: RecordChange): RecordChange {
    if (this.into.size === 0 || change.tombstone) return change;
    let fields: RecordChange['fields'] | null = null;
    for (const [column, kind] of Object.entries(table.parents ?? {})) {
      const value = change.fields[column];
      if (kind !== 'account' || typeof value !== 'string' || !this.into.has(value)) continue;
      fields = { ...(fields ?? change.fields), [column]: this.resolve(value) };
    }
    return fields ? { ...change, fields } : change;
  }

  async add(db: Kysely<Database>, mergedId: string, intoId: string, atMs: number): Promise<void> {
    await db.insertInto('sync_merged_accounts').values({ account_id: mergedId, into_account_id: intoId, merged_at_ms: atMs }).onConflict((conflict) => conflict.column('account_id').doUpdateSet({ into_account_id: intoId })).execute();
    // Accounts merged into this one earlier go where it goes.
    await db.updateTable('sync_merged_accounts').set({ into_account_id: intoId }).where('into_account_id', '=', mergedId).execute();
    for (const [merged, into] of this.into) if (into === mergedId) this.into.set(merged, intoId);
    this.into.set(mergedId, intoId);
  }
}

/** The stamp of an account's insert here; '' when it has none (a bundle's, held before any clock). */
async function insertStampOf(db: Kysely<Database>, accountId: string): Promise<string> {
  return (await readRecordClocks(db, 'account', accountId)).of(WHOLE_RECORD);
}

/**
 * Where and when an account was made, as a stamp (its device part: the laptop): '' when unknown,
 * and the account is then left out. At sync, the stamp of its insert.
 */
type OriginOf = (db: Kysely<Database>, account: AccountRow) => Promise<string>;

const insertStampOrigin: OriginOf = (db, account) => insertStampOf(db, account.id);

/** How a merge is done: where it is written down and the way accounts' origins are known. */
interface MergeWay {
  merged: MergedAccounts;
  /** The caller's own-write wrapper (at sync: logged when this laptop logs). */
  write: (step: () => Promise<unknown>) => Promise<void>;
  originOf: OriginOf;
  /** On the leads' timelines: merged at sync, or by a bundle import. */
  occasion: AccountsMergedOccasion;
}

/** The older first: `created_at`, then the smaller id. */
function olderFirst(first: AccountRow, second: AccountRow): number {
  return first.created_at < second.created_at ? -1 : first.created_at > second.created_at ? 1 : first.id < second.id ? -1 : first.id > second.id ? 1 : 0;
}

/** An account here with the stamp of its insert. */
interface StampedAccount {
  row: AccountRow;
  hlc: string;
}

/** The accounts here the account-matching rule meets `account` with (itself left out), each with its origin; those without one are left out. */
async function matchingAccounts(trx: Kysely<Database>, account: AccountRow, originOf: OriginOf): Promise<StampedAccount[]> {
  const candidates = await findAccountCandidates(trx, { nameKey: account.name_key, domains: account.domain ? [account.domain] : [] });
  const found: StampedAccount[] = [];
  for (const row of candidates) {
    const matches = row.id !== account.id && ((account.name_key !== '' && row.name_key === account.name_key) || (account.domain !== '' && row.domain === account.domain));
    if (!matches) continue;
    const hlc = await originOf(trx, row);
    if (hlc) found.push({ row, hlc });
  }
  return found;
}

/**
 * After the account `accountId` arrived from the hub (written here already): it and the
 * accounts here it matches are one company; each made on another laptop than the oldest of them
 * is merged into the oldest, as above. `write` is the apply's own-write wrapper (logged when
 * this laptop logs). Returns how many accounts were merged away.
 */
export async function mergeMatchingAccounts(
  trx: Kysely<Database>,
  accountId: string,
  merged: MergedAccounts,
  write: (step: () => Promise<unknown>) => Promise<void>,
): Promise<number> {
  return mergeWithMatching(trx, accountId, { merged, write, originOf: insertStampOrigin, occasion: 'sync' });
}

/** The rule above, for an account that arrived (from the hub or a bundle), by the way given. */
async function mergeWithMatching(trx: Kysely<Database>, accountId: string, way: MergeWay): Promise<number> {
  const arrived = await trx.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
  if (!arrived) return 0;
  const arrivedStamp = await way.originOf(trx, arrived);
  if (!arrivedStamp) return 0;
  const group: StampedAccount[] = [{ row: arrived, hlc: arrivedStamp }, ...(await matchingAccounts(trx, arrived, way.originOf))];
  if (group.length < 2) return 0;
  group.sort((first, second) => olderFirst(first.row, second.row));
  const [survivor, ...rest] = group as [StampedAccount, ...StampedAccount[]];
  // Only across laptops: two of the survivor's laptop stay two, here as on every other laptop.
  const survivorDevice = parseStamp(survivor.hlc).deviceId;
  const others = rest.filter((other) => parseStamp(other.hlc).deviceId !== survivorDevice);
  for (const other of others) await mergeInto(trx, other, survivor, way);
  return others.length;
}

/**
 * The bundle import (laptops with no network, issue 18 §3) merges the accounts it added by the
 * same rule and code as the sync: each met with the accounts here. An account without an insert
 * stamp (a laptop that never joined a hub stamps none) is dated by its `created_at` and made
 * on the laptop the bundle came from when the bundle added it, else on this one — so two
 * accounts of one name the bundle's laptop made stay two, as two made here do. In the caller's
 * transaction; the writes are logged as any write of the import. Returns how many accounts
 * were merged away.
 */
export async function mergeBundleAccounts(trx: Kysely<Database>, addedAccountIds: readonly string[]): Promise<number> {
  if (addedAccountIds.length === 0) return 0;
  const added = new Set(addedAccountIds);
  const capture = await trx.selectFrom('sync_capture').select('local_device_id').where('id', '=', 1).executeTakeFirst();
  const thisLaptop = capture?.local_device_id || THIS_LAPTOP_DEVICE;
  const originOf: OriginOf = async (db, account) => {
    const stamp = await insertStampOf(db, account.id);
    if (stamp) return stamp;
    const ms = Date.parse(account.created_at);
    return formatStamp({ ms: Number.isFinite(ms) && ms >= 0 ? ms : 0, counter: 0, deviceId: added.has(account.id) ? BUNDLE_DEVICE : thisLaptop });
  };
  const way: MergeWay = { merged: await MergedAccounts.load(trx), write: async (step) => void (await step()), originOf, occasion: 'bundle' };
  let mergedAway = 0;
  // An account merged away by an earlier one of the bundle's is gone: nothing to meet.
  for (const accountId of addedAccountIds) mergedAway += await mergeWithMatching(trx, accountId, way);
  return mergedAway;
}

/** The device part of a stamp made for an account a store holds without one, when the store has no id of its own. */
const THIS_LAPTOP_DEVICE = 'this-laptop';

/**
 * Before an account's tombstone from the hub is applied: when records here still name it —
 * another laptop merged it away before this laptop met the account it went into, and this
 * laptop holds records the merging laptop did not (it could not send them again) — it is
 * merged here into the oldest account it matches, so those records keep an account and the
 * tombstone goes through. Returns false when nothing names it or nothing matches (the plain
 * delete then applies, or fails and is reported).
 */
export async function mergeAccountBeforeTombstone(
  trx: Kysely<Database>,
  accountId: string,
  merged: MergedAccounts,
  write: (step: () => Promise<unknown>) => Promise<void>,
): Promise<boolean> {
  if (!(await isAccountReferenced(trx, accountId))) return false;
  const account = await trx.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
  const hlc = account && (await insertStampOf(trx, account.id));
  if (!account || !hlc) return false;
  const [into] = (await matchingAccounts(trx, account, insertStampOrigin)).sort((first, second) => olderFirst(first.row, second.row));
  if (!into) return false;
  await mergeInto(trx, { row: account, hlc }, into, { merged, write, originOf: insertStampOrigin, occasion: 'sync' });
  return true;
}

/** Record ids of the records under an account (contacts, opportunities, conversions, and theirs), by table, parents first. */
async function recordsUnder(trx: Kysely<Database>, accountId: string): Promise<Array<{ table: SyncedTable; ids: string[] }>> {
  const idsOfKind = new Map<string, Set<string>>([['account', new Set([accountId])]]);
  const found: Array<{ table: SyncedTable; ids: string[] }> = [];
  // The registry lists parents before their children: one pass finds every descendant.
  for (const table of SYNCED_TABLES) {
    const ids = new Set<string>();
    for (const [column, kind] of Object.entries(table.parents ?? {})) {
      const parents = idsOfKind.get(kind);
      if (!parents || parents.size === 0) continue;
      const rows = await sql<{ record_id: string }>`
        SELECT ${sql.raw(recordIdSql(table, 'r'))} AS record_id FROM ${sql.table(table.table)} AS r
        WHERE r.${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify([...parents])}))`.execute(trx);
      for (const row of rows.rows) ids.add(row.record_id);
    }
    if (ids.size === 0) continue;
    idsOfKind.set(table.kind, ids);
    found.push({ table, ids: [...ids] });
  }
  return found;
}

async function mergeInto(trx: Kysely<Database>, other: StampedAccount, survivor: StampedAccount, way: MergeWay): Promise<void> {
  const { merged, write } = way;
  const from = other.row;
  const into = survivor.row;
  const under = await recordsUnder(trx, from.id);
  const leadIds = await trx.selectFrom('conversions').select('lead_id').distinct().where('account_id', '=', from.id).orderBy('lead_id').execute();
  const fills: Partial<Record<AccountFillable, string>> = {};
  for (const column of FILLED_COLUMNS) if (into[column] === '' && from[column] !== '') fills[column] = from[column];
  // Re-linked as the apply writes (not logged): the records are logged whole below instead.
  // A conversion that made the merged account did not make the survivor: undoing it leaves the survivor.
  await trx.updateTable('conversions').set({ account_created: 0 }).where('account_id', '=', from.id).execute();
  for (const table of SYNCED_TABLES) {
    for (const [column, kind] of Object.entries(table.parents ?? {})) {
      if (kind === 'account') await sql`UPDATE ${sql.table(table.table)} SET ${sql.ref(column)} = ${into.id} WHERE ${sql.ref(column)} = ${from.id}`.execute(trx);
    }
  }
  const side = (row: AccountRow, hlc: string): MergedAccountSide => ({ id: row.id, name: row.name, hlc });
  await write(async () => {
    if (Object.keys(fills).length > 0) {
      // The later edit time of the two: the same on every laptop that merges them.
      const updatedAt = from.updated_at > into.updated_at ? from.updated_at : into.updated_at;
      await trx.updateTable('accounts').set({ ...fills, updated_at: updatedAt }).where('id', '=', into.id).execute();
      Object.assign(into, fills, { updated_at: updatedAt });
    }
    for (const { table, ids } of under) await logRecordsWhole(table, ids).execute(trx);
    for (const { lead_id: leadId } of leadIds) await recordAccountsMerged(trx, leadId, side(from, other.hlc), side(into, survivor.hlc), way.occasion);
    await deleteAccount(trx, from.id);
  });
  await merged.add(trx, from.id, into.id, parseStamp(other.hlc).ms);
}
