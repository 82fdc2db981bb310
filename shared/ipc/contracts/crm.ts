import { z } from 'zod';
import type { Activity } from '../../domain/activity';
import type { Account, Contact, ContactRole, Opportunity, StageChange } from '../../domain/crm';
import { isCalendarDate, STAGE_NAMES } from '../../domain/opportunity';
import { channel } from '../channel';

export interface OpportunityListItem extends Opportunity {
  accountName: string;
  /** The primary contact role's contact. */
  contactId: string | null;
}

export interface ContactListItem extends Contact {
  /** The contact's account's name, for the list across accounts. */
  accountName: string;
}

export interface AccountDetail {
  account: Account;
  contacts: Contact[];
  opportunities: Opportunity[];
}

export interface ContactDetail {
  contact: Contact;
  account: Account;
  opportunities: Opportunity[];
}

export interface OpportunityDetail {
  opportunity: Opportunity;
  account: Account;
  contactRoles: ContactRole[];
  activities: Activity[];
  stageHistory: StageChange[];
}

const listQuery = {
  query: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
};
const byId = z.object({ id: z.uuid() }).strict();

/** What conversion makes: Accounts, Contacts and Opportunities, and an opportunity's way to Closed Won / Lost. */
export const crmChannels = {
  'accounts.list': channel<Account[]>()(z.object(listQuery).strict()),
  'accounts.get': channel<AccountDetail>()(byId),
  'contacts.list': channel<ContactListItem[]>()(z.object({ ...listQuery, accountId: z.uuid().optional() }).strict()),
  'contacts.get': channel<ContactDetail>()(byId),
  'opportunities.list': channel<OpportunityListItem[]>()(
    z.object({ ...listQuery, accountId: z.uuid().optional(), stage: z.enum(STAGE_NAMES).optional() }).strict(),
  ),
  'opportunities.get': channel<OpportunityDetail>()(byId),
  'opportunities.setStage': channel<Opportunity>()(
    z
      .object({
        id: z.uuid(),
        stage: z.enum(STAGE_NAMES, { message: `The stage is one of: ${STAGE_NAMES.join(', ')}.` }),
        lostReason: z.string().trim().max(255).optional(),
      })
      .strict(),
  ),
  /**
   * Edits an opportunity from its page: the fields given change. A new stage is kept in the
   * stage history; Closed Won without a close date closes it on the day it was won.
   */
  'opportunities.update': channel<Opportunity>()(
    z
      .object({
        id: z.uuid(),
        name: z.string().trim().min(1, { message: 'Give the opportunity a name.' }).max(120, { message: 'Keep the name under 120 characters.' }).optional(),
        /** null clears the amount. */
        amount: z.number().min(0, { message: 'The amount cannot be negative.' }).max(1e12, { message: 'That amount is too large: check the number.' }).nullable().optional(),
        closeDate: z.string().trim().refine(isCalendarDate, { message: 'Use a date like 2027-03-31.' }).optional(),
        stage: z.enum(STAGE_NAMES, { message: `The stage is one of: ${STAGE_NAMES.join(', ')}.` }).optional(),
        lostReason: z.string().trim().max(255).optional(),
      })
      .strict(),
  ),
};
