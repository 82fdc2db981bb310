import { describe, expect, it } from 'vitest';
import { emptyParsedCard, type ParsedCard } from '../../../shared/parsing/card-fields';
import { cardLanguages, droppedAccentWord, spelledCard, spelledInLanguage, unaccentedPatronymic } from '../../../shared/parsing/dropped-accents';

describe('words a language writes with an accent the reading lacks', () => {
  it('knows the languages of a card by its countries', () => {
    expect(cardLanguages(['ES'])).toEqual(['es']);
    expect(cardLanguages(['IE', 'BR'])).toEqual(['ga', 'pt']);
    expect(cardLanguages(['US', 'GB'])).toEqual([]);
  });

  it('doubts a common name read without its accent, or with another one', () => {
    expect(droppedAccentWord('Oisin Gallagher', ['ga'])).toBe('Oisin');
    expect(droppedAccentWord('Oisín Gallagher', ['ga'])).toBeNull();
    expect(droppedAccentWord('Rubén Garcia Martin', ['es'])).toBe('Garcia');
    expect(droppedAccentWord('Maélle Benhamou', ['fr'])).toBe('Maélle');
    expect(droppedAccentWord('Maëlle Benhamou', ['fr'])).toBeNull();
    // both spellings are usual
    expect(droppedAccentWord('Iñigo Núñez', ['es'])).toBeNull();
  });

  it('judges a word only in the languages the card shows', () => {
    // "Garcia" is how Portuguese writes it, "Lucia" how Italian does
    expect(droppedAccentWord('Ana Garcia', ['pt'])).toBeNull();
    expect(droppedAccentWord('Lucia Rossi', ['it'])).toBeNull();
    expect(droppedAccentWord('Lucia Rossi', [])).toBeNull();
    // France writes SARL, Switzerland Sàrl
    expect(droppedAccentWord('Tarrant SARL', ['fr'])).toBeNull();
    expect(droppedAccentWord('Tarrant SARL', cardLanguages(['CH']))).toBe('SARL');
  });

  it('doubts word shapes the spelling rules always accent, and not their look-alikes', () => {
    expect(droppedAccentWord('Nerea Fernandez', ['es'])).toBe('Fernandez');
    expect(droppedAccentWord('Director de Produccion', ['es'])).toBe('Produccion');
    expect(droppedAccentWord('Umbria Distribuciones S.L.', ['es'])).toBeNull();
    expect(droppedAccentWord('Orsini Logistica S.A.', ['es'])).toBe('Logistica');
    expect(droppedAccentWord('Federico Ruiz', ['es'])).toBeNull();
    expect(droppedAccentWord('Valeria Ortiz', ['es'])).toBeNull();
    expect(droppedAccentWord('Thiago Guimaraes', ['pt'])).toBe('Guimaraes');
    expect(droppedAccentWord('Rua Sao Bento', ['pt'])).toBe('Sao');
    // Italian writes "Logistica" without one
    expect(droppedAccentWord('Orsini Logistica S.r.l.', ['it'])).toBeNull();
  });

  it('reads each part of a hyphenated word', () => {
    expect(droppedAccentWord('55 rue Emile-Zola', ['fr'])).toBe('Emile');
  });

  it('doubts a Spanish patronymic without its accent in a name from any card, and not other words in -ez', () => {
    expect(unaccentedPatronymic('Paul S. Hernandez')).toBe('Hernandez');
    expect(unaccentedPatronymic('Paul S. Hernández')).toBeNull();
    expect(unaccentedPatronymic('Lena Diez')).toBeNull();
    expect(unaccentedPatronymic('Ana Ortiz')).toBeNull();
  });
});

describe('words spelled as the card\'s language writes them', () => {
  it('puts back the accents of a common word the reading lacks, in the case it was read in', () => {
    expect(spelledInLanguage('Alvaro M. Rodriguez Peña', ['es'])).toBe('Álvaro M. Rodríguez Peña');
    expect(spelledInLanguage('Oisin O\'Sullivan', ['ga'])).toBe('Oisín O\'Sullivan');
    expect(spelledInLanguage('GESCHAFTSFUHRER', ['de'])).toBe('GESCHÄFTSFÜHRER');
    expect(spelledInLanguage('Dr. Lucia Garcia Martin', ['es'])).toBe('Dr. Lucía García Martín');
    // Italian writes Lucia without one; a word both spellings are usual for is left alone
    expect(spelledInLanguage('Lucia Bianchi', ['it'])).toBe('Lucia Bianchi');
    expect(spelledInLanguage('Inigo Etxeberria', ['es'])).toBe('Inigo Etxeberria');
    // no language, no change
    expect(spelledInLanguage('Alvaro Rodriguez', [])).toBe('Alvaro Rodriguez');
  });

  it('puts right an accent the language never writes on that vowel', () => {
    expect(spelledInLanguage('Avenida de la Constituciôn, 18', ['es'])).toBe('Avenida de la Constitución, 18');
    expect(spelledInLanguage('Ciara K. Mac Cârthaigh', ['ga'])).toBe('Ciara K. Mac Cárthaigh');
    expect(spelledInLanguage('Leticia Araûjo', ['pt'])).toBe('Letícia Araújo');
    // Italian: grave on a final a, i, o, u; none inside a word
    expect(spelledInLanguage('Piazza della Libertá, 52', ['it'])).toBe('Piazza della Libertà, 52');
    expect(spelledInLanguage('Vía Roma, 139', ['it'])).toBe('Via Roma, 139');
    expect(spelledInLanguage('Perché', ['it'])).toBe('Perché');
  });

  it('spells word shapes whose accent the rules place, and an ñ read as two letters', () => {
    expect(spelledInLanguage('Director de Produccion', ['es'])).toBe('Director de Producción');
    expect(spelledInLanguage('Distribuciones Ibericas', ['es'])).toBe('Distribuciones Ibéricas');
    expect(spelledInLanguage('Rua Sao Bento', ['pt'])).toBe('Rua São Bento');
    expect(spelledInLanguage('Joao Magalhaes', ['pt'])).toBe('João Magalhães');
    expect(spelledInLanguage('Alvaro Nufiez', ['es'])).toBe('Álvaro Núñez');
    // Italian and German know no such rule
    expect(spelledInLanguage('Orsini Logistica S.r.l.', ['it'])).toBe('Orsini Logistica S.r.l.');
  });

  it('spells the fields of a card that shows its country for sure, and names the fields it guessed', () => {
    const card: ParsedCard = { ...emptyParsedCard() };
    const set = (field: keyof ParsedCard, value: string): void => void (card[field] = { value, confidence: 0.9, box: null });
    set('fullName', 'Nerea Rodriguez Peña');
    set('lastName', 'Rodriguez Peña');
    set('firstName', 'Nerea');
    set('company', 'Tarrant Logistica S.A.');
    set('email', 'nerea@tarrant-logistica.example');
    // no country at all: nothing is spelled
    expect(spelledCard(card).guessed.size).toBe(0);
    // a number printed with its calling code shows the country for sure; one without it is read as one country's
    set('phone', '954 956 760');
    card.phone.e164 = '+34954956760';
    expect(spelledCard(card).card.lastName.value).toBe('Rodríguez Peña');
    set('phone', '+34 954 956 760');
    card.phone.e164 = '+34954956760';
    set('website', 'www.tarrant-logistica.example.ch');
    set('title', 'Geschaftsfuhrer');
    // the sure countries decide: Spain's calling code and a Swiss domain; German spells the title, no other language knows it
    expect(spelledCard(card).card.title.value).toBe('Geschäftsführer');
    set('website', '');
    set('title', '');
    const spelled = spelledCard(card);
    expect(spelled.card.lastName.value).toBe('Rodríguez Peña');
    expect(spelled.card.company.value).toBe('Tarrant Logística S.A.');
    // contact fields are never spelled
    expect(spelled.card.email.value).toBe('nerea@tarrant-logistica.example');
    expect([...spelled.guessed].sort()).toEqual(['company', 'fullName', 'lastName']);
  });
});
