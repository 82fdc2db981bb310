import type { Account, Contact, Opportunity, OpportunityContactRole } from './crm';
import { displayName, type Lead, type LeadStatus } from './lead';
import { companyEmailDomain, websiteDomain } from './normalize';
import type { OpportunityStage } from './opportunity';
import type { TimelineDetails } from './timeline';

/**
 * What converting a lead writes (as Salesforce's LeadConvert), decided without a database:
 * `planConversion` takes the lead, the person's choices and the existing records they
 * picked, and returns every insert and fill; the conversion's transaction only writes the
 * plan (electron/services/conversion-service.ts), by hand and by a show's automatic rule alike.
 */

export type RecordChoice = { mode: 'new' } | { mode: 'existing'; id: string };

interface OpportunityInput {
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

/**
 * The fields a conversion fills on an existing account or contact (only where empty), each
 * with the key its old value is kept under in the conversion's restore record. The record is
 * stored with the conversion for undo, so these keys never change.
 */
const ACCOUNT_FILLS = {
  website: 'website',
  domain: 'domain',
  phone: 'phone',
  street: 'street',
  city: 'city',
  region: 'region',
  postalCode: 'postal_code',
  country: 'country',
} as const satisfies Partial<Record<keyof Account, string>>;
const CONTACT_FILLS = {
  salutation: 'salutation',
  firstName: 'first_name',
  lastName: 'last_name',
  title: 'title',
  email: 'email',
  phone: 'phone',
  mobile: 'mobile',
  street: 'street',
  city: 'city',
  region: 'region',
  postalCode: 'postal_code',
  country: 'country',
} as const satisfies Partial<Record<keyof Contact, string>>;

export type AccountFillKey = (typeof ACCOUNT_FILLS)[keyof typeof ACCOUNT_FILLS];
export type ContactFillKey = (typeof CONTACT_FILLS)[keyof typeof CONTACT_FILLS];

/** A value a conversion wrote into an empty field, and what was there before (for undo). */
interface FilledValue {
  before: string;
  after: string;
}

/** What undo needs: the values the conversion replaced (the empty ones it filled) and the lead's state before. */
export interface ConversionRestore {
  account: Partial<Record<AccountFillKey, FilledValue>>;
  contact: Partial<Record<ContactFillKey, FilledValue>>;
  lead: { status: LeadStatus };
}

/** A record the conversion creates, or the empty fields it fills on an existing one (keys as in the restore record). */
type PlannedRecord<RecordType, FillKey extends string> =
  | { created: RecordType }
  | { existing: { id: string; name: string }; fills: Partial<Record<FillKey, string>> };

/** Everything one conversion writes, in the order it is written. */
export interface ConversionPlan {
  account: PlannedRecord<Account, AccountFillKey>;
  contact: PlannedRecord<Contact, ContactFillKey>;
  /** With the converted contact as its primary contact role; the lead's activities move onto it. */
  opportunity: { created: Opportunity; primaryRole: OpportunityContactRole } | null;
  lead: { id: string; status: 'Converted'; rating: Lead['rating']; updatedAt: string };
  conversion: {
    id: string;
    leadId: string;
    accountId: string;
    accountCreated: boolean;
    contactId: string;
    contactCreated: boolean;
    opportunityId: string | null;
    restore: ConversionRestore;
    automatic: boolean;
    /** A conversion by hand is reviewed; one by the automatic rule waits for a person. */
    reviewed: boolean;
    convertedBy: string;
    convertedAt: string;
  };
  timeline: { id: string; leadId: string; at: string; actor: string; details: Extract<TimelineDetails, { kind: 'converted' }> };
}

/** Why a conversion cannot be planned: the caller says it in the person's words. */
export interface ConversionRefusal {
  refused: 'converted-already' | 'account-not-found' | 'contact-not-found' | 'contact-of-another-account';
}

/** The existing records the request picked, as read in the conversion's transaction (absent: it chose a new one, or the one picked is gone). */
export interface ExistingRecords {
  account?: Account | undefined;
  contact?: Contact | undefined;
}

/** The company name an account made from this lead gets: its company, or the person for a lead without one. */
export function accountNameOf(lead: Lead): string {
  return lead.company.trim() || `${displayName(lead)} (individual)`;
}

/** The lead's company domains: its website's, then its email's unless that is a free-mail domain. */
export function domainsOf(lead: Pick<Lead, 'website' | 'email'>): string[] {
  return [...new Set([websiteDomain(lead.website), companyEmailDomain(lead.email)].filter(Boolean))];
}

/** Fills only the empty fields of `record` from the lead's values; what it fills and what was there (for undo). */
function fillEmpty<RecordType, Fills extends Partial<Record<keyof RecordType, string>>>(
  record: RecordType,
  values: Record<keyof Fills & keyof RecordType, string>,
  fills: Fills,
): { fills: Partial<Record<Fills[keyof Fills] & string, string>>; restore: Partial<Record<Fills[keyof Fills] & string, FilledValue>> } {
  const filled: Partial<Record<string, string>> = {};
  const restore: Partial<Record<string, FilledValue>> = {};
  for (const [field, key] of Object.entries(fills) as Array<[keyof Fills & keyof RecordType, string]>) {
    const current = record[field] as string;
    const value = values[field].trim();
    if (current.trim() === '' && value !== '') {
      filled[key] = value;
      restore[key] = { before: current, after: value };
    }
  }
  return { fills: filled as Partial<Record<Fills[keyof Fills] & string, string>>, restore: restore as Partial<Record<Fills[keyof Fills] & string, FilledValue>> };
}

/** The lead's values for an account's fillable fields. */
function accountValuesOf(lead: Lead): Record<keyof typeof ACCOUNT_FILLS, string> {
  return {
    website: lead.website,
    domain: domainsOf(lead)[0] ?? '',
    phone: lead.phone,
    street: lead.street,
    city: lead.city,
    region: lead.region,
    postalCode: lead.postalCode,
    country: lead.country,
  };
}

/**
 * What converting `lead` as `request` asks writes. `existing` holds the records the request
 * picked (each must be there when picked: the caller reads them and says when one is gone);
 * `newId` gives the id of each record it creates, in the order account, contact, opportunity,
 * conversion, timeline entry, and only for those it creates.
 */
export function planConversion(
  lead: Lead,
  request: ConversionRequest,
  existing: ExistingRecords,
  newId: () => string,
  now: string,
  by: { actor: string; automatic: boolean },
): ConversionPlan | ConversionRefusal {
  if (lead.status === 'Converted') return { refused: 'converted-already' };
  const pickedAccount = request.account.mode === 'existing' ? existing.account : undefined;
  if (request.account.mode === 'existing' && pickedAccount?.id !== request.account.id) return { refused: 'account-not-found' };
  const pickedContact = request.contact.mode === 'existing' ? existing.contact : undefined;
  if (request.contact.mode === 'existing' && pickedContact?.id !== request.contact.id) return { refused: 'contact-not-found' };
  const { actor, automatic } = by;
  const restore: ConversionRestore = { account: {}, contact: {}, lead: { status: lead.status } };

  // Account: an existing one (only its empty fields filled) or a new one from the lead.
  let account: ConversionPlan['account'];
  if (pickedAccount) {
    const filled = fillEmpty(pickedAccount, accountValuesOf(lead), ACCOUNT_FILLS);
    restore.account = filled.restore;
    account = { existing: { id: pickedAccount.id, name: pickedAccount.name }, fills: filled.fills };
  } else {
    account = {
      created: { id: newId(), name: accountNameOf(lead), ...accountValuesOf(lead), createdBy: actor, createdAt: now, updatedAt: now },
    };
  }
  const accountId = 'created' in account ? account.created.id : account.existing.id;

  // Contact: an existing one of that account (only empty fields filled) or a new one.
  let contact: ConversionPlan['contact'];
  if (pickedContact) {
    if (pickedContact.accountId !== accountId) return { refused: 'contact-of-another-account' };
    const filled = fillEmpty(pickedContact, lead, CONTACT_FILLS);
    restore.contact = filled.restore;
    const name = `${pickedContact.firstName} ${pickedContact.lastName}`.trim() || pickedContact.email;
    contact = { existing: { id: pickedContact.id, name }, fills: filled.fills };
  } else {
    contact = {
      created: {
        id: newId(),
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
      },
    };
  }
  const contactId = 'created' in contact ? contact.created.id : contact.existing.id;

  let opportunity: ConversionPlan['opportunity'] = null;
  if (request.opportunity) {
    const created: Opportunity = {
      id: newId(),
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
    opportunity = { created, primaryRole: { opportunityId: created.id, contactId, role: 'Decision Maker', isPrimary: true } };
  }

  const conversionId = newId();
  return {
    account,
    contact,
    opportunity,
    lead: { id: lead.id, status: 'Converted', rating: lead.rating, updatedAt: now },
    conversion: {
      id: conversionId,
      leadId: lead.id,
      accountId,
      accountCreated: 'created' in account,
      contactId,
      contactCreated: 'created' in contact,
      opportunityId: opportunity?.created.id ?? null,
      restore,
      automatic,
      reviewed: !automatic,
      convertedBy: actor,
      convertedAt: now,
    },
    timeline: {
      id: newId(),
      leadId: lead.id,
      at: now,
      actor,
      details: {
        kind: 'converted',
        conversionId,
        automatic,
        accountId,
        accountName: 'created' in account ? account.created.name : account.existing.name,
        accountCreated: 'created' in account,
        contactId,
        contactName: 'created' in contact ? displayName(lead) : contact.existing.name,
        contactCreated: 'created' in contact,
        opportunityId: opportunity?.created.id ?? null,
        opportunityName: request.opportunity?.name ?? null,
      },
    },
  };
}
