import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { HUBSPOT_CONTACT_COLUMNS, hubspotContactsCsv } from '../../../electron/exchange/hubspot-contacts-csv';
import { importedColumnsOf, importedValuesOf } from '../../../electron/exchange/imported-columns';
import { SALESFORCE_LEAD_COLUMNS, salesforceLeadsCsv } from '../../../electron/exchange/salesforce-leads-csv';
import { makeLead } from '../../support/lead-fixture';

const leads = [
  makeLead({ lastName: 'Müller', company: 'Acme', importedFields: { Birthday: '1985-04-12', Labels: '* myContacts' } }),
  makeLead({ lastName: 'Okafor', company: 'Northwind', importedFields: { Labels: 'VIP', Company: 'Northwind Holdings', Formula: '=1+2' } }),
  makeLead({ lastName: 'Plain', company: 'Initech' }),
];

describe('imported fields as export columns', () => {
  it('one column per header in the order first met; a header the export already has is marked imported', () => {
    const columns = importedColumnsOf(leads, SALESFORCE_LEAD_COLUMNS);
    expect(columns.map((column) => column.header)).toEqual(['Birthday', 'Labels', 'Company (imported)', 'Formula']);
    expect(importedValuesOf(leads[2]!, columns)).toEqual(['', '', '', '']);
  });

  it('the Salesforce Leads CSV carries them after its own columns, values whole, formulas neutralised and counted', () => {
    const csv = salesforceLeadsCsv(leads, { withImportedFields: true });
    const rows = parse(csv.files[0]!, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...SALESFORCE_LEAD_COLUMNS, 'Birthday', 'Labels', 'Company (imported)', 'Formula']);
    expect(rows[1]).toMatchObject({ Company: 'Northwind', 'Company (imported)': 'Northwind Holdings', Labels: 'VIP', Formula: "'=1+2" });
    expect(csv.neutralized).toMatchObject({ Formula: 1 });
    expect(Object.keys((parse(salesforceLeadsCsv(leads).files[0]!, { columns: true, bom: true }) as Array<Record<string, string>>)[0]!)).toEqual([
      ...SALESFORCE_LEAD_COLUMNS,
    ]);
  });

  it('the HubSpot CSV too, and only when asked', () => {
    const rows = parse(hubspotContactsCsv(leads, { withImportedFields: true }).text, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.Birthday)).toEqual(['1985-04-12', '', '']);
    expect(Object.keys((parse(hubspotContactsCsv(leads).text, { columns: true, bom: true }) as Array<Record<string, string>>)[0]!)).toEqual([
      ...HUBSPOT_CONTACT_COLUMNS,
    ]);
  });
});
