import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../shared/parsing/card-parser';
import { CARD_FIELDS } from '../../../shared/parsing/card-fields';
import { checkMarks } from '../../../shared/parsing/check-marks';
import { page } from './helpers';

const values = (p: ReturnType<typeof parseCard>): Record<string, string> =>
  Object.fromEntries(CARD_FIELDS.map((f) => [f, p[f].value]));

describe('parseCard', () => {
  it('returns all fields empty for an empty page', () => {
    const card = parseCard({ width: 100, height: 60, lines: [], text: '' });
    for (const f of CARD_FIELDS) {
      expect(card[f].value).toBe('');
      expect(card[f].confidence).toBe(0);
      expect(card[f].box).toBeNull();
    }
  });

  it('reads a US card: fax never lands in phone, tagline digits ignored, ALL-CAPS company restored', () => {
    const card = parseCard(page([
      ['QUILLBROOK DYNAMICS INC.', 40, 40, 40],
      ['Serving builders since 1987', 40, 90, 18],
      ['Marisol Quintero-Hale', 40, 200, 56],
      ['Vice President, Field Operations', 40, 262, 26],
      ['Direct: (503) 555-0142', 40, 400, 24],
      ['Fax: (503) 555-0199', 40, 430, 24],
      ['marisol.hale@quillbrook.example.com', 40, 460, 24],
      ['www.quillbrook.example.com', 40, 490, 24],
      ['77 Tamarack Lane, Suite 12', 40, 520, 24],
      ['Portland, OR 97205', 40, 550, 24],
    ]));
    expect(values(card)).toMatchObject({
      firstName: 'Marisol',
      lastName: 'Quintero-Hale',
      title: 'Vice President, Field Operations',
      company: 'Quillbrook Dynamics Inc.',
      phone: '(503) 555-0142',
      fax: '(503) 555-0199',
      mobile: '',
      email: 'marisol.hale@quillbrook.example.com',
      website: 'www.quillbrook.example.com',
      street: '77 Tamarack Lane, Suite 12',
      city: 'Portland',
      region: 'OR',
      postalCode: '97205',
      country: '',
    });
    expect(card.phone.e164).toBe('+15035550142');
    expect(card.fax.e164).toBe('+15035550199');
  });

  it('spells the domain as the company printed in large type where the small contact line ran rn into m', () => {
    const card = parseCard(page([
      ['Varnholt Textiles Pty. Ltd.', 40, 40, 40],
      ['Sienna Papadopoulos', 40, 100, 36],
      ['Office +61 3 7010 6058', 40, 400, 18],
      ['e: spapadopoulos@vamholt.example.com.au', 40, 430, 20],
      ['vamholt.example.com.au', 40, 460, 20],
    ]));
    expect(card.email.value).toBe('spapadopoulos@varnholt.example.com.au');
    expect(card.website.value).toBe('varnholt.example.com.au');
    // the same confusion in type as large as the company's is left as read
    const same = parseCard(page([
      ['Varnholt Textiles Pty. Ltd.', 40, 40, 24],
      ['Sienna Papadopoulos', 40, 100, 36],
      ['e: spapadopoulos@vamholt.example.com.au', 40, 430, 20],
    ]));
    expect(same.email.value).toBe('spapadopoulos@vamholt.example.com.au');
  });

  it('reads an e-mail whose @ and dots were all read as spaces when its domain names the company', () => {
    const card = (contact: string): ReturnType<typeof page> =>
      page([['Brightwell Optics Pty. Ltd.', 40, 40, 30], ['Matilda Callaghan', 40, 100, 36], ['Cell 0491 570 157', 40, 280, 18], [contact, 40, 310, 18]]);
    const read = card('matilda brightwell example');
    expect(parseCard(read).email.value).toBe('matilda@brightwell.example');
    // never left unmarked: no @ was read on its line
    expect(checkMarks(parseCard(read), read).email).toBe('unsure');
    expect(parseCard(card('E: matilda brightwell com au')).email.value).toBe('matilda@brightwell.com.au');
    // three plain words naming nothing on the card are a phrase, and a last word that is no ending too
    expect(parseCard(card('matilda lumen example')).email.value).toBe('');
    expect(parseCard(card('matilda brightwell optics')).email.value).toBe('');
  });

  it('takes no Brazilian postcode after its region code for a number', () => {
    const card = parseCard(page([
      ['Gonçalo Conceição', 40, 60, 36],
      ['Tel. (21) 2305-4041', 40, 200, 18],
      ['goncalo@vellacott.example.com.br', 40, 230, 18],
      ['Rua das Flores, 1050', 40, 400, 18],
      ['Setor de compras Rio de Janeiro - RJ. 71761-760', 40, 430, 18],
    ]));
    expect(card.phone.value).toBe('(21) 2305-4041');
    expect(card.mobile.value).toBe('');
  });

  it('keeps a calling code the OCR set apart from its number as a column of its own', () => {
    const card = parseCard(page([
      ['Marta Sanchez Vidal', 40, 60, 36],
      ['Director Técnico', 40, 110, 20],
      ['M, +34          679 419 044', 40, 300, 18],
      ['Paseo de la Castellana, 199', 40, 400, 18],
      ['28046 Madrid', 40, 430, 18],
    ]));
    expect(card.mobile.value).toBe('+34 679 419 044');
  });

  it('puts a dot where the OCR read a space between the person\'s first and last name in the e-mail', () => {
    const card = (contact: string, name = 'Martina Rinaldi'): ReturnType<typeof parseCard> =>
      parseCard(page([['Terranova Servizi S.r.l.', 40, 40, 30], [name, 40, 100, 36], [contact, 40, 300, 18]]));
    expect(card('E-mail martina rinaldi@terranova.it').email.value).toBe('martina.rinaldi@terranova.it');
    // without a label the first piece was left out; the name's two parts still tell the separator
    expect(card('zhi low@saltire.sg', 'Zhi Wei Low').email.value).toBe('zhi.low@saltire.sg');
    // a space inside one word of the name is no separator, and words that are not the name's parts are left alone
    expect(card('E-mail mart ina@terranova.it').email.value).toBe('martina@terranova.it');
    expect(card('E-mail sales team@terranova.it').email.value).not.toContain('.team');
  });

  it('reads an e-mail whose @ the OCR read as a letter when the rest names the card\'s website or company', () => {
    const card = (contact: string, extra: Array<[string, number, number, number]> = []): ReturnType<typeof parseCard> =>
      parseCard(page([['Duneway Systems Private Limited', 40, 40, 30], ['Rahul Rao', 40, 100, 30], [contact, 40, 300, 18], ...extra]));
    const withSite = card('E: rraogduneway.in', [['https://duneway.in', 40, 330, 18]]);
    expect(withSite.email.value).toBe('rrao@duneway.in');
    expect(withSite.website.value).toBe('https://duneway.in');
    // the company's name alone is agreement enough
    expect(card('rraogduneway.in').email.value).toBe('rrao@duneway.in');
    // a website that names the company itself is a website, and so is one nothing on the card agrees with
    expect(card('duneway.in').website.value).toBe('duneway.in');
    expect(card('rraogtidewell.in').email.value).toBe('');
    // www. or a scheme: a website as printed
    expect(card('www.rraogduneway.in').email.value).toBe('');
  });

  it('takes a bare host after a lone lower-case word, on a card with no e-mail, for the e-mail that lost its @', () => {
    const lines = (contact: string): ReturnType<typeof page> => page([['Corvina Marine Pte Ltd', 40, 40, 40], ['Jun Jie Lim', 40, 100, 30], [contact, 40, 300, 18]]);
    expect(parseCard(lines('hello corvina-marine. example.com.sg')).website.value).toBe('');
    expect(parseCard(lines('E: hello corvina.example')).website.value).toBe('');
    expect(parseCard(lines('web corvina.example')).website.value).toBe('corvina.example');
    expect(parseCard(lines('w. corvina.example')).website.value).toBe('corvina.example');
    expect(parseCard(lines('Visit us at corvina.example')).website.value).toBe('corvina.example');
    expect(parseCard(lines('hello www.corvina.example')).website.value).toBe('www.corvina.example');
    // the host names the company: the e-mail, its @ lost
    expect(parseCard(lines('hello corvina-marine. example.com.sg')).email.value).toBe('hello@corvina-marine.example.com.sg');
    expect(parseCard(lines('E: hello corvina.example')).email.value).toBe('hello@corvina.example');
    // nothing on the card names the host: neither an e-mail nor a website
    expect(parseCard(lines('E: hello tidewell.example')).email.value).toBe('');
    expect(parseCard(lines('E: hello tidewell.example')).website.value).toBe('');
  });

  it('tells phone, mobile and fax apart with French, German and English labels', () => {
    const fr = parseCard(page([
      ['Élodie Marchetti', 40, 40, 50],
      ['Responsable Achats', 40, 100, 24],
      ['Tél. 04 72 11 22 33', 40, 400, 22],
      ['Port. 06 12 34 56 78', 40, 430, 22],
      ['Fax 04 72 11 22 34', 40, 460, 22],
      ['12 rue des Tanneurs, 69002 Lyon', 40, 490, 22],
    ]));
    expect(fr.phone.value).toBe('04 72 11 22 33');
    expect(fr.mobile.value).toBe('06 12 34 56 78');
    expect(fr.fax.value).toBe('04 72 11 22 34');
    expect(fr.phone.e164).toBe('+33472112233');
    expect(fr.city.value).toBe('Lyon');
    expect(fr.postalCode.value).toBe('69002');

    const de = parseCard(page([
      ['Henrik Albrecht', 40, 40, 50],
      ['Telefon +49 221 4567890', 40, 400, 22],
      ['Handy +49 171 2345678', 40, 430, 22],
      ['Telefax +49 221 4567899', 40, 460, 22],
    ]));
    expect(de.phone.value).toBe('+49 221 4567890');
    expect(de.mobile.value).toBe('+49 171 2345678');
    expect(de.fax.value).toBe('+49 221 4567899');
  });

  it('puts an unlabeled mobile-range number in mobile and the direct line in phone', () => {
    const card = parseCard(page([
      ['Oisín Gallagher', 40, 40, 50],
      ['Office +44 20 7946 0000 | Direct +44 20 7946 0123', 40, 400, 22],
      ['+44 7700 900123', 40, 430, 22],
    ]));
    expect(card.phone.value).toBe('+44 20 7946 0123');
    expect(card.mobile.value).toBe('+44 7700 900123');
    expect(card.fax.value).toBe('');
  });

  it('ignores VAT / registration lines, logo initials and LinkedIn lines', () => {
    const card = parseCard(page([
      ['TW', 40, 40, 80],
      ['Thornwick Analytics Ltd', 140, 60, 36],
      ['Priya Raman', 40, 200, 52],
      ['Head of Data Science', 40, 260, 24],
      ['+44 (0)113 496 0777', 40, 400, 22],
      ['priya@thornwick.example.co.uk', 40, 430, 22],
      ['linkedin.com/in/priya-raman', 40, 460, 22],
      ['Registered in England No. 08123456 · VAT GB 123 4567 89', 40, 560, 16],
    ]));
    expect(card.company.value).toBe('Thornwick Analytics Ltd');
    expect(card.website.value).toBe('');
    expect(card.phone.value).toBe('+44 (0)113 496 0777');
    expect(card.fax.value).toBe('');
    expect(card.mobile.value).toBe('');
    expect(card.firstName.value).toBe('Priya');
    expect(card.lastName.value).toBe('Raman');
  });

  it('keeps Dr./PhD in fullName only and multi-word surnames whole', () => {
    const card = parseCard(page([
      ['Dr. Lieke J. van den Broek, PhD', 40, 40, 50],
      ['Senior Research Scientist', 40, 100, 24],
      ['lieke.vandenbroek@polderlab.example.nl', 40, 400, 22],
    ]));
    expect(card.fullName.value).toBe('Dr. Lieke J. van den Broek, PhD');
    expect(card.firstName.value).toBe('Lieke');
    expect(card.lastName.value).toBe('van den Broek');
    expect(card.title.value).toBe('Senior Research Scientist');
  });

  it('reads a name printed over two lines', () => {
    const card = parseCard(page([
      ['Benedetta', 40, 40, 48],
      ['Castellano Ruiz', 40, 92, 48],
      ['Direttore Commerciale', 40, 160, 24],
      ['b.castellano@ferrovia-moda.example.it', 40, 400, 22],
    ]));
    expect(card.firstName.value).toBe('Benedetta');
    expect(card.lastName.value).toBe('Castellano Ruiz');
    expect(card.fullName.value).toBe('Benedetta Castellano Ruiz');
  });

  it('reads a short family name in capitals under the given name as the name going on, not a logo', () => {
    const lines: Array<[string, number, number, number]> = [
      ['Ostrava Ceramics Pte. Ltd.', 212, 180, 37],
      ['JUN JIE', 206, 238, 27],
      ['LIM', 208, 271, 21],
      ['BUSINESS DEVELOPMENT EXECUTIVE', 204, 323, 26],
      ['6533 6434', 200, 387, 14],
      ['Email | sales@ostrava.example.com.sg', 199, 412, 18],
    ];
    const card = parseCard(page(lines));
    expect(card.fullName.value).toBe('Jun Jie Lim');
    expect(card.lastName.value).toBe('Lim');
    // three capitals standing apart from the text are still a logo's initials
    const logo = parseCard(page([['ACM', 700, 40, 60], ...lines.filter(([text]) => text !== 'LIM')]));
    expect(logo.fullName.value).toBe('Jun Jie');
  });

  it('reads a name set over two lines with wide leading, in the left column of a divided card', () => {
    // as read from a divided card: the right column's lines fall between the two lines of the name in
    // reading order, and the name's lines are set ~1.75 of their type size apart (a gap of ~1.3 box heights)
    const card = parseCard(page([
      ['Pablo', 71, 232, 34],
      ['Tel. +34 91 319 51 48', 607, 263, 14],
      ['M. +34 647 385 800', 608, 291, 14],
      ['Castro', 71, 309, 33],
      ['E. pablo.castro@palladiosoluciones.es', 608, 320, 18],
      ['www.palladiosoluciones.es', 606, 347, 18],
      ['JEFA DE PROYECTO', 69, 381, 17],
      ['C/ Serrano, 5', 607, 376, 16],
      ['48066 Bilbao', 607, 404, 14],
      ['Palladio Soluciones S.L.', 70, 420, 21],
    ], 1150, 669));
    expect(card.firstName.value).toBe('Pablo');
    expect(card.lastName.value).toBe('Castro');
    expect(card.company.value).toBe('Palladio Soluciones S.L.');
  });

  it('repairs OCR noise in e-mail and website and matches the company to the domain', () => {
    const card = parseCard(page([
      ['Ruairí Brennock', 40, 40, 50],
      ['KILMORE & ASH', 40, 120, 36],
      ['E | ruairi©kilmoreash.example,com', 40, 400, 22],
      ['W | www. kilmoreash.example.com', 40, 430, 22],
    ]));
    expect(card.email.value).toBe('ruairi@kilmoreash.example.com');
    expect(card.website.value).toBe('www.kilmoreash.example.com');
    expect(card.company.value).toBe('Kilmore & Ash');
  });

  it('gives a low confidence to a field read from a low-confidence line', () => {
    const card = parseCard(page([
      ['Tobias Lindqvist', 40, 40, 50, 0.95],
      ['tobias@fjordline.example.com', 40, 400, 22, 0.3],
      ['+46 8 123 456 78', 40, 430, 22, 0.96],
    ]));
    expect(card.email.value).toBe('tobias@fjordline.example.com');
    expect(card.email.confidence).toBeLessThan(0.5);
    expect(card.fullName.confidence).toBeGreaterThan(0.7);
    expect(card.email.box).not.toBeNull();
  });

  it('reads one-line addresses for CA, AU, UK and DE', () => {
    const ca = parseCard(page([['Noor Haddad', 40, 40, 50], ['88 Rideau Street, Suite 400, Ottawa, ON K1N 5Y3, Canada', 40, 400, 22]]));
    expect(values(ca)).toMatchObject({ street: '88 Rideau Street, Suite 400', city: 'Ottawa', region: 'ON', postalCode: 'K1N 5Y3', country: 'Canada' });
    const au = parseCard(page([['Liam Tran', 40, 40, 50], ['Level 3, 120 Flinders Lane, Melbourne VIC 3000', 40, 400, 22]]));
    expect(values(au)).toMatchObject({ street: 'Level 3, 120 Flinders Lane', city: 'Melbourne', region: 'VIC', postalCode: '3000' });
    const uk = parseCard(page([['Freya Doyle', 40, 40, 50], ['14 Carver Street', 40, 400, 22], ['Sheffield S1 4FS', 40, 430, 22], ['United Kingdom', 40, 460, 22]]));
    expect(values(uk)).toMatchObject({ street: '14 Carver Street', city: 'Sheffield', postalCode: 'S1 4FS', country: 'United Kingdom', region: '' });
    const de = parseCard(page([['Jonas Feldmann', 40, 40, 50], ['Rosenweg 7a', 40, 400, 22], ['D-50667 KÖLN', 40, 430, 22]]));
    expect(values(de)).toMatchObject({ street: 'Rosenweg 7a', city: 'Köln', postalCode: '50667' });
  });

  it('reads NL, IT, BR, IN and SG address shapes', () => {
    const nl = parseCard(page([['Sanne de Vries', 40, 40, 50], ['Keizersgracht 221', 40, 400, 22], ['1016 DV Amsterdam', 40, 430, 22]]));
    expect(values(nl)).toMatchObject({ city: 'Amsterdam', postalCode: '1016 DV', street: 'Keizersgracht 221' });
    const it_ = parseCard(page([['Giulia Ferri', 40, 40, 50], ['Via Solferino 12, 20121 Milano (MI)', 40, 400, 22]]));
    expect(values(it_)).toMatchObject({ street: 'Via Solferino 12', city: 'Milano', region: 'MI', postalCode: '20121' });
    const br = parseCard(page([['Rafael Souza', 40, 40, 50], ['Av. Paulista, 1000', 40, 400, 22], ['São Paulo - SP, 01310-100', 40, 430, 22]]));
    expect(values(br)).toMatchObject({ city: 'São Paulo', region: 'SP', postalCode: '01310-100' });
    const inn = parseCard(page([['Ananya Iyer', 40, 40, 50], ['Bengaluru, Karnataka 560001', 40, 400, 22]]));
    expect(values(inn)).toMatchObject({ city: 'Bengaluru', region: 'Karnataka', postalCode: '560001' });
    const sg = parseCard(page([['Wei Ling Tan', 40, 40, 50], ['10 Anson Road #20-05', 40, 400, 22], ['Singapore 079903', 40, 430, 22]]));
    expect(values(sg)).toMatchObject({ city: 'Singapore', postalCode: '079903', country: '' });
  });

  it('does not take a tagline or a department for the company', () => {
    const card = parseCard(page([
      ['Ottilie Brandt', 40, 40, 50],
      ['Key Account Manager', 40, 100, 24],
      ['Northern Europe Region', 40, 130, 20],
      ['Built for people who build.', 40, 300, 18],
      ['+49 40 5551234', 40, 400, 22],
    ]));
    expect(card.title.value).toBe('Key Account Manager');
    expect(card.company.value).toBe('');
  });
});
