import type { Opportunity } from '../../shared/domain/crm';
import type { OpportunityStage } from '../../shared/domain/opportunity';
import type { AccountDetail, ContactDetail, OpportunityDetail, OpportunityListItem } from '../../shared/ipc/contract';
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
} from '../db/repositories/opportunities';
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

export function listContacts(context: ServiceContext, input: CrmListInput & { accountId?: string | undefined }) {
  return listContactRows(context.db, { ...paging(input), accountId: input.accountId });
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

/** Moves an opportunity to another stage (Closed Lost needs a reason); the change is kept in its stage history. */
export async function setStage(context: ServiceContext, id: string, stage: OpportunityStage, lostReason?: string): Promise<Opportunity> {
  const updated = await context.db.transaction().execute(async (trx) => {
    const opportunity = await findOpportunityById(trx, id);
    if (!opportunity) throw new AppError('not_found', 'This opportunity no longer exists.');
    if (stage === 'Closed Lost' && !lostReason?.trim() && !opportunity.lostReason) {
      throw new AppError('invalid_input', 'Say why the opportunity was lost.', { lostReason: 'Why was it lost?' });
    }
    if (opportunity.stage === stage && (stage !== 'Closed Lost' || !lostReason)) return opportunity;
    await setOpportunityStage(trx, id, {
      stage,
      at: nowIso(context),
      actor: await currentActor(trx),
      lostReason: stage === 'Closed Lost' ? (lostReason?.trim() || opportunity.lostReason) : '',
    });
    const saved = await findOpportunityById(trx, id);
    if (!saved) throw new AppError('internal', 'The opportunity could not be read back.');
    return saved;
  });
  return updated;
}
