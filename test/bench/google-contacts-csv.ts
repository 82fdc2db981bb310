import { fakeLead, FIRST_NAMES, LAST_NAMES } from './fake-leads';

/** The columns Google Contacts writes ("Google CSV"), in its order; several numbered values each. */
const GOOGLE_HEADERS = [
  'First Name', 'Middle Name', 'Last Name', 'Name Prefix', 'Nickname', 'Birthday', 'Notes', 'Labels',
  'E-mail 1 - Label', 'E-mail 1 - Value', 'E-mail 2 - Label', 'E-mail 2 - Value',
  'Phone 1 - Label', 'Phone 1 - Value', 'Phone 2 - Label', 'Phone 2 - Value',
  'Address 1 - Label', 'Address 1 - Street', 'Address 1 - City', 'Address 1 - Region', 'Address 1 - Postal Code', 'Address 1 - Country',
  'Organization 1 - Name', 'Organization 1 - Title', 'Website 1 - Label', 'Website 1 - Value',
];

/**
 * A contact export holds mostly different people: fakeLead's 26 names and 100 numbers repeat
 * every few rows, which would make every row a likely duplicate of hundreds of others. Here a
 * full name comes back once in 17,576 rows (about six namesakes in 100,000, as common names
 * do) and every number is the person's own.
 */
function distinctPerson(index: number): { firstName: string; lastName: string; phone: string } {
  const count = LAST_NAMES.length;
  const double = Math.floor(index / (count * count)) % count;
  return {
    firstName: FIRST_NAMES[index % FIRST_NAMES.length] as string,
    lastName: `${LAST_NAMES[Math.floor(index / count) % count]}${index >= count * count ? `-${LAST_NAMES[double]}` : ''}`,
    phone: `+49 30 ${String(20_000_000 + index)}`,
  };
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * `count` made-up people as a Google Contacts export. `badEvery`: every so many rows holds a
 * problem value, alternately a first name longer than the field (49 characters) and an email
 * that does not validate (0: none).
 */
export function googleContactsCsv(count: number, badEvery = 0): string {
  const lines = [GOOGLE_HEADERS.join(',')];
  for (let index = 0; index < count; index++) {
    const lead = { ...fakeLead(index, '', '2026-11-27T09:00:00.000Z'), ...distinctPerson(index) };
    const bad = badEvery > 0 && index % badEvery === badEvery - 1;
    const firstName = bad && (index / badEvery) % 2 < 1 ? `${lead.firstName} ${'Maximiliane-Josephine-Alexandra-Theodora'}`.slice(0, 49).padEnd(49, 'x') : lead.firstName;
    const email = bad && (index / badEvery) % 2 >= 1 ? `${lead.firstName.toLowerCase()}@invalid` : lead.email;
    const row = [
      firstName, '', lead.lastName, '', '', index % 3 === 0 ? '1985-04-12' : '', lead.notes, '* myContacts',
      '* Work', email, index % 4 === 0 ? 'Home' : '', index % 4 === 0 ? `${lead.firstName.toLowerCase()}${index}@mail.example` : '',
      'Work', lead.phone, index % 5 === 0 ? 'Mobile' : '', index % 5 === 0 ? `+1 555 02${String(index % 100).padStart(2, '0')}` : '',
      'Work', lead.street, lead.city, '', lead.postalCode, 'Portugal',
      lead.company, lead.title, 'Work', `https://${lead.website}`,
    ];
    lines.push(row.map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
