import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  salesforceConvertedCsvs,
  SALESFORCE_CONTACT_ROLE_COLUMNS,
  type ContactRoleRow,
} from '../../../electron/exchange/salesforce-converted-csv';
import type { AccountRow, ContactRow, OpportunityRow } from '../../../electron/db/schema';

const at = '2026-03-10T09:30:00.000Z';
const account: AccountRow = {
  seq: 1, id: 'a1', name: 'Acme GmbH', name_key: 'acme', website: 'https://acme.example', domain: 'acme.example', phone: '+49 30 1234567',
  street: '', city: 'Berlin', region: '', postal_code: '10115', country: 'Germany', created_by: 'Jo', created_at: at, updated_at: at,
};
const contact = (id: string, lastName: string): ContactRow => ({
  seq: 1, id, account_id: 'a1', salutation: '', first_name: 'Ana', last_name: lastName, title: '', email: `${id}@acme.example`, phone: '+1 (555) 010-2000',
  mobile: '', street: '', city: '', region: '', postal_code: '', country: '', lead_source: 'Trade Show', created_by: 'Jo', created_at: at, updated_at: at,
});
const opportunity = (id: string, stage: string, lostReason: string): OpportunityRow => ({
  seq: 1, id, account_id: 'a1', event_id: null, name: `Acme ${id}`, stage, close_date: '2027-03-31', amount: 1250.5, lead_source: 'Trade Show',
  lost_reason: lostReason, created_by: 'Jo', created_at: at, updated_at: at,
});

const read = (text: string) => parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;

describe('salesforceConvertedCsvs', () => {
  it('links children by relationship columns, carries notes, website and the loss reason, and writes the contact roles', () => {
    const roles: ContactRoleRow[] = [
      { opportunity_id: 'o1', contact_id: 'c1', role: 'Decision Maker', is_primary: 1 },
      { opportunity_id: 'o1', contact_id: 'c2', role: 'Evaluator', is_primary: 0 },
    ];
    const csvs = salesforceConvertedCsvs({
      accounts: [account],
      contacts: [contact('c1', 'Müller'), contact('c2', 'L'.repeat(90))],
      opportunities: [opportunity('o1', 'Closed Lost', 'Budget went to the trade fair'), opportunity('o2', 'Prospecting', 'stale reason')],
      contactRoles: roles,
      notesOf: new Map([
        ['c1', '- first show\n\nsecond show'],
        ['o1', 'Wants 20 scanners'],
      ]),
    });
    expect(read(csvs.accounts)).toEqual([expect.objectContaining({ LeadBooth_Id__c: 'a1', Website: 'https://acme.example', Phone: '+49 30 1234567' })]);
    const contacts = read(csvs.contacts);
    expect(contacts[0]).toMatchObject({ 'Account.LeadBooth_Id__c': 'a1', Phone: '+1 (555) 010-2000', Description: "'- first show\n\nsecond show" });
    expect(contacts[1]).toMatchObject({ Description: '', LastName: 'L'.repeat(80) });
    expect(read(csvs.opportunities).map((row) => [row['Account.LeadBooth_Id__c'], row.Amount, row.Description, row.LeadBooth_Loss_Reason__c])).toEqual([
      ['a1', '1250.5', 'Wants 20 scanners', 'Budget went to the trade fair'],
      ['a1', '1250.5', '', ''],
    ]);
    const [header] = parse(csvs.contactRoles, { bom: true }) as string[][];
    expect(header).toEqual([...SALESFORCE_CONTACT_ROLE_COLUMNS]);
    expect(read(csvs.contactRoles)).toEqual([
      { 'Opportunity.LeadBooth_Id__c': 'o1', 'Contact.LeadBooth_Id__c': 'c1', Role: 'Decision Maker', IsPrimary: 'true' },
      { 'Opportunity.LeadBooth_Id__c': 'o1', 'Contact.LeadBooth_Id__c': 'c2', Role: 'Evaluator', IsPrimary: 'false' },
    ]);
    expect(csvs.truncations).toEqual([{ recordId: 'c2', recordName: `Ana ${'L'.repeat(90)}`, field: 'LastName', from: 90, to: 80 }]);
    expect(csvs.neutralized).toEqual({ Description: 1 });
  });
});
