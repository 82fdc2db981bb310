import type { Lead } from '../../shared/domain/lead';

let counter = 0;

/** A complete Lead with every text field empty unless given; ids are UUID-shaped and unique. */
export function makeLead(fields: Partial<Lead> = {}): Lead {
  counter += 1;
  const id = `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
  return {
    id,
    salutation: '',
    firstName: '',
    lastName: '',
    company: '',
    title: '',
    email: '',
    phone: '',
    mobile: '',
    website: '',
    street: '',
    city: '',
    region: '',
    postalCode: '',
    country: '',
    leadSource: 'Trade Show',
    status: 'New',
    rating: null,
    notes: '',
    consent: null,
    badgeId: '',
    unqualifiedReason: '',
    expectedCloseDate: '',
    importedFields: {},
    captureMethod: 'typed',
    eventId: null,
    capturedBy: 'Jo Booth',
    capturedAt: '2026-03-10T09:30:00.000Z',
    updatedAt: '2026-03-10T09:30:00.000Z',
    ...fields,
  };
}
