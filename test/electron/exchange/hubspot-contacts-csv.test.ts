import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { HUBSPOT_CONTACT_COLUMNS, hubspotContactsCsv } from '../../../electron/exchange/hubspot-contacts-csv';
import { LEAD_STATUSES } from '../../../shared/domain/lead';
import { makeLead } from '../../support/lead-fixture';

/** HubSpot's default contact property labels, as listed in its knowledge base ("HubSpot's default contact properties"). */
const DOCUMENTED_LABELS = [
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
];
/** Internal values of the default options of hs_lead_status and lifecyclestage. */
const DOCUMENTED_LEAD_STATUSES = ['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING'];
const DOCUMENTED_LIFECYCLE_STAGES = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'];

function readBack(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true }) as Record<string, string>[];
}

describe('hubspotContactsCsv', () => {
  it('uses HubSpot’s default property labels, then the LeadBooth ID column', () => {
    const [header] = parse(hubspotContactsCsv([]).text, { bom: true }) as string[][];
    expect(header).toEqual([...DOCUMENTED_LABELS, 'LeadBooth ID']);
    expect([...HUBSPOT_CONTACT_COLUMNS]).toEqual(header);
  });

  it('writes every field, read back by csv-parse', () => {
    const lead = makeLead({
      firstName: 'Åsa',
      lastName: 'Öberg',
      email: 'asa@volvo.se',
      phone: '+46 31 123 45',
      mobile: '070-123 45 67',
      company: 'Volvo AB',
      title: 'CTO',
      website: 'volvo.se',
      street: 'Gropegårdsgatan 2',
      city: 'Göteborg',
      region: 'Västra Götaland',
      postalCode: '417 15',
      country: 'Sweden',
    });
    const result = hubspotContactsCsv([lead]);
    expect(result.text.charCodeAt(0)).toBe(0xfeff);
    expect(result.rowCount).toBe(1);
    expect(readBack(result.text)).toEqual([
      {
        'First Name': 'Åsa',
        'Last Name': 'Öberg',
        Email: 'asa@volvo.se',
        'Phone Number': "'+46 31 123 45",
        'Mobile Phone Number': '070-123 45 67',
        'Company Name': 'Volvo AB',
        'Job Title': 'CTO',
        'Website URL': 'volvo.se',
        'Street Address': 'Gropegårdsgatan 2',
        City: 'Göteborg',
        'State/Region': 'Västra Götaland',
        'Postal Code': '417 15',
        'Country/Region': 'Sweden',
        'Lead Status': 'NEW',
        'Lifecycle Stage': 'lead',
        'LeadBooth ID': lead.id,
      },
    ]);
  });

  it('maps every status to documented Lead Status and Lifecycle Stage values', () => {
    const leads = LEAD_STATUSES.map((status) => makeLead({ status }));
    const rows = readBack(hubspotContactsCsv(leads).text);
    expect(rows.map((row) => [row['Lead Status'], row['Lifecycle Stage']])).toEqual([
      ['NEW', 'lead'],
      ['IN_PROGRESS', 'lead'],
      ['IN_PROGRESS', 'salesqualifiedlead'],
      ['UNQUALIFIED', 'lead'],
      ['OPEN_DEAL', 'opportunity'],
    ]);
    for (const row of rows) {
      expect(DOCUMENTED_LEAD_STATUSES).toContain(row['Lead Status']);
      expect(DOCUMENTED_LIFECYCLE_STAGES).toContain(row['Lifecycle Stage']);
    }
  });

  it('neutralises formulas', () => {
    const [row] = readBack(hubspotContactsCsv([makeLead({ company: '=1+1', title: '@x' })]).text);
    expect(row!['Company Name']).toBe("'=1+1");
    expect(row!['Job Title']).toBe("'@x");
  });
});
