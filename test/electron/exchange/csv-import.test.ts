import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvImportError, decodeCsvBytes, detectDelimiter, guessMapping, headerWord, leadRatingFromText, leadStatusFromText, readLeadsCsv } from '../../../electron/exchange/csv-import';
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

  it('maps a second column for a field too; the value not taken is kept', () => {
    const result = readLeadsCsv('Phone,Telephone\n1234567,7654321\n,7654321\n');
    expect(result.guessedMapping).toEqual({ Phone: 'phone', Telephone: 'phone' });
    expect(result.rows[0]).toMatchObject({ fields: { phone: '1234567' }, unmapped: { Telephone: '7654321' } });
    expect(result.rows[1]).toMatchObject({ fields: { phone: '7654321' }, unmapped: {} });
  });

  it('a shorter row after a full one takes nothing from the row before', () => {
    const result = readLeadsCsv('First Name,Last Name,Company,Notes,Email,Other Email\nRui, Silva ,Beta,met at booth,rui@beta.example,rui@mail.example\nAna,Lopes\n,,Gamma\n');
    expect(result.rows.map((row) => [row.fields, row.unmapped])).toEqual([
      [{ firstName: 'Rui', lastName: 'Silva', company: 'Beta', notes: 'met at booth', email: 'rui@beta.example' }, { 'Other Email': 'rui@mail.example' }],
      [{ firstName: 'Ana', lastName: 'Lopes' }, {}],
      [{ company: 'Gamma' }, {}],
    ]);
  });

  it('headersOnly stops after the header row; a file without one is read whole all the same', () => {
    // The first rows are read to find the header row in; a broken quote after them is not reached.
    const rows = Array.from({ length: 30 }, (_, index) => `Ana,Lopes ${index},ana${index}@acme.example`).join('\n');
    const withHeader = `Notes: exported today\n\nFirst Name,Last Name,Email\n${rows}\nRui,"Silva\n`;
    expect(() => readLeadsCsv(withHeader)).toThrow(CsvImportError);
    const head = readLeadsCsv(withHeader, { headersOnly: true });
    expect(head).toMatchObject({ headersOnly: true, hasHeader: true, headers: ['First Name', 'Last Name', 'Email'], rows: [], ignoredLines: [{ line: 1 }] });
    expect(head.guessedMapping).toEqual(readLeadsCsv(withHeader.slice(0, withHeader.indexOf('Rui'))).guessedMapping);
    const headerless = readLeadsCsv('Ana Lopes,ana@acme.example\nRui Silva,rui@beta.example,+351 21 000 0000\n', { headersOnly: true });
    expect(headerless.headersOnly).toBeUndefined();
    expect(headerless.headers).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(headerless.rows).toHaveLength(2);
  });

  it('counts lines right when quoted values hold CRLF', () => {
    const result = readLeadsCsv('Name,Notes\r\nAna Lopes,"one\r\ntwo\r\nthree"\r\n\r\nRui Silva,x\r\n');
    expect(result.rows.map((row) => row.line)).toEqual([2, 6]);
    expect(readLeadsCsv('Name,Notes\r\nAna Lopes,"one\r\ntwo"\r\nRui,x,y\r\n').problems?.map((problem) => problem.line)).toEqual([4]);
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
    const result = readLeadsCsv(hubspotContactsCsv([makeLead({ firstName: 'Åsa', notes: 'Wants a demo', rating: 'Hot', leadSource: 'Partner Referral' })]).text);
    // The export's lifecycle, note date and consent columns are for HubSpot; LeadBooth's importer does not read them back (yet).
    const forHubspotOnly = [
      'Lifecycle Stage',
      "Legal basis for processing contact's data",
      'Activity date',
      'LeadBooth Consent',
      'LeadBooth Consent Text',
      'LeadBooth Consent At',
    ];
    expect(result.unmappedColumns).toEqual(forHubspotOnly);
    expect(Object.keys(result.guessedMapping)).toEqual(HUBSPOT_CONTACT_COLUMNS.filter((column) => !forHubspotOnly.includes(column)));
    expect(result.guessedMapping['Lead Status']).toBe('status');
    expect(result.guessedMapping['LeadBooth ID']).toBe('id');
    // The lead's own fields come back under the columns the field registry gives them.
    expect(result.rows[0]?.fields).toMatchObject({ notes: 'Wants a demo', rating: 'Hot', leadSource: 'Partner Referral' });
  });

  it('reads a file csv-stringify wrote with every awkward value', () => {
    const values = [['Vorname', 'Nachname', 'Notizen'], ['A"na', 'Lo,pes', 'x;y\r\nz'], ['', '', '']];
    const result = readLeadsCsv(stringify(values));
    expect(result.rows).toEqual([{ line: 2, fields: { firstName: 'A"na', lastName: 'Lo,pes', notes: 'x;y\r\nz' }, unmapped: {} }]);
  });
});

describe('readLeadsCsv: real-world shapes', () => {
  it('keeps a LinkedIn profile URL as an imported value, never as the website', () => {
    const linkedIn = readLeadsCsv('First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Lopes,https://www.linkedin.com/in/ana,,Acme,CTO,01 Jan 2025\n');
    expect(linkedIn.headers[2]).toBe('LinkedIn URL');
    expect(linkedIn.guessedMapping['LinkedIn URL']).toBeUndefined();
    expect(linkedIn.rows[0]!.fields.website).toBeUndefined();
    expect(linkedIn.rows[0]!.unmapped['LinkedIn URL']).toBe('https://www.linkedin.com/in/ana');
    // Elsewhere a profile in a website column is kept too, and a company site beside it wins.
    const generic = readLeadsCsv('Name,Website,Web Page 2\nRui Silva,https://linkedin.com/in/rui,https://beta.example.pt\nCarla Dias,https://www.xing.com/profile/Carla_Dias,\n');
    expect(generic.rows.map((row) => [row.fields.website, row.unmapped])).toEqual([
      ['https://beta.example.pt', { Website: 'https://linkedin.com/in/rui' }],
      [undefined, { Website: 'https://www.xing.com/profile/Carla_Dias' }],
    ]);
  });

  it('finds the header row after a preamble, whatever the delimiter, and names the preamble lines', () => {
    const result = readLeadsCsv('Exported from RegSys\r\n"Show: Expo 2026; Hall 4"\r\n\r\nVorname;Nachname;E-Mail\r\nAna;Lopes;ana@acme.example\r\n');
    expect(result.delimiter).toBe(';');
    expect(result.headers).toEqual(['Vorname', 'Nachname', 'E-Mail']);
    expect(result.ignoredLines?.map((line) => [line.line, line.text])).toEqual([
      [1, 'Exported from RegSys'],
      [2, 'Show: Expo 2026; Hall 4'],
    ]);
    expect(result.rows).toEqual([{ line: 5, fields: { firstName: 'Ana', lastName: 'Lopes', email: 'ana@acme.example' }, unmapped: {} }]);
  });

  it('reads a file without a header row as data, for the user to map (Column N keys, as the CLI\'s --map takes them)', () => {
    const text = 'Ana Lopes,ana@acme.example,+34 612 345 678\nRui Silva,rui@beta.example,\n';
    const result = readLeadsCsv(text);
    expect(result).toMatchObject({ hasHeader: false, headers: ['Column 1', 'Column 2', 'Column 3'], guessedMapping: {}, mapping: {} });
    expect(result.rows.map((row) => row.line)).toEqual([1, 2]);
    expect(result.rows[0]!.unmapped).toEqual({ 'Column 1': 'Ana Lopes', 'Column 2': 'ana@acme.example', 'Column 3': '+34 612 345 678' });
    expect(readLeadsCsv(`lone@acme.example\n${text}`).rows.map((row) => row.line)).toEqual([1, 2, 3]);
    const mapped = readLeadsCsv(text, { mapping: { 'Column 1': 'fullName', 'Column 2': 'email', 'Column 3': 'mobile' } });
    expect(mapped.rows.map((row) => row.fields)).toEqual([
      { firstName: 'Ana', lastName: 'Lopes', email: 'ana@acme.example', mobile: '+34 612 345 678' },
      { firstName: 'Rui', lastName: 'Silva', email: 'rui@beta.example' },
    ]);
  });

  it('without a header row, a longer row later only adds columns (no problem), and a mapping may name them', () => {
    const lines = Array.from({ length: 30 }, (_, index) => `Person ${index},p${index}@acme.example`);
    lines.push('Late Comer,late@acme.example,+49 171 2345678');
    const text = `${lines.join('\n')}\n`;
    const result = readLeadsCsv(text);
    expect(result.headers).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(result.unmappedColumns).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(result.problems).toEqual([]);
    expect(result.rows.at(-1)).toEqual({ line: 31, fields: {}, unmapped: { 'Column 1': 'Late Comer', 'Column 2': 'late@acme.example', 'Column 3': '+49 171 2345678' } });
    const mapped = readLeadsCsv(text, { mapping: { 'Column 2': 'email', 'Column 3': 'mobile' } });
    expect(mapped.rows.at(-1)!.fields).toEqual({ email: 'late@acme.example', mobile: '+49 171 2345678' });
  });

  it('takes a header of unknown words as a header when the rows below hold values', () => {
    const result = readLeadsCsv('Kundin,Kontaktweg,Rufnummer\nAna Lopes,ana@acme.example,+34 612 345 678\n');
    expect(result.hasHeader).toBe(true);
    expect(result.headers).toEqual(['Kundin', 'Kontaktweg', 'Rufnummer']);
    expect(result.rows).toEqual([{ line: 2, fields: {}, unmapped: { Kundin: 'Ana Lopes', Kontaktweg: 'ana@acme.example', Rufnummer: '+34 612 345 678' } }]);
    // The caller may say so either way.
    expect(readLeadsCsv('Kundin,Kontaktweg\nAna,ana@acme.example\n', { hasHeader: false }).rows).toHaveLength(2);
    expect(readLeadsCsv('ana@acme.example,Ana\nrui@beta.example,Rui\n', { hasHeader: true }).headers).toEqual(['ana@acme.example', 'Ana']);
  });

  it('a trailing delimiter on the rows or on the header makes no row too long and no column', () => {
    const onRows = readLeadsCsv('First Name,Email\nAna,ana@acme.example,\nRui,rui@beta.example,\n');
    expect(onRows.problems).toEqual([]);
    expect(onRows.rows[1]).toEqual({ line: 3, fields: { firstName: 'Rui', email: 'rui@beta.example' }, unmapped: {} });
    const onBoth = readLeadsCsv('First Name,Email,\nAna,ana@acme.example,\n');
    expect(onBoth.headers).toEqual(['First Name', 'Email']);
    expect(onBoth.unmappedColumns).toEqual([]);
    expect(onBoth.problems).toEqual([]);
  });

  it('reads CR-only line ends (old Mac), with a quoted value spanning lines', () => {
    const result = readLeadsCsv(new TextEncoder().encode('Name,Notes\rAna Lopes,"one\rtwo"\rRui Silva,x\r'));
    expect(result.rows.map((row) => [row.line, row.fields])).toEqual([
      [2, { firstName: 'Ana', lastName: 'Lopes', notes: 'one\rtwo' }],
      [4, { firstName: 'Rui', lastName: 'Silva', notes: 'x' }],
    ]);
  });

  it('decodes UTF-16 (with or without BOM) and the whole Windows-1252 table (€, –, „“)', () => {
    const utf16 = (text: string) => Uint8Array.from([...text].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8]));
    expect(decodeCsvBytes(Uint8Array.from([0xff, 0xfe, ...utf16('Name\r\nZoë')]))).toBe('Name\r\nZoë');
    expect(decodeCsvBytes(utf16('Name\r\nZoë'))).toBe('Name\r\nZoë');
    const windows1252 = Uint8Array.from([0x80, 0x20, 0x96, 0x20, 0x84, 0x61, 0x93, 0x20, 0xfc, 0x81]);
    expect(decodeCsvBytes(windows1252)).toBe('€ – „a“ ü\u0081');
  });

  it('drops a report footer only after a blank line, and names it', () => {
    const report = '"First Name","Last Name","Company"\r\n"Ana","Lopes","Acme"\r\n""\r\n"My Leads"\r\n"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\r\n';
    const result = readLeadsCsv(report);
    expect(result.rows).toHaveLength(1);
    expect(result.ignoredLines?.map((line) => line.line)).toEqual([4, 5]);
    // Without the blank line, or without a footer's words, they are rows like any other.
    expect(readLeadsCsv('First Name,Last Name,Company\nAna,Lopes,Acme\nRui\nCarla\n').rows).toHaveLength(3);
    expect(readLeadsCsv('Email,Name,Company\na@acme.example,Ana,Acme\n\nb@acme.example\nc@acme.example\n').rows).toHaveLength(3);
    expect(readLeadsCsv('First Name,Last Name,Company\nAna,Lopes,Acme\n\nRui\nCarla\n').rows).toHaveLength(3);
  });

  it('keeps a full name beside first and last name only when it says something else', () => {
    const result = readLeadsCsv('First Name,Last Name,Badge Name\nSøren,Kjær,Søren\nÉlodie,Garçon,elodie garçon\n');
    expect(result.rows.map((row) => row.unmapped)).toEqual([{ 'Badge Name': 'Søren' }, {}]);
  });
});

describe('readLeadsCsv: malformed files name the line', () => {
  it('a quote never closed names the row it opens in', () => {
    const error = errorOf(() => readLeadsCsv('Name,Company\nAna,Acme\n\nRui,"Beta\nCarla,Gamma\n'));
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^Line 4: .*closing "/);
  });
  it('a row with too many values does not sink the file: it is read by position and listed', () => {
    const result = readLeadsCsv('Name,Company\nAna Lopes,Acme\nRui Silva,Beta, Inc.\nCarla Dias,Gamma\n');
    expect(result.rows.map((row) => row.fields.company)).toEqual(['Acme', 'Beta', 'Gamma']);
    expect(result.rows[1]!.unmapped).toEqual({ 'Column 3': 'Inc.' });
    expect(result.problems).toEqual([{ line: 3, value: ' Inc.', why: expect.stringContaining('3 values but the header has 2 columns') }]);
  });
  it('text after a closing quote; a quote inside an unquoted value is taken as it is', () => {
    const error = errorOf(() => readLeadsCsv('Name,Company\nAna,"Acme"x\n'));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^Line 2: text follows a closing quote/);
    expect(readLeadsCsv('Name,Company\nAna,Ac"me 5" AG\n').rows[0]!.fields.company).toBe('Ac"me 5" AG');
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
    // A preamble line with a comma above a ";" header: the header decides.
    expect(detectDelimiter('Messe München, Export 05.12.2026\nVorname;Nachname;E-Mail\nAna;Lopes;a@b.es\n')).toBe(';');
    expect(detectDelimiter('Name,Notes\nAna;Rui,x;y;z\n')).toBe(',');
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
