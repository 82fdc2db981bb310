/**
 * The kinds of error the scanner made on cards it was never tuned on (issue 10), each on an
 * invented card: people, companies and streets made up, domains `.example`, numbers from
 * fictional ranges.
 */
import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../shared/parsing/card-parser';
import { CARD_FIELDS } from '../../../shared/parsing/card-fields';
import { page, type L } from './helpers';

const read = (lines: L[], width?: number, height?: number): Record<string, string> => {
  const card = parseCard(page(lines, width, height));
  return Object.fromEntries(CARD_FIELDS.map((f) => [f, card[f].value]));
};

describe('company and person', () => {
  it('a company in capitals above the name is the company, and the rest of the card is still read', () => {
    const v = read([
      ['NORTHGATE WEAVING', 60, 40, 30],
      ['Ilse Brandvold', 60, 110, 40],
      ['Head of Sourcing', 60, 165, 22],
      ['T +44 113 496 0123', 60, 320, 18],
      ['ilse@northgate-weaving.example', 60, 350, 18],
      ['12 Tanner Row', 60, 380, 18],
      ['Leeds LS1 4DY', 60, 410, 18],
    ]);
    expect(v).toMatchObject({
      company: 'Northgate Weaving', fullName: 'Ilse Brandvold', title: 'Head of Sourcing', phone: '+44 113 496 0123',
      email: 'ilse@northgate-weaving.example', street: '12 Tanner Row', city: 'Leeds', postalCode: 'LS1 4DY',
    });
  });

  it('a company in larger type above the name, no legal form, no e-mail: the line over the title is the person', () => {
    const v = read([
      ['Corvid Harbour', 60, 40, 48],
      ['Mei Xin Ho,', 60, 110, 40],
      ['Senior Buyer', 60, 165, 22],
      ['Office: 6123 4567', 60, 320, 18],
    ]);
    expect(v).toMatchObject({ company: 'Corvid Harbour', fullName: 'Mei Xin Ho', firstName: 'Mei Xin', lastName: 'Ho', title: 'Senior Buyer' });
  });

  it('a student card: the course under the name, the company in larger capitals below; the known family name decides', () => {
    const v = read([
      ['Jun Hao Teo', 60, 60, 22],
      ['B.Sc. Marine Biology — Year 2', 60, 100, 14],
      ['TIDEWATER MARINE', 60, 150, 34],
      ['Mobile | 9123 4567', 600, 60, 16],
    ]);
    expect(v).toMatchObject({ fullName: 'Jun Hao Teo', firstName: 'Jun Hao', lastName: 'Teo', company: 'Tidewater Marine' });
  });

  it('a company at the bottom without a legal form or a domain to agree with', () => {
    const v = read([
      ['Tomasz Wierzbicki', 60, 60, 40],
      ['Senior Buyer', 60, 115, 22],
      ['M 07700 900476', 60, 200, 18],
      ['Harbourline Provisions', 60, 500, 28],
    ]);
    expect(v).toMatchObject({ fullName: 'Tomasz Wierzbicki', title: 'Senior Buyer', company: 'Harbourline Provisions', mobile: '07700 900476' });
  });

  it('a card that prints no person: the company is not taken for a name', () => {
    const v = read([
      ['Corvane Consultoria', 60, 60, 34],
      ['T. (21) 2943-8752', 60, 200, 18],
      ['contato@corvane.example.com.br', 60, 230, 18],
      ['Rua das Palmeiras, 30', 60, 260, 18],
      ['São Paulo - SP, 01310-100', 60, 290, 18],
    ]);
    expect(v).toMatchObject({ fullName: '', firstName: '', lastName: '', company: 'Corvane Consultoria', city: 'São Paulo', region: 'SP' });
  });

  it('a department under the title is neither the title nor the company; a German compound title is a title', () => {
    const v = read([
      ['Wenke Ostermeier', 60, 60, 40],
      ['Abteilungsleiterin Einkauf', 60, 115, 22],
      ['Strategic Accounts', 60, 145, 20],
      ['Lindqvar Verpackung GmbH', 60, 220, 28],
      ['Tel. +49 221 5550123', 60, 400, 18],
    ]);
    expect(v).toMatchObject({ title: 'Abteilungsleiterin Einkauf', company: 'Lindqvar Verpackung GmbH' });
  });

  it('a slogan with a year is not the company, and a partner in a slogan is not a title', () => {
    const v = read([
      ['Reva Okonjo', 60, 60, 40],
      ['Your partner in clean water', 60, 115, 18],
      ['Aquilon Filtration Ltd', 60, 160, 26],
      ['Keeping things moving since 1987', 60, 195, 16],
    ]);
    expect(v).toMatchObject({ title: '', company: 'Aquilon Filtration Ltd' });
  });

  it('"lll" after a name is the generational III', () => {
    const v = read([['Harlan Whitcombe lll', 60, 60, 40], ['Managing Partner', 60, 115, 22]]);
    expect(v).toMatchObject({ fullName: 'Harlan Whitcombe III', firstName: 'Harlan', lastName: 'Whitcombe' });
  });

  it('never hands back an empty card when text was read', () => {
    const v = read([['Qorvessa', 60, 60, 36, 0.9]]);
    expect(Object.values(v).some((x) => x !== '')).toBe(true);
  });
});

describe('contact lines holding several fields', () => {
  it('E: … W: …, Mail: … | Web: …, E. … · W. …', () => {
    expect(read([['Ana Paiva', 60, 60, 40], ['E: ana@lumisca.example W: www.lumisca.example', 60, 300, 18]])).toMatchObject({
      email: 'ana@lumisca.example', website: 'www.lumisca.example',
    });
    expect(read([['Ana Paiva', 60, 60, 40], ['Mail: ana@lumisca.example | Web: lumisca.example', 60, 300, 18]])).toMatchObject({
      email: 'ana@lumisca.example', website: 'lumisca.example',
    });
    expect(read([['Ana Paiva', 60, 60, 40], ['E. ana@lumisca.example · W. https://lumisca.example', 60, 300, 18]])).toMatchObject({
      email: 'ana@lumisca.example', website: 'https://lumisca.example',
    });
  });

  it('a number and an e-mail on one line separated by ";"', () => {
    expect(read([['Ana Paiva', 60, 60, 40], ['T: +33 1 20 68 52 78; ana@lumisca.example', 60, 300, 18]])).toMatchObject({
      phone: '+33 1 20 68 52 78', email: 'ana@lumisca.example',
    });
  });

  it('(C) (F) (P), Direct:, cell: labels and extensions kept with their number', () => {
    const v = read([
      ['Dale Marchetti', 60, 60, 40],
      ['(P) (303) 555-0142 x123', 60, 300, 18],
      ['(C) (720) 555-0188', 60, 330, 18],
      ['(F) (303) 555-0199', 60, 360, 18],
    ]);
    expect(v).toMatchObject({ phone: '(303) 555-0142 x123', mobile: '(720) 555-0188', fax: '(303) 555-0199' });
    const w = read([
      ['Dale Marchetti', 60, 60, 40],
      ['Main: (303) 555-0100 ext. 555', 60, 300, 18],
      ['Direct: (303) 555-0142', 60, 330, 18],
      ['cell: (720) 555-0188', 60, 360, 18],
    ]);
    expect(w).toMatchObject({ phone: '(303) 555-0142', mobile: '(720) 555-0188' });
  });

  it('an unlabelled UK mobile is the mobile (libphonenumber number type)', () => {
    expect(read([['Ffion Pryce', 60, 60, 40], ['020 7946 0321', 60, 300, 18], ['07700 900 476', 60, 330, 18]])).toMatchObject({
      phone: '020 7946 0321', mobile: '07700 900 476',
    });
  });

  it('a space the OCR put inside an e-mail does not cut it short', () => {
    expect(read([['Ana Paiva', 60, 60, 40], ['E: ana.pai va@lumisca.example', 60, 300, 18]]).email).toBe('ana.paiva@lumisca.example');
  });

  it('two numbers on one line with a dash between them', () => {
    expect(read([['Ana Paiva', 60, 60, 40], ['Telefon: +49 (0)89 2226232 - 0170 3688173', 60, 300, 18]])).toMatchObject({
      phone: '+49 (0)89 2226232', mobile: '0170 3688173',
    });
  });
});

describe('addresses', () => {
  it('an icon read as a letter or digit before a floor or unit word', () => {
    expect(read([['Ana Paiva', 60, 60, 40], ['Q Level 9, 120 Pitt Street', 60, 300, 18], ['Sydney NSW 2000', 60, 330, 18]]).street).toBe('Level 9, 120 Pitt Street');
    expect(read([['Ana Paiva', 60, 60, 40], ['9 Unit 13, 4 Harbour Road', 60, 300, 18], ['Dublin 2, D02 X285', 60, 330, 18]]).street).toBe('Unit 13, 4 Harbour Road');
  });

  it('NL, ES, IT, CH, IE, IN, SG and BR shapes', () => {
    const cases: Array<[string, string, Record<string, string>]> = [
      ['Beukenlaan 66', '4607 KL Eindhoven', { city: 'Eindhoven', postalCode: '4607 KL' }],
      ['Calle del Olmo, 77, 9º', '41001 Sevilla', { city: 'Sevilla', postalCode: '41001' }],
      ['Via dei Mille, 12', '20121 Milano (MI)', { city: 'Milano', region: 'MI', postalCode: '20121' }],
      ['Seestrasse 12', 'CH-8001 Zürich', { city: 'Zürich', postalCode: '8001' }],
      ['56 Dawson Street', 'Galway, H91 E2K3', { city: 'Galway', postalCode: 'H91 E2K3' }],
      ['353, Park Street', 'Kolkata - 700091', { city: 'Kolkata', postalCode: '700091' }],
      ['80 Robinson Road, #12-01', 'Singapore 068898', { city: 'Singapore', postalCode: '068898' }],
      ['Rua Augusta, 300 - Sala 12', 'Belo Horizonte - MG, 30130-100', { city: 'Belo Horizonte', region: 'MG', postalCode: '30130-100' }],
    ];
    for (const [street, cityLine, want] of cases) {
      expect(read([['Ana Paiva', 60, 60, 40], [street, 60, 300, 18], [cityLine, 60, 330, 18]]), cityLine).toMatchObject({ street, ...want });
    }
  });

  it('a country name with a lost accent is given back ("Espaiia" → "España")', () => {
    expect(read([['Ana Paiva', 60, 60, 40], ['Calle Mayor, 98, 2º, 28013 Madrid, Espaiia', 60, 300, 18]])).toMatchObject({
      street: 'Calle Mayor, 98, 2º', city: 'Madrid', postalCode: '28013', country: 'España',
    });
  });
});
