import type { Opportunity } from '../../shared/domain/crm';
import type { OpportunityStage } from '../../shared/domain/opportunity';
import type { AccountDetail, ContactDetail, ContactListItem, OpportunityDetail, OpportunityListItem } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { findAccountById, findAccountNames, listAccounts as listAccountRows } from '../db/repositories/accounts';
import { listActivities } from '../db/repositories/activities';
import { findContactById, listContacts as listContactRows, listContactsOfAccount } from '../db/repositories/contacts';
import {
  findOpportunityById,
  findPrimaryContactIds,
  listContactRoles,
  listOpportunities as listOpportunityRows,
  listStageHistory,
  setOpportunityStage,
  updateOpportunityFields,
} from '../db/repositories/opportunities';
import { findEventById } from '../db/repositories/events';
import { showTimeZone } from '../../shared/domain/event';
import { nowIso, type ServiceContext } from './service-context';
import { currentActor } from './timeline-recorder';

const DEFAULT_LIMIT = 100;

export interface CrmListInput {
  query?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

function paging(input: CrmListInput) {
  return { text: input.query, limit: input.limit ?? DEFAULT_LIMIT, offset: input.offset ?? 0 };
}

export function listAccounts(context: ServiceContext, input: CrmListInput) {
  return listAccountRows(context.db, paging(input));
}

export async function getAccount(context: ServiceContext, id: string): Promise<AccountDetail> {
  const account = await findAccountById(context.db, id);
  if (!account) throw new AppError('not_found', 'This account no longer exists.');
  return {
    account,
    contacts: await listContactsOfAccount(context.db, id),
    opportunities: await listOpportunityRows(context.db, { accountId: id, limit: 500, offset: 0 }),
  };
}

export async function listContacts(context: ServiceContext, input: CrmListInput & { accountId?: string | undefined }): Promise<ContactListItem[]> {
  const contacts = await listContactRows(context.db, { ...paging(input), accountId: input.accountId });
  const names = await findAccountNames(context.db, [...new Set(contacts.map((contact) => contact.accountId))]);
  return contacts.map((contact) => ({ ...contact, accountName: names.get(contact.accountId) ?? '' }));
}

export async function getContact(context: ServiceContext, id: string): Promise<ContactDetail> {
  const contact = await findContactById(context.db, id);
  if (!contact) throw new AppError('not_found', 'This contact no longer exists.');
  const account = await findAccountById(context.db, contact.accountId);
  if (!account) throw new AppError('not_found', 'The account of this contact no longer exists.');
  return { contact, account, opportunities: await listOpportunityRows(context.db, { contactId: id, limit: 500, offset: 0 }) };
}

export async function listOpportunities(
  context: ServiceContext,
  input: CrmListInput & { accountId?: string | undefined; stage?: OpportunityStage | undefined },
): Promise<OpportunityListItem[]> {
  const opportunities = await listOpportunityRows(context.db, { ...paging(input), accountId: input.accountId, stage: input.stage });
  const names = await findAccountNames(context.db, [...new Set(opportunities.map((opportunity) => opportunity.accountId))]);
  const primaryContacts = await findPrimaryContactIds(context.db, opportunities.map((opportunity) => opportunity.id));
  return opportunities.map((opportunity) => ({
    ...opportunity,
    accountName: names.get(opportunity.accountId) ?? '',
    contactId: primaryContacts.get(opportunity.id) ?? null,
  }));
}

export async function getOpportunity(context: ServiceContext, id: string): Promise<OpportunityDetail> {
  const opportunity = await findOpportunityById(context.db, id);
  if (!opportunity) throw new AppError('not_found', 'This opportunity no longer exists.');
  const account = await findAccountById(context.db, opportunity.accountId);
  if (!account) throw new AppError('not_found', 'The account of this opportunity no longer exists.');
  return {
    opportunity,
    account,
    contactRoles: await listContactRoles(context.db, id),
    activities: await listActivities(context.db, { opportunityId: id }),
    stageHistory: await listStageHistory(context.db, id),
  };
}

export interface OpportunityChanges {
  name?: string | undefined;
  /** null clears it */
  amount?: number | null | undefined;
  /** YYYY-MM-DD */
  closeDate?: string | undefined;
  stage?: OpportunityStage | undefined;
  lostReason?: string | undefined;
}

/** Moves an opportunity to another stage (Closed Lost needs a reason); the change is kept in its stage history. */
export function setStage(context: ServiceContext, id: string, stage: OpportunityStage, lostReason?: string): Promise<Opportunity> {
  return updateOpportunity(context, id, { stage, lostReason });
}

/**
 * Edits an opportunity: name, amount, close date and stage, as given. A stage change is kept in
 * the stage history; moving to Closed Won without a close date sets it to the day it was won
 * (in the show's time zone); Closed Lost needs a reason.
 */
export async function updateOpportunity(context: ServiceContext, id: string, changes: OpportunityChanges): Promise<Opportunity> {
  return context.db.transaction().execute(async (trx) => {
    const opportunity = await findOpportunityById(trx, id);
    if (!opportunity) throw new AppError('not_found', 'This opportunity no longer exists.');
    const stage = changes.stage ?? opportunity.stage;
    const lostReason = changes.lostReason?.trim();
    if (stage === 'Closed Lost' && !lostReason && !opportunity.lostReason) {
      throw new AppError('invalid_input', 'Say why the opportunity was lost.', { lostReason: 'Why was it lost?' });
    }
    const at = nowIso(context);
    const stageMoved = stage !== opportunity.stage || (stage === 'Closed Lost' && Boolean(lostReason) && lostReason !== opportunity.lostReason);
    const wonNow = stage === 'Closed Won' && opportunity.stage !== 'Closed Won';
    const show = opportunity.eventId ? await findEventById(trx, opportunity.eventId) : undefined;
    const closeDate = changes.closeDate ?? (wonNow ? calendarDayIn(new Date(at), showTimeZone(show)) : opportunity.closeDate);
    const fields = { name: changes.name ?? opportunity.name, amount: changes.amount === undefined ? opportunity.amount : changes.amount, closeDate };
    if (fields.name !== opportunity.name || fields.amount !== opportunity.amount || fields.closeDate !== opportunity.closeDate) {
      await updateOpportunityFields(trx, id, { ...fields, updatedAt: at });
    }
    if (stageMoved) {
      await setOpportunityStage(trx, id, {
        stage,
        at,
        actor: await currentActor(trx),
        lostReason: stage === 'Closed Lost' ? lostReason || opportunity.lostReason : '',
      });
    }
    const saved = await findOpportunityById(trx, id);
    if (!saved) throw new AppError('internal', 'The opportunity could not be read back.');
    return saved;
  });
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
function calendarDayIn(at: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
