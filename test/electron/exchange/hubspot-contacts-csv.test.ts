import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { HUBSPOT_CONTACT_COLUMNS, hubspotContactsCsv } from '../../../electron/exchange/hubspot-contacts-csv';
import { LEAD_STATUSES } from '../../../shared/domain/lead';
import { makeLead } from '../../support/lead-fixture';

/** HubSpot's default contact property labels, as listed in its knowledge base ("HubSpot's default contact properties"). */
const DOCUMENTED_LABELS = [
  'Salutation',
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
  "Legal basis for processing contact's data",
];
/** The two properties HubSpot requires of a note imported with its contact ("Set up your import files"). */
const NOTE_PROPERTIES = ['Note body', 'Activity date'];
const CUSTOM_PROPERTIES = ['LeadBooth ID', 'LeadBooth Rating', 'LeadBooth Lead Source', 'LeadBooth Consent', 'LeadBooth Consent Text', 'LeadBooth Consent At'];
/** Internal values of the default options of hs_lead_status and lifecyclestage. */
const DOCUMENTED_LEAD_STATUSES = ['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING'];
const DOCUMENTED_LIFECYCLE_STAGES = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'];

function readBack(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true }) as Record<string, string>[];
}

describe('hubspotContactsCsv', () => {
  it('uses HubSpot’s default property labels, the note’s properties, then LeadBooth’s custom properties', () => {
    const [header] = parse(hubspotContactsCsv([]).text, { bom: true }) as string[][];
    expect(header).toEqual([...DOCUMENTED_LABELS, ...NOTE_PROPERTIES, ...CUSTOM_PROPERTIES]);
    expect([...HUBSPOT_CONTACT_COLUMNS]).toEqual(header);
  });

  it('writes every field, read back by csv-parse', () => {
    const lead = makeLead({
      salutation: 'Dr.',
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
      rating: 'Warm',
      leadSource: 'Partner Referral',
      notes: '- wants pricing\n- call after the show',
      eventId: 'stockholm',
      capturedAt: '2026-03-10T23:30:00.000Z',
      consent: { given: true, at: '2026-03-10T23:30:00.000Z', wording: 'May we email you about the demo?' },
    });
    const result = hubspotContactsCsv([lead], { timeZoneOf: (of) => (of.eventId === 'stockholm' ? 'Europe/Stockholm' : 'UTC') });
    expect(result.text.charCodeAt(0)).toBe(0xfeff);
    expect(result.rowCount).toBe(1);
    expect(readBack(result.text)).toEqual([
      {
        Salutation: 'Dr.',
        'First Name': 'Åsa',
        'Last Name': 'Öberg',
        Email: 'asa@volvo.se',
        'Phone Number': '+46 31 123 45',
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
        "Legal basis for processing contact's data": 'Freely given consent from contact',
        // Free text starting with "-": neutralised, as the rule says.
        'Note body': "'- wants pricing\n- call after the show",
        // The capture day at the show: 00:30 in Stockholm.
        'Activity date': '2026-03-11',
        'LeadBooth ID': lead.id,
        'LeadBooth Rating': 'Warm',
        'LeadBooth Lead Source': 'Partner Referral',
        'LeadBooth Consent': 'given',
        'LeadBooth Consent Text': 'May we email you about the demo?',
        'LeadBooth Consent At': '2026-03-10T23:30:00.000Z',
      },
    ]);
    expect(result.neutralized).toEqual({ 'Note body': 1 });
  });

  it('writes a refused consent without a legal basis, and no note (nor its date) for a lead without notes', () => {
    const at = '2026-03-10T09:30:00.000Z';
    const rows = readBack(
      hubspotContactsCsv([
        makeLead({ consent: { given: false, at, wording: 'Newsletter?' } }),
        makeLead({ consent: null, notes: 'Met at the bar' }),
      ]).text,
    );
    expect(rows.map((row) => [row["Legal basis for processing contact's data"], row['LeadBooth Consent'], row['Note body'], row['Activity date']])).toEqual([
      ['', 'refused', '', ''],
      ['', '', 'Met at the bar', '2026-03-10'],
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
