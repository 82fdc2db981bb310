import type { OpportunityStage } from './opportunity';

/** A company we sell to (Salesforce's Account). */
export interface Account {
  id: string;
  name: string;
  website: string;
  /** The company's web/email domain, used to match leads to it. */
  domain: string;
  phone: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A person at an account (Salesforce's Contact). */
export interface Contact {
  id: string;
  accountId: string;
  salutation: string;
  firstName: string;
  lastName: string;
  title: string;
  email: string;
  phone: string;
  mobile: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  leadSource: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** The lead this contact was converted from, if any. */
  convertedFromLeadId: string | null;
}

/** A deal that can be won or lost (Salesforce's Opportunity). */
export interface Opportunity {
  id: string;
  accountId: string;
  eventId: string | null;
  name: string;
  stage: OpportunityStage;
  probability: number;
  /** YYYY-MM-DD */
  closeDate: string;
  amount: number | null;
  leadSource: string;
  /** Why it was lost (Closed Lost only). */
  lostReason: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  convertedFromLeadId: string | null;
}

export interface ContactRole {
  contactId: string;
  contactName: string;
  role: string;
  isPrimary: boolean;
}

/** A contact's role on an opportunity, as the records name each other (what a CRM import links). */
export interface OpportunityContactRole {
  opportunityId: string;
  contactId: string;
  role: string;
  isPrimary: boolean;
}

export interface StageChange {
  stage: OpportunityStage;
  at: string;
  actor: string;
}

/** What a conversion made of a lead. */
export interface ConversionSummary {
  id: string;
  leadId: string;
  accountId: string;
  accountName: string;
  accountCreated: boolean;
  contactId: string;
  contactName: string;
  contactCreated: boolean;
  opportunityId: string | null;
  opportunityName: string | null;
  automatic: boolean;
  reviewed: boolean;
  convertedBy: string;
  convertedAt: string;
  /** False once anything of it was exported. */
  undoable: boolean;
}

/** A show's rule for converting leads without a click. */
export interface ConversionRule {
  eventId: string;
  /** Convert when at least this many criteria are met. */
  minMet: number;
  /** And only when the lead has an expected close date. */
  requireCloseDate: boolean;
  stage: OpportunityStage;
  /** The opportunity's close date when the lead has none: this many days after the conversion. */
  closeInDays: number;
}
