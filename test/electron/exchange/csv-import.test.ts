import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvImportError, detectDelimiter, guessMapping, headerWord, leadRatingFromText, leadStatusFromText, readLeadsCsv } from '../../../electron/exchange/csv-import';
import { HUBSPOT_CONTACT_COLUMNS, hubspotContactsCsv } from '../../../electron/exchange/hubspot-contacts-csv';
import { SALESFORCE_LEAD_COLUMNS, salesforceLeadsCsv } from '../../../electron/exchange/salesforce-leads-csv';
import { makeLead } from '../../support/lead-fixture';

function errorOf(run: () => unknown): CsvImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvImportError) return error;
    throw error;
  }
  throw new Error('expected a CsvImportError');
}

describe('readLeadsCsv', () => {
  it('reads an organiser’s badge export with semicolons, a BOM, quoted newlines and CRLF', () => {
    const text =
      '\uFEFFBadge ID;Title;First Name;Surname;Organisation;Job title;E-mail;Mobile;Country;Interests\r\n' +
      'B-0001;Dr.;Ana;Núñez;"Acme; Iberia S.L.";CTO;ana@acme.es;+34 612 345 678;Spain;"Robots\r\nSensors"\r\n' +
      '\r\n' +
      'B-0002;;Rui;Silva;Beta Lda;;rui@beta.pt;;Portugal;\r\n';
    const result = readLeadsCsv(text);
    expect(result.delimiter).toBe(';');
    expect(result.headers[0]).toBe('Badge ID');
    expect(result.unmappedColumns).toEqual(['Interests']);
    expect(result.guessedMapping).toMatchObject({ Title: 'salutation', 'Job title': 'title' });
    expect(result.rows).toEqual([
      {
        line: 2,
        fields: {
          badgeId: 'B-0001',
          salutation: 'Dr.',
          title: 'CTO',
          firstName: 'Ana',
          lastName: 'Núñez',
          company: 'Acme; Iberia S.L.',
          email: 'ana@acme.es',
          mobile: '+34 612 345 678',
          country: 'Spain',
        },
        unmapped: { Interests: 'Robots\r\nSensors' },
      },
      { line: 5, fields: { badgeId: 'B-0002', firstName: 'Rui', lastName: 'Silva', company: 'Beta Lda', email: 'rui@beta.pt', country: 'Portugal' }, unmapped: {} },
    ]);
  });

  it('reads tab-separated files and a full-name column', () => {
    const result = readLeadsCsv('Name\tCompany\tRegistration ID\nProf. Ada King\tAnalytical Engines Ltd\tR-77\n');
    expect(result.delimiter).toBe('\t');
    expect(result.rows[0]!.fields).toEqual({ salutation: 'Prof.', firstName: 'Ada', lastName: 'King', company: 'Analytical Engines Ltd', badgeId: 'R-77' });
  });

  it('reads bytes: UTF-8, or Windows-1252 from Excel on Windows', () => {
    const utf8 = new TextEncoder().encode('Vorname;Nachname;Firma\nJürgen;Müller;Öko AG\n');
    expect(readLeadsCsv(utf8).rows[0]!.fields).toEqual({ firstName: 'Jürgen', lastName: 'Müller', company: 'Öko AG' });
    const latin = Uint8Array.from([...'Vorname;Nachname\nJ'].map((c) => c.charCodeAt(0)).concat([0xfc], [...'rgen;M'].map((c) => c.charCodeAt(0)), [0xfc], [...'ller\n'].map((c) => c.charCodeAt(0))));
    expect(readLeadsCsv(latin).rows[0]!.fields).toEqual({ firstName: 'Jürgen', lastName: 'Müller' });
  });

  it('applies the caller’s mapping instead of the guess, with ignore', () => {
    const text = 'Col A,Col B,Phone\nAna,Acme,123\n';
    const result = readLeadsCsv(text, { mapping: { 'Col A': 'firstName', 'Col B': 'company', Phone: 'ignore' } });
    expect(result.rows[0]).toEqual({ line: 2, fields: { firstName: 'Ana', company: 'Acme' }, unmapped: {} });
    expect(result.unmappedColumns).toEqual([]);
    expect(result.guessedMapping).toEqual({ Phone: 'phone' });
  });

  it('leaves a second column for a field unmapped, so its values are kept', () => {
    const result = readLeadsCsv('Phone,Telephone\n1234567,7654321\n');
    expect(result.guessedMapping).toEqual({ Phone: 'phone' });
    expect(result.rows[0]!.unmapped).toEqual({ Telephone: '7654321' });
  });

  it('counts lines right when quoted values hold CRLF', () => {
    const result = readLeadsCsv('Name,Notes\r\nAna Lopes,"one\r\ntwo\r\nthree"\r\n\r\nRui Silva,x\r\n');
    expect(result.rows.map((row) => row.line)).toEqual([2, 6]);
    expect(errorOf(() => readLeadsCsv('Name,Notes\r\nAna Lopes,"one\r\ntwo"\r\nRui,x,y\r\n')).line).toBe(4);
  });

  it('names blank and repeated headers so a mapping can tell them apart', () => {
    const result = readLeadsCsv('Email,,Email\na@b.c,x,d@e.f\n');
    expect(result.headers).toEqual(['Email', 'Column 2', 'Email (2)']);
    expect(result.rows[0]!.fields.email).toBe('a@b.c');
    expect(result.rows[0]!.unmapped).toEqual({ 'Column 2': 'x', 'Email (2)': 'd@e.f' });
  });

  it('accepts rows with fewer values and skips rows of empty cells', () => {
    const result = readLeadsCsv('First Name;Last Name;Company\nAna;Lopes\n;;\nRui;Silva;Beta\n');
    expect(result.rows.map((row) => [row.line, row.fields])).toEqual([
      [2, { firstName: 'Ana', lastName: 'Lopes' }],
      [4, { firstName: 'Rui', lastName: 'Silva', company: 'Beta' }],
    ]);
  });

  it('reads back a Salesforce Leads CSV export, formula quotes undone', () => {
    const lead = makeLead({ firstName: 'Zoë', lastName: '=Núñez', company: 'Acme, Inc.', email: 'z@acme.com', phone: '+1 555 0100', notes: 'Two\nlines', rating: 'Hot' });
    const result = readLeadsCsv(salesforceLeadsCsv([lead]).files[0] as string);
    expect(result.unmappedColumns).toEqual([
      'HasOptedOutOfEmail',
      'LeadBooth_Event__c',
      'LeadBooth_Captured_At__c',
      'LeadBooth_Status__c',
      'LeadBooth_Consent_Text__c',
      'LeadBooth_Consent_At__c',
    ]);
    expect(Object.keys(result.guessedMapping)).toEqual(SALESFORCE_LEAD_COLUMNS.filter((column) => !result.unmappedColumns.includes(column)));
    expect(result.rows[0]!.fields).toEqual({
      firstName: 'Zoë',
      lastName: '=Núñez',
      company: 'Acme, Inc.',
      email: 'z@acme.com',
      phone: '+1 555 0100',
      leadSource: 'Trade Show',
      // Salesforce's picklist value, as the file holds it; the import's status rule reads it as New.
      status: 'Open - Not Contacted',
      rating: 'Hot',
      notes: 'Two\nlines',
      id: lead.id,
    });
  });

  it('maps every HubSpot export column', () => {
    const result = readLeadsCsv(hubspotContactsCsv([makeLead({ firstName: 'Åsa' })]).text);
    // The export's note and consent columns are for HubSpot; LeadBooth's importer does not read them back (yet).
    const forHubspotOnly = [
      'Lifecycle Stage',
      "Legal basis for processing contact's data",
      'Note body',
      'Activity date',
      'LeadBooth Rating',
      'LeadBooth Lead Source',
      'LeadBooth Consent',
      'LeadBooth Consent Text',
      'LeadBooth Consent At',
    ];
    expect(result.unmappedColumns).toEqual(forHubspotOnly);
    expect(Object.keys(result.guessedMapping)).toEqual(HUBSPOT_CONTACT_COLUMNS.filter((column) => !forHubspotOnly.includes(column)));
    expect(result.guessedMapping['Lead Status']).toBe('status');
    expect(result.guessedMapping['LeadBooth ID']).toBe('id');
  });

  it('reads a file csv-stringify wrote with every awkward value', () => {
    const values = [['Vorname', 'Nachname', 'Notizen'], ['A"na', 'Lo,pes', 'x;y\r\nz'], ['', '', '']];
    const result = readLeadsCsv(stringify(values));
    expect(result.rows).toEqual([{ line: 2, fields: { firstName: 'A"na', lastName: 'Lo,pes', notes: 'x;y\r\nz' }, unmapped: {} }]);
  });
});

describe('readLeadsCsv: malformed files name the line', () => {
  it('a quote never closed names the row it opens in', () => {
    const error = errorOf(() => readLeadsCsv('Name,Company\nAna,Acme\n\nRui,"Beta\nCarla,Gamma\n'));
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^Line 4: .*closing "/);
  });
  it('a row with too many values', () => {
    const error = errorOf(() => readLeadsCsv('Name,Company\nAna,Acme\nRui,Beta,extra\n'));
    expect(error.line).toBe(3);
    expect(error.message).toContain('3 values but the header has 2 columns');
  });
  it('a stray quote inside a value', () => {
    expect(errorOf(() => readLeadsCsv('Name,Company\nAna,Ac"me"\n')).line).toBe(2);
    expect(errorOf(() => readLeadsCsv('Name,Company\nAna,"Acme"x\n')).line).toBe(2);
  });
  it('an empty file', () => {
    expect(errorOf(() => readLeadsCsv('\uFEFF\n\n')).message).toMatch(/^Line 1: the file is empty/);
  });
});

describe('header guessing', () => {
  it('folds case, accents, spaces and punctuation', () => {
    expect(headerWord('  E-Mail-Adresse ')).toBe('emailadresse');
    expect(headerWord('Código Postal')).toBe('codigopostal');
  });
  it.each([
    ['Salesforce API names', ['Salutation', 'FirstName', 'LastName', 'Company', 'Title', 'Email', 'Phone', 'MobilePhone', 'Street', 'City', 'State', 'PostalCode', 'Country', 'Website', 'Description']],
    ['Salesforce labels', ['Salutation', 'First Name', 'Last Name', 'Company', 'Title', 'Email', 'Phone', 'Mobile', 'Street', 'City', 'State/Province', 'Zip/Postal Code', 'Country', 'Website', 'Description']],
    ['German', ['Anrede', 'Vorname', 'Nachname', 'Firma', 'Position', 'E-Mail', 'Telefon', 'Handy', 'Straße', 'Ort', 'Bundesland', 'PLZ', 'Land', 'Webseite', 'Bemerkungen']],
    ['French', ['Civilité', 'Prénom', 'Nom', 'Société', 'Fonction', 'Courriel', 'Téléphone', 'Portable', 'Adresse', 'Ville', 'Région', 'Code postal', 'Pays', 'Site web', 'Commentaires']],
    ['Spanish', ['Tratamiento', 'Nombre', 'Apellidos', 'Empresa', 'Cargo', 'Correo electrónico', 'Teléfono', 'Móvil', 'Dirección', 'Ciudad', 'Provincia', 'Código postal', 'País', 'Sitio web', 'Notas']],
  ])('maps %s', (_, headers) => {
    expect(Object.values(guessMapping(headers))).toEqual([
      'salutation', 'firstName', 'lastName', 'company', 'title', 'email', 'phone', 'mobile', 'street', 'city', 'region', 'postalCode', 'country', 'website', 'notes',
    ]);
  });
  it('detects the delimiter from the header row only, outside quotes', () => {
    expect(detectDelimiter('"a,b";c;d\n1,2,3,4,5,6\n')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('single\n')).toBe(',');
  });
});

describe('status and rating values from other tools', () => {
  it.each([
    ['Open - Not Contacted', 'New'],
    ['NEW', 'New'],
    ['Working - Contacted', 'Working'],
    ['IN_PROGRESS', 'Working'],
    ['Nurturing', 'Working'],
    ['OPEN_DEAL', 'Qualified'],
    ['Closed - Converted', 'Qualified'],
    ['Closed - Not Converted', 'Unqualified'],
    ['UNQUALIFIED', 'Unqualified'],
    ['whatever', null],
  ])('status %j → %s', (text, status) => {
    expect(leadStatusFromText(text)).toBe(status);
  });
  it.each([
    ['hot', 'Hot'],
    ['WARM', 'Warm'],
    ['Heiß', 'Hot'],
    ['froid', 'Cold'],
    ['5 stars', null],
  ])('rating %j → %s', (text, rating) => {
    expect(leadRatingFromText(text)).toBe(rating);
  });
});
