import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../shared/parsing/card-parser';
import { CARD_FIELDS } from '../../../shared/parsing/card-fields';
import type { OcrPage } from '../../../shared/parsing/ocr-types';
import { page } from './helpers';

const values = (p: ReturnType<typeof parseCard>): Record<string, string> =>
  Object.fromEntries(CARD_FIELDS.map((f) => [f, p[f].value]));

/** Cards made differently from the development set: other layouts and countries. */
describe('parseCard on other card shapes', () => {
  it('reads a portrait Spanish card with the name over two lines', () => {
    const card = parseCard(page([
      ['Grupo Varela S.L.', 60, 120, 30],
      ['Lucía', 60, 400, 44],
      ['Ferrández Olmo', 60, 450, 44],
      ['Directora Comercial', 60, 510, 22],
      ['Móvil +34 612 345 678', 60, 700, 20],
      ['Tel. +34 915 123 456', 60, 730, 20],
      ['lucia.ferrandez@varela.example.es', 60, 760, 20],
      ['Calle de Serrano 41, 3º', 60, 800, 20],
      ['28001 Madrid', 60, 830, 20],
      ['España', 60, 860, 20],
    ], 600, 1050));
    expect(values(card)).toMatchObject({
      firstName: 'Lucía', lastName: 'Ferrández Olmo', title: 'Directora Comercial', company: 'Grupo Varela S.L.',
      mobile: '+34 612 345 678', phone: '+34 915 123 456', street: 'Calle de Serrano 41, 3º', city: 'Madrid',
      postalCode: '28001', country: 'España',
    });
  });

  it('reads a Dutch card with a QR call to action and a LinkedIn line', () => {
    const card = parseCard(page([
      ['Pieter Janssens', 40, 40, 48],
      ['Accountmanager', 40, 100, 22],
      ['Dijkhout & Visman B.V.', 40, 150, 28],
      ['Herengracht 120', 40, 400, 20],
      ['1015 BS Amsterdam', 40, 430, 20],
      ['T +31 20 123 4567', 40, 470, 20],
      ['M +31 6 12345678', 40, 500, 20],
      ['pieter@dijkhout.example.nl', 40, 530, 20],
      ['Scan me', 800, 500, 16],
      ['linkedin.com/in/pieterjanssens', 40, 560, 18],
    ]));
    expect(values(card)).toMatchObject({
      fullName: 'Pieter Janssens', title: 'Accountmanager', company: 'Dijkhout & Visman B.V.', phone: '+31 20 123 4567',
      mobile: '+31 6 12345678', website: '', street: 'Herengracht 120', city: 'Amsterdam', postalCode: '1015 BS',
    });
  });

  it('prefers the direct line over the switchboard on an Italian card', () => {
    const card = parseCard(page([
      ['Alessandra Conti', 40, 40, 48],
      ['Responsabile Acquisti', 40, 100, 22],
      ['Ferrolusso S.r.l.', 40, 150, 30],
      ['Via Giuseppe Verdi 18', 40, 400, 20],
      ['20121 Milano (MI)', 40, 430, 20],
      ['Centralino +39 02 1234 5678', 40, 470, 20],
      ['Diretto +39 02 1234 5699', 40, 500, 20],
      ['Cell. +39 347 123 4567', 40, 530, 20],
    ]));
    expect(values(card)).toMatchObject({
      phone: '+39 02 1234 5699', mobile: '+39 347 123 4567', city: 'Milano', region: 'MI', postalCode: '20121',
      company: 'Ferrolusso S.r.l.', title: 'Responsabile Acquisti',
    });
  });

  it('reads Swiss, Irish, Singaporean and Brazilian cards', () => {
    const ch = parseCard(page([
      ['Reto Brunold', 40, 40, 48], ['Leiter Verkauf', 40, 100, 22], ['Alpenhorn Werke AG', 40, 150, 30],
      ['Bahnhofstrasse 10', 40, 400, 20], ['8001 Zürich', 40, 430, 20], ['Schweiz', 40, 460, 20],
      ['Tel. +41 44 123 45 67', 40, 490, 20], ['Mobile +41 79 123 45 67', 40, 520, 20],
    ]));
    expect(values(ch)).toMatchObject({ street: 'Bahnhofstrasse 10', city: 'Zürich', postalCode: '8001', country: 'Schweiz', mobile: '+41 79 123 45 67' });
    const ie = parseCard(page([
      ['Siobhán Ní Bhriain', 40, 40, 48], ['Operations Director', 40, 100, 22], ['Glenbrack Analytics DAC', 40, 150, 30],
      ['Unit 4, Harbour Court', 40, 400, 20], ['Dublin 2, D02 X285', 40, 430, 20], ['Ireland', 40, 460, 20],
      ['T: +353 1 234 5678', 40, 490, 20], ['M: +353 87 123 4567', 40, 520, 20],
    ]));
    expect(values(ie)).toMatchObject({ lastName: 'Ní Bhriain', city: 'Dublin 2', postalCode: 'D02 X285', phone: '+353 1 234 5678', mobile: '+353 87 123 4567' });
    const sg = parseCard(page([
      ['Lim Jia Hui', 40, 40, 48], ['Regional Sales Manager', 40, 100, 22], ['Merbau Robotics Pte Ltd', 40, 150, 30],
      ['1 Raffles Place, #20-01', 40, 400, 20], ['Singapore 048616', 40, 430, 20],
      ['Main +65 6123 4000', 40, 460, 20], ['DID +65 6123 4567', 40, 490, 20], ['HP +65 9123 4567', 40, 520, 20],
    ]));
    expect(values(sg)).toMatchObject({ phone: '+65 6123 4567', mobile: '+65 9123 4567', city: 'Singapore', postalCode: '048616', company: 'Merbau Robotics Pte Ltd' });
    const br = parseCard(page([
      ['Rafaela Nogueira', 40, 40, 48], ['Gerente de Vendas', 40, 100, 22], ['Cordilha Tecnologia Ltda.', 40, 150, 30],
      ['Rua Haddock Lobo, 595', 40, 400, 20], ['São Paulo - SP, 01414-001', 40, 430, 20],
      ['Tel: +55 11 3456-7890', 40, 460, 20], ['Cel: +55 11 98765-4321', 40, 490, 20],
    ]));
    expect(values(br)).toMatchObject({ city: 'São Paulo', region: 'SP', postalCode: '01414-001', phone: '+55 11 3456-7890', mobile: '+55 11 98765-4321' });
  });

  it('drops a speck the OCR read as a character inside a line', () => {
    const word = (text: string, x0: number, x1: number, y0 = 400, y1 = 424): OcrPage['lines'][number]['words'][number] =>
      ({ text, confidence: 0.9, box: { x0, x1, y0, y1 } });
    const words = [word('77', 40, 70), word('Corran', 80, 160), word('Road,', 170, 240), word('Suite', 250, 310), word('1', 318, 324, 400, 406), word('410,', 330, 380)];
    const street = { text: words.map((w) => w.text).join(' '), confidence: 0.9, box: { x0: 40, x1: 380, y0: 400, y1: 424 }, words };
    const name = page([['Teodor Halvik', 40, 40, 50], ['Portland, OR 97205', 40, 440, 24]]);
    const card = parseCard({ ...name, lines: [...name.lines, street] });
    expect(card.street.value).toBe('77 Corran Road, Suite 410');
  });
});
