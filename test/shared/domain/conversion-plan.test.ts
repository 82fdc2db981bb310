/**
 * planConversion decides what a conversion writes without a database: these tests hand it
 * records and check the plan, nothing is stored.
 */
import { describe, expect, it } from 'vitest';
import { planConversion, type ConversionPlan, type ConversionRequest } from '../../../shared/domain/conversion-plan';
import type { Account, Contact } from '../../../shared/domain/crm';
import { makeLead } from '../../support/lead-fixture';

const now = '2026-11-27T10:00:00.000Z';
const by = { actor: 'Jo Booth', automatic: false };

function idSource(): () => string {
  let next = 0;
  return () => `id-${++next}`;
}

const lead = makeLead({
  firstName: 'Ana',
  lastName: 'Zeller',
  company: 'Acme GmbH',
  email: 'ana@acme.example',
  phone: '+49 30 1234567',
  website: 'https://www.acme.example/about',
  city: 'Berlin',
  postalCode: '10115',
  status: 'Qualified',
  rating: 'Hot',
  eventId: 'show-1',
});

const account: Account = {
  id: 'acc-1', name: 'ACME', website: '', domain: 'acme.example', phone: '+49 30 999', street: '', city: '', region: '', postalCode: ' ', country: 'Germany',
  createdBy: 'Sam', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
};
const contact: Contact = {
  id: 'con-1', accountId: 'acc-1', salutation: '', firstName: 'Ana', lastName: 'Zeller', title: 'CTO', email: '', phone: '', mobile: '', street: '', city: '',
  region: '', postalCode: '', country: '', leadSource: 'Web', createdBy: 'Sam', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  convertedFromLeadId: null,
};

function plan(request: Omit<ConversionRequest, 'leadId'>, existing = {}, options = by): ConversionPlan {
  const result = planConversion(lead, { leadId: lead.id, ...request }, existing, idSource(), now, options);
  if ('refused' in result) throw new Error(`refused: ${result.refused}`);
  return result;
}

describe('planConversion', () => {
  it('creates an account, a contact and an opportunity from the lead, with the contact as primary role', () => {
    const result = plan({ account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: { name: 'Acme scanners', stage: 'Prospecting', closeDate: '2027-03-31', amount: 1200 } });
    expect(result.account).toEqual({
      created: {
        id: 'id-1', name: 'Acme GmbH', website: 'https://www.acme.example/about', domain: 'acme.example', phone: '+49 30 1234567', street: '', city: 'Berlin',
        region: '', postalCode: '10115', country: '', createdBy: 'Jo Booth', createdAt: now, updatedAt: now,
      },
    });
    expect(result.contact).toMatchObject({ created: { id: 'id-2', accountId: 'id-1', firstName: 'Ana', email: 'ana@acme.example', convertedFromLeadId: lead.id } });
    expect(result.opportunity).toMatchObject({
      created: { id: 'id-3', accountId: 'id-1', eventId: 'show-1', name: 'Acme scanners', amount: 1200, convertedFromLeadId: lead.id },
      primaryRole: { opportunityId: 'id-3', contactId: 'id-2', role: 'Decision Maker', isPrimary: true },
    });
    expect(result.lead).toEqual({ id: lead.id, status: 'Converted', rating: 'Hot', updatedAt: now });
    expect(result.conversion).toEqual({
      id: 'id-4', leadId: lead.id, accountId: 'id-1', accountCreated: true, contactId: 'id-2', contactCreated: true, opportunityId: 'id-3',
      restore: { account: {}, contact: {}, lead: { status: 'Qualified' } }, automatic: false, reviewed: true, convertedBy: 'Jo Booth', convertedAt: now,
    });
    expect(result.timeline).toEqual({
      id: 'id-5', leadId: lead.id, at: now, actor: 'Jo Booth',
      details: {
        kind: 'converted', conversionId: 'id-4', automatic: false, accountId: 'id-1', accountName: 'Acme GmbH', accountCreated: true,
        contactId: 'id-2', contactName: 'Ana Zeller', contactCreated: true, opportunityId: 'id-3', opportunityName: 'Acme scanners',
      },
    });
  });

  it('fills only the empty fields of the existing records picked, keeping what was there for undo, and takes no id for them', () => {
    const result = plan({ account: { mode: 'existing', id: 'acc-1' }, contact: { mode: 'existing', id: 'con-1' }, opportunity: null }, { account, contact }, { actor: 'Automatic rule', automatic: true });
    // The phone and country were set, the domain too: left alone. A blank postal code counts as empty.
    expect(result.account).toEqual({
      existing: { id: 'acc-1', name: 'ACME' },
      fills: { website: 'https://www.acme.example/about', city: 'Berlin', postal_code: '10115' },
    });
    expect(result.contact).toEqual({
      existing: { id: 'con-1', name: 'Ana Zeller' },
      fills: { email: 'ana@acme.example', phone: '+49 30 1234567', city: 'Berlin', postal_code: '10115' },
    });
    expect(result.opportunity).toBeNull();
    expect(result.conversion).toMatchObject({
      id: 'id-1', accountCreated: false, contactCreated: false, opportunityId: null, automatic: true, reviewed: false,
      restore: {
        account: { website: { before: '', after: 'https://www.acme.example/about' }, city: { before: '', after: 'Berlin' }, postal_code: { before: ' ', after: '10115' } },
        contact: { email: { before: '', after: 'ana@acme.example' }, phone: { before: '', after: '+49 30 1234567' }, city: { before: '', after: 'Berlin' }, postal_code: { before: '', after: '10115' } },
        lead: { status: 'Qualified' },
      },
    });
    expect(result.timeline.details).toMatchObject({ accountName: 'ACME', accountCreated: false, contactName: 'Ana Zeller', contactCreated: false, opportunityName: null });
  });

  it('names the account of a lead without a company after the person', () => {
    const person = makeLead({ firstName: 'Bo', lastName: 'Yilmaz', email: 'bo@gmail.com' });
    const result = planConversion(person, { leadId: person.id, account: { mode: 'new' }, contact: { mode: 'new' }, opportunity: null }, {}, idSource(), now, by);
    expect(result).toMatchObject({ account: { created: { name: 'Bo Yilmaz (individual)', domain: '' } } });
  });

  it('refuses a converted lead, a record picked that is gone, and a contact of another account', () => {
    const request: ConversionRequest = { leadId: lead.id, account: { mode: 'existing', id: 'acc-1' }, contact: { mode: 'existing', id: 'con-1' }, opportunity: null };
    expect(planConversion({ ...lead, status: 'Converted' }, request, { account, contact }, idSource(), now, by)).toEqual({ refused: 'converted-already' });
    expect(planConversion(lead, request, { contact }, idSource(), now, by)).toEqual({ refused: 'account-not-found' });
    expect(planConversion(lead, request, { account }, idSource(), now, by)).toEqual({ refused: 'contact-not-found' });
    expect(planConversion(lead, { ...request, account: { mode: 'new' } }, { contact }, idSource(), now, by)).toEqual({ refused: 'contact-of-another-account' });
  });
});
