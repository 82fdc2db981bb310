import { z } from 'zod';
import type { Activity } from '../../domain/activity';
import type { Account, Contact, ContactRole, Opportunity, StageChange } from '../../domain/crm';
import { STAGE_NAMES } from '../../domain/opportunity';
import { channel } from '../channel';

export interface OpportunityListItem extends Opportunity {
  accountName: string;
  /** The primary contact role's contact. */
  contactId: string | null;
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
  'contacts.list': channel<Contact[]>()(z.object({ ...listQuery, accountId: z.uuid().optional() }).strict()),
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
};
