import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  cutToLength,
  salesforceLeadsCsv,
  splitIntoFiles,
  SALESFORCE_IMPORT_WIZARD_ROW_LIMIT,
  SALESFORCE_LEAD_COLUMNS,
  SALESFORCE_LEAD_FIELD_LENGTHS,
} from '../../../electron/exchange/salesforce-leads-csv';
import { DEFAULT_SALESFORCE_PROFILE, type SalesforceProfile } from '../../../shared/domain/exchange';
import { LEAD_STATUSES } from '../../../shared/domain/lead';
import { makeLead } from '../../support/lead-fixture';

/**
 * Written out from Salesforce's Object Reference, "Lead" (field API names and lengths), so a
 * typo in the module cannot agree with itself. Picklists (Salutation, LeadSource, Status,
 * Rating) are 40 long in the Lead describe.
 */
const DOCUMENTED_LEAD_FIELDS: Record<string, number | 'boolean'> = {
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
  Description: 32000,
  HasOptedOutOfEmail: 'boolean',
};

function readBack(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true }) as Record<string, string>[];
}

/** The one file of an export of fewer than 50,000 leads. */
function only(result: { files: string[] }): string {
  expect(result.files).toHaveLength(1);
  return result.files[0] as string;
}

describe('salesforceLeadsCsv', () => {
  it('uses the documented Lead API names, then LeadBooth custom fields (…__c)', () => {
    const text = only(salesforceLeadsCsv([]));
    const [header] = parse(text, { bom: true }) as string[][];
    const standard = header!.filter((name) => !name.endsWith('__c'));
    expect(standard).toEqual(Object.keys(DOCUMENTED_LEAD_FIELDS));
    expect(header!.filter((name) => name.endsWith('__c'))).toEqual([
      'LeadBooth_Id__c',
      'LeadBooth_Event__c',
      'LeadBooth_Captured_At__c',
      'LeadBooth_Status__c',
      'LeadBooth_Consent_Text__c',
      'LeadBooth_Consent_At__c',
    ]);
    for (const [field, length] of Object.entries(DOCUMENTED_LEAD_FIELDS)) {
      if (length === 'boolean') continue;
      expect(SALESFORCE_LEAD_FIELD_LENGTHS[field as keyof typeof SALESFORCE_LEAD_FIELD_LENGTHS], field).toBe(length);
    }
  });

  it('writes UTF-8 with a BOM and CRLF, one row per lead, read back by csv-parse', () => {
    const lead = makeLead({
      salutation: 'Dr.',
      firstName: 'Zoë',
      lastName: 'Núñez-García',
      company: 'Müller Antriebe GmbH',
      title: 'Head of "Ops", EMEA',
      email: 'zoe@mueller.de',
      phone: '+49 30 1234567',
      mobile: '+1 (555) 010-2000',
      street: 'Hauptstraße 5\nHinterhaus',
      city: 'Berlin',
      region: 'Berlin',
      postalCode: '10115',
      country: 'Germany',
      website: 'https://mueller.de',
      status: 'Working',
      rating: 'Hot',
      notes: 'Wants a demo; call after 3pm.\nBudget: 20k€',
      eventId: 'e1',
      capturedAt: '2026-03-10T23:30:00.000Z',
      consent: { given: true, at: '2026-03-10T23:30:00.000Z', wording: 'May we email you?' },
    });
    const result = salesforceLeadsCsv([lead], { eventName: (id) => (id === 'e1' ? 'Hannover Messe 2026' : undefined), timeZoneOf: () => 'Europe/Berlin' });
    const text = only(result);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe(SALESFORCE_LEAD_COLUMNS.join(','));
    expect(result.leadIds).toEqual([lead.id]);
    expect(result.truncations).toEqual([]);
    expect(result.missingRequired).toEqual([]);
    expect(result.neutralized).toEqual({});
    const [row] = readBack(text);
    expect(row).toEqual({
      Salutation: 'Dr.',
      FirstName: 'Zoë',
      LastName: 'Núñez-García',
      Company: 'Müller Antriebe GmbH',
      Title: 'Head of "Ops", EMEA',
      Email: 'zoe@mueller.de',
      Phone: '+49 30 1234567',
      MobilePhone: '+1 (555) 010-2000',
      Street: 'Hauptstraße 5\nHinterhaus',
      City: 'Berlin',
      State: 'Berlin',
      PostalCode: '10115',
      Country: 'Germany',
      Website: 'https://mueller.de',
      LeadSource: 'Trade Show',
      Status: 'Working - Contacted',
      Rating: 'Hot',
      Description: 'Wants a demo; call after 3pm.\nBudget: 20k€',
      HasOptedOutOfEmail: 'false',
      LeadBooth_Id__c: lead.id,
      LeadBooth_Event__c: 'Hannover Messe 2026',
      // 23:30 UTC is half past midnight the next day in Berlin, where the show was.
      LeadBooth_Captured_At__c: '2026-03-11',
      LeadBooth_Status__c: 'Working',
      LeadBooth_Consent_Text__c: 'May we email you?',
      LeadBooth_Consent_At__c: '2026-03-10T23:30:00.000Z',
    });
  });

  it('writes the capture date as yyyy-MM-dd in the lead’s show’s time zone', () => {
    const early = makeLead({ lastName: 'Li', company: 'Acme', capturedAt: '2026-03-10T23:30:00.000Z', eventId: 'berlin' });
    const late = makeLead({ lastName: 'Ng', company: 'Acme', capturedAt: '2026-03-11T03:30:00.000Z', eventId: 'new-york' });
    const zones: Record<string, string> = { berlin: 'Europe/Berlin', 'new-york': 'America/New_York' };
    expect(readBack(only(salesforceLeadsCsv([early, late]))).map((row) => row.LeadBooth_Captured_At__c)).toEqual(['2026-03-10', '2026-03-11']);
    const inShowZones = salesforceLeadsCsv([early, late], { timeZoneOf: (lead) => zones[lead.eventId ?? ''] ?? 'UTC' });
    expect(readBack(only(inShowZones)).map((row) => row.LeadBooth_Captured_At__c)).toEqual(['2026-03-11', '2026-03-10']);
  });

  it('maps every status to Salesforce’s default picklist, keeps LeadBooth’s own in LeadBooth_Status__c, and leaves converted leads out', () => {
    const leads = LEAD_STATUSES.map((status) => makeLead({ lastName: status, company: 'Acme', status }));
    const result = salesforceLeadsCsv(leads);
    const rows = readBack(only(result));
    expect(rows.map((row) => [row.LeadBooth_Status__c, row.Status])).toEqual([
      ['New', 'Open - Not Contacted'],
      ['Working', 'Working - Contacted'],
      ['Qualified', 'Working - Contacted'],
      ['Unqualified', 'Closed - Not Converted'],
    ]);
    expect(result.convertedLeadIds).toEqual([leads[4]!.id]);
    expect(result.leadIds).toEqual(leads.slice(0, 4).map((lead) => lead.id));
  });

  it('uses the org’s own status values from its profile', () => {
    const profile: SalesforceProfile = { ...DEFAULT_SALESFORCE_PROFILE, statusValues: { ...DEFAULT_SALESFORCE_PROFILE.statusValues, New: 'Neu', Qualified: 'Qualifiziert' } };
    const leads = [makeLead({ lastName: 'A', company: 'X', status: 'New' }), makeLead({ lastName: 'B', company: 'X', status: 'Qualified' })];
    expect(readBack(only(salesforceLeadsCsv(leads, { profile }))).map((row) => row.Status)).toEqual(['Neu', 'Qualifiziert']);
  });

  it('sets HasOptedOutOfEmail from the consent record, and for people never asked as the org’s profile says', () => {
    const at = '2026-03-10T09:30:00.000Z';
    const leads = [
      makeLead({ lastName: 'A', company: 'X', consent: { given: true, at, wording: 'Newsletter ok?' } }),
      makeLead({ lastName: 'B', company: 'X', consent: { given: false, at, wording: 'Newsletter ok?' } }),
      makeLead({ lastName: 'C', company: 'X', consent: null }),
    ];
    const rows = readBack(only(salesforceLeadsCsv(leads)));
    expect(rows.map((row) => row.HasOptedOutOfEmail)).toEqual(['false', 'true', 'false']);
    expect(rows.map((row) => [row.LeadBooth_Consent_Text__c, row.LeadBooth_Consent_At__c])).toEqual([
      ['Newsletter ok?', at],
      ['Newsletter ok?', at],
      ['', ''],
    ]);
    const strict = salesforceLeadsCsv(leads, { profile: { ...DEFAULT_SALESFORCE_PROFILE, neverAskedOptedOut: true } });
    expect(readBack(only(strict)).map((row) => row.HasOptedOutOfEmail)).toEqual(['false', 'true', 'true']);
  });

  it('cuts values to the field lengths and lists every cut', () => {
    const lead = makeLead({ firstName: 'A'.repeat(45), lastName: 'B'.repeat(80), company: 'C'.repeat(300), notes: 'n'.repeat(32_010) });
    const result = salesforceLeadsCsv([lead]);
    const [row] = readBack(only(result));
    expect(row!.FirstName).toHaveLength(40);
    expect(row!.LastName).toHaveLength(80);
    expect(row!.Company).toHaveLength(255);
    expect(row!.Description).toHaveLength(32_000);
    expect(result.truncations).toEqual([
      { leadId: lead.id, field: 'FirstName', from: 45, to: 40 },
      { leadId: lead.id, field: 'Company', from: 300, to: 255 },
      { leadId: lead.id, field: 'Description', from: 32_010, to: 32_000 },
    ]);
  });

  it('counts the quote a formula-like value gets against the length', () => {
    const phone = '+' + '1'.repeat(38) + 'x'; // 40 characters, not a number (the x), 41 once neutralised
    const lead = makeLead({ lastName: 'L', company: 'C', phone });
    const result = salesforceLeadsCsv([lead]);
    const [row] = readBack(only(result));
    expect(row!.Phone).toBe(`'${phone.slice(0, 39)}`);
    expect(result.truncations).toEqual([{ leadId: lead.id, field: 'Phone', from: 40, to: 40 }]);
  });

  it('writes phone numbers, emails, websites and numbers as stored; neutralises free text that could run, and counts it by column', () => {
    const lead = makeLead({
      firstName: '=HYPERLINK("http://x","y")',
      lastName: '@SUM(A1)',
      company: '=1+2',
      phone: '+49 30 1234567',
      mobile: '+1 (555) 010-2000',
      email: '-sales@acme.example',
      website: 'https://acme.example/?a=1',
      postalCode: '-12',
      notes: '- call back Monday\n- send the quote',
      title: '+cmd|calc',
    });
    const result = salesforceLeadsCsv([lead]);
    const [row] = readBack(only(result));
    expect(row).toMatchObject({
      Phone: '+49 30 1234567',
      MobilePhone: '+1 (555) 010-2000',
      Email: '-sales@acme.example',
      Website: 'https://acme.example/?a=1',
      PostalCode: '-12',
      FirstName: `'=HYPERLINK("http://x","y")`,
      LastName: "'@SUM(A1)",
      Company: "'=1+2",
      Title: "'+cmd|calc",
      Description: "'- call back Monday\n- send the quote",
    });
    expect(result.neutralized).toEqual({ FirstName: 1, LastName: 1, Company: 1, Title: 1, Description: 1 });
  });

  it('lists leads missing LastName or Company, and leaves them out only when asked', () => {
    const complete = makeLead({ lastName: 'Ok', company: 'Acme' });
    const noName = makeLead({ firstName: 'Ana', company: 'Acme' });
    const nothing = makeLead({ email: 'x@y.com' });
    const all = salesforceLeadsCsv([complete, noName, nothing]);
    expect(all.missingRequired).toEqual([
      { leadId: noName.id, missing: ['LastName'] },
      { leadId: nothing.id, missing: ['LastName', 'Company'] },
    ]);
    expect(all.leadIds).toHaveLength(3);
    const skipped = salesforceLeadsCsv([complete, noName, nothing], { skipMissingRequired: true });
    expect(skipped.leadIds).toEqual([complete.id]);
    expect(skipped.missingRequired).toHaveLength(2);
    expect(readBack(only(skipped)).map((row) => row.LeadBooth_Id__c)).toEqual([complete.id]);
  });

  it('splits at the Data Import Wizard’s 50,000 rows, every file with the header, no lead lost or doubled', () => {
    expect(SALESFORCE_IMPORT_WIZARD_ROW_LIMIT).toBe(50_000);
    const leads = Array.from({ length: SALESFORCE_IMPORT_WIZARD_ROW_LIMIT + 1 }, (_, index) => makeLead({ lastName: `L${index}`, company: 'Acme' }));
    const result = salesforceLeadsCsv(leads);
    expect(result.files).toHaveLength(2);
    const [first, second] = result.files.map(readBack);
    expect(first).toHaveLength(50_000);
    expect(second).toHaveLength(1);
    expect(second![0]!.LastName).toBe('L50000');
    expect([...first!, ...second!].map((row) => row.LeadBooth_Id__c)).toEqual(leads.map((lead) => lead.id));
  });

});

describe('splitIntoFiles', () => {
  it('writes one header-only file for no rows, and whole files of the limit before the rest', () => {
    const counts = {};
    expect(splitIntoFiles(['a'], [], 2, counts)).toEqual(['\uFEFFa\r\n']);
    expect(splitIntoFiles(['a'], [['1'], ['2'], ['3'], ['4'], ['5']], 2, counts)).toEqual([
      '\uFEFFa\r\n1\r\n2\r\n',
      '\uFEFFa\r\n3\r\n4\r\n',
      '\uFEFFa\r\n5\r\n',
    ]);
  });
});

describe('cutToLength', () => {
  it('never splits an emoji', () => {
    expect(cutToLength('ab😀', 3)).toBe('ab');
    expect(cutToLength('ab😀', 4)).toBe('ab😀');
    expect(cutToLength('abc', 5)).toBe('abc');
  });
});
