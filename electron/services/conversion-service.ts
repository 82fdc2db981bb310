import type { Kysely } from 'kysely';
import {
  accountNameOf,
  domainsOf,
  planConversion,
  type ConversionPlan,
  type ConversionRefusal,
  type ConversionRequest,
  type ConversionRestore,
  type RecordChoice,
} from '../../shared/domain/conversion-plan';
import type { Account, Contact, ConversionRule, ConversionSummary } from '../../shared/domain/crm';
import type { Lead } from '../../shared/domain/lead';
import { normalizeCompanyName, normalizeEmail, normalizePersonName } from '../../shared/domain/normalize';
import { addDays, defaultOpportunityName, DEFAULT_STAGE } from '../../shared/domain/opportunity';
import { AMOUNT_KEYS, amountFromAnswer, summarize, type Criterion, type CriterionAnswer } from '../../shared/domain/qualification';
import type { AccountSuggestion, ConversionSuggestions } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import {
  accountFromRow,
  deleteAccount,
  findAccountById,
  findAccountCandidates,
  findAccountRow,
  insertAccount,
  isAccountReferenced,
  updateAccountColumns,
  type AccountFillable,
} from '../db/repositories/accounts';
import { linkLeadActivitiesToOpportunity } from '../db/repositories/activities';
import {
  contactFromRow,
  deleteContact,
  findContactById,
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
import { appendTimeline } from '../db/repositories/timeline';
import type { AccountRow, ContactRow, Database } from '../db/schema';
import { nowIso, type ServiceContext } from './service-context';
import { currentActor, record } from './timeline-recorder';

const SUGGESTION_LIMIT = 5;

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
async function suggestContacts(db: Kysely<Database>, accountId: string, lead: Lead): Promise<Contact[]> {
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

/** What a caller of convertInTransaction has read already in the same transaction, so it is not read twice. */
export interface RecordsRead {
  lead: Lead;
  account?: Account | undefined;
  contact?: Contact | undefined;
}

/** The person's words for a conversion that cannot be planned. */
function refusalError(refusal: ConversionRefusal): AppError {
  switch (refusal.refused) {
    case 'converted-already':
      // A converted lead has status Converted; conversions.lead_id is UNIQUE as well, so a race cannot convert twice.
      return new AppError('conflict', 'This lead is converted already. Undo that conversion first to convert it again.');
    case 'account-not-found':
      return new AppError('not_found', 'The account picked no longer exists. Pick another one or create a new account.', { account: 'Unknown account.' });
    case 'contact-not-found':
      return new AppError('not_found', 'The contact picked no longer exists. Pick another one or create a new contact.', { contact: 'Unknown contact.' });
    case 'contact-of-another-account':
      return new AppError('invalid_input', 'The contact picked belongs to another account. Pick a contact of this account, or a new contact.', {
        contact: 'This contact belongs to another account.',
      });
  }
}

/**
 * The one conversion, run inside the caller's transaction: by hand (its own transaction)
 * and by the automatic rule (many in one transaction). Reads what the request picked, plans
 * the conversion (shared/domain/conversion-plan.ts) and writes the plan. Throws AppError,
 * and then the caller's transaction rolls back whatever this had done.
 */
export async function convertInTransaction(
  trx: Kysely<Database>,
  context: Pick<ServiceContext, 'newId'>,
  request: ConversionRequest,
  options: { automatic: boolean; actor: string; now: string; /** Records the caller has read already in this transaction. */ read?: RecordsRead },
): Promise<string> {
  const { read } = options;
  const lead = read?.lead ?? (await requireLead(trx, request.leadId));
  const pick = async <Found extends { id: string }>(choice: RecordChoice, known: Found | undefined, find: (id: string) => Promise<Found | undefined>) =>
    choice.mode === 'existing' ? (known?.id === choice.id ? known : await find(choice.id)) : undefined;
  // Read only once the lead may be converted (a converted lead is refused before anything else).
  const existing =
    lead.status === 'Converted'
      ? {}
      : {
          account: await pick(request.account, read?.account, (id) => findAccountById(trx, id)),
          contact: await pick(request.contact, read?.contact, (id) => findContactById(trx, id)),
        };
  const plan = planConversion(lead, request, existing, context.newId, options.now, { actor: options.actor, automatic: options.automatic });
  if ('refused' in plan) throw refusalError(plan);
  await writeConversion(trx, plan);
  return lead.id;
}

/** Writes what planConversion decided, in the caller's transaction. */
async function writeConversion(trx: Kysely<Database>, plan: ConversionPlan): Promise<void> {
  const now = plan.conversion.convertedAt;
  if ('created' in plan.account) await insertAccount(trx, plan.account.created);
  else if (Object.keys(plan.account.fills).length > 0) await updateAccountColumns(trx, plan.account.existing.id, plan.account.fills, now);
  if ('created' in plan.contact) await insertContact(trx, plan.contact.created);
  else if (Object.keys(plan.contact.fills).length > 0) await updateContactColumns(trx, plan.contact.existing.id, plan.contact.fills, now);
  if (plan.opportunity) {
    await insertOpportunity(trx, plan.opportunity.created);
    await addContactRole(trx, plan.opportunity.primaryRole);
    await linkLeadActivitiesToOpportunity(trx, plan.lead.id, plan.opportunity.created.id);
  }
  await setLeadStanding(trx, plan.lead.id, plan.lead);
  await insertConversion(trx, plan.conversion);
  await appendTimeline(trx, plan.timeline);
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
    const restore = JSON.parse(conversion.restore) as ConversionRestore;
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
): Promise<{ request: ConversionRequest; read: RecordsRead } | { skip: string }> {
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
    read: { lead, account: accountRow && accountFromRow(accountRow), contact: bestContact && contactFromRow(bestContact) },
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

