import { sql, type Kysely } from 'kysely';
import type { AccountFillKey } from '../../../shared/domain/conversion-plan';
import type { Account } from '../../../shared/domain/crm';
import { normalizeCompanyName } from '../../../shared/domain/normalize';
import { compiledInsert, compiledQuery } from '../compiled-query';
import type { AccountRow, Database } from '../schema';

export function accountFromRow(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    domain: row.domain,
    phone: row.phone,
    street: row.street,
    city: row.city,
    region: row.region,
    postalCode: row.postal_code,
    country: row.country,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns a conversion may fill on an existing account (only where they are empty): the restore record's keys are their names. */
export type AccountFillable = AccountFillKey;

const insertAccountRow = compiledInsert('accounts');

export async function insertAccount(db: Kysely<Database>, account: Account): Promise<void> {
  await insertAccountRow(db, {
    id: account.id,
    name: account.name,
    name_key: normalizeCompanyName(account.name),
    website: account.website,
    domain: account.domain,
    phone: account.phone,
    street: account.street,
    city: account.city,
    region: account.region,
    postal_code: account.postalCode,
    country: account.country,
    created_by: account.createdBy,
    created_at: account.createdAt,
    updated_at: account.updatedAt,
  });
}

export async function findAccountById(db: Kysely<Database>, id: string): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && accountFromRow(row);
}

export async function findAccountRow(db: Kysely<Database>, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateAccountColumns(
  db: Kysely<Database>,
  id: string,
  columns: Partial<Record<AccountFillable, string>>,
  updatedAt: string,
): Promise<void> {
  await db.updateTable('accounts').set({ ...columns, updated_at: updatedAt }).where('id', '=', id).execute();
}

export async function deleteAccount(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('accounts').where('id', '=', id).execute();
}

/** Whether a conversion, an opportunity or a contact refers to the account (then it cannot simply go). */
export async function isAccountReferenced(db: Kysely<Database>, id: string): Promise<boolean> {
  const found =
    (await db.selectFrom('conversions').select('id').where('account_id', '=', id).executeTakeFirst()) ??
    (await db.selectFrom('opportunities').select('id').where('account_id', '=', id).executeTakeFirst()) ??
    (await db.selectFrom('contacts').select('id').where('account_id', '=', id).executeTakeFirst());
  return found !== undefined;
}

/** The names of these accounts, by id (an unknown id is left out). */
export async function findAccountNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Accounts that may be the lead's company, through indexes only: the same name key, names
 * starting with it, or the same domain. At most CANDIDATES_PER_KIND of each kind.
 */
export async function findAccountCandidates(
  db: Kysely<Database>,
  query: { nameKey: string; domains: string[] },
): Promise<AccountRow[]> {
  const byId = new Map<string, AccountRow>();
  if (query.nameKey) {
    const rows = await selectAccountsByNameKeyPrefix(db, { from: query.nameKey, below: `${query.nameKey}\uffff` });
    for (const row of rows) byId.set(row.id, row);
  }
  for (const domain of query.domains) {
    const rows = await selectAccountsByDomain(db, { domain });
    for (const row of rows) byId.set(row.id, row);
  }
  return [...byId.values()];
}

/** As many as the conversion dialog suggests at most. */
const CANDIDATES_PER_KIND = 5;

// Compiled once: the automatic conversion rule asks for candidates for every lead. The
// LIMIT is literal SQL (see compiledQuery).
const selectAccountsByNameKeyPrefix = compiledQuery((db, args: { from: string; below: string }) =>
  db
    .selectFrom('accounts')
    .selectAll()
    .where('name_key', '>=', args.from)
    .where('name_key', '<', args.below)
    .orderBy('name_key')
    .limit(sql.lit(CANDIDATES_PER_KIND)),
);
const selectAccountsByDomain = compiledQuery((db, args: { domain: string }) =>
  db.selectFrom('accounts').selectAll().where('domain', '=', args.domain).limit(sql.lit(CANDIDATES_PER_KIND)),
);

export interface AccountListQuery {
  text?: string | undefined;
  limit: number;
  offset: number;
}

/** By name; `text` matches the start of the name key or the domain. */
export async function listAccounts(db: Kysely<Database>, query: AccountListQuery): Promise<Account[]> {
  let select = db.selectFrom('accounts').selectAll();
  const key = query.text ? normalizeCompanyName(query.text) : '';
  if (key) {
    select = select.where((eb) =>
      eb.or([
        eb.and([eb('name_key', '>=', key), eb('name_key', '<', `${key}\uffff`)]),
        eb('domain', 'like', sql<string>`${`${key.replace(/[%_]/g, '')}%`}`),
        eb('name_key', 'like', sql<string>`${`% ${key.replace(/[%_]/g, '')}%`}`),
      ]),
    );
  }
  const rows = await select.orderBy('name_key').orderBy('seq').limit(query.limit).offset(query.offset).execute();
  return rows.map(accountFromRow);
}
