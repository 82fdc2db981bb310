import type { Lead } from '../../shared/domain/lead';

// Deterministic made-up people, so runs are comparable; no real person's data.
export const FIRST_NAMES = ['Ana', 'Ben', 'Chidi', 'Dana', 'Emil', 'Fatima', 'Gustavo', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Lena', 'Mateo', 'Noor', 'Olga', 'Pierre', 'Quinn', 'Rosa', 'Sven', 'Tomás', 'Ursula', 'Viktor', 'Wei', 'Ximena', 'Yusuf', 'Zoë'];
export const LAST_NAMES = ['Müller', 'Okafor', 'Smith', 'García', 'Nakamura', 'Kowalski', 'Dubois', 'Rossi', 'Jensen', 'Haddad', 'van der Berg', 'Silva', 'Chen', 'Novak', 'Andersson', 'Byrne', 'Patel', 'Schmidt', 'Lefebvre', 'Tanaka', 'Ivanova', 'Moreau', 'Costa', 'Fischer', 'Ahmed', 'Lindqvist'];
const COMPANY_WORDS = ['Acme', 'Northwind', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Wonka', 'Oscorp', 'Gringotts', 'Monarch', 'Aperture', 'Blue Sun', 'Dunder', 'Pied Piper'];
const SUFFIXES = ['Inc.', 'GmbH', 'Ltd', 'SARL', 'LLC', 'AG', 'Pty Ltd', 'B.V.'];
const NOTES = ['wants a demo next week', 'budget approved for Q3', 'call back after the show', 'interested in the enterprise plan', 'asked about pricing', 'met at the keynote', ''];

function pick<T>(list: readonly T[], seed: number): T {
  return list[seed % list.length] as T;
}

export function fakeLead(index: number, eventId: string, capturedAt: string): Lead {
  const firstName = pick(FIRST_NAMES, index * 7 + 3);
  const lastName = pick(LAST_NAMES, index * 13 + 5);
  const companyWord = pick(COMPANY_WORDS, index * 17 + 11);
  const company = `${companyWord} ${pick(SUFFIXES, index * 3)}`;
  const domain = `${companyWord.toLowerCase().replace(/\s+/g, '')}${index % 97}.example`;
  return {
    id: crypto.randomUUID(),
    salutation: '',
    firstName,
    lastName,
    company,
    title: pick(['CTO', 'Head of Procurement', 'Sales Director', 'Engineer', 'CEO'], index),
    email: `${firstName.toLowerCase()}.${index}@${domain}`,
    phone: `+1 555 01${String(index % 100).padStart(2, '0')}`,
    mobile: '',
    website: domain,
    street: `${index % 400} Market Street`,
    city: pick(['Lisbon', 'Berlin', 'Austin', 'Lyon', 'Sydney'], index),
    region: '',
    postalCode: String(10000 + (index % 89999)),
    country: '',
    leadSource: 'Trade Show',
    status: 'New',
    rating: null,
    notes: pick(NOTES, index * 5),
    consent: null,
    badgeId: '',
    unqualifiedReason: '',
    expectedCloseDate: '',
    importedFields: {},
    captureMethod: 'typed',
    eventId,
    capturedBy: 'Bench',
    capturedAt,
    updatedAt: capturedAt,
  };
}

/** Queries a person would type into the search box. */
export const SEARCH_QUERIES = ['müller', 'okaf', 'acme', 'north', 'ana smith', 'demo', 'pricing', 'van der', 'globex gmbh', 'zoë', 'tomas', 'chen', 'dunder', 'fatima', 'keynote', 'stark'];
