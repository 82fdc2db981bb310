import type { Kysely } from 'kysely';
import type { Account, Contact, ConversionRule, ConversionSummary, Opportunity } from '../../shared/domain/crm';
import { displayName, type Lead } from '../../shared/domain/lead';
import { companyEmailDomain, normalizeCompanyName, normalizeEmail, normalizePersonName, websiteDomain } from '../../shared/domain/normalize';
import { addDays, defaultOpportunityName, DEFAULT_STAGE, type OpportunityStage } from '../../shared/domain/opportunity';
import { AMOUNT_KEYS, amountFromAnswer, summarize, type Criterion, type CriterionAnswer } from '../../shared/domain/qualification';
import type { AccountSuggestion, ConversionSuggestions } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import {
  ACCOUNT_FILLABLE,
  accountFromRow,
  deleteAccount,
  findAccountCandidates,
  findAccountRow,
  insertAccount,
  isAccountReferenced,
  updateAccountColumns,
  type AccountFillable,
} from '../db/repositories/accounts';
import { linkLeadActivitiesToOpportunity } from '../db/repositories/activities';
import {
  CONTACT_FILLABLE,
  deleteContact,
  findContactRow,
  findContactCandidates,
  findContactsByIds,
  insertContact,
  isContactReferenced,
  updateContactColumns,
  type ContactFillable,
} from '../db/repositories/contacts';
import { deleteConversion, findConversionOfLead, findConversionSummary, insertConversion } from '../db/repositories/conversions';
import { findEventById } from '../db/repositories/events';
import { findLeadById, setLeadStanding } from '../db/repositories/leads';
import { addContactRole, deleteOpportunity, insertOpportunity } from '../db/repositories/opportunities';
import { listAnswers } from '../db/repositories/qualification';
import type { AccountRow, ContactRow, Database } from '../db/schema';
import { nowIso, type ServiceContext } from './service-context';
import { currentActor, record } from './timeline-recorder';

export type RecordChoice = { mode: 'new' } | { mode: 'existing'; id: string };

export interface OpportunityInput {
  name: string;
  stage: OpportunityStage;
  closeDate: string;
  amount?: number | null | undefined;
}

export interface ConversionRequest {
  leadId: string;
  account: RecordChoice;
  contact: RecordChoice;
  /** null: "do not create an opportunity". */
  opportunity: OpportunityInput | null;
}

/** What undo needs: the values the conversion replaced (the empty ones it filled) and the lead's state before. */
interface RestoreRecord {
  account: Partial<Record<AccountFillable, { before: string; after: string }>>;
  contact: Partial<Record<ContactFillable, { before: string; after: string }>>;
  lead: { status: Lead['status'] };
}

const SUGGESTION_LIMIT = 5;

/** The company name an account made from this lead gets: its company, or the person for a lead without one. */
function accountNameOf(lead: Lead): string {
  return lead.company.trim() || `${displayName(lead)} (individual)`;
}

function domainsOf(lead: Pick<Lead, 'website' | 'email'>): string[] {
  return [...new Set([websiteDomain(lead.website), companyEmailDomain(lead.email)].filter(Boolean))];
}

/** Existing accounts the lead may belong to, best first: same company name, same domain, then similar names. */
export async function suggestAccounts(db: Kysely<Database>, lead: Pick<Lead, 'company' | 'website' | 'email'>): Promise<AccountSuggestion[]> {
  return (await rankAccounts(db, lead)).map(({ row, reason }) => ({ account: accountFromRow(row), reason }));
}

/** suggestAccounts as rows: the automatic rule hands the one it picks to the conversion, which fills it without reading it again. */
async function rankAccounts(
  db: Kysely<Database>,
  lead: Pick<Lead, 'company' | 'website' | 'email'>,
): Promise<Array<{ row: AccountRow; reason: AccountSuggestion['reason'] }>> {
  const nameKey = normalizeCompanyName(lead.company);
  const domains = domainsOf(lead);
  const rows = await findAccountCandidates(db, { nameKey, domains });
  const ranked = rows.map((row) => {
    const reason: AccountSuggestion['reason'] =
      nameKey !== '' && row.name_key === nameKey ? 'name' : domains.includes(row.domain) ? 'domain' : 'similar name';
    const rank = reason === 'name' ? 0 : reason === 'domain' ? 1 : 2;
    return { row, reason, rank };
  });
  ranked.sort((first, second) => first.rank - second.rank || first.row.name.localeCompare(second.row.name));
  return ranked.slice(0, SUGGESTION_LIMIT).map(({ row, reason }) => ({ row, reason }));
}

/** Contacts of the account that are this person: same email first, then the same name. */
export async function suggestContacts(db: Kysely<Database>, accountId: string, lead: Lead): Promise<Contact[]> {
  return findContactsByIds(db, (await rankContacts(db, accountId, lead)).map((row) => row.id));
}

/** suggestContacts as rows (see rankAccounts). */
async function rankContacts(db: Kysely<Database>, accountId: string, lead: Lead): Promise<ContactRow[]> {
  const rows = await findContactCandidates(db, { accountId, email: lead.email, firstName: lead.firstName, lastName: lead.lastName });
  const email = normalizeEmail(lead.email);
  const name = normalizePersonName(`${lead.firstName} ${lead.lastName}`);
  const byEmail = rows.filter((row) => email !== '' && normalizeEmail(row.email) === email);
  const byName = rows.filter((row) => !byEmail.includes(row) && name !== '' && normalizePersonName(`${row.first_name} ${row.last_name}`) === name);
  return [...byEmail, ...byName];
}

/** The amount a Budget/Money answer gave as a number, to pre-fill the opportunity. */
function amountOfAnswers(answers: readonly CriterionAnswer[]): number | null {
  for (const answer of answers) {
    if (!AMOUNT_KEYS.has(answer.key)) continue;
    const amount = amountFromAnswer(answer.value) ?? amountFromAnswer(answer.note);
    if (amount !== null) return amount;
  }
  return null;
}

export async function getConversionSuggestions(context: ServiceContext, leadId: string, accountId?: string): Promise<ConversionSuggestions> {
  const lead = await requireLead(context.db, leadId);
  const accounts = await suggestAccounts(context.db, lead);
  const contactsOf = accountId ?? accounts[0]?.account.id ?? null;
  const event = lead.eventId ? await findEventById(context.db, lead.eventId) : undefined;
  return {
    accounts,
    contacts: contactsOf ? await suggestContacts(context.db, contactsOf, lead) : [],
    contactsOfAccountId: contactsOf,
    defaults: {
      opportunityName: defaultOpportunityName(accountNameOf(lead), event?.name ?? ''),
      stage: DEFAULT_STAGE,
      closeDate: lead.expectedCloseDate,
      amount: amountOfAnswers(await listAnswers(context.db, lead.id)),
    },
  };
}

async function requireLead(db: Kysely<Database>, leadId: string): Promise<Lead> {
  const lead = await findLeadById(db, leadId);
  if (!lead) throw new AppError('not_found', 'This lead no longer exists. Reload the list.');
  return lead;
}

/** Fills only the empty columns of `row` from `values`; returns what it filled (for undo). */
function fillEmpty<Column extends string>(
  row: Record<Column, string>,
  values: Record<Column, string>,
  columns: readonly Column[],
): { changes: Partial<Record<Column, string>>; restore: Partial<Record<Column, { before: string; after: string }>> } {
  const changes: Partial<Record<Column, string>> = {};
  const restore: Partial<Record<Column, { before: string; after: string }>> = {};
  for (const column of columns) {
    const value = values[column].trim();
    if (row[column].trim() === '' && value !== '') {
      changes[column] = value;
      restore[column] = { before: row[column], after: value };
    }
  }
  return { changes, restore };
}

function accountValuesOf(lead: Lead): Record<AccountFillable, string> {
  return {
    website: lead.website,
    domain: domainsOf(lead)[0] ?? '',
    phone: lead.phone,
    street: lead.street,
    city: lead.city,
    region: lead.region,
    postal_code: lead.postalCode,
    country: lead.country,
  };
}

function contactValuesOf(lead: Lead): Record<ContactFillable, string> {
  return {
    salutation: lead.salutation,
    first_name: lead.firstName,
    last_name: lead.lastName,
    title: lead.title,
    email: lead.email,
    phone: lead.phone,
    mobile: lead.mobile,
    street: lead.street,
    city: lead.city,
    region: lead.region,
    postal_code: lead.postalCode,
    country: lead.country,
  };
}

/** What a caller of convertInTransaction has read already in the same transaction, so it is not read twice. */
export interface RowsRead {
  lead: Lead;
  account?: AccountRow | undefined;
  contact?: ContactRow | undefined;
}

/**
 * The one conversion, run inside the caller's transaction: by hand (its own transaction)
 * and by the automatic rule (many in one transaction). Throws AppError, and then the
 * caller's transaction rolls back whatever this had done.
 */
export async function convertInTransaction(
  trx: Kysely<Database>,
  context: Pick<ServiceContext, 'newId'>,
  request: ConversionRequest,
  options: { automatic: boolean; actor: string; now: string; /** Rows the caller has read already in this transaction. */ read?: RowsRead },
): Promise<string> {
  const { actor, now } = options;
  const lead = options.read?.lead ?? (await requireLead(trx, request.leadId));
  // A converted lead has status Converted; conversions.lead_id is UNIQUE as well, so a race cannot convert twice.
  if (lead.status === 'Converted') {
    throw new AppError('conflict', 'This lead is converted already. Undo that conversion first to convert it again.');
  }
  const restore: RestoreRecord = { account: {}, contact: {}, lead: { status: lead.status } };

  // Account: an existing one (only its empty fields filled) or a new one from the lead.
  let accountId: string;
  let accountName: string;
  if (request.account.mode === 'existing') {
    const chosenId = request.account.id;
    const row = options.read?.account?.id === chosenId ? options.read.account : await findAccountRow(trx, chosenId);
    if (!row) throw new AppError('not_found', 'The account picked no longer exists. Pick another one or create a new account.', { account: 'Unknown account.' });
    const filled = fillEmpty<AccountFillable>(row, accountValuesOf(lead), ACCOUNT_FILLABLE);
    if (Object.keys(filled.changes).length > 0) await updateAccountColumns(trx, row.id, filled.changes, now);
    restore.account = filled.restore;
    accountId = row.id;
    accountName = row.name;
  } else {
    const account: Account = {
      id: context.newId(),
      name: accountNameOf(lead),
      website: lead.website,
      domain: domainsOf(lead)[0] ?? '',
      phone: lead.phone,
      street: lead.street,
      city: lead.city,
      region: lead.region,
      postalCode: lead.postalCode,
      country: lead.country,
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
    };
    await insertAccount(trx, account);
    accountId = account.id;
    accountName = account.name;
  }

  // Contact: an existing one of that account (only empty fields filled) or a new one.
  let contactId: string;
  let contactName: string;
  if (request.contact.mode === 'existing') {
    const chosenId = request.contact.id;
    const row: ContactRow | undefined = options.read?.contact?.id === chosenId ? options.read.contact : await findContactRow(trx, chosenId);
    if (!row) throw new AppError('not_found', 'The contact picked no longer exists. Pick another one or create a new contact.', { contact: 'Unknown contact.' });
    if (row.account_id !== accountId) {
      throw new AppError('invalid_input', 'The contact picked belongs to another account. Pick a contact of this account, or a new contact.', {
        contact: 'This contact belongs to another account.',
      });
    }
    const filled = fillEmpty<ContactFillable>(row, contactValuesOf(lead), CONTACT_FILLABLE);
    if (Object.keys(filled.changes).length > 0) await updateContactColumns(trx, row.id, filled.changes, now);
    restore.contact = filled.restore;
    contactId = row.id;
    contactName = `${row.first_name} ${row.last_name}`.trim() || row.email;
  } else {
    const contact: Contact = {
      id: context.newId(),
      accountId,
      salutation: lead.salutation,
      firstName: lead.firstName,
      lastName: lead.lastName,
      title: lead.title,
      email: lead.email,
      phone: lead.phone,
      mobile: lead.mobile,
      street: lead.street,
      city: lead.city,
      region: lead.region,
      postalCode: lead.postalCode,
      country: lead.country,
      leadSource: lead.leadSource,
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
      convertedFromLeadId: lead.id,
    };
    await insertContact(trx, contact);
    contactId = contact.id;
    contactName = displayName(lead);
  }

  // Opportunity, with the converted contact as its primary contact role.
  let opportunityId: string | null = null;
  if (request.opportunity) {
    const opportunity: Opportunity = {
      id: context.newId(),
      accountId,
      eventId: lead.eventId,
      name: request.opportunity.name,
      stage: request.opportunity.stage,
      probability: 0,
      closeDate: request.opportunity.closeDate,
      amount: request.opportunity.amount ?? null,
      leadSource: lead.leadSource,
      lostReason: '',
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
      convertedFromLeadId: lead.id,
    };
    await insertOpportunity(trx, opportunity);
    await addContactRole(trx, { opportunityId: opportunity.id, contactId, role: 'Decision Maker', isPrimary: true });
    await linkLeadActivitiesToOpportunity(trx, lead.id, opportunity.id);
    opportunityId = opportunity.id;
  }

  await setLeadStanding(trx, lead.id, { status: 'Converted', rating: lead.rating, updatedAt: now });
  const conversionId = context.newId();
  await insertConversion(trx, {
    id: conversionId,
    lead_id: lead.id,
    account_id: accountId,
    account_created: request.account.mode === 'new' ? 1 : 0,
    contact_id: contactId,
    contact_created: request.contact.mode === 'new' ? 1 : 0,
    opportunity_id: opportunityId,
    restore: JSON.stringify(restore),
    automatic: options.automatic ? 1 : 0,
    reviewed: options.automatic ? 0 : 1,
    exported_at: null,
    converted_by: actor,
    converted_at: now,
  });
  await record(trx, context, {
    leadId: lead.id,
    at: now,
    actor,
    details: {
      kind: 'converted',
      conversionId,
      automatic: options.automatic,
      accountId,
      accountName,
      accountCreated: request.account.mode === 'new',
      contactId,
      contactName,
      contactCreated: request.contact.mode === 'new',
      opportunityId,
      opportunityName: request.opportunity?.name ?? null,
    },
  });
  return lead.id;
}

/** Converts by hand: everything in one transaction. */
export async function convertLead(context: ServiceContext, request: ConversionRequest): Promise<ConversionSummary> {
  const summary = await context.db.transaction().execute(async (trx) => {
    const actor = await currentActor(trx);
    await convertInTransaction(trx, context, request, { automatic: false, actor, now: nowIso(context) });
    return findConversionSummary(trx, request.leadId);
  });
  if (!summary) throw new AppError('internal', 'The conversion was saved but could not be read back. Reload the lead.');
  context.notify('leads.changed', { ids: [request.leadId] });
  return summary;
}

/**
 * Undoes a conversion that nothing was exported of: the records it created are removed,
 * the fields it filled on existing records are emptied again (where nobody has changed
 * them since), and the lead is back in the state it was in.
 */
export async function undoConversion(context: ServiceContext, leadId: string): Promise<Lead> {
  const lead = await context.db.transaction().execute(async (trx) => {
    const current = await requireLead(trx, leadId);
    const conversion = await findConversionOfLead(trx, leadId);
    if (!conversion) throw new AppError('conflict', 'This lead is not converted: there is nothing to undo.');
    if (conversion.exported_at !== null) {
      throw new AppError('conflict', 'Records of this conversion were exported already, so it can no longer be undone. Change them in the CRM instead.');
    }
    const restore = JSON.parse(conversion.restore) as RestoreRecord;
    const now = nowIso(context);
    // The conversion row refers to the records it made: it goes before them.
    await deleteConversion(trx, conversion.id);
    if (conversion.opportunity_id) {
      await linkLeadActivitiesToOpportunity(trx, leadId, null);
      await deleteOpportunity(trx, conversion.opportunity_id);
    }
    if (conversion.contact_created === 1) {
      await assertUnused(trx, 'contact', conversion.contact_id);
      await deleteContact(trx, conversion.contact_id);
    } else {
      const row = await findContactRow(trx, conversion.contact_id);
      if (row) await updateContactColumns(trx, row.id, unfill<ContactFillable>(row, restore.contact), now);
    }
    if (conversion.account_created === 1) {
      await assertUnused(trx, 'account', conversion.account_id);
      await deleteAccount(trx, conversion.account_id);
    } else {
      const row: AccountRow | undefined = await findAccountRow(trx, conversion.account_id);
      if (row) await updateAccountColumns(trx, row.id, unfill<AccountFillable>(row, restore.account), now);
    }
    const restored: Lead = { ...current, status: restore.lead.status, updatedAt: now };
    await setLeadStanding(trx, leadId, restored);
    await record(trx, context, { leadId, at: now, actor: await currentActor(trx), details: { kind: 'conversion_undone', conversionId: conversion.id } });
    return restored;
  });
  context.notify('leads.changed', { ids: [leadId] });
  return lead;
}

/** The columns to put back: those that still hold what the conversion wrote. */
function unfill<Column extends string>(
  row: Record<Column, string>,
  restore: Partial<Record<Column, { before: string; after: string }>>,
): Partial<Record<Column, string>> {
  const changes: Partial<Record<Column, string>> = {};
  for (const [column, values] of Object.entries(restore) as Array<[Column, { before: string; after: string }]>) {
    if (row[column] === values.after) changes[column] = values.before;
  }
  return changes;
}

/** A record this conversion created may since have been used by another conversion or opportunity. */
async function assertUnused(trx: Kysely<Database>, kind: 'account' | 'contact', id: string): Promise<void> {
  const inUse = kind === 'account' ? await isAccountReferenced(trx, id) : await isContactReferenced(trx, id);
  if (inUse) {
    throw new AppError(
      'conflict',
      `The ${kind} this conversion created is used by other records now (another lead was converted into it). Undo that conversion first.`,
    );
  }
}

/** What the automatic rule would do with this lead, or why it leaves it alone. */
export async function planAutomaticConversion(
  db: Kysely<Database>,
  lead: Lead,
  rule: ConversionRule,
  criteria: readonly Criterion[],
  options: { now: Date; eventName: string },
): Promise<{ request: ConversionRequest; read: RowsRead } | { skip: string }> {
  if (lead.status === 'Converted') return { skip: 'already converted' };
  if (lead.status === 'Unqualified') return { skip: 'Unqualified' };
  const answers = await listAnswers(db, lead.id);
  const summary = summarize(criteria, answers);
  if (summary.met < rule.minMet) return { skip: `${summary.met} of ${summary.total} criteria met, the rule needs ${rule.minMet}` };
  if (rule.requireCloseDate && !lead.expectedCloseDate) return { skip: 'no expected close date yet' };
  const [bestAccount] = await rankAccounts(db, lead);
  const accountRow = bestAccount && bestAccount.reason !== 'similar name' ? bestAccount.row : undefined;
  const account: RecordChoice = accountRow ? { mode: 'existing', id: accountRow.id } : { mode: 'new' };
  const [bestContact] = accountRow ? await rankContacts(db, accountRow.id, lead) : [];
  const amount = amountOfAnswers(answers);
  return {
    read: { lead, account: accountRow, contact: bestContact },
    request: {
      leadId: lead.id,
      account,
      contact: bestContact ? { mode: 'existing', id: bestContact.id } : { mode: 'new' },
      opportunity: {
        name: defaultOpportunityName(accountNameOf(lead), options.eventName),
        stage: rule.stage,
        closeDate: lead.expectedCloseDate || addDays(options.now, rule.closeInDays),
        amount,
      },
    },
  };
}

