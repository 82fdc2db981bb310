/**
 * HubSpot contacts CSV for HubSpot's import tool: the header row uses the default contact
 * properties' labels, which the importer maps to the properties by itself.
 *
 * Our status → HubSpot's Lead Status (hs_lead_status) and Lifecycle Stage (lifecyclestage),
 * written as the properties' internal values, which the importer accepts for dropdowns:
 *
 * | LeadBooth   | Lead Status   | Lifecycle Stage      | why                                              |
 * |-------------|---------------|----------------------|--------------------------------------------------|
 * | New         | NEW           | lead                 | contact details received, nobody has worked it   |
 * | Working     | IN_PROGRESS   | lead                 | interest being established                       |
 * | Qualified   | IN_PROGRESS   | salesqualifiedlead   | authority confirmed, no deal yet (so not OPEN_DEAL) |
 * | Unqualified | UNQUALIFIED   | lead                 | lifecycle stays lead: HubSpot keeps the stage, the status says why |
 * | Converted   | OPEN_DEAL     | opportunity          | conversion created an opportunity (a deal)       |
 *
 * HubSpot has no documented length limits that a lead's fields could reach (single-line
 * text holds 65,536 characters), so nothing is cut here.
 */
import type { Lead, LeadStatus } from '../../shared/domain/lead';
import { writeCsv, type CsvCell } from './csv-cell';

export const HUBSPOT_CONTACT_COLUMNS = [
  'First Name',
  'Last Name',
  'Email',
  'Phone Number',
  'Mobile Phone Number',
  'Company Name',
  'Job Title',
  'Website URL',
  'Street Address',
  'City',
  'State/Region',
  'Postal Code',
  'Country/Region',
  'Lead Status',
  'Lifecycle Stage',
  /** A custom single-line text property the HubSpot admin creates (internal name leadbooth_id). */
  'LeadBooth ID',
] as const;
export type HubspotContactColumn = (typeof HUBSPOT_CONTACT_COLUMNS)[number];

/** HubSpot's default hs_lead_status options (internal values). */
export type HubspotLeadStatus = 'NEW' | 'OPEN' | 'IN_PROGRESS' | 'OPEN_DEAL' | 'UNQUALIFIED' | 'ATTEMPTED_TO_CONTACT' | 'CONNECTED' | 'BAD_TIMING';
/** HubSpot's default lifecyclestage options (internal values). */
export type HubspotLifecycleStage =
  | 'subscriber'
  | 'lead'
  | 'marketingqualifiedlead'
  | 'salesqualifiedlead'
  | 'opportunity'
  | 'customer'
  | 'evangelist'
  | 'other';

export const HUBSPOT_STATUS_MAPPING: Record<LeadStatus, { leadStatus: HubspotLeadStatus; lifecycleStage: HubspotLifecycleStage }> = {
  New: { leadStatus: 'NEW', lifecycleStage: 'lead' },
  Working: { leadStatus: 'IN_PROGRESS', lifecycleStage: 'lead' },
  Qualified: { leadStatus: 'IN_PROGRESS', lifecycleStage: 'salesqualifiedlead' },
  Unqualified: { leadStatus: 'UNQUALIFIED', lifecycleStage: 'lead' },
  Converted: { leadStatus: 'OPEN_DEAL', lifecycleStage: 'opportunity' },
};

export interface HubspotContactsCsv {
  /** UTF-8 text starting with a BOM (HubSpot reads it; Excel needs it for accents), CRLF */
  text: string;
  rowCount: number;
}

export function hubspotContactsCsv(leads: readonly Lead[]): HubspotContactsCsv {
  const rows: CsvCell[][] = leads.map((lead) => {
    const mapped = HUBSPOT_STATUS_MAPPING[lead.status];
    const values: Record<HubspotContactColumn, CsvCell> = {
      'First Name': lead.firstName,
      'Last Name': lead.lastName,
      Email: lead.email,
      'Phone Number': lead.phone,
      'Mobile Phone Number': lead.mobile,
      'Company Name': lead.company,
      'Job Title': lead.title,
      'Website URL': lead.website,
      'Street Address': lead.street,
      City: lead.city,
      'State/Region': lead.region,
      'Postal Code': lead.postalCode,
      'Country/Region': lead.country,
      'Lead Status': mapped.leadStatus,
      'Lifecycle Stage': mapped.lifecycleStage,
      'LeadBooth ID': lead.id,
    };
    return HUBSPOT_CONTACT_COLUMNS.map((column) => values[column]);
  });
  return { text: writeCsv(HUBSPOT_CONTACT_COLUMNS, rows, { bom: true }), rowCount: rows.length };
}
