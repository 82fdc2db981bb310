import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { salesforceConvertedCsvs, SALESFORCE_CONTACT_ROLE_COLUMNS } from '../../../electron/exchange/salesforce-converted-csv';
import type { Account, Contact, Opportunity, OpportunityContactRole } from '../../../shared/domain/crm';
import { probabilityOf, type OpportunityStage } from '../../../shared/domain/opportunity';

const at = '2026-03-10T09:30:00.000Z';
const account: Account = {
  id: 'a1', name: 'Acme GmbH', website: 'https://acme.example', domain: 'acme.example', phone: '+49 30 1234567',
  street: '', city: 'Berlin', region: '', postalCode: '10115', country: 'Germany', createdBy: 'Jo', createdAt: at, updatedAt: at,
};
const contact = (id: string, lastName: string): Contact => ({
  id, accountId: 'a1', salutation: '', firstName: 'Ana', lastName, title: '', email: `${id}@acme.example`, phone: '+1 (555) 010-2000',
  mobile: '', street: '', city: '', region: '', postalCode: '', country: '', leadSource: 'Trade Show', createdBy: 'Jo', createdAt: at, updatedAt: at,
  convertedFromLeadId: null,
});
const opportunity = (id: string, stage: OpportunityStage, lostReason: string): Opportunity => ({
  id, accountId: 'a1', eventId: null, name: `Acme ${id}`, stage, probability: probabilityOf(stage), closeDate: '2027-03-31', amount: 1250.5,
  leadSource: 'Trade Show', lostReason, createdBy: 'Jo', createdAt: at, updatedAt: at, convertedFromLeadId: null,
});

const read = (text: string) => parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;

describe('salesforceConvertedCsvs', () => {
  it('links children by relationship columns, carries notes, website and the loss reason, and writes the contact roles', () => {
    const roles: OpportunityContactRole[] = [
      { opportunityId: 'o1', contactId: 'c1', role: 'Decision Maker', isPrimary: true },
      { opportunityId: 'o1', contactId: 'c2', role: 'Evaluator', isPrimary: false },
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
      currencyOf: (record) => (record.id === 'o1' ? 'EUR' : 'JPY'),
    });
    expect(read(csvs.accounts)).toEqual([expect.objectContaining({ LeadBooth_Id__c: 'a1', Website: 'https://acme.example', Phone: '+49 30 1234567' })]);
    const contacts = read(csvs.contacts);
    expect(contacts[0]).toMatchObject({ 'Account.LeadBooth_Id__c': 'a1', Phone: '+1 (555) 010-2000', Description: "'- first show\n\nsecond show" });
    expect(contacts[1]).toMatchObject({ Description: '', LastName: 'L'.repeat(80) });
    expect(read(csvs.opportunities).map((row) => [row['Account.LeadBooth_Id__c'], row.Amount, row.CurrencyIsoCode, row.Description, row.LeadBooth_Loss_Reason__c])).toEqual([
      ['a1', '1250.5', 'EUR', 'Wants 20 scanners', 'Budget went to the trade fair'],
      ['a1', '1250.5', 'JPY', '', ''],
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
