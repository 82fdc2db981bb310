/**
 * Words whose usual spelling in a card's language carries an accent the reading lacks ("Oisin" on
 * an Irish card, "Fernandez" on a Spanish one, "Magalhaes" on a Brazilian one). The English OCR
 * model drops an accent with a sure word, so its confidence cannot tell; the language can: a
 * common name of that language, or a word in a shape that language's spelling rules always
 * accent (Spanish "-ez" patronymics and "-ción", Portuguese "-ão"/"-ões", Spanish and Portuguese
 * words stressed on the third-last syllable in "-ica"/"-ico"). Pure: the Check rule asks it.
 */
import type { CardField, ParsedCard } from './card-fields';
import { cardCountries, shownCountries } from './card-country';
import { fold } from './vocabulary';

/** The languages this knows, by the ISO 3166-1 countries that write them on cards. */
const COUNTRY_LANGUAGES: Record<string, readonly Language[]> = {
  ES: ['es'], MX: ['es'], AR: ['es'], CL: ['es'], CO: ['es'], PE: ['es'], VE: ['es'], EC: ['es'], UY: ['es'], PY: ['es'], BO: ['es'], CR: ['es'], DO: ['es'], GT: ['es'],
  PT: ['pt'], BR: ['pt'],
  FR: ['fr'], BE: ['fr'], LU: ['fr', 'de'], MC: ['fr'], CH: ['de', 'fr', 'fr-CH', 'it'],
  DE: ['de'], AT: ['de'], LI: ['de'],
  IT: ['it'], SM: ['it'],
  IE: ['ga'],
};

/** A language, or a country's own usage of one ('fr-CH': the Swiss "Sàrl" where France writes "SARL"). */
export type Language = 'es' | 'pt' | 'fr' | 'fr-CH' | 'de' | 'it' | 'ga';

/**
 * Common given names, surnames, places and business words each language writes with an accent
 * (general knowledge of the languages, not of any card set). A word read with none of these
 * spellings' accents, or with other ones, is doubted on a card of the language.
 */
const ACCENTED_WORDS: Record<Language, readonly string[]> = {
  es: [
    // given names
    'María', 'José', 'Jesús', 'Lucía', 'Sofía', 'Raúl', 'Andrés', 'Ramón', 'Julián', 'Sebastián', 'Martín', 'Adrián', 'Iván',
    'Álvaro', 'Óscar', 'Víctor', 'Rubén', 'Joaquín', 'Nicolás', 'Tomás', 'Inés', 'Ángel', 'Ángela', 'Héctor', 'Belén', 'Mónica',
    'Verónica', 'Rocío', 'Begoña', 'Íñigo', 'Iñigo', 'Germán', 'Agustín', 'Fermín', 'Benjamín', 'Simón', 'Darío', 'Matías',
    'Elías', 'Jerónimo', 'Asunción', 'Concepción', 'Encarnación', 'Visitación', 'Anaís', 'Noemí',
    'Zoé', 'Dámaso', 'Fabián', 'Cristóbal', 'Estéfano', 'Efraín', 'Moisés',
    // surnames
    'García', 'Martín', 'Gómez', 'Pérez', 'López', 'Sánchez', 'Díaz', 'Muñoz', 'Jiménez', 'Hernández', 'Fernández', 'Rodríguez',
    'González', 'Martínez', 'Álvarez', 'Gutiérrez', 'Domínguez', 'Vázquez', 'Ramírez', 'Suárez', 'Núñez', 'Ibáñez', 'Méndez', 'Beltrán',
    'Calderón', 'Guzmán', 'Rincón', 'Peña', 'Castaño', 'Montaño', 'Ordóñez', 'Cortés', 'Marín', 'Durán', 'Román',
    'León', 'Catalán', 'Aragón', 'Cerón', 'Quiñones', 'Muñiz', 'Valdés', 'Galán', 'Bermúdez', 'Velázquez', 'Benítez', 'Chávez',
    // places
    'Málaga', 'Córdoba', 'Cádiz', 'Almería', 'Jaén', 'Ávila', 'Cáceres', 'León', 'Gijón', 'Alcalá', 'Logroño', 'Andalucía', 'Aragón',
    'Castellón', 'Mérida', 'Bogotá', 'Medellín', 'Querétaro', 'Cancún', 'Mazatlán', 'Perú', 'México', 'Panamá', 'Asunción',
    // business, title and address words
    'Ingeniería', 'Consultoría', 'Tecnología', 'Compañía', 'Logística', 'Informática', 'Técnico', 'Técnica', 'Química', 'Óptica',
    'Dirección', 'Administración', 'Gestión', 'Producción', 'Distribución', 'Exportación', 'Importación', 'Construcción',
    'Comunicación', 'Almacén', 'Número', 'Polígono',
  ],
  pt: [
    'João', 'José', 'António', 'Antônio', 'Letícia', 'Patrícia', 'Márcia', 'Lúcia', 'Júlia', 'Cláudia', 'Flávia', 'Fábio', 'Sérgio',
    'Márcio', 'Mário', 'Vitória', 'Glória', 'Cecília', 'Emília', 'Amélia', 'Conceição', 'Sebastião', 'Estêvão', 'Simão', 'Luís',
    'Inês', 'Gonçalo', 'Gonçalves', 'Flávio', 'Cláudio', 'Otávio', 'Rogério', 'Vinícius', 'Lívia', 'Lúcio', 'Lígia', 'Tânia',
    'Débora', 'Fátima', 'Mônica', 'Verônica', 'Jéssica', 'Bárbara', 'Natália', 'Valéria', 'Rúben', 'Tomás', 'André',
    'Magalhães', 'Guimarães', 'Simões', 'Adão', 'Damião', 'Brandão', 'Leitão', 'Falcão', 'Assunção', 'Araújo', 'Conceição', 'Brás',
    'São', 'Brasília', 'Goiânia', 'Belém', 'Maceió', 'Niterói', 'Ribeirão', 'Paraná', 'Pará', 'Piauí', 'Amapá', 'Ceará', 'Florianópolis',
    'Comércio', 'Serviços', 'Soluções', 'Logística', 'Informática', 'Técnico', 'Gerência', 'Sócio', 'Sócia', 'Negócios',
    'Escritório', 'Edifício', 'Gestão', 'Produção', 'Distribuição', 'Importação', 'Exportação', 'Construção', 'Administração',
    'Praça', 'Número',
  ],
  fr: [
    'Hélène', 'Léa', 'Chloé', 'Zoé', 'Gaël', 'Gaëlle', 'Maëlle', 'Noël', 'Joël', 'Joëlle', 'Raphaël', 'Mickaël', 'Jérôme', 'Frédéric',
    'Stéphane', 'Stéphanie', 'Sébastien', 'Céline', 'Valérie', 'Émilie', 'Émile', 'Élodie', 'Éric', 'Étienne', 'André', 'René', 'Agnès',
    'Thérèse', 'Benoît', 'François', 'Françoise', 'Jérémy', 'Cédric', 'Aurélie', 'Aurélien', 'Mélanie', 'Hervé', 'Grégory', 'Clément',
    'Clémence', 'Noémie', 'Anaïs', 'Loïc', 'Gérard', 'Régis', 'Sylvère', 'Ophélie', 'Amélie', 'Inès', 'Maïté', 'Océane', 'Mathéo',
    'Besançon', 'Orléans', 'Nîmes', 'Créteil', 'Évry', 'Sète', 'Genève', 'Neuchâtel', 'Châteauroux', 'Saint-Étienne', 'Béziers',
    'Société', 'Général', 'Générale', 'Délégué', 'Déléguée', 'Présidente', 'Président', 'Chargé', 'Chargée',
    'Ingénieur', 'Ingénieure', 'Allée', 'Cité', 'Étage', 'Bâtiment', 'Résidence',
  ],
  de: [
    'Jürgen', 'Jörg', 'Günter', 'Günther', 'Björn', 'Sören', 'Käthe', 'Jörn', 'Bärbel', 'Müller', 'Schröder', 'Köhler',
    'Jäger', 'Krüger', 'Schäfer', 'Böhm', 'Fröhlich', 'Möller', 'Brückner', 'Förster', 'Gärtner', 'Kühn', 'Höfer', 'Günther', 'Lübke',
    'Würth', 'Böttcher', 'Hübner', 'Jänicke', 'Köster', 'Röhrig', 'Schütz', 'Jürgens',
    'München', 'Köln', 'Nürnberg', 'Düsseldorf', 'Lübeck', 'Göttingen', 'Würzburg', 'Tübingen', 'Saarbrücken', 'Osnabrück',
    'Zürich', 'Mönchengladbach', 'Jülich', 'Fürth', 'Lörrach', 'Österreich', 'Kärnten',
    'Geschäftsführer', 'Geschäftsführerin', 'Einkäufer', 'Einkäuferin', 'Verkäufer', 'Verkäuferin', 'Prüfer', 'Büro', 'Bürogebäude',
    'Gebäude', 'Fläche',
  ],
  'fr-CH': ['Sàrl'],
  it: [
    'Libertà', 'Città', 'Università', 'Società', 'Attività', 'Qualità', 'Unità', 'Comunità', 'Trinità', 'Carità', 'Pietà', 'Niccolò',
    'Nicolò', 'Cantù', 'Forlì', 'Sanità', 'Realtà', 'Proprietà',
  ],
  ga: [
    'Seán', 'Oisín', 'Róisín', 'Siobhán', 'Pádraig', 'Máire', 'Éamonn', 'Síle', 'Áine', 'Órla', 'Ciarán', 'Dónal', 'Tomás', 'Séamus',
    'Caoimhín', 'Eibhlín', 'Sinéad', 'Ríona', 'Méabh', 'Clíona', 'Éabha', 'Bríd', 'Máirtín', 'Caitlín', 'Nóra', 'Déaglán', 'Cáit',
    'Ní', 'Ó', 'Súilleabháin', 'Dálaigh', 'Dónaill', 'Néill', 'Mháille', 'Éire',
  ],
};

/** Folded spelling → the spellings the language writes it with ("inigo" → "íñigo", "iñigo"). */
const SPELLINGS = new Map<Language, Map<string, string[]>>();
for (const [language, words] of Object.entries(ACCENTED_WORDS) as [Language, readonly string[]][]) {
  const byKey = new Map<string, string[]>();
  for (const w of words) {
    const key = fold(w).toLowerCase();
    byKey.set(key, [...new Set([...(byKey.get(key) ?? []), w.normalize('NFC').toLowerCase()])]);
  }
  SPELLINGS.set(language, byKey);
}

const vowelGroups = (word: string): number => (word.match(/[aeiouy]+/g) ?? []).length;

/**
 * Spelling rules of a language that always put an accent on a word of this shape: Spanish
 * patronymics in "-ez" of two syllables or more are stressed on the second-last one and end in z
 * (Fernández, Rodríguez), "-ción"/"-sión" nouns (not their plurals: "Distribuciones"), "-ería" nouns; Portuguese nasal "-ão", "-ães",
 * "-ões" and "-ção"; Spanish and Portuguese words of three syllables or more in "-ica"/"-ico"
 * are stressed on the third-last one (Logística, Técnico).
 */
function accentedByRule(folded: string, language: Language): boolean {
  const w = folded;
  if (w.length < 4) return false;
  switch (language) {
    case 'es':
      // "-ería" of four syllables or more (Ingeniería); "Valeria", "Iberia" are stressed before it
      return patronymicEz(w) || /[cs]ion$/.test(w) || (/eria$/.test(w) && vowelGroups(w) >= 4) || esdrujula(w);
    case 'pt':
      return /(?:ao|aos|aes|oes|cao|coes)$/.test(w) || esdrujula(w);
    default:
      return false;
  }
}

/** A Spanish patronymic in "-ez" of two syllables or more: stressed on the second-last, so written with an accent. */
function patronymicEz(folded: string): boolean {
  return /[^aeiou]ez$/.test(folded) && vowelGroups(folded) >= 2;
}

/**
 * A Spanish patronymic read without its accent ("Hernandez" for "Hernández") in a name, on a card
 * from anywhere: the name is Spanish wherever its bearer works, and the scanner cannot tell whether
 * this one drops the accent.
 */
export function unaccentedPatronymic(name: string): string | null {
  return name.split(/[\s,]+/).find((word) => {
    const letters = word.replace(/[^\p{L}]/gu, '');
    return letters.length >= 4 && /^\p{Lu}/u.test(letters) && /^[A-Za-z]+$/.test(letters) && patronymicEz(letters.toLowerCase());
  }) ?? null;
}

/** Three syllables or more ending in "-ica"/"-ico"(s): stressed on the third-last, always written with an accent. */
function esdrujula(w: string): boolean {
  return /[^aeiou](?:ic[ao]s?)$/.test(w) && vowelGroups(w) >= 3 && !PENULT_STRESSED.has(w);
}

/** The few common words in "-ico" stressed on the second-last syllable. */
const PENULT_STRESSED = new Set(['federico', 'enrico', 'abanico', 'perico']);

/** The languages a card's countries write (none when the card shows no country this knows). */
export function cardLanguages(countries: readonly string[]): Language[] {
  return [...new Set(countries.flatMap((c) => COUNTRY_LANGUAGES[c] ?? []))];
}

/**
 * The first word of a value whose usual spelling in one of the languages carries accents the
 * reading does not ("Oisin" for "Oisín", "Maélle" for "Maëlle"); null when every word is spelled
 * as the language writes it or the word is unknown.
 */
export function droppedAccentWord(value: string, languages: readonly Language[]): string | null {
  if (!languages.length) return null;
  for (const raw of value.split(/[\s,/()]+/)) {
    // "Sócio-diretor", "Saint-Étienne": each part of a hyphenated word is a word of its own
    for (const word of raw.split(/[-‐]/)) {
      const letters = word.replace(/[^\p{L}]/gu, '');
      if (letters.length < 2) continue;
      const read = letters.normalize('NFC').toLowerCase();
      const key = fold(letters).toLowerCase();
      for (const language of languages) {
        const spellings = SPELLINGS.get(language)?.get(key);
        if (spellings && !spellings.includes(read)) return word;
        if (!spellings && read === key && accentedByRule(key, language)) return word;
      }
    }
  }
  return null;
}

/**
 * Accented letters a language never writes, each with the one it writes on that vowel (the accents
 * pass's French, German, Spanish and Portuguese models read an acute as a circumflex or a grave:
 * "Araûjo", "Constituciôn", "Cârthaigh"). Spanish and Irish write only acute accents on vowels
 * (and Spanish ü); Portuguese has no û, ù, ì, ò or è. Italian is left to `italianAccent`.
 */
const ACCENT_OF_LANGUAGE: Partial<Record<Language, Readonly<Record<string, string>>>> = {
  es: { â: 'á', à: 'á', ä: 'á', ê: 'é', è: 'é', ë: 'é', î: 'í', ì: 'í', ï: 'í', ô: 'ó', ò: 'ó', ö: 'ó', û: 'ú', ù: 'ú' },
  ga: { â: 'á', à: 'á', ä: 'á', ê: 'é', è: 'é', ë: 'é', î: 'í', ì: 'í', ï: 'í', ô: 'ó', ò: 'ó', ö: 'ó', û: 'ú', ù: 'ú', ü: 'ú' },
  pt: { û: 'ú', ù: 'ú', ì: 'í', ò: 'ó', è: 'é' },
};

/**
 * Italian writes an accent only on a word's last vowel, grave on a, i, o and u ("Libertà", "Niccolò",
 * "Forlì", "Cantù"; é and è both occur): an accent inside the word was read where there is none
 * ("Vía"), an acute on a final a, i, o or u is the grave misread.
 */
function italianAccent(word: string): string {
  const letters = [...word.normalize('NFC')];
  return letters
    .map((ch, i) => {
      const lower = ch.toLowerCase();
      if (/[a-z]/.test(lower) || !/\p{L}/u.test(ch) || fold(lower) === lower) return ch;
      const plain = fold(ch);
      if (i < letters.length - 1) return /[aeiou]/i.test(plain) ? plain : ch;
      const grave = ({ á: 'à', í: 'ì', ó: 'ò', ú: 'ù' } as Record<string, string>)[lower];
      return grave ? (ch === lower ? grave : grave.toUpperCase()) : ch;
    })
    .join('');
}

/** The vowel of the third-last syllable accented ("logistica" → "logística"), where that syllable has one vowel only. */
function accentThirdLast(folded: string): string | null {
  const groups = [...folded.matchAll(/[aeiou]+/g)];
  const group = groups.at(-3);
  if (!group || group[0].length !== 1) return null;
  const i = group.index!;
  return folded.slice(0, i) + ({ a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' } as Record<string, string>)[group[0]]! + folded.slice(i + 1);
}

/**
 * The spelling a language's rules give a word of this shape, where they say where the accent goes:
 * Spanish "-ción"/"-sión", Portuguese "-ção", "-ão", "-ães", "-ões", Spanish and Portuguese "-ica"/"-ico"
 * of three syllables (accentedByRule). A Spanish "-ez" patronymic is left to the list of names: its
 * accent is mostly but not always on the second-last syllable (Álvarez).
 */
function spellingByRule(folded: string, language: Language): string | null {
  if (!accentedByRule(folded, language)) return null;
  if (language === 'es' && /[cs]ion$/.test(folded)) return `${folded.slice(0, -2)}ón`;
  if (language === 'pt') {
    if (/cao$/.test(folded)) return `${folded.slice(0, -3)}ção`;
    if (/coes$/.test(folded)) return `${folded.slice(0, -4)}ções`;
    if (/aos?$|aes$|oes$/.test(folded)) return folded.replace(/a(os?)$/, 'ã$1').replace(/aes$/, 'ães').replace(/oes$/, 'ões');
  }
  return esdrujula(folded) ? accentThirdLast(folded) : null;
}

/** The read word's case carried letter by letter onto its spelling (both as long): "ALVARO" → "ÁLVARO". */
function inCaseOf(read: string, spelling: string): string {
  const letters = [...read];
  return [...spelling].map((ch, i) => (letters[i] && letters[i] !== letters[i]!.toLowerCase() ? ch.toUpperCase() : ch)).join('');
}

/**
 * A Spanish word whose ñ the English model read as two letters ("Nufiez", "Muiioz": its tilde as the
 * dot of an i or an f's hook), where the list knows the word with ñ there.
 */
function readAsTilde(read: string): string | null {
  const key = fold(read).toLowerCase();
  for (const m of key.matchAll(/fi|ii/g)) {
    const candidate = key.slice(0, m.index) + 'n' + key.slice(m.index + 2);
    const listed = SPELLINGS.get('es')?.get(candidate);
    if (listed?.length !== 1 || [...listed[0]!][m.index] !== 'ñ') continue;
    const spelling = listed[0]!;
    if (read === read.toUpperCase()) return spelling.toUpperCase();
    return /^\p{Lu}/u.test(read) ? spelling[0]!.toUpperCase() + spelling.slice(1) : spelling;
  }
  return null;
}

/**
 * One word as the card's languages spell it: a letter the language never writes with that accent
 * put right, then the one spelling the list of common words knows, or the one a spelling rule gives;
 * the word as read where the card's languages disagree or none knows it.
 */
function spelledWord(word: string, languages: readonly Language[]): string {
  let read = word.normalize('NFC');
  if (languages.length === 1) {
    const language = languages[0]!;
    if (language === 'it') read = italianAccent(read);
    const letters = ACCENT_OF_LANGUAGE[language];
    if (letters) read = [...read].map((ch) => (letters[ch.toLowerCase()] ? (ch === ch.toLowerCase() ? letters[ch]! : letters[ch.toLowerCase()]!.toUpperCase()) : ch)).join('');
  }
  if (read.length < 2) return read;
  const key = fold(read).toLowerCase();
  // the languages that know the word vote: on a Swiss card "Geschäftsführer" is German whatever French and Italian say
  const spellings = new Set(
    languages.flatMap((language) => {
      const listed = SPELLINGS.get(language)?.get(key);
      if (listed) return listed;
      const ruled = spellingByRule(key, language);
      return ruled ? [ruled] : [];
    }),
  );
  if (spellings.size === 0 && languages.includes('es')) return readAsTilde(read) ?? read;
  if (spellings.size !== 1) return read;
  const spelling = [...spellings][0]!;
  if (spelling === read.toLowerCase() || [...spelling].length !== [...read].length) return read;
  return inCaseOf(read, spelling);
}

/**
 * A value with each word spelled as the card's languages write it ("Alvaro Rodriguez Peña" → "Álvaro
 * Rodríguez Peña" on a Spanish card, "Araûjo" → "Araújo" on a Brazilian one, "Niccoló" → "Niccolò" on an
 * Italian one): the accents the OCR drops or confuses, put back from the language's spelling where it
 * knows one spelling only. A guess — the person may write the name otherwise —, so the scanner marks
 * every value this changes.
 */
export function spelledInLanguage(value: string, languages: readonly Language[]): string {
  if (!languages.length) return value;
  return value.replace(/\p{L}[\p{L}\p{M}]*/gu, (word) => spelledWord(word, languages));
}

/** The fields whose words a language spells: names, title, company and the address's words. */
const SPELLED_FIELDS: readonly CardField[] = ['firstName', 'lastName', 'fullName', 'title', 'company', 'street', 'city', 'country'];

/**
 * The card with its words spelled in the languages of its countries (spelledInLanguage), and the
 * fields that changed: guesses, which the Check marks must mark (most were marked before too, for the
 * accent they lacked). The countries it shows for sure (card-country.ts shownCountries) decide; a card
 * that shows none is taken for the country its national numbers were read as (measured: on the 60 dev
 * cards no value changes either way; on the tuning cards two more right).
 */
export function spelledCard(card: ParsedCard): { card: ParsedCard; guessed: ReadonlySet<CardField> } {
  const shown = shownCountries(card);
  const languages = cardLanguages(shown.length ? shown : cardCountries(card));
  const out = { ...card };
  const guessed = new Set<CardField>();
  if (!languages.length) return { card: out, guessed };
  for (const field of SPELLED_FIELDS) {
    const value = spelledInLanguage(card[field].value, languages);
    if (value === card[field].value) continue;
    out[field] = { ...card[field], value };
    guessed.add(field);
  }
  return { card: out, guessed };
}
