/**
 * Salesforce Leads CSV, for Data Loader and the Data Import Wizard: one row per lead, the
 * header row made of Lead field API names so both tools map the columns by themselves.
 *
 * Decisions (also in the README, "Exports"):
 * - Values longer than Salesforce's field lengths are cut (the import would otherwise
 *   reject the whole row) and every cut is reported.
 * - HasOptedOutOfEmail is `true` only when the person explicitly said no; consent given or
 *   never asked → `false`, because the field records an opt-out the person asked for, and a
 *   card handed over at a booth is an invitation to follow up. `optOutUnlessConsented`
 *   switches to "no recorded consent → opted out" for teams that need that (e.g. EU
 *   marketing lists).
 * - Description is the lead's notes, nothing added.
 * - LeadBooth_Id__c (Text(36), External ID, Unique), LeadBooth_Event__c (Text(255)) and
 *   LeadBooth_Captured_At__c (Date) are custom fields the Salesforce admin creates once;
 *   the external id makes re-importing a batch an upsert instead of duplicates.
 */
import type { Lead, LeadStatus } from '../../shared/domain/lead';
import { neutralizeFormula, writeCsv, type CsvCell } from './csv-cell';

/** Salesforce's Lead field lengths (Object Reference / Field Reference for Lead). */
export const SALESFORCE_LEAD_FIELD_LENGTHS = {
  Salutation: 40,
  FirstName: 40,
  LastName: 80,
  Company: 255,
  Title: 128,
  Email: 80,
  Phone: 40,
  MobilePhone: 40,
  Street: 255,
  City: 40,
  State: 80,
  PostalCode: 20,
  Country: 80,
  Website: 255,
  LeadSource: 40,
  Status: 40,
  Rating: 40,
  Description: 32_000,
  LeadBooth_Id__c: 36,
  LeadBooth_Event__c: 255,
} as const;

export const SALESFORCE_LEAD_COLUMNS = [
  'Salutation',
  'FirstName',
  'LastName',
  'Company',
  'Title',
  'Email',
  'Phone',
  'MobilePhone',
  'Street',
  'City',
  'State',
  'PostalCode',
  'Country',
  'Website',
  'LeadSource',
  'Status',
  'Rating',
  'Description',
  'HasOptedOutOfEmail',
  'LeadBooth_Id__c',
  'LeadBooth_Event__c',
  'LeadBooth_Captured_At__c',
] as const;
export type SalesforceLeadColumn = (typeof SALESFORCE_LEAD_COLUMNS)[number];

/** Salesforce refuses a lead without these. */
export type SalesforceRequiredField = 'LastName' | 'Company';

export interface Truncation {
  leadId: string;
  /** the column (API name) whose value was cut */
  field: SalesforceLeadColumn;
  /** length before and after, in characters as Salesforce counts them (UTF-16 units) */
  from: number;
  to: number;
}

export interface MissingRequired {
  leadId: string;
  missing: SalesforceRequiredField[];
}

export interface SalesforceLeadsCsvOptions {
  /** The show's name for LeadBooth_Event__c; without it the column is left empty. */
  eventName?: (eventId: string) => string | undefined;
  /** Leave out leads missing LastName or Company (they are still listed in `missingRequired`). */
  skipMissingRequired?: boolean;
  /** Our status → the org's Lead Status value, where the org's picklist differs. */
  statusValues?: Partial<Record<LeadStatus, string>>;
  /** No recorded consent counts as opted out (default: only an explicit "no" does). */
  optOutUnlessConsented?: boolean;
  /** Time zone for LeadBooth_Captured_At__c's date (IANA name); default UTC. */
  timeZone?: string;
}

export interface SalesforceLeadsCsv {
  /** UTF-8 text starting with a BOM, CRLF line ends */
  text: string;
  /** the number of lead rows written */
  rowCount: number;
  truncations: Truncation[];
  missingRequired: MissingRequired[];
}

/**
 * Cuts a value to `max` UTF-16 units, one unit less when the cut would split a surrogate
 * pair (an emoji), so the file never holds half a character.
 */
export function cutToLength(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return value.slice(0, end);
}

export function hasOptedOutOfEmail(lead: Pick<Lead, 'consent'>, optOutUnlessConsented = false): boolean {
  if (lead.consent === null) return optOutUnlessConsented;
  return !lead.consent.given;
}

export function missingRequiredFields(lead: Pick<Lead, 'lastName' | 'company'>): SalesforceRequiredField[] {
  const missing: SalesforceRequiredField[] = [];
  if (lead.lastName.trim() === '') missing.push('LastName');
  if (lead.company.trim() === '') missing.push('Company');
  return missing;
}

export function salesforceLeadsCsv(leads: readonly Lead[], options: SalesforceLeadsCsvOptions = {}): SalesforceLeadsCsv {
  const truncations: Truncation[] = [];
  const missingRequired: MissingRequired[] = [];
  const rows: CsvCell[][] = [];
  const timeZone = options.timeZone ?? 'UTC';
  // en-CA writes dates as yyyy-MM-dd, the format Salesforce's importers read.
  const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

  for (const lead of leads) {
    const missing = missingRequiredFields(lead);
    if (missing.length > 0) {
      missingRequired.push({ leadId: lead.id, missing });
      if (options.skipMissingRequired) continue;
    }
    const capturedAt = new Date(lead.capturedAt);
    const values: Record<SalesforceLeadColumn, CsvCell> = {
      Salutation: lead.salutation,
      FirstName: lead.firstName,
      LastName: lead.lastName,
      Company: lead.company,
      Title: lead.title,
      Email: lead.email,
      Phone: lead.phone,
      MobilePhone: lead.mobile,
      Street: lead.street,
      City: lead.city,
      State: lead.region,
      PostalCode: lead.postalCode,
      Country: lead.country,
      Website: lead.website,
      LeadSource: lead.leadSource,
      Status: options.statusValues?.[lead.status] ?? lead.status,
      Rating: lead.rating ?? '',
      Description: lead.notes,
      HasOptedOutOfEmail: hasOptedOutOfEmail(lead, options.optOutUnlessConsented),
      LeadBooth_Id__c: lead.id,
      LeadBooth_Event__c: lead.eventId === null ? '' : (options.eventName?.(lead.eventId) ?? ''),
      LeadBooth_Captured_At__c: Number.isNaN(capturedAt.getTime()) ? '' : dateFormat.format(capturedAt),
    };
    rows.push(
      SALESFORCE_LEAD_COLUMNS.map((column) => {
        const value = values[column];
        if (typeof value !== 'string') return value;
        // Neutralised first, so the quote a formula-like value gets counts against the
        // field's length (neutralising is idempotent: the writer leaves it as it is).
        const safe = neutralizeFormula(value);
        const max = (SALESFORCE_LEAD_FIELD_LENGTHS as Partial<Record<SalesforceLeadColumn, number>>)[column];
        if (max === undefined || safe.length <= max) return safe;
        const cut = cutToLength(safe, max);
        truncations.push({ leadId: lead.id, field: column, from: value.length, to: cut.length });
        return cut;
      }),
    );
  }

  return {
    text: writeCsv(SALESFORCE_LEAD_COLUMNS, rows, { bom: true }),
    rowCount: rows.length,
    truncations,
    missingRequired,
  };
}
