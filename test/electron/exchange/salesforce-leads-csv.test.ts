import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cutToLength, salesforceLeadsCsv, SALESFORCE_LEAD_COLUMNS, SALESFORCE_LEAD_FIELD_LENGTHS } from '../../../electron/exchange/salesforce-leads-csv';
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

describe('salesforceLeadsCsv', () => {
  it('uses the documented Lead API names, then LeadBooth custom fields (…__c)', () => {
    const { text } = salesforceLeadsCsv([]);
    const [header] = parse(text, { bom: true }) as string[][];
    const standard = header!.filter((name) => !name.endsWith('__c'));
    expect(standard).toEqual(Object.keys(DOCUMENTED_LEAD_FIELDS));
    expect(header!.filter((name) => name.endsWith('__c'))).toEqual(['LeadBooth_Id__c', 'LeadBooth_Event__c', 'LeadBooth_Captured_At__c']);
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
      phone: '030 1234567',
      mobile: '0172 7505365',
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
    const result = salesforceLeadsCsv([lead], { eventName: (id) => (id === 'e1' ? 'Hannover Messe 2026' : undefined) });
    expect(result.text.charCodeAt(0)).toBe(0xfeff);
    expect(result.text.slice(1).split('\r\n')[0]).toBe(SALESFORCE_LEAD_COLUMNS.join(','));
    expect(result.rowCount).toBe(1);
    expect(result.truncations).toEqual([]);
    expect(result.missingRequired).toEqual([]);
    const [row] = readBack(result.text);
    expect(row).toEqual({
      Salutation: 'Dr.',
      FirstName: 'Zoë',
      LastName: 'Núñez-García',
      Company: 'Müller Antriebe GmbH',
      Title: 'Head of "Ops", EMEA',
      Email: 'zoe@mueller.de',
      Phone: '030 1234567',
      MobilePhone: '0172 7505365',
      Street: 'Hauptstraße 5\nHinterhaus',
      City: 'Berlin',
      State: 'Berlin',
      PostalCode: '10115',
      Country: 'Germany',
      Website: 'https://mueller.de',
      LeadSource: 'Trade Show',
      Status: 'Working',
      Rating: 'Hot',
      Description: 'Wants a demo; call after 3pm.\nBudget: 20k€',
      HasOptedOutOfEmail: 'false',
      LeadBooth_Id__c: lead.id,
      LeadBooth_Event__c: 'Hannover Messe 2026',
      LeadBooth_Captured_At__c: '2026-03-10',
    });
  });

  it('writes the capture date as yyyy-MM-dd in the time zone asked for', () => {
    const lead = makeLead({ lastName: 'Li', company: 'Acme', capturedAt: '2026-03-10T23:30:00.000Z' });
    expect(readBack(salesforceLeadsCsv([lead]).text)[0]!.LeadBooth_Captured_At__c).toBe('2026-03-10');
    expect(readBack(salesforceLeadsCsv([lead], { timeZone: 'Europe/Berlin' }).text)[0]!.LeadBooth_Captured_At__c).toBe('2026-03-11');
  });

  it('sets HasOptedOutOfEmail true only for an explicit no, unless told that no consent means opted out', () => {
    const at = '2026-03-10T09:30:00.000Z';
    const leads = [
      makeLead({ lastName: 'A', company: 'X', consent: { given: true, at, wording: 'w' } }),
      makeLead({ lastName: 'B', company: 'X', consent: { given: false, at, wording: 'w' } }),
      makeLead({ lastName: 'C', company: 'X', consent: null }),
    ];
    expect(readBack(salesforceLeadsCsv(leads).text).map((row) => row.HasOptedOutOfEmail)).toEqual(['false', 'true', 'false']);
    expect(readBack(salesforceLeadsCsv(leads, { optOutUnlessConsented: true }).text).map((row) => row.HasOptedOutOfEmail)).toEqual([
      'false',
      'true',
      'true',
    ]);
  });

  it('cuts values to the field lengths and lists every cut', () => {
    const lead = makeLead({ firstName: 'A'.repeat(45), lastName: 'B'.repeat(80), company: 'C'.repeat(300), notes: 'n'.repeat(32_010) });
    const result = salesforceLeadsCsv([lead]);
    const [row] = readBack(result.text);
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
    const phone = '+' + '1'.repeat(39); // 40 characters, 41 once neutralised
    const lead = makeLead({ lastName: 'L', company: 'C', phone });
    const result = salesforceLeadsCsv([lead]);
    const [row] = readBack(result.text);
    expect(row!.Phone).toBe(`'${phone.slice(0, 39)}`);
    expect(result.truncations).toEqual([{ leadId: lead.id, field: 'Phone', from: 40, to: 40 }]);
  });

  it('neutralises formulas in every column', () => {
    const lead = makeLead({ firstName: '=HYPERLINK("http://x","y")', lastName: '@SUM(A1)', company: '-1+1', notes: '+cmd|calc' });
    const [row] = readBack(salesforceLeadsCsv([lead]).text);
    for (const value of Object.values(row!)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    expect(row!.FirstName).toBe(`'=HYPERLINK("http://x","y")`);
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
    expect(all.rowCount).toBe(3);
    const skipped = salesforceLeadsCsv([complete, noName, nothing], { skipMissingRequired: true });
    expect(skipped.rowCount).toBe(1);
    expect(skipped.missingRequired).toHaveLength(2);
    expect(readBack(skipped.text).map((row) => row.LeadBooth_Id__c)).toEqual([complete.id]);
  });

  it('maps statuses to the org’s values where asked', () => {
    const lead = makeLead({ lastName: 'L', company: 'C', status: 'New' });
    expect(readBack(salesforceLeadsCsv([lead], { statusValues: { New: 'Open - Not Contacted' } }).text)[0]!.Status).toBe('Open - Not Contacted');
  });

  it('writes 100,000 leads quickly enough for a batch (sanity bound, not the benchmark)', () => {
    const leads = Array.from({ length: 100_000 }, (_, index) =>
      makeLead({ firstName: `First${index}`, lastName: `Last${index}`, company: 'Acme GmbH', email: `p${index}@acme.com`, notes: 'Met at the booth' }),
    );
    const started = performance.now();
    const result = salesforceLeadsCsv(leads);
    expect(result.rowCount).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('cutToLength', () => {
  it('never splits an emoji', () => {
    expect(cutToLength('ab😀', 3)).toBe('ab');
    expect(cutToLength('ab😀', 4)).toBe('ab😀');
    expect(cutToLength('abc', 5)).toBe('abc');
  });
});
