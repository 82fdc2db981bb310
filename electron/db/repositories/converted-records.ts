import type { Kysely } from 'kysely';
import type { Account, Contact, Opportunity, OpportunityContactRole } from '../../../shared/domain/crm';
import type { Database } from '../schema';
import { accountFromRow } from './accounts';
import { contactFromRow } from './contacts';
import { opportunityFromRow } from './opportunities';

/** One conversion as the records it made name each other. */
interface ConversionLinks {
  leadId: string;
  accountId: string;
  contactId: string;
  opportunityId: string | null;
}

/** What the conversions of some leads made, with every record those name, so a CRM's lookups resolve. */
export interface ConvertedRecordsOfLeads {
  /** oldest conversion first */
  conversions: ConversionLinks[];
  accounts: Account[];
  contacts: Contact[];
  opportunities: Opportunity[];
  /** the opportunities' contact roles, the primary first */
  contactRoles: OpportunityContactRole[];
  /** the notes of each converted lead, by lead id */
  leadNotes: Map<string, string>;
}

/** Rows by id, 500 ids per query: SQLite limits bound parameters per statement. */
async function inChunks<Row>(ids: readonly string[], select: (chunk: string[]) => Promise<Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let start = 0; start < ids.length; start += 500) rows.push(...(await select(ids.slice(start, start + 500))));
  return rows;
}

/**
 * The accounts, contacts, opportunities and contact roles the conversions of these leads
 * made: a contact named in a role goes too, and every account a contact or opportunity points at.
 */
export async function readConvertedRecords(db: Kysely<Database>, leadIds: readonly string[]): Promise<ConvertedRecordsOfLeads> {
  const wanted = new Set(leadIds);
  const conversions = (
    await db.selectFrom('conversions').select(['lead_id', 'account_id', 'contact_id', 'opportunity_id', 'converted_at']).orderBy('converted_at').execute()
  )
    .filter((row) => wanted.has(row.lead_id))
    .map((row) => ({ leadId: row.lead_id, accountId: row.account_id, contactId: row.contact_id, opportunityId: row.opportunity_id }));
  const opportunityIds = [...new Set(conversions.flatMap((row) => (row.opportunityId ? [row.opportunityId] : [])))];
  const contactRoles = (
    await inChunks(opportunityIds, (chunk) =>
      db.selectFrom('opportunity_contact_roles').selectAll().where('opportunity_id', 'in', chunk).orderBy('opportunity_id').orderBy('is_primary', 'desc').orderBy('contact_id').execute(),
    )
  ).map((row) => ({ opportunityId: row.opportunity_id, contactId: row.contact_id, role: row.role, isPrimary: row.is_primary === 1 }));
  const contactIds = [...new Set([...conversions.map((row) => row.contactId), ...contactRoles.map((row) => row.contactId)])];
  const contacts = (await inChunks(contactIds, (chunk) => db.selectFrom('contacts').selectAll().where('id', 'in', chunk).orderBy('seq').execute())).map((row) =>
    contactFromRow(row),
  );
  const opportunities = (
    await inChunks(opportunityIds, (chunk) => db.selectFrom('opportunities').selectAll().where('id', 'in', chunk).orderBy('seq').execute())
  ).map((row) => opportunityFromRow(row));
  const accountIds = [...new Set([...conversions.map((row) => row.accountId), ...contacts.map((row) => row.accountId), ...opportunities.map((row) => row.accountId)])];
  const accounts = (await inChunks(accountIds, (chunk) => db.selectFrom('accounts').selectAll().where('id', 'in', chunk).orderBy('seq').execute())).map(accountFromRow);
  const leadNotes = new Map(
    (await inChunks(conversions.map((row) => row.leadId), (chunk) => db.selectFrom('leads').select(['id', 'notes']).where('id', 'in', chunk).execute())).map((row) => [
      row.id,
      row.notes,
    ]),
  );
  return { conversions, accounts, contacts, opportunities, contactRoles, leadNotes };
}
