/**
 * Salesforce Leads CSV, for Data Loader and the Data Import Wizard: one row per open lead, the
 * header row made of Lead field API names so both tools map the columns by themselves.
 *
 * Decisions (also in docs/exchange.md):
 * - Status is the org's picklist value for our status (the Salesforce profile; Salesforce's
 *   own defaults unless the org's differ); our own status goes in LeadBooth_Status__c.
 * - Converted leads are not open leads: they are left out (and counted) here and go out
 *   through the converted export as Accounts, Contacts and Opportunities.
 * - Values longer than Salesforce's field lengths are cut (the import would otherwise
 *   reject the whole row) and every cut is reported.
 * - HasOptedOutOfEmail is `true` when the person said no; for a person never asked the
 *   profile decides (default `false`: a card handed over at a booth is an invitation to
 *   follow up; EU marketing lists may need "never asked → opted out"). The consent wording
 *   and time travel in LeadBooth_Consent_Text__c and LeadBooth_Consent_At__c.
 * - LeadBooth_Captured_At__c is the capture day in the show's time zone, not UTC: a lead
 *   scanned at 00:30 in Berlin was met that day.
 * - Description is the lead's notes, nothing added.
 * - A file holds at most 50,000 leads, the Data Import Wizard's limit; more go into more files.
 * - The LeadBooth_…__c columns are custom fields the Salesforce admin creates once; the
 *   external id LeadBooth_Id__c makes re-importing a batch an upsert instead of duplicates.
 */
import { importedColumnsOf, importedValuesOf } from './imported-columns';
import { DEFAULT_SALESFORCE_PROFILE, type NeutralizedCells, type SalesforceProfile } from '../../shared/domain/exchange';
import type { Lead } from '../../shared/domain/lead';
import { exportedLeadFields, LEAD_RECORD_FIELDS, recordFieldText, type LeadRecordField } from '../../shared/domain/lead-fields';
import { captureDay, dayInZone } from './capture-day';
import { neutralizeCounted, writeCsv, type CsvCell } from './csv-cell';

/** The Data Import Wizard imports up to 50,000 records at a time; Data Loader takes any number. */
export const SALESFORCE_IMPORT_WIZARD_ROW_LIMIT = 50_000;

/**
 * The contact fields' columns (field registry, shared/domain/lead-fields.ts), in the order
 * Salesforce's own Lead export has them: name, company, contact, address, website.
 */
const CONTACT_COLUMNS = exportedLeadFields('salesforceLead', ['person', 'company', 'contact', 'address', 'web']);

/**
 * The lead's own fields' columns (field registry), in the registry's order after the contact
 * fields': LeadSource, Status, Rating, Description.
 */
const RECORD_COLUMNS = LEAD_RECORD_FIELDS.flatMap((field) => (field.salesforceLead === undefined ? [] : [{ field, column: field.salesforceLead }]));

/**
 * Salesforce's Lead field lengths (Object Reference / Field Reference for Lead), and our custom
 * fields'. A registry field's is its registry length, which is Salesforce's.
 */
export const SALESFORCE_LEAD_FIELD_LENGTHS: Readonly<Record<string, number>> = {
  ...Object.fromEntries([...CONTACT_COLUMNS, ...RECORD_COLUMNS].map(({ field, column }) => [column, field.maxLength])),
  LeadBooth_Id__c: 36,
  LeadBooth_Event__c: 255,
  LeadBooth_Status__c: 40,
  LeadBooth_Consent_Text__c: 1000,
};

/** The columns written for every lead besides the registry fields', in the file's order after them. */
const OWN_COLUMNS = [
  'HasOptedOutOfEmail',
  'LeadBooth_Id__c',
  'LeadBooth_Event__c',
  'LeadBooth_Captured_At__c',
  'LeadBooth_Status__c',
  'LeadBooth_Consent_Text__c',
  'LeadBooth_Consent_At__c',
] as const;
type SalesforceOwnColumn = (typeof OWN_COLUMNS)[number];

/** The header: Lead field API names, the registry fields' (contact fields, then the lead's own) first. */
export const SALESFORCE_LEAD_COLUMNS: readonly string[] = [...CONTACT_COLUMNS.map(({ column }) => column), ...RECORD_COLUMNS.map(({ column }) => column), ...OWN_COLUMNS];
/** Each column's length by position (undefined: no limit), looked up once rather than per cell. */
const COLUMN_LENGTHS = SALESFORCE_LEAD_COLUMNS.map((column) => SALESFORCE_LEAD_FIELD_LENGTHS[column]);

/** Salesforce refuses a lead without these. */
type SalesforceRequiredField = 'LastName' | 'Company';

interface Truncation {
  leadId: string;
  /** the column (API name) whose value was cut */
  field: string;
  /** length before and after, in characters as Salesforce counts them (UTF-16 units) */
  from: number;
  to: number;
}

interface MissingRequired {
  leadId: string;
  missing: SalesforceRequiredField[];
}

export interface SalesforceLeadsCsvOptions {
  /** The show's name for LeadBooth_Event__c; without it the column is left empty. */
  eventName?: (eventId: string) => string | undefined;
  /** Leave out leads missing LastName or Company (they are still listed in `missingRequired`). */
  skipMissingRequired?: boolean;
  /** The org's status values and consent rule; Salesforce's defaults when absent. */
  profile?: SalesforceProfile;
  /** IANA time zone the lead's capture day is written in (its show's); default UTC. */
  timeZoneOf?: (lead: Lead) => string;
  /** Add a column per imported field the leads carry (importedColumnsOf), for the admin to map to custom fields. */
  withImportedFields?: boolean;
}

export interface SalesforceLeadsCsv {
  /** UTF-8 texts starting with a BOM, CRLF line ends, each of at most SALESFORCE_IMPORT_WIZARD_ROW_LIMIT rows (one file, header only, when no lead is written) */
  files: string[];
  /** the leads written, in order */
  leadIds: string[];
  truncations: Truncation[];
  missingRequired: MissingRequired[];
  /** converted leads left out (they go out through the converted export) */
  convertedLeadIds: string[];
  /** cells neutralised against spreadsheet formulas, by column */
  neutralized: NeutralizedCells;
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

/** An explicit "no" is an opt-out; a person never asked counts as opted out only when the org says so. */
function hasOptedOutOfEmail(lead: Pick<Lead, 'consent'>, neverAskedOptedOut = false): boolean {
  if (lead.consent === null) return neverAskedOptedOut;
  return !lead.consent.given;
}

function missingRequiredFields(lead: Pick<Lead, 'lastName' | 'company'>): SalesforceRequiredField[] {
  const missing: SalesforceRequiredField[] = [];
  if (lead.lastName.trim() === '') missing.push('LastName');
  if (lead.company.trim() === '') missing.push('Company');
  return missing;
}

/** Rows in files of at most `limit` rows each, every file with the header; one header-only file for no rows. */
export function splitIntoFiles(header: readonly string[], rows: readonly CsvCell[][], limit: number, neutralized: NeutralizedCells): string[] {
  const files: string[] = [];
  for (let start = 0; start === 0 || start < rows.length; start += limit) {
    files.push(writeCsv(header, rows.slice(start, start + limit), { bom: true, neutralized }));
  }
  return files;
}

/** A lead's own field as Salesforce takes it: the status as the org's picklist value (the profile), the others as the registry writes them. */
function recordCell(lead: Lead, field: LeadRecordField, profile: SalesforceProfile): string {
  return field.key === 'status' ? profile.statusValues[lead.status] : recordFieldText(lead, field.key);
}

export function salesforceLeadsCsv(leads: readonly Lead[], options: SalesforceLeadsCsvOptions = {}): SalesforceLeadsCsv {
  const profile = options.profile ?? DEFAULT_SALESFORCE_PROFILE;
  const truncations: Truncation[] = [];
  const missingRequired: MissingRequired[] = [];
  const convertedLeadIds: string[] = [];
  const leadIds: string[] = [];
  const neutralized: NeutralizedCells = {};
  const rows: CsvCell[][] = [];
  const dayIn = dayInZone();
  const imported = options.withImportedFields ? importedColumnsOf(leads, SALESFORCE_LEAD_COLUMNS) : [];

  for (const lead of leads) {
    if (lead.status === 'Converted') {
      convertedLeadIds.push(lead.id);
      continue;
    }
    const missing = missingRequiredFields(lead);
    if (missing.length > 0) {
      missingRequired.push({ leadId: lead.id, missing });
      if (options.skipMissingRequired) continue;
    }
    const own: Record<SalesforceOwnColumn, CsvCell> = {
      HasOptedOutOfEmail: hasOptedOutOfEmail(lead, profile.neverAskedOptedOut),
      LeadBooth_Id__c: lead.id,
      LeadBooth_Event__c: lead.eventId === null ? '' : (options.eventName?.(lead.eventId) ?? ''),
      LeadBooth_Captured_At__c: captureDay(dayIn, lead.capturedAt, options.timeZoneOf?.(lead) ?? 'UTC'),
      LeadBooth_Status__c: lead.status,
      LeadBooth_Consent_Text__c: lead.consent?.wording ?? '',
      // A DateTime field: ISO 8601 in UTC, as Data Loader and the Bulk API read it.
      LeadBooth_Consent_At__c: lead.consent?.at ?? '',
    };
    const values: CsvCell[] = CONTACT_COLUMNS.map(({ field }) => lead[field.key]);
    for (const { field } of RECORD_COLUMNS) values.push(recordCell(lead, field, profile));
    for (const column of OWN_COLUMNS) values.push(own[column]);
    rows.push([
      ...SALESFORCE_LEAD_COLUMNS.map((column, index) => {
        const value = values[index] as CsvCell;
        if (typeof value !== 'string') return value;
        // Neutralised first, so the quote a formula-like value gets counts against the
        // field's length (the writer then leaves the quoted value as it is).
        const safe = neutralizeCounted(value, column, neutralized);
        const max = COLUMN_LENGTHS[index];
        if (max === undefined || safe.length <= max) return safe;
        const cut = cutToLength(safe, max);
        truncations.push({ leadId: lead.id, field: column, from: value.length, to: cut.length });
        return cut;
      }),
      // A custom field's length is the admin's to choose: imported values go out whole.
      ...importedValuesOf(lead, imported).map((value, index) => neutralizeCounted(value, imported[index]!.header, neutralized)),
    ]);
    leadIds.push(lead.id);
  }

  return {
    files: splitIntoFiles([...SALESFORCE_LEAD_COLUMNS, ...imported.map((column) => column.header)], rows, SALESFORCE_IMPORT_WIZARD_ROW_LIMIT, neutralized),
    leadIds,
    truncations,
    missingRequired,
    convertedLeadIds,
    neutralized,
  };
}
