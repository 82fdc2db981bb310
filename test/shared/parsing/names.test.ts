import { describe, expect, it } from 'vitest';
import { cleanNameText, joinName, nameShape, splitName } from '../../../shared/parsing/names';
import { naturalCase } from '../../../shared/parsing/text';
import { parseCard } from '../../../shared/parsing/card-parser';
import { page } from './helpers';

describe('names and case', () => {
  it('splits names with particles, initials, honorifics and degrees', () => {
    expect(splitName('Prof. Dr. Ines da Costa')).toMatchObject({ firstName: 'Ines', lastName: 'da Costa' });
    expect(splitName('KEIR O\'DONNELL, MBA')).toMatchObject({ fullName: "Keir O'Donnell, MBA", firstName: 'Keir', lastName: "O'Donnell" });
    expect(splitName('Lena M. Bauer-Voss')).toMatchObject({ firstName: 'Lena', lastName: 'Bauer-Voss' });
  });
  it('starts the surname at an Irish patronymic (Ó, Ní, Mac), never taken for an initial', () => {
    expect(splitName('Saoirse Ó Briain')).toMatchObject({ firstName: 'Saoirse', lastName: 'Ó Briain' });
    expect(splitName('Gráinne Ní Cheallaigh')).toMatchObject({ firstName: 'Gráinne', lastName: 'Ní Cheallaigh' });
    expect(splitName('Eoin Mac Giolla')).toMatchObject({ firstName: 'Eoin', lastName: 'Mac Giolla' });
    expect(splitName('Lena M. Bauer')).toMatchObject({ firstName: 'Lena', lastName: 'Bauer' });
  });
  it('joins a two-word first line and the family name under it in the same type', () => {
    const card = parseCard(page([['Wen Jie', 40, 60, 40], ['Ong', 40, 108, 40], ['Head of Procurement', 40, 160, 22], ['wenjie.ong@koraal.example', 40, 420, 20]]));
    expect([card.fullName.value, card.firstName.value, card.lastName.value]).toEqual(['Wen Jie Ong', 'Wen Jie', 'Ong']);
  });
  it('joins a name over two lines as the OCR boxes them: a gap of a box height, a descender, a glare scrap above', () => {
    const card = parseCard(page([['EEE EE Er ———', 0, 154, 59, 0.11], ['Elisa', 69, 412, 34], ['Fontana', 68, 480, 34], ['Direttore Commerciale', 67, 548, 18], ['efontana@quayside.example', 671, 440, 16]]));
    expect([card.firstName.value, card.lastName.value]).toEqual(['Elisa', 'Fontana']);
    const ong = parseCard(page([['Wen Jie', 39, 266, 31], ['Ong', 40, 332, 39], ['CHIEF TECHNOLOGY OFFICER', 39, 391, 15]]));
    expect(ong.fullName.value).toBe('Wen Jie Ong');
  });
  it('splits three-syllable Chinese names by the family name, printed first or last', () => {
    expect(splitName('Jia Hui Koh')).toMatchObject({ firstName: 'Jia Hui', lastName: 'Koh' });
    expect(splitName('TAN SHU MIN')).toMatchObject({ firstName: 'Shu Min', lastName: 'Tan' });
    expect(splitName('Xiao Ming Zhang')).toMatchObject({ firstName: 'Xiao Ming', lastName: 'Zhang' });
    // not Chinese syllables, or no family name the lists know: the usual split
    expect(splitName('Carlos Mendoza Lim')).toMatchObject({ firstName: 'Carlos', lastName: 'Mendoza Lim' });
  });
  it('splits a name as a person types it: last name first, particles, two surnames, one word', () => {
    expect(splitName('Lena Fischer')).toMatchObject({ firstName: 'Lena', lastName: 'Fischer' });
    expect(splitName('Fischer, Lena')).toMatchObject({ firstName: 'Lena', lastName: 'Fischer' });
    // a degree after the comma is not a given name
    expect(splitName('Anna Schmidt, Dipl.-Ing.')).toMatchObject({ firstName: 'Anna', lastName: 'Schmidt' });
    expect(splitName('van der Berg, Anna-Lena, PhD')).toMatchObject({ firstName: 'Anna-Lena', lastName: 'van der Berg' });
    expect(splitName('Ludwig van Beethoven')).toMatchObject({ firstName: 'Ludwig', lastName: 'van Beethoven' });
    expect(splitName('Johann Sebastian von Bach')).toMatchObject({ firstName: 'Johann Sebastian', lastName: 'von Bach' });
    expect(splitName('María José García López')).toMatchObject({ firstName: 'María José', lastName: 'García López' });
    // a Spanish patronymic before the particle opens a compound surname; a given name does not
    expect(splitName('Diego Ortiz de Zárate')).toMatchObject({ firstName: 'Diego', lastName: 'Ortiz de Zárate' });
    expect(splitName('Ana Lopez de Haro')).toMatchObject({ firstName: 'Ana', lastName: 'Lopez de Haro' });
    expect(splitName('Juan Carlos de la Vega')).toMatchObject({ firstName: 'Juan Carlos', lastName: 'de la Vega' });
    expect(splitName('María Beatriz de la Fuente')).toMatchObject({ firstName: 'María Beatriz', lastName: 'de la Fuente' });
    expect(splitName('Gabriel García y Márquez')).toMatchObject({ firstName: 'Gabriel', lastName: 'García y Márquez' });
    expect(splitName('Fischer')).toMatchObject({ firstName: '', lastName: 'Fischer' });
    expect(splitName('Van Morrison')).toMatchObject({ firstName: 'Van', lastName: 'Morrison' });
    expect(splitName('')).toMatchObject({ firstName: '', lastName: '' });
  });
  it('joins first and last name back for display', () => {
    expect(joinName('Lena', 'Fischer')).toBe('Lena Fischer');
    expect(joinName('', 'Fischer')).toBe('Fischer');
    expect(joinName(' Lena ', '')).toBe('Lena');
  });
  it('scores names above titles, companies and taglines', () => {
    expect(nameShape('Hugo Lindqvist')).toBeGreaterThan(0.8);
    expect(nameShape('Account Director')).toBeLessThan(0.6);
    expect(nameShape('Brightwater Consulting GmbH')).toBe(0);
    expect(nameShape('Made with care')).toBeLessThan(0.5);
  });
  it('restores natural case of capitals, keeping legal forms', () => {
    expect(naturalCase('ORWELL & FINCH GMBH & CO. KG', 'company')).toBe('Orwell & Finch GmbH & Co. KG');
    expect(naturalCase('VERDANT SYSTEMS PTY LTD', 'company')).toBe('Verdant Systems Pty Ltd');
    expect(naturalCase('HEAD OF SALES EMEA', 'title')).toBe('Head of Sales EMEA');
    expect(naturalCase('Mixed Case Stays', 'company')).toBe('Mixed Case Stays');
  });
  it('drops brackets the OCR glued to a name', () => {
    expect(cleanNameText('Ines K). Varga')).toBe('Ines K. Varga');
    expect(nameShape(cleanNameText('Ines K). Varga'))).toBeGreaterThan(0.8);
  });
});
