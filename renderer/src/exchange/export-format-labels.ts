import type { ExportFormat } from '../../../shared/domain/exchange';

/** Each export format as a person names it: the format picker and the batch history say the same. */
export const FORMAT_LABELS: Record<ExportFormat, string> = {
  'salesforce-leads': 'Salesforce Leads CSV',
  'salesforce-converted': 'Salesforce converted records (Accounts, Contacts, Opportunities, contact roles)',
  hubspot: 'HubSpot contacts CSV',
  vcard: 'vCard 4.0 (.vcf)',
  bundle: 'LeadBooth bundle (another laptop)',
};

/** What each format is for, one line under its name in the export's format step. */
export const FORMAT_PURPOSES: Record<ExportFormat, string> = {
  'salesforce-leads': 'Open leads for Salesforce’s Data Import Wizard (Leads). Converted leads go out as converted records instead.',
  'salesforce-converted': 'The accounts, contacts, opportunities and contact roles of converted leads: one CSV per object, imported in that order.',
  hubspot: 'Contacts for HubSpot’s import (Contacts → Import).',
  vcard: 'Contact cards for an address book, Outlook or a phone.',
  bundle: 'Everything about these leads, to import on another LeadBooth laptop.',
};
