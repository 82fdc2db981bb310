import { sql, type Kysely } from 'kysely';
import type { ContactFillKey } from '../../../shared/domain/conversion-plan';
import type { Contact } from '../../../shared/domain/crm';
import { compiledInsert, compiledQuery } from '../compiled-query';
import type { ContactRow, Database } from '../schema';

export function contactFromRow(row: ContactRow & { converted_from_lead_id?: string | null }): Contact {
  return {
    id: row.id,
    accountId: row.account_id,
    salutation: row.salutation,
    firstName: row.first_name,
    lastName: row.last_name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    street: row.street,
    city: row.city,
    region: row.region,
    postalCode: row.postal_code,
    country: row.country,
    leadSource: row.lead_source,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    convertedFromLeadId: row.converted_from_lead_id ?? null,
  };
}

/** The columns a conversion may fill on an existing contact (only where they are empty): the restore record's keys are their names. */
export type ContactFillable = ContactFillKey;

const insertContactRow = compiledInsert('contacts');

export async function insertContact(db: Kysely<Database>, contact: Contact): Promise<void> {
  await insertContactRow(db, {
    id: contact.id,
    account_id: contact.accountId,
    salutation: contact.salutation,
    first_name: contact.firstName,
    last_name: contact.lastName,
    title: contact.title,
    email: contact.email,
    phone: contact.phone,
    mobile: contact.mobile,
    street: contact.street,
    city: contact.city,
    region: contact.region,
    postal_code: contact.postalCode,
    country: contact.country,
    lead_source: contact.leadSource,
    created_by: contact.createdBy,
    created_at: contact.createdAt,
    updated_at: contact.updatedAt,
  });
}

/** Contacts with the lead each was converted from (the conversion that created it). */
function selectContacts(db: Kysely<Database>) {
  return db
    .selectFrom('contacts')
    .leftJoin('conversions', (join) => join.onRef('conversions.contact_id', '=', 'contacts.id').on('conversions.contact_created', '=', 1))
    .selectAll('contacts')
    .select('conversions.lead_id as converted_from_lead_id');
}

export async function findContactById(db: Kysely<Database>, id: string): Promise<Contact | undefined> {
  const row = await selectContacts(db).where('contacts.id', '=', id).executeTakeFirst();
  return row && contactFromRow(row);
}

export async function findContactRow(db: Kysely<Database>, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateContactColumns(
  db: Kysely<Database>,
  id: string,
  columns: Partial<Record<ContactFillable, string>>,
  updatedAt: string,
): Promise<void> {
  await db.updateTable('contacts').set({ ...columns, updated_at: updatedAt }).where('id', '=', id).execute();
}

export async function deleteContact(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

/** Whether a conversion or an opportunity's contact role refers to the contact (then it cannot simply go). */
export async function isContactReferenced(db: Kysely<Database>, id: string): Promise<boolean> {
  const found =
    (await db.selectFrom('conversions').select('id').where('contact_id', '=', id).executeTakeFirst()) ??
    (await db.selectFrom('opportunity_contact_roles').select('opportunity_id as id').where('contact_id', '=', id).executeTakeFirst());
  return found !== undefined;
}

/** Deletes the contact unless a conversion still refers to it; whether it went. */
export async function deleteContactNoConversionUses(db: Kysely<Database>, id: string): Promise<boolean> {
  const removed = await db
    .deleteFrom('contacts')
    .where('id', '=', id)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('conversions').select('id').where('contact_id', '=', id))))
    .executeTakeFirst();
  return removed.numDeletedRows === 1n;
}

export async function listContactsOfAccount(db: Kysely<Database>, accountId: string): Promise<Contact[]> {
  const rows = await selectContacts(db).where('contacts.account_id', '=', accountId).orderBy('contacts.last_name').execute();
  return rows.map(contactFromRow);
}

/** Contacts by id, in the order given; an id not found is left out. */
export async function findContactsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const rows = await selectContacts(db).where('contacts.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, contactFromRow(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Contacts of an account that may be this person: the same email, or the same first and
 * last name (case ignored). The caller compares the few it gets more carefully. Rows, not
 * Contacts: a conversion fills the empty columns of the one it picks without reading it
 * again. Without the lead each was converted from (selectContacts' join): a contact that
 * many conversions went into has that many conversions rows to read for it, which made
 * these lookups 3-4x slower; findContactsByIds adds it for the few that are shown.
 */
export async function findContactCandidates(
  db: Kysely<Database>,
  query: { accountId: string; email: string; firstName: string; lastName: string },
): Promise<ContactRow[]> {
  const email = query.email.trim().toLowerCase();
  const lastName = query.lastName.trim();
  const found = new Map<string, ContactRow>();
  // Two index lookups (email; account + last name) rather than one OR the planner would scan for.
  if (email) {
    // The account is checked here, not in SQL: given both, SQLite may walk a big account's
    // contacts instead of the email index, which finds the one or two rows at once.
    for (const row of await selectContactsByEmail(db, { email })) if (row.account_id === query.accountId) found.set(row.id, row);
  }
  if (lastName) {
    const firstName = query.firstName.trim();
    const rows = firstName
      ? await selectContactsByName(db, { accountId: query.accountId, lastName, firstName })
      : await selectContactsByLastName(db, { accountId: query.accountId, lastName });
    for (const row of rows) found.set(row.id, row);
  }
  return [...found.values()];
}

/** Enough for any one person: the caller keeps those that are this one. */
const CANDIDATES_READ = 50;

// Compiled once (the automatic conversion rule asks for every lead); the LIMIT is literal
// SQL (see compiledQuery). So is `email <> ''`: the partial index contacts_email (WHERE
// email <> '') then applies once and for all. With a parameter SQLite can use that index
// only after checking the bound value, so it planned the statement afresh on every run
// (4-5x the lookup itself).
const selectContactsByEmail = compiledQuery((db, args: { email: string }) =>
  db
    .selectFrom('contacts')
    .selectAll()
    .where(sql<boolean>`contacts.email <> ''`)
    .where(sql<string>`lower(contacts.email)`, '=', args.email)
    .limit(sql.lit(CANDIDATES_READ)),
);
const selectContactsByLastName = compiledQuery((db, args: { accountId: string; lastName: string }) =>
  db
    .selectFrom('contacts')
    .selectAll()
    .where('contacts.account_id', '=', args.accountId)
    .where(sql<string>`contacts.last_name COLLATE NOCASE`, '=', args.lastName)
    .limit(sql.lit(CANDIDATES_READ)),
);
const selectContactsByName = compiledQuery((db, args: { accountId: string; lastName: string; firstName: string }) =>
  db
    .selectFrom('contacts')
    .selectAll()
    .where('contacts.account_id', '=', args.accountId)
    .where(sql<string>`contacts.last_name COLLATE NOCASE`, '=', args.lastName)
    .where(sql<string>`contacts.first_name COLLATE NOCASE`, '=', args.firstName)
    .limit(sql.lit(CANDIDATES_READ)),
);

export interface ContactListQuery {
  text?: string | undefined;
  accountId?: string | undefined;
  limit: number;
  offset: number;
}

export async function listContacts(db: Kysely<Database>, query: ContactListQuery): Promise<Contact[]> {
  let select = selectContacts(db);
  if (query.accountId) select = select.where('contacts.account_id', '=', query.accountId);
  const text = query.text?.trim().replace(/[%_]/g, '');
  if (text) {
    const pattern = sql<string>`${`${text}%`}`;
    select = select.where((eb) =>
      eb.or([eb('contacts.first_name', 'like', pattern), eb('contacts.last_name', 'like', pattern), eb('contacts.email', 'like', pattern)]),
    );
  }
  const rows = await select.orderBy('contacts.last_name').orderBy('contacts.seq').limit(query.limit).offset(query.offset).execute();
  return rows.map(contactFromRow);
}
