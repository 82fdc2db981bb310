/**
 * Address blocks of the countries the second card renderer draws, one row per printed shape:
 * the postcode before the city (NL, ES, IT, CH, BR), Indian PIN codes before or after the state,
 * Brazilian CEPs after "UF - CEP", Irish Eircodes, Singapore's 6-digit codes.
 */
import { describe, expect, it } from 'vitest';
import { matchCityLine, normalisePostcode } from '../../../shared/parsing/address';
import { parseCard } from '../../../shared/parsing/card-parser';
import { page } from './helpers';

const CITY_LINES: Array<[line: string, city: string, region: string, postalCode: string, country: string | undefined]> = [
  ['1017 DD Amsterdam', 'Amsterdam', '', '1017 DD', 'NL'],
  ['28013 Madrid', 'Madrid', '', '28013', undefined],
  ['08029 Barcelona', 'Barcelona', '', '08029', undefined],
  ['00186 Roma (RM)', 'Roma', 'RM', '00186', undefined],
  ['20121 Milano MI', 'Milano', 'MI', '20121', 'IT'],
  // the province's closing bracket lost by the OCR
  ['00170 Roma (RM', 'Roma', 'RM', '00170', undefined],
  ['CH-1201 Genève', 'Genève', '', '1201', 'CH'],
  ['6900 Lugano', 'Lugano', '', '6900', 'CH'],
  ['Gurugram 122015, Haryana', 'Gurugram', 'Haryana', '122015', 'IN'],
  ['Hyderabad 500 081, Telangana', 'Hyderabad', 'Telangana', '500 081', 'IN'],
  ['Chennai, Tamil Nadu 600 017', 'Chennai', 'Tamil Nadu', '600 017', 'IN'],
  ['Noida - 201301', 'Noida', '', '201301', 'IN'],
  ['Singapore 048616', 'Singapore', '', '048616', 'SG'],
  ['Galway, H91 F2X3', 'Galway', '', 'H91 F2X3', 'IE'],
  ['Dublin 2 D02 YX88', 'Dublin 2', '', 'D02 YX88', 'IE'],
  ['01452-000 São Paulo - SP', 'São Paulo', 'SP', '01452-000', 'BR'],
  ['Rio de Janeiro - RJ, 22250-040', 'Rio de Janeiro', 'RJ', '22250-040', 'BR'],
  ['Curitiba/PR - CEP 80420-090', 'Curitiba', 'PR', '80420-090', 'BR'],
  ['Recife - PE - CEP 51020-000', 'Recife', 'PE', '51020-000', 'BR'],
  ['Recife - PE, 51049.265', 'Recife', 'PE', '51049.265', 'BR'],
];

describe('Eircodes read with look-alike letters', () => {
  it('is a city line when O, B, S stand where only digits can (they are not in the Eircode alphabet)', () => {
    expect(matchCityLine('Dublin 8, DO8 F8RF')).toMatchObject({ city: 'Dublin 8', postalCode: 'DO8 F8RF', countryCode: 'IE' });
    expect(matchCityLine('Galway H91 PSTN')).toMatchObject({ city: 'Galway', postalCode: 'H91 PSTN', countryCode: 'IE' });
  });
  it('needs two digits read as digits: a line of words is no Eircode', () => {
    expect(matchCityLine('Cork, DOB SIZE')).toBeNull();
  });
  it('prints the code with its digits', () => {
    expect(normalisePostcode('DOB VY62', 'IE')).toBe('D08 VY62');
    expect(normalisePostcode('H91PSTN', 'IE')).toBe('H91 P5TN');
    expect(normalisePostcode('D6W XK82', 'IE')).toBe('D6W XK82');
  });
});

describe('city lines of other countries', () => {
  it.each(CITY_LINES)('%s', (line, city, region, postalCode, country) => {
    const m = matchCityLine(line);
    expect(m && { city: m.city, region: m.region, postalCode: m.postalCode }).toEqual({ city, region, postalCode });
    if (country) expect(m?.countryCode).toBe(country);
  });
});

const BLOCKS: Array<[street: string, cityLine: string, want: [string, string, string, string]]> = [
  ['Keizersgracht 123-A', '1017 DD Amsterdam', ['Keizersgracht 123-A', 'Amsterdam', '', '1017 DD']],
  ['C/ Gran Vía, 28, 3º B', '28013 Madrid', ['C/ Gran Vía, 28, 3º B', 'Madrid', '', '28013']],
  ['Corso Buenos Aires, 45', '20124 Milano MI', ['Corso Buenos Aires, 45', 'Milano', 'MI', '20124']],
  ['Plot No. 42, Sector 18', 'Gurugram 122015, Haryana', ['Plot No. 42, Sector 18', 'Gurugram', 'Haryana', '122015']],
  ['Rua Oscar Freire, 379, cj. 52', 'São Paulo/SP - CEP 01426-001', ['Rua Oscar Freire, 379, cj. 52', 'São Paulo', 'SP', '01426-001']],
  ['1 Raffles Place, #20-01', 'Singapore 048616', ['1 Raffles Place, #20-01', 'Singapore', '', '048616']],
  // the CEP's hyphen read as a dot: still the postcode (never a phone number), printed with its hyphen
  ['Rua dos Pinheiros, 86', 'Recife - PE, 51049.265', ['Rua dos Pinheiros, 86', 'Recife', 'PE', '51049-265']],
  // an Eircode with a zero read as O: the whole block, the code as printed
  ['Unit 27, Mahon Point', 'Dublin 8, DO8 F8RF', ['Unit 27, Mahon Point', 'Dublin 8', '', 'D08 F8RF']],
];

describe('address blocks of other countries', () => {
  it.each(BLOCKS)('%s / %s', (street, cityLine, want) => {
    const card = parseCard(page([['Anna Testa', 40, 40, 44], ['Responsabile Acquisti', 40, 100, 24], [street, 40, 400, 20], [cityLine, 40, 430, 20]]));
    expect([card.street.value, card.city.value, card.region.value, card.postalCode.value]).toEqual(want);
    expect([card.phone.value, card.mobile.value]).toEqual(['', '']);
  });
});
