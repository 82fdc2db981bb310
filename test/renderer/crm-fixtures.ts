import type { Account, Contact, ConversionSummary, Opportunity } from '../../shared/domain/crm';
import { probabilityOf } from '../../shared/domain/opportunity';
import type { OpportunityDetail, OpportunityListItem } from '../../shared/ipc/contract';
import { SHOW } from './fake-store';

const CREATED = { createdBy: 'Dana Booth', createdAt: '2026-03-02T09:30:00.000Z', updatedAt: '2026-03-02T09:30:00.000Z' };

export function accountWith(fields: Partial<Account>): Account {
  return {
    id: crypto.randomUUID(),
    name: 'Acme GmbH',
    website: '',
    domain: '',
    phone: '',
    street: '',
    city: '',
    region: '',
    postalCode: '',
    country: '',
    ...CREATED,
    ...fields,
  };
}

export function contactWith(fields: Partial<Contact>): Contact {
  return {
    id: crypto.randomUUID(),
    accountId: crypto.randomUUID(),
    salutation: '',
    firstName: 'Ana',
    lastName: 'Müller',
    title: '',
    email: '',
    phone: '',
    mobile: '',
    street: '',
    city: '',
    region: '',
    postalCode: '',
    country: '',
    leadSource: 'Trade Show',
    convertedFromLeadId: null,
    ...CREATED,
    ...fields,
  };
}

export function opportunityWith(fields: Partial<Opportunity>): Opportunity {
  const stage = fields.stage ?? 'Prospecting';
  return {
    id: crypto.randomUUID(),
    accountId: crypto.randomUUID(),
    eventId: SHOW.id,
    name: 'Acme GmbH – Hannover Messe 2026',
    stage,
    probability: probabilityOf(stage),
    closeDate: '2026-06-30',
    amount: null,
    leadSource: 'Trade Show',
    lostReason: '',
    convertedFromLeadId: null,
    ...CREATED,
    ...fields,
  };
}

export function listItemOf(opportunity: Opportunity, accountName: string): OpportunityListItem {
  return { ...opportunity, accountName, contactId: null };
}

export function opportunityDetailOf(opportunity: Opportunity, account: Account): OpportunityDetail {
  return {
    opportunity,
    account,
    contactRoles: [{ contactId: crypto.randomUUID(), contactName: 'Ana Müller', role: 'Decision Maker', isPrimary: true }],
    activities: [],
    stageHistory: [{ stage: opportunity.stage, at: opportunity.createdAt, actor: 'Dana Booth' }],
  };
}

export function conversionWith(fields: Partial<ConversionSummary>): ConversionSummary {
  return {
    id: crypto.randomUUID(),
    leadId: crypto.randomUUID(),
    accountId: crypto.randomUUID(),
    accountName: 'Acme GmbH',
    accountCreated: true,
    contactId: crypto.randomUUID(),
    contactName: 'Ana Müller',
    contactCreated: true,
    opportunityId: crypto.randomUUID(),
    opportunityName: 'Acme GmbH – Hannover Messe 2026',
    automatic: true,
    reviewed: false,
    convertedBy: 'LeadBooth (automatic rule)',
    convertedAt: '2026-03-03T10:00:00.000Z',
    undoable: true,
    ...fields,
  };
}
