/**
 * Salesforce CSVs of converted records — Accounts, Contacts, Opportunities — for Data Loader
 * upserts in that order. Every record carries its LeadBooth id in `LeadBooth_Id__c` (a
 * Text(36) External ID, Unique, on each object), and a child names its account by that
 * external id in `Account:LeadBooth_Id__c`, Data Loader's notation for a lookup matched by
 * an external id: map it to AccountId and Data Loader finds the account, so no Salesforce
 * record id is needed and re-importing updates instead of duplicating.
 *
 * Values are cut to Salesforce's field lengths like the Leads CSV does; dates are
 * yyyy-MM-dd; the amount is a plain number with a dot.
 */
import type { AccountRow, ContactRow, OpportunityRow } from '../db/schema';
import { probabilityOf, type OpportunityStage } from '../../shared/domain/opportunity';
import { writeCsv, neutralizeFormula, type CsvCell } from './csv-cell';
import { cutToLength } from './salesforce-leads-csv';

export const ACCOUNT_LOOKUP_COLUMN = 'Account:LeadBooth_Id__c';

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
] as const;

export const SALESFORCE_OPPORTUNITY_COLUMNS = [
  'LeadBooth_Id__c',
  ACCOUNT_LOOKUP_COLUMN,
  'Name',
  'StageName',
  'CloseDate',
  'Amount',
  'Probability',
  'LeadSource',
] as const;

/** Salesforce's field lengths for these objects (Object Reference). */
const LENGTHS: Record<string, number> = {
  LeadBooth_Id__c: 36,
  [ACCOUNT_LOOKUP_COLUMN]: 36,
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

export interface ConvertedRecordsCut {
  recordId: string;
  field: string;
  from: number;
  to: number;
}

export interface SalesforceConvertedCsvs {
  accounts: string;
  contacts: string;
  opportunities: string;
  truncations: ConvertedRecordsCut[];
}

function rowsOf<Column extends string>(
  columns: readonly Column[],
  records: ReadonlyArray<{ id: string; values: Record<Column, CsvCell> }>,
  truncations: ConvertedRecordsCut[],
): CsvCell[][] {
  return records.map(({ id, values }) =>
    columns.map((column) => {
      const value = values[column];
      if (typeof value !== 'string') return value;
      // Neutralised before cutting, so the quote counts against the length (as in the Leads CSV).
      const safe = neutralizeFormula(value);
      const max = LENGTHS[column];
      if (max === undefined || safe.length <= max) return safe;
      const cut = cutToLength(safe, max);
      truncations.push({ recordId: id, field: column, from: value.length, to: cut.length });
      return cut;
    }),
  );
}

export function salesforceConvertedCsvs(
  accounts: readonly AccountRow[],
  contacts: readonly ContactRow[],
  opportunities: readonly OpportunityRow[],
): SalesforceConvertedCsvs {
  const truncations: ConvertedRecordsCut[] = [];
  const accountRows = rowsOf(
    SALESFORCE_ACCOUNT_COLUMNS,
    accounts.map((account) => ({
      id: account.id,
      values: {
        LeadBooth_Id__c: account.id,
        Name: account.name,
        Website: account.website,
        Phone: account.phone,
        BillingStreet: account.street,
        BillingCity: account.city,
        BillingState: account.region,
        BillingPostalCode: account.postal_code,
        BillingCountry: account.country,
      },
    })),
    truncations,
  );
  const contactRows = rowsOf(
    SALESFORCE_CONTACT_COLUMNS,
    contacts.map((contact) => ({
      id: contact.id,
      values: {
        LeadBooth_Id__c: contact.id,
        [ACCOUNT_LOOKUP_COLUMN]: contact.account_id,
        Salutation: contact.salutation,
        FirstName: contact.first_name,
        LastName: contact.last_name,
        Title: contact.title,
        Email: contact.email,
        Phone: contact.phone,
        MobilePhone: contact.mobile,
        MailingStreet: contact.street,
        MailingCity: contact.city,
        MailingState: contact.region,
        MailingPostalCode: contact.postal_code,
        MailingCountry: contact.country,
        LeadSource: contact.lead_source,
      },
    })),
    truncations,
  );
  const opportunityRows = rowsOf(
    SALESFORCE_OPPORTUNITY_COLUMNS,
    opportunities.map((opportunity) => ({
      id: opportunity.id,
      values: {
        LeadBooth_Id__c: opportunity.id,
        [ACCOUNT_LOOKUP_COLUMN]: opportunity.account_id,
        Name: opportunity.name,
        StageName: opportunity.stage,
        CloseDate: opportunity.close_date,
        Amount: opportunity.amount === null ? '' : String(opportunity.amount),
        // The stage's default probability, as Salesforce fills it when none is given.
        Probability: String(probabilityOf(opportunity.stage as OpportunityStage)),
        LeadSource: opportunity.lead_source,
      },
    })),
    truncations,
  );
  return {
    accounts: writeCsv(SALESFORCE_ACCOUNT_COLUMNS, accountRows, { bom: true }),
    contacts: writeCsv(SALESFORCE_CONTACT_COLUMNS, contactRows, { bom: true }),
    opportunities: writeCsv(SALESFORCE_OPPORTUNITY_COLUMNS, opportunityRows, { bom: true }),
    truncations,
  };
}
