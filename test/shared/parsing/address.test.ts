import { describe, expect, it } from 'vitest';
import { cleanStreet, normalisePostcode } from '../../../shared/parsing/address';
import { parseCard } from '../../../shared/parsing/card-parser';
import { page } from './helpers';

describe('street and postcode repairs', () => {
  it('drops an icon read as a glyph in front of the street', () => {
    expect(cleanStreet('Q 418 Larchmont Avenue')).toBe('418 Larchmont Avenue');
    expect(cleanStreet('9 Birkenweg 14')).toBe('Birkenweg 14');
    expect(cleanStreet('Z Birkenweg 14')).toBe('Birkenweg 14');
    expect(cleanStreet('N 5th Street')).toBe('N 5th Street');
    expect(cleanStreet('9 rue des Ormeaux')).toBe('9 rue des Ormeaux');
  });
  it('reads a comma after the number sign before a number as its full stop', () => {
    expect(cleanStreet('Plot No, 229, Sector 8')).toBe('Plot No. 229, Sector 8');
    expect(cleanStreet('Plot No. 42, Sector 18')).toBe('Plot No. 42, Sector 18');
    expect(cleanStreet('Calle Nogal, 12')).toBe('Calle Nogal, 12');
  });

  it('reads a cent sign after a house number as c', () => {
    expect(cleanStreet('Ahornweg 46¢')).toBe('Ahornweg 46c');
    const card = parseCard(page([['Ilka Brandes', 40, 40, 50], ['Ahornweg 46¢', 40, 400, 22], ['28195 Bremen', 40, 430, 22]]));
    expect(card.street.value).toBe('Ahornweg 46c');
  });
  it('puts back the space of UK, Irish and Canadian postcodes', () => {
    expect(normalisePostcode('LS27QT', 'GB')).toBe('LS2 7QT');
    expect(normalisePostcode('SW1A 1AA', 'GB')).toBe('SW1A 1AA');
    expect(normalisePostcode('T12AK34', 'IE')).toBe('T12 AK34');
    expect(normalisePostcode('K1A0B1', 'CA')).toBe('K1A 0B1');
    expect(normalisePostcode('10115', 'DE')).toBe('10115');
    const uk = parseCard(page([['Orla Pennick', 40, 40, 50], ['Leeds LS27QT, UK', 40, 400, 22]]));
    expect(uk.postalCode.value).toBe('LS2 7QT');
  });
  it('reads look-alike letters in the digit places of a Canadian postcode after a province', () => {
    expect(normalisePostcode('K1A OB1', 'CA')).toBe('K1A 0B1');
    const ca = parseCard(page([['Maël Tremblay', 40, 40, 50], ['200 Wellington Street', 40, 400, 22], ['Ottawa, Ontario KSA 0B1', 40, 430, 22]]));
    expect(ca.postalCode.value).toBe('K5A 0B1');
    expect(ca.city.value).toBe('Ottawa');
    expect(ca.street.value).toBe('200 Wellington Street');
  });
  it('reads a bracket for J in a letter place of a Canadian postcode, and a full stop for the comma after the city', () => {
    const ca = parseCard(page([['Ines Caron', 40, 40, 50], ['57 Harbour Road', 40, 400, 22], ['Moncton. NB E1) 4M7', 40, 430, 22]]));
    expect([ca.street.value, ca.city.value, ca.region.value, ca.postalCode.value]).toEqual(['57 Harbour Road', 'Moncton', 'NB', 'E1J 4M7']);
  });
  it('reads a "region, country" line under an Indian city line', () => {
    const card = parseCard(page([
      ['Arjun Mehra', 40, 40, 50],
      ['4th Floor, Tulsi Towers, MG Road', 40, 400, 20],
      ['Bengaluru - 560001', 40, 430, 20],
      ['Karnataka, India', 40, 460, 20],
    ]));
    expect(card.city.value).toBe('Bengaluru');
    expect(card.postalCode.value).toBe('560001');
    expect(card.region.value).toBe('Karnataka');
    expect(card.country.value).toBe('India');
  });
});
