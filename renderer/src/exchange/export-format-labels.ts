import type { ExportFormat } from '../../../shared/domain/exchange';

/** Each export format as a person names it: the format picker and the batch history say the same. */
export const FORMAT_LABELS: Record<ExportFormat, string> = {
  'salesforce-leads': 'Salesforce Leads CSV',
  'salesforce-converted': 'Salesforce converted records (Accounts, Contacts, Opportunities, contact roles)',
  hubspot: 'HubSpot contacts CSV',
  vcard: 'vCard 4.0 (.vcf)',
  bundle: 'LeadBooth bundle (another laptop)',
};
