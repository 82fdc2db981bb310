/**
 * Salesforce CSVs of converted records — Accounts, Contacts, Opportunities and
 * OpportunityContactRoles — upserted (inserted, for the roles) in that order. Every record
 * carries its LeadBooth id in `LeadBooth_Id__c` (a Text(36) External ID, Unique, on Account,
 * Contact and Opportunity), and a child names its parent by that external id in Salesforce's
 * relationship notation, `Account.LeadBooth_Id__c` — the header the Bulk API and `sf data
 * import bulk`/`sf data upsert bulk` read as "the Account whose LeadBooth_Id__c is …" — so no
 * Salesforce record id is needed and re-importing updates instead of duplicating. Data Loader
 * maps the same column to the lookup by external id (docs/exchange.md).
 *
 * Contacts and Opportunities carry the notes of the lead(s) they came from in Description;
 * a Closed Lost opportunity its reason in LeadBooth_Loss_Reason__c (Opportunity has no
 * standard field for it). Values are cut to Salesforce's field lengths like the Leads CSV
 * does; dates are yyyy-MM-dd; the amount is a plain number with a dot, in the currency of the
 * opportunity's show, named in CurrencyIsoCode (the ISO 4217 field of a multi-currency org).
 */
import type { Account, Contact, Opportunity, OpportunityContactRole } from '../../shared/domain/crm';
import type { NeutralizedCells } from '../../shared/domain/exchange';
import { probabilityOf } from '../../shared/domain/opportunity';
import { writeCsv, neutralizeCounted, type CsvCell } from './csv-cell';
import { cutToLength } from './salesforce-leads-csv';

const ACCOUNT_LOOKUP_COLUMN = 'Account.LeadBooth_Id__c';
const OPPORTUNITY_LOOKUP_COLUMN = 'Opportunity.LeadBooth_Id__c';
const CONTACT_LOOKUP_COLUMN = 'Contact.LeadBooth_Id__c';

export const SALESFORCE_ACCOUNT_COLUMNS = [
  'LeadBooth_Id__c',
  'Name',
  'Website',
  'Phone',
  'BillingStreet',
  'BillingCity',
  'BillingState',
  'BillingPostalCode',
  'BillingCountry',
] as const;

export const SALESFORCE_CONTACT_COLUMNS = [
  'LeadBooth_Id__c',
  ACCOUNT_LOOKUP_COLUMN,
  'Salutation',
  'FirstName',
  'LastName',
  'Title',
  'Email',
  'Phone',
  'MobilePhone',
  'MailingStreet',
  'MailingCity',
  'MailingState',
  'MailingPostalCode',
  'MailingCountry',
  'LeadSource',
  'Description',
] as const;

export const SALESFORCE_OPPORTUNITY_COLUMNS = [
  'LeadBooth_Id__c',
  ACCOUNT_LOOKUP_COLUMN,
  'Name',
  'StageName',
  'CloseDate',
  'Amount',
  'CurrencyIsoCode',
  'Probability',
  'LeadSource',
  'Description',
  'LeadBooth_Loss_Reason__c',
] as const;

export const SALESFORCE_CONTACT_ROLE_COLUMNS = [OPPORTUNITY_LOOKUP_COLUMN, CONTACT_LOOKUP_COLUMN, 'Role', 'IsPrimary'] as const;

/** Salesforce's field lengths for these objects (Object Reference). */
const LENGTHS: Record<string, number> = {
  LeadBooth_Id__c: 36,
  [ACCOUNT_LOOKUP_COLUMN]: 36,
  [OPPORTUNITY_LOOKUP_COLUMN]: 36,
  [CONTACT_LOOKUP_COLUMN]: 36,
  Description: 32_000,
  LeadBooth_Loss_Reason__c: 255,
  Role: 40,
  Name: 255,
  Website: 255,
  Phone: 40,
  BillingStreet: 255,
  BillingCity: 40,
  BillingState: 80,
  BillingPostalCode: 20,
  BillingCountry: 80,
  Salutation: 40,
  FirstName: 40,
  LastName: 80,
  Title: 128,
  Email: 80,
  MobilePhone: 40,
  MailingStreet: 255,
  MailingCity: 40,
  MailingState: 80,
  MailingPostalCode: 20,
  MailingCountry: 80,
  LeadSource: 40,
  StageName: 255,
};

interface ConvertedRecordsCut {
  recordId: string;
  /** the account's, contact's or opportunity's name, for the list the user reads */
  recordName: string;
  field: string;
  from: number;
  to: number;
}

export interface ConvertedRecords {
  accounts: readonly Account[];
  contacts: readonly Contact[];
  opportunities: readonly Opportunity[];
  contactRoles: readonly OpportunityContactRole[];
  /** the notes of the lead(s) each contact and opportunity came from, by record id */
  notesOf: ReadonlyMap<string, string>;
  /** the ISO 4217 code of an opportunity's amount: its show's currency */
  currencyOf: (opportunity: Opportunity) => string;
}

export interface SalesforceConvertedCsvs {
  accounts: string;
  contacts: string;
  opportunities: string;
  contactRoles: string;
  truncations: ConvertedRecordsCut[];
  neutralized: NeutralizedCells;
}

interface RecordValues<Column extends string> {
  id: string;
  name: string;
  values: Record<Column, CsvCell>;
}

function rowsOf<Column extends string>(
  columns: readonly Column[],
  records: ReadonlyArray<RecordValues<Column>>,
  truncations: ConvertedRecordsCut[],
  neutralized: NeutralizedCells,
): CsvCell[][] {
  return records.map(({ id, name, values }) =>
    columns.map((column) => {
      const value = values[column];
      if (typeof value !== 'string') return value;
      // Neutralised before cutting, so the quote counts against the length (as in the Leads CSV).
      const safe = neutralizeCounted(value, column, neutralized);
      const max = LENGTHS[column];
      if (max === undefined || safe.length <= max) return safe;
      const cut = cutToLength(safe, max);
      truncations.push({ recordId: id, recordName: name, field: column, from: value.length, to: cut.length });
      return cut;
    }),
  );
}

export function salesforceConvertedCsvs({ accounts, contacts, opportunities, contactRoles, notesOf, currencyOf }: ConvertedRecords): SalesforceConvertedCsvs {
  const truncations: ConvertedRecordsCut[] = [];
  const neutralized: NeutralizedCells = {};
  const accountRows = rowsOf(
    SALESFORCE_ACCOUNT_COLUMNS,
    accounts.map((account) => ({
      id: account.id,
      name: account.name,
      values: {
        LeadBooth_Id__c: account.id,
        Name: account.name,
        Website: account.website,
        Phone: account.phone,
        BillingStreet: account.street,
        BillingCity: account.city,
        BillingState: account.region,
        BillingPostalCode: account.postalCode,
        BillingCountry: account.country,
      },
    })),
    truncations,
    neutralized,
  );
  const contactRows = rowsOf(
    SALESFORCE_CONTACT_COLUMNS,
    contacts.map((contact) => ({
      id: contact.id,
      name: `${contact.firstName} ${contact.lastName}`.trim() || contact.email,
      values: {
        LeadBooth_Id__c: contact.id,
        [ACCOUNT_LOOKUP_COLUMN]: contact.accountId,
        Salutation: contact.salutation,
        FirstName: contact.firstName,
        LastName: contact.lastName,
        Title: contact.title,
        Email: contact.email,
        Phone: contact.phone,
        MobilePhone: contact.mobile,
        MailingStreet: contact.street,
        MailingCity: contact.city,
        MailingState: contact.region,
        MailingPostalCode: contact.postalCode,
        MailingCountry: contact.country,
        LeadSource: contact.leadSource,
        Description: notesOf.get(contact.id) ?? '',
      },
    })),
    truncations,
    neutralized,
  );
  const opportunityRows = rowsOf(
    SALESFORCE_OPPORTUNITY_COLUMNS,
    opportunities.map((opportunity) => ({
      id: opportunity.id,
      name: opportunity.name,
      values: {
        LeadBooth_Id__c: opportunity.id,
        [ACCOUNT_LOOKUP_COLUMN]: opportunity.accountId,
        Name: opportunity.name,
        StageName: opportunity.stage,
        CloseDate: opportunity.closeDate,
        Amount: opportunity.amount === null ? '' : String(opportunity.amount),
        CurrencyIsoCode: currencyOf(opportunity),
        // The stage's default probability, as Salesforce fills it when none is given.
        Probability: String(probabilityOf(opportunity.stage)),
        LeadSource: opportunity.leadSource,
        Description: notesOf.get(opportunity.id) ?? '',
        LeadBooth_Loss_Reason__c: opportunity.stage === 'Closed Lost' ? opportunity.lostReason : '',
      },
    })),
    truncations,
    neutralized,
  );
  const roleRows = rowsOf(
    SALESFORCE_CONTACT_ROLE_COLUMNS,
    contactRoles.map((role) => ({
      id: `${role.opportunityId}/${role.contactId}`,
      name: role.role,
      values: {
        [OPPORTUNITY_LOOKUP_COLUMN]: role.opportunityId,
        [CONTACT_LOOKUP_COLUMN]: role.contactId,
        Role: role.role,
        IsPrimary: role.isPrimary,
      },
    })),
    truncations,
    neutralized,
  );
  return {
    accounts: writeCsv(SALESFORCE_ACCOUNT_COLUMNS, accountRows, { bom: true, neutralized }),
    contacts: writeCsv(SALESFORCE_CONTACT_COLUMNS, contactRows, { bom: true, neutralized }),
    opportunities: writeCsv(SALESFORCE_OPPORTUNITY_COLUMNS, opportunityRows, { bom: true, neutralized }),
    contactRoles: writeCsv(SALESFORCE_CONTACT_ROLE_COLUMNS, roleRows, { bom: true, neutralized }),
    truncations,
    neutralized,
  };
}
