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
 * What else reaches HubSpot, and where (its import documentation decides; docs/exchange.md):
 * - Salutation: the default contact property `Salutation`.
 * - Booth notes: `Note body` and `Activity date` (the capture day in the show's time zone),
 *   the two properties HubSpot requires of a note. Imported as "Contacts and Notes" (one file,
 *   two objects) each row's notes become a note on the contact's timeline, where HubSpot keeps
 *   what people wrote; a lead without notes leaves both empty and gets no note.
 * - Consent: `Legal basis for processing contact's data` is "Freely given consent from
 *   contact" when the person said yes (HubSpot's own GDPR property; left empty otherwise,
 *   since the other options are legal judgements LeadBooth cannot make), and the record
 *   itself in custom properties: `LeadBooth Consent` (given / refused), `LeadBooth Consent
 *   Text` (the wording shown), `LeadBooth Consent At` (UTC ISO 8601).
 * - Rating and lead source: HubSpot has no writable default property for either (its
 *   "Original Source" is set by HubSpot's tracking and read-only), so custom properties
 *   `LeadBooth Rating` and `LeadBooth Lead Source`.
 *
 * HubSpot has no documented length limits that a lead's fields could reach (single-line
 * text holds 65,536 characters), so nothing is cut here.
 */
import type { NeutralizedCells } from '../../shared/domain/exchange';
import type { Lead, LeadStatus } from '../../shared/domain/lead';
import { exportedLeadFields, recordFieldColumn, recordFieldText, type LeadRecordFieldKey } from '../../shared/domain/lead-fields';
import { captureDay, dayInZone } from './capture-day';
import { importedColumnsOf, importedValuesOf } from './imported-columns';
import { writeCsv, type CsvCell } from './csv-cell';

/**
 * The contact fields' columns (field registry, shared/domain/lead-fields.ts), in the order of
 * HubSpot's own contact export: name, email and phones, company, website, address.
 */
const CONTACT_COLUMNS = exportedLeadFields('hubspotContact', ['person', 'contact', 'company', 'web', 'address']);

/** A column the exporter makes itself (from the status, the consent, the capture day). */
type HubspotOwnColumn =
  | 'Lead Status'
  | 'Lifecycle Stage'
  | "Legal basis for processing contact's data"
  | 'Activity date'
  | 'LeadBooth ID'
  | 'LeadBooth Consent'
  | 'LeadBooth Consent Text'
  | 'LeadBooth Consent At';

/**
 * The columns written for every lead after the contact fields', in the file's order: the
 * exporter's own, and the lead's own fields (`{ field }`) under the columns the registry names.
 */
const OTHER_COLUMNS: ReadonlyArray<HubspotOwnColumn | { field: LeadRecordFieldKey }> = [
  'Lead Status',
  'Lifecycle Stage',
  "Legal basis for processing contact's data",
  // The note HubSpot attaches to the contact in a "Contacts and Notes" import ("Note body"), and its date.
  { field: 'notes' },
  'Activity date',
  // Custom properties the HubSpot admin creates once (internal names leadbooth_id, …).
  'LeadBooth ID',
  { field: 'rating' },
  { field: 'leadSource' },
  'LeadBooth Consent',
  'LeadBooth Consent Text',
  'LeadBooth Consent At',
];

/** The header: HubSpot contact property labels, the contact fields' (registry) first. */
export const HUBSPOT_CONTACT_COLUMNS: readonly string[] = [
  ...CONTACT_COLUMNS.map(({ column }) => column),
  ...OTHER_COLUMNS.map((column) => (typeof column === 'string' ? column : recordFieldColumn('hubspotContact', column.field))),
];

/** HubSpot's default hs_lead_status options (internal values). */
type HubspotLeadStatus = 'NEW' | 'OPEN' | 'IN_PROGRESS' | 'OPEN_DEAL' | 'UNQUALIFIED' | 'ATTEMPTED_TO_CONTACT' | 'CONNECTED' | 'BAD_TIMING';
/** HubSpot's default lifecyclestage options (internal values). */
type HubspotLifecycleStage =
  | 'subscriber'
  | 'lead'
  | 'marketingqualifiedlead'
  | 'salesqualifiedlead'
  | 'opportunity'
  | 'customer'
  | 'evangelist'
  | 'other';

const HUBSPOT_STATUS_MAPPING: Record<LeadStatus, { leadStatus: HubspotLeadStatus; lifecycleStage: HubspotLifecycleStage }> = {
  New: { leadStatus: 'NEW', lifecycleStage: 'lead' },
  Working: { leadStatus: 'IN_PROGRESS', lifecycleStage: 'lead' },
  Qualified: { leadStatus: 'IN_PROGRESS', lifecycleStage: 'salesqualifiedlead' },
  Unqualified: { leadStatus: 'UNQUALIFIED', lifecycleStage: 'lead' },
  Converted: { leadStatus: 'OPEN_DEAL', lifecycleStage: 'opportunity' },
};

/** The option of HubSpot's legal basis property for consent a person gave. */
const HUBSPOT_CONSENT_LEGAL_BASIS = 'Freely given consent from contact';

export interface HubspotContactsCsv {
  /** UTF-8 text starting with a BOM (HubSpot reads it; Excel needs it for accents), CRLF */
  text: string;
  rowCount: number;
  neutralized: NeutralizedCells;
}

export interface HubspotContactsCsvOptions {
  /** IANA time zone the notes' Activity date is written in (the lead's show's); default UTC. */
  timeZoneOf?: (lead: Lead) => string;
  /** Add a column per imported field the leads carry (importedColumnsOf); HubSpot's import can create a property for each. */
  withImportedFields?: boolean;
}

export function hubspotContactsCsv(leads: readonly Lead[], options: HubspotContactsCsvOptions = {}): HubspotContactsCsv {
  const dayIn = dayInZone();
  const imported = options.withImportedFields ? importedColumnsOf(leads, HUBSPOT_CONTACT_COLUMNS) : [];
  const rows: CsvCell[][] = leads.map((lead) => {
    const mapped = HUBSPOT_STATUS_MAPPING[lead.status];
    const hasNotes = lead.notes.trim() !== '';
    const own: Record<HubspotOwnColumn, CsvCell> = {
      'Lead Status': mapped.leadStatus,
      'Lifecycle Stage': mapped.lifecycleStage,
      "Legal basis for processing contact's data": lead.consent?.given ? HUBSPOT_CONSENT_LEGAL_BASIS : '',
      'Activity date': hasNotes ? captureDay(dayIn, lead.capturedAt, options.timeZoneOf?.(lead) ?? 'UTC') : '',
      'LeadBooth ID': lead.id,
      'LeadBooth Consent': lead.consent === null ? '' : lead.consent.given ? 'given' : 'refused',
      'LeadBooth Consent Text': lead.consent?.wording ?? '',
      'LeadBooth Consent At': lead.consent?.at ?? '',
    };
    return [
      ...CONTACT_COLUMNS.map(({ field }) => lead[field.key]),
      ...OTHER_COLUMNS.map((column) => (typeof column === 'string' ? own[column] : recordFieldText(lead, column.field))),
      ...importedValuesOf(lead, imported),
    ];
  });
  const neutralized: NeutralizedCells = {};
  const header = [...HUBSPOT_CONTACT_COLUMNS, ...imported.map((column) => column.header)];
  return { text: writeCsv(header, rows, { bom: true, neutralized }), rowCount: rows.length, neutralized };
}
