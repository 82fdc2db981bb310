import { describe, expect, it } from 'vitest';
import { describeColumn, guessMapping, kindOfLabel } from '../../../electron/exchange/csv-headers';

describe('describeColumn: what an exporter’s header says', () => {
  it.each([
    // header, field, kind, block
    ['E-mail 2 - Value', 'email', undefined, ''],
    ['Address 1 - Postal Code', 'postalCode', undefined, 'address 1'],
    ['Organization 2 - Title', 'title', undefined, 'organization 2'],
    ['Business Street 2', 'street', 'work', 'business'],
    ['Home Country/Region', 'country', 'home', 'home'],
    ['Company Main Phone', 'phone', 'work', ''],
    ['Mobile Phone', 'mobile', 'mobile', ''],
    ['E-mail 3 Address', 'email', undefined, ''],
    ['Secondary Email', 'email', undefined, ''],
    ['Work ZipCode', 'postalCode', 'work', 'work'],
    ['Home Address 2', 'street', 'home', 'home'],
    ['Mailing Zip/Postal Code', 'postalCode', undefined, 'mailing'],
    ['Telefon geschäftlich 2', 'phone', 'work', ''],
    ['Straße privat', 'street', 'home', 'privat'],
    ['Rue (bureau)', 'street', 'work', 'bureau'],
    ['Attendee Email', 'email', undefined, ''],
    ['Registrant Job Title', 'title', undefined, ''],
    ['Company / Account', 'company', undefined, ''],
    ['Display Name', 'fullName', undefined, ''],
    ['Homepage', 'website', undefined, ''],
  ])('%j → %s (%s, block %j)', (header, target, kind, block) => {
    expect(describeColumn(header)).toMatchObject({ target, kind, block });
  });

  it.each(['Business Fax', 'Pager', "Assistant's Phone", 'Middle Name', 'Attendee Status', 'Buyer Email', 'Lifecycle Stage', 'Connected On', 'Address 1 - PO Box', 'Phonetic First Name'])(
    '%j fills no field (its values are kept)',
    (header) => {
      expect(describeColumn(header).target).toBeUndefined();
    },
  );

  it('knows type columns and their numbered group', () => {
    expect(describeColumn('Phone 2 - Label')).toMatchObject({ isTypeColumn: true, group: 'phone 2', target: undefined });
    expect(describeColumn('E-mail 1 - Type')).toMatchObject({ isTypeColumn: true, group: 'email 1' });
    expect(describeColumn('Address 1 - Formatted')).toMatchObject({ target: 'street', isFormattedAddress: true });
  });

  it('puts a badge’s barcode before a registration id', () => {
    expect(describeColumn('Barcode #')).toMatchObject({ target: 'badgeId', rank: 0 });
    expect(describeColumn('Attendee #')).toMatchObject({ target: 'badgeId', rank: 1 });
    expect(describeColumn('Registration ID')).toMatchObject({ target: 'badgeId', rank: 1 });
  });
});

describe('guessMapping', () => {
  it('maps several columns to one field (the reader chooses per row), Outlook’s Title as salutation', () => {
    expect(guessMapping(['Title', 'Job Title', 'Business Phone', 'Home Phone', 'Business Fax'])).toEqual({
      Title: 'salutation',
      'Job Title': 'title',
      'Business Phone': 'phone',
      'Home Phone': 'phone',
    });
  });
  it('leaves LinkedIn’s URL unmapped: it is the person’s profile, not the company’s website', () => {
    expect(guessMapping(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'])).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'Email Address': 'email',
      Company: 'company',
      Position: 'title',
    });
  });
});

describe('kindOfLabel: type labels such as Google’s "E-mail 1 - Label"', () => {
  it.each([
    ['* Work', 'work'],
    ['Arbeit', 'work'],
    ['Professionnel', 'work'],
    ['Trabajo', 'work'],
    ['Home', 'home'],
    ['Privat', 'home'],
    ['Domicile', 'home'],
    ['Mobile', 'mobile'],
    ['Mobil', 'mobile'],
    ['Móvil', 'mobile'],
    ['Work Fax', 'fax'],
    ['Work Mobile', 'mobile'],
    ['Other', undefined],
    ['Main', undefined],
  ])('%j → %s', (label, kind) => {
    expect(kindOfLabel(label)).toBe(kind);
  });
});
