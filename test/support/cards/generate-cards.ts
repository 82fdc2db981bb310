/**
 * Invented business cards with exact ground truth, for measuring the card scanner on cards it
 * was never tuned on (test tooling, not product). Deterministic from a seed.
 *
 * A card is a list of printed lines (text, role, box in the clean render's pixels, type size,
 * weight) plus the fields a reader should take from it, in the conventions of
 * ../shared/cards/README.md: values as printed in natural case, phone numbers as printed without
 * their label, `fullName` with `Dr.` / `, PhD`, first/last name without them.
 *
 * The content is drawn from the countries and layouts the scanner must handle (US, CA, UK, IE, DE,
 * FR, AU, NL, ES, IT, CH, IN, SG, BR; landscape and portrait, two columns, split names, company
 * above or below the name, shared contact lines, social and QR lines, cards that print no person).
 * People, companies and streets are made up; domains end in `.example`; phone numbers use fictional
 * ranges where a country has one and are checked with libphonenumber-js so their type is right.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { CARD_FIELDS, type CardField } from '../../../shared/parsing/card-fields';

export type Fields = Record<CardField, string>;

export interface CardLine {
  text: string;
  role: string;
  /** x, y, width, height in the clean render (pixels) */
  bbox: [number, number, number, number];
  /** type size in px (cap height ≈ 0.7 of it) */
  size: number;
  bold: boolean;
  anchor: 'start' | 'middle' | 'end';
  /** an icon drawn left of the line */
  icon?: 'pin' | 'phone' | 'mail' | 'globe';
}

export interface GeneratedCard {
  file: string;
  seed: number;
  fields: Fields;
  lines: CardLine[];
  text: string;
  photo: boolean;
  meta: { country: string; layout: string; features: string[] };
  style: { cleanSize: [number, number]; font: string; headFont: string; ink: string; paper: string; accent: string; logo: 'square' | 'circle' | 'none'; qr: boolean };
  degradations: Degradation[];
}

type Degradation =
  | { type: 'rotate'; degrees: number }
  | { type: 'perspective'; skew: number }
  | { type: 'blur'; sigma: number }
  | { type: 'noise'; amount: number }
  | { type: 'glare'; x: number; y: number; radius: number; strength: number }
  | { type: 'shadow'; side: 'left' | 'right' | 'top' | 'bottom'; strength: number }
  | { type: 'clutter'; background: 'wood' | 'slate' | 'desk' | 'paper' }
  | { type: 'downscale'; factor: number }
  | { type: 'jpeg'; quality: number };

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const chance = (r: Rand, p: number): boolean => r() < p;
const digits = (r: Rand, n: number): string => Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');
const between = (r: Rand, a: number, b: number): number => a + Math.floor(r() * (b - a + 1));

interface Country {
  code: string;
  name: string;
  lang: 'en' | 'de' | 'fr' | 'nl' | 'es' | 'it' | 'pt';
  given: string[];
  family: string[];
  legal: string[];
  /** street line from a house number and a street name */
  street: (r: Rand) => string;
  /** city line parts: [city, region, postcode, printed line] */
  cityLine: (r: Rand) => { city: string; region: string; postalCode: string; line: string };
  phone: (r: Rand) => string;
  mobile: (r: Rand) => string;
  tld: string;
}

const STREET_STEMS = ['Linden', 'Birch', 'Harbor', 'Maple', 'Quarry', 'Orchard', 'Mill', 'Falcon', 'Copper', 'Meadow', 'Ridge', 'Willow', 'Cedar', 'Lantern', 'Stone'];
const DE_STEMS = ['Ahorn', 'Birken', 'Eichen', 'Garten', 'Kastanien', 'Mühlen', 'Wiesen', 'Tannen', 'Rosen', 'Brunnen', 'Schiller', 'Goethe'];
const FR_STREETS = ['rue des Tanneurs', 'avenue Jean-Jaurès', 'boulevard de la Liberté', 'rue du Moulin', 'quai des Brumes', 'allée des Tilleuls', 'place de la Fontaine', 'rue Émile-Zola'];
const NL_STEMS = ['Linden', 'Eiken', 'Beuken', 'Molen', 'Haven', 'Kerk', 'Tulpen', 'Vaart'];
const ES_STREETS = ['Calle de Alcalá', 'Avenida de la Constitución', 'Calle Mayor', 'Paseo de las Acacias', 'Calle del Olmo', 'Avenida de Andalucía', 'Calle de Toledo'];
const IT_STREETS = ['Via Garibaldi', 'Via dei Mille', 'Corso Vittorio Emanuele', 'Viale delle Rose', 'Piazza della Libertà', 'Via Roma', 'Via San Marco'];
const PT_STREETS = ['Rua das Flores', 'Avenida Paulista', 'Rua Augusta', 'Alameda Santos', 'Rua do Comércio', 'Avenida Brasil'];
const IN_STREETS = ['MG Road', 'Residency Road', 'Linking Road', 'Park Street', 'Nehru Marg', 'Church Street'];

const COUNTRIES: Country[] = [
  {
    code: 'US', name: 'USA', lang: 'en', tld: 'com',
    given: ['Megan', 'Tyler', 'Jordan', 'Ashley', 'Brandon', 'Kayla', 'Marcus', 'Lauren', 'Derek', 'Shauna', 'Luis', 'Renée'],
    family: ['Whitfield', 'Kowalczyk', 'Okonkwo', 'Delgado', 'Brennan', 'Castellano', 'Thornbury', 'Nakamura', 'McAllister', 'Sandoval'],
    legal: ['Inc.', 'LLC', 'Corp.', 'Co.', 'LLP'],
    street: (r) => `${between(r, 10, 9899)} ${pick(r, STREET_STEMS)} ${pick(r, ['Street', 'Avenue', 'Blvd.', 'Drive', 'Road', 'Lane', 'Way'])}${chance(r, 0.3) ? `, Suite ${between(r, 100, 2400)}` : ''}`,
    cityLine: (r) => {
      const [city, region] = pick(r, [['Denver', 'CO'], ['Austin', 'TX'], ['Portland', 'OR'], ['Boston', 'MA'], ['Columbus', 'OH'], ['Raleigh', 'NC'], ['Phoenix', 'AZ'], ['Madison', 'WI']] as const);
      const pc = digits(r, 5).replace(/^0/, '8');
      return { city, region, postalCode: pc, line: `${city}, ${region} ${pc}` };
    },
    phone: (r) => pick(r, [`(${pick(r, ['303', '512', '503', '617', '614'])}) 555-01${digits(r, 2)}`, `${pick(r, ['303', '512', '617'])}.555.01${digits(r, 2)}`, `+1 ${pick(r, ['303', '512', '617'])} 555 01${digits(r, 2)}`]),
    mobile: (r) => `(${pick(r, ['720', '737', '971', '857'])}) 555-01${digits(r, 2)}`,
  },
  {
    code: 'CA', name: 'Canada', lang: 'en', tld: 'ca',
    given: ['Chloé', 'Liam', 'Émilie', 'Noah', 'Sophie', 'Mathieu', 'Priya', 'Owen'],
    family: ['Tremblay', 'Gagnon', 'Bouchard', 'MacLeod', 'Singh', 'Côté', 'Fraser', 'Lévesque'],
    legal: ['Inc.', 'Ltd.', 'Corp.', 'ULC'],
    street: (r) => `${between(r, 10, 2999)} ${pick(r, STREET_STEMS)} ${pick(r, ['Street', 'Avenue', 'Road', 'Crescent'])}`,
    cityLine: (r) => {
      const [city, region, pc] = pick(r, [['Ottawa', 'ON', 'K1P 5G8'], ['Calgary', 'AB', 'T2P 1J9'], ['Halifax', 'NS', 'B3J 2K9'], ['Winnipeg', 'MB', 'R3C 0V8'], ['Montréal', 'QC', 'H3B 2Y5']] as const);
      return { city, region, postalCode: pc, line: `${city}, ${region} ${pc}` };
    },
    phone: (r) => `${pick(r, ['613', '403', '902'])}-555-01${digits(r, 2)}`,
    mobile: (r) => `${pick(r, ['343', '587', '782'])}-555-01${digits(r, 2)}`,
  },
  {
    code: 'GB', name: 'United Kingdom', lang: 'en', tld: 'co.uk',
    given: ['Harriet', 'Callum', 'Imogen', 'Rhys', 'Niamh', 'Alistair', 'Poppy', 'Tobias'],
    family: ['Pemberton', 'Ashworth', 'Fairclough', 'Llewellyn', 'Okafor', 'Haddleton', 'Sinclair', 'Fenwick'],
    legal: ['Ltd', 'Limited', 'PLC', 'LLP'],
    street: (r) => `${between(r, 1, 240)} ${pick(r, STREET_STEMS)} ${pick(r, ['Road', 'Street', 'Lane', 'Mews', 'Terrace', 'Place'])}`,
    cityLine: (r) => {
      const [city, pc] = pick(r, [['Leeds', 'LS1 4DY'], ['Bristol', 'BS1 6QH'], ['Manchester', 'M2 3WQ'], ['Nottingham', 'NG1 5FS'], ['Cardiff', 'CF10 1EP'], ['London', 'EC2A 4NE']] as const);
      return { city, region: '', postalCode: pc, line: `${city} ${pc}` };
    },
    phone: (r) => pick(r, [`020 7946 0${digits(r, 3)}`, `0113 496 0${digits(r, 3)}`, `+44 20 7946 0${digits(r, 3)}`]),
    mobile: (r) => pick(r, [`07700 900${digits(r, 3)}`, `07700 900 ${digits(r, 3)}`, `+44 7700 900${digits(r, 3)}`]),
  },
  {
    code: 'IE', name: 'Ireland', lang: 'en', tld: 'ie',
    given: ['Aoife', 'Cian', 'Siobhán', 'Oisín', 'Ciara', 'Darragh'],
    family: ["O'Sullivan", 'Ní Bhriain', 'Gallagher', 'Mac Cárthaigh', 'Fitzgerald', 'Brennan'],
    legal: ['Ltd', 'Limited', 'DAC', 'Teoranta'],
    street: (r) => `${between(r, 1, 99)} ${pick(r, ['Harcourt', 'Baggot', 'Leeson', 'Dawson', 'Merrion'])} ${pick(r, ['Street', 'Road', 'Square'])}`,
    cityLine: (r) => {
      const [city, pc] = pick(r, [['Dublin 2', 'D02 X285'], ['Cork', 'T12 RH92'], ['Galway', 'H91 E2K3'], ['Dublin 4', 'D04 V1W8']] as const);
      return { city, region: '', postalCode: pc, line: `${city}, ${pc}` };
    },
    phone: (r) => pick(r, [`01 ${digits(r, 3)} ${digits(r, 4)}`.replace(/^01 0/, '01 6'), `+353 1 ${between(r, 600, 699)} ${digits(r, 4)}`]),
    mobile: (r) => `08${pick(r, ['5', '6', '7'])} ${digits(r, 3)} ${digits(r, 4)}`,
  },
  {
    code: 'DE', name: 'Deutschland', lang: 'de', tld: 'de',
    given: ['Jürgen', 'Annika', 'Matthias', 'Sünje', 'Lukas', 'Friederike', 'Björn', 'Katrin'],
    family: ['Großmann', 'Köhler', 'Schäfer', 'Vogelsang', 'Brückner', 'Lindemann', 'von Arnim', 'Weiß'],
    legal: ['GmbH', 'AG', 'GmbH & Co. KG', 'KG', 'UG (haftungsbeschränkt)', 'e.K.'],
    street: (r) => `${pick(r, DE_STEMS)}${pick(r, ['straße', 'weg', 'allee', 'gasse', 'ring'])} ${between(r, 1, 180)}${chance(r, 0.2) ? 'a' : ''}`,
    cityLine: (r) => {
      const city = pick(r, ['Köln', 'München', 'Düsseldorf', 'Nürnberg', 'Lübeck', 'Freiburg', 'Göttingen', 'Würzburg']);
      const pc = String(between(r, 10000, 99999));
      return { city, region: '', postalCode: pc, line: `${pc} ${city}` };
    },
    phone: (r) => pick(r, [`+49 221 ${digits(r, 6)}`, `0221 ${digits(r, 4)}-${digits(r, 2)}`, `+49 (0)89 ${digits(r, 7)}`]),
    mobile: (r) => pick(r, [`+49 151 ${digits(r, 8)}`, `0170 ${digits(r, 7)}`, `+49 160 ${digits(r, 7)}`]),
  },
  {
    code: 'FR', name: 'France', lang: 'fr', tld: 'fr',
    given: ['Amélie', 'Grégoire', 'Hélène', 'Benoît', 'Maëlle', 'Loïc', 'Solène', 'Théo'],
    family: ['Lefèvre', 'Marchetti', 'Rousseau', 'Dubois-Aubry', 'Garnier', 'Benhamou', 'Pelletier', 'de Villiers'],
    legal: ['SARL', 'SAS', 'SA', 'EURL', 'SASU'],
    street: (r) => `${between(r, 1, 180)}${chance(r, 0.15) ? ' bis' : ''} ${pick(r, FR_STREETS)}`,
    cityLine: (r) => {
      const [city, pc] = pick(r, [['Lyon', '69002'], ['Nantes', '44000'], ['Lille', '59000'], ['Rennes', '35000'], ['Toulouse', '31000'], ['Besançon', '25000'], ['Orléans', '45000']] as const);
      return { city, region: '', postalCode: pc, line: `${pc} ${city}` };
    },
    phone: (r) => pick(r, [`0${between(r, 1, 5)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`, `+33 ${between(r, 1, 5)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`]),
    mobile: (r) => `06 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
  },
  {
    code: 'AU', name: 'Australia', lang: 'en', tld: 'com.au',
    given: ['Lachlan', 'Matilda', 'Hamish', 'Isla', 'Cooper', 'Sienna'],
    family: ['Whitlock', 'Papadopoulos', 'Nguyen', 'Fitzroy', 'Callaghan', 'Marchant'],
    legal: ['Pty Ltd', 'Pty. Ltd.', 'Ltd'],
    street: (r) => `${chance(r, 0.4) ? `Level ${between(r, 2, 30)}, ` : ''}${between(r, 1, 500)} ${pick(r, ['George', 'Collins', 'Pitt', 'Flinders', 'Hay', 'Adelaide'])} ${pick(r, ['Street', 'Lane', 'Parade'])}`,
    cityLine: (r) => {
      const [city, region, pc] = pick(r, [['Sydney', 'NSW', '2000'], ['Melbourne', 'VIC', '3000'], ['Brisbane', 'QLD', '4000'], ['Adelaide', 'SA', '5000'], ['Hobart', 'TAS', '7000']] as const);
      return { city, region, postalCode: pc, line: `${city} ${region} ${pc}` };
    },
    phone: (r) => pick(r, [`(02) 5550 ${digits(r, 4)}`, `+61 3 7010 ${digits(r, 4)}`]),
    mobile: (r) => `0491 570 ${between(r, 110, 159)}`,
  },
  {
    code: 'NL', name: 'Nederland', lang: 'nl', tld: 'nl',
    given: ['Sanne', 'Joost', 'Femke', 'Maarten', 'Lieke', 'Thijs', 'Ilse', 'Bram'],
    family: ['van der Meulen', 'de Vries', 'Bakker', 'van den Heuvel', 'Visser', "ter Horst", 'Smit', 'de Jong'],
    legal: ['B.V.', 'N.V.', 'BV', 'V.O.F.'],
    street: (r) => `${pick(r, NL_STEMS)}${pick(r, ['straat', 'laan', 'gracht', 'weg', 'kade', 'plein'])} ${between(r, 1, 320)}`,
    cityLine: (r) => {
      const city = pick(r, ['Utrecht', 'Rotterdam', 'Amsterdam', 'Eindhoven', 'Groningen', 'Den Haag']);
      const pc = `${between(r, 1011, 9999)} ${pick(r, ['AB', 'KL', 'RT', 'GH', 'CX', 'DP'])}`;
      return { city, region: '', postalCode: pc, line: `${pc} ${city}` };
    },
    phone: (r) => pick(r, [`030 ${digits(r, 3)} ${digits(r, 4)}`.replace(/^030 0/, '030 2'), `+31 20 ${between(r, 200, 799)} ${digits(r, 4)}`]),
    mobile: (r) => pick(r, [`06 ${between(r, 10, 99)} ${digits(r, 3)} ${digits(r, 3)}`, `+31 6 ${between(r, 10, 99)}${digits(r, 6)}`]),
  },
  {
    code: 'ES', name: 'España', lang: 'es', tld: 'es',
    given: ['Lucía', 'Álvaro', 'Nerea', 'Iñigo', 'Begoña', 'Sergio', 'Ainhoa', 'Rubén'],
    family: ['García Martín', 'Fernández', 'Muñoz Ortega', 'Ibáñez', 'Rodríguez Peña', 'Etxeberria', 'Núñez'],
    legal: ['S.L.', 'S.A.', 'S.L.U.', 'SL'],
    street: (r) => `${pick(r, ES_STREETS)}, ${between(r, 1, 200)}${chance(r, 0.3) ? `, ${between(r, 1, 9)}º` : ''}`,
    cityLine: (r) => {
      const [city, pc] = pick(r, [['Madrid', '28014'], ['Sevilla', '41001'], ['Valencia', '46002'], ['Bilbao', '48001'], ['Málaga', '29005'], ['Zaragoza', '50001']] as const);
      return { city, region: '', postalCode: pc, line: `${pc} ${city}` };
    },
    phone: (r) => pick(r, [`91 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`, `+34 93 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`, `954 ${digits(r, 3)} ${digits(r, 3)}`]),
    mobile: (r) => pick(r, [`6${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`, `+34 6${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`]),
  },
  {
    code: 'IT', name: 'Italia', lang: 'it', tld: 'it',
    given: ['Giulia', 'Niccolò', 'Chiara', 'Lorenzo', 'Federica', 'Matteo', 'Ilaria', 'Tommaso'],
    family: ['Esposito', 'Ricci', 'De Luca', 'Colombo', 'Mancini', 'Bianchi', 'Lo Russo', 'Galli'],
    legal: ['S.r.l.', 'S.p.A.', 'Srl', 'SpA', 'S.a.s.'],
    street: (r) => `${pick(r, IT_STREETS)}, ${between(r, 1, 140)}`,
    cityLine: (r) => {
      const [city, region, pc] = pick(r, [['Milano', 'MI', '20121'], ['Torino', 'TO', '10121'], ['Bologna', 'BO', '40121'], ['Firenze', 'FI', '50122'], ['Napoli', 'NA', '80133']] as const);
      return chance(r, 0.5) ? { city, region, postalCode: pc, line: `${pc} ${city} (${region})` } : { city, region, postalCode: pc, line: `${pc} ${city} ${region}` };
    },
    phone: (r) => pick(r, [`02 ${digits(r, 4)} ${digits(r, 4)}`, `+39 011 ${digits(r, 3)} ${digits(r, 4)}`, `051 ${digits(r, 6)}`]),
    mobile: (r) => pick(r, [`+39 3${between(r, 20, 49)} ${digits(r, 3)} ${digits(r, 4)}`, `3${between(r, 20, 49)} ${digits(r, 7)}`]),
  },
  {
    code: 'CH', name: 'Schweiz', lang: 'de', tld: 'ch',
    given: ['Reto', 'Seraina', 'Urs', 'Corinne', 'Beat', 'Nadine', 'Luca', 'Mélanie'],
    family: ['Zürcher', 'Brunner', 'Ammann', 'Fässler', 'Rochat', 'Baumgartner', 'Keller', 'Jeanneret'],
    legal: ['AG', 'GmbH', 'SA', 'Sàrl', 'Sagl'],
    street: (r) => (chance(r, 0.6) ? `${pick(r, ['Bahnhof', 'See', 'Dorf', 'Berg', 'Limmat'])}${pick(r, ['strasse', 'weg', 'gasse'])} ${between(r, 1, 120)}` : `${pick(r, ['Rue du Rhône', 'Avenue de la Gare', 'Chemin des Vignes'])} ${between(r, 1, 90)}`),
    cityLine: (r) => {
      const [city, pc] = pick(r, [['Zürich', '8001'], ['Bern', '3011'], ['Genève', '1204'], ['Lausanne', '1003'], ['Basel', '4051'], ['Luzern', '6003']] as const);
      return chance(r, 0.4) ? { city, region: '', postalCode: pc, line: `CH-${pc} ${city}` } : { city, region: '', postalCode: pc, line: `${pc} ${city}` };
    },
    phone: (r) => pick(r, [`+41 44 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`, `031 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`]),
    mobile: (r) => pick(r, [`+41 79 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`, `078 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`]),
  },
  {
    code: 'IN', name: 'India', lang: 'en', tld: 'in',
    given: ['Ananya', 'Rohan', 'Kavya', 'Arjun', 'Meera', 'Vikram', 'Sneha', 'Aditya'],
    family: ['Venkataraman', 'Iyer', 'Chatterjee', 'Deshpande', 'Reddy', 'Kulkarni', 'Bhattacharya', 'Menon'],
    legal: ['Pvt. Ltd.', 'Private Limited', 'Pvt Ltd', 'LLP', 'Ltd.'],
    street: (r) => `${between(r, 1, 400)}, ${pick(r, IN_STREETS)}${chance(r, 0.4) ? `, ${pick(r, ['Indiranagar', 'Koramangala', 'Andheri East', 'Salt Lake'])}` : ''}`,
    cityLine: (r) => {
      const [city, region, pc] = pick(r, [['Bengaluru', 'Karnataka', '560038'], ['Mumbai', 'Maharashtra', '400069'], ['Pune', 'Maharashtra', '411001'], ['Chennai', 'Tamil Nadu', '600002'], ['Kolkata', 'West Bengal', '700091']] as const);
      return chance(r, 0.5) ? { city, region: '', postalCode: pc, line: `${city} - ${pc}` } : { city, region, postalCode: pc, line: `${city}, ${region} ${pc}` };
    },
    phone: (r) => pick(r, [`+91 80 ${digits(r, 4)} ${digits(r, 4)}`.replace(/80 0/, '80 4'), `022 ${between(r, 2000, 6999)} ${digits(r, 4)}`]),
    mobile: (r) => pick(r, [`+91 98${digits(r, 3)} ${digits(r, 5)}`, `9${between(r, 7, 9)}${digits(r, 3)} ${digits(r, 5)}`]),
  },
  {
    code: 'SG', name: 'Singapore', lang: 'en', tld: 'com.sg',
    given: ['Wei Ling', 'Jun Jie', 'Hui Min', 'Kai Wen', 'Siti', 'Rajesh'],
    family: ['Tan', 'Lim', 'Ng', 'Goh', 'Wong', 'Teo'],
    legal: ['Pte Ltd', 'Pte. Ltd.', 'Private Limited'],
    street: (r) => `${between(r, 1, 300)} ${pick(r, ['Orchard Road', 'Robinson Road', 'Cecil Street', 'Anson Road', 'Beach Road'])}${chance(r, 0.6) ? `, #${between(r, 2, 40)}-${digits(r, 2)}` : ''}`,
    cityLine: (r) => {
      const pc = `0${between(r, 10000, 89999)}`;
      return { city: 'Singapore', region: '', postalCode: pc, line: `Singapore ${pc}` };
    },
    phone: (r) => pick(r, [`+65 6${digits(r, 3)} ${digits(r, 4)}`, `6${digits(r, 3)} ${digits(r, 4)}`]),
    mobile: (r) => pick(r, [`+65 9${digits(r, 3)} ${digits(r, 4)}`, `8${digits(r, 3)} ${digits(r, 4)}`]),
  },
  {
    code: 'BR', name: 'Brasil', lang: 'pt', tld: 'com.br',
    given: ['João', 'Luíza', 'Thiago', 'Fernanda', 'Gonçalo', 'Letícia', 'Rafael', 'Beatriz'],
    family: ['Conceição', 'Araújo', 'da Silva', 'Gonçalves', 'Nogueira', 'dos Santos', 'Carvalho', 'Magalhães'],
    legal: ['Ltda.', 'S.A.', 'Ltda', 'EIRELI', 'ME'],
    street: (r) => `${pick(r, PT_STREETS)}, ${between(r, 10, 3000)}${chance(r, 0.3) ? ` - Sala ${between(r, 10, 90)}` : ''}`,
    cityLine: (r) => {
      const [city, region] = pick(r, [['São Paulo', 'SP'], ['Rio de Janeiro', 'RJ'], ['Belo Horizonte', 'MG'], ['Curitiba', 'PR'], ['Porto Alegre', 'RS']] as const);
      const pc = `${between(r, 10000, 99999)}-${digits(r, 3)}`;
      return { city, region, postalCode: pc, line: `${city} - ${region}, ${pc}` };
    },
    phone: (r) => pick(r, [`+55 11 3${digits(r, 3)}-${digits(r, 4)}`, `(21) 2${digits(r, 3)}-${digits(r, 4)}`]),
    mobile: (r) => pick(r, [`+55 11 9${digits(r, 4)}-${digits(r, 4)}`, `(21) 9${digits(r, 4)}-${digits(r, 4)}`]),
  },
];

/** Company name stems: invented words (none of them is a real company). */
const COMPANY_STEMS = ['Varnholt', 'Quillmere', 'Ostrava', 'Brightwell', 'Calderon', 'Ferrovia', 'Halvorsen', 'Ilmarin', 'Jadeport', 'Kestrow', 'Lunavale', 'Merrow', 'Norrland', 'Orsini', 'Pellago', 'Rivenhall', 'Solvik', 'Tarrant', 'Umbria', 'Vellacott', 'Wexcombe', 'Zephyra', 'Altamura', 'Bexley', 'Corvina', 'Drummond', 'Elstree'];
/** Generic second words of company names, in English and the country's language. */
const COMPANY_TAILS: Record<Country['lang'], string[]> = {
  en: ['Partners', 'Group', 'Labs', 'Analytics', 'Foods', 'Freight', 'Optics', 'Textiles', 'Dental', 'Studio', 'Holdings', 'Ceramics', 'Marine', 'Agritech', ''],
  de: ['Werkzeugbau', 'Verpackung', 'Messtechnik', 'Gruppe', 'Holzbau', 'Systeme', 'Logistik', 'Medizintechnik', ''],
  fr: ['Conseil', 'Emballages', 'Matériaux', 'Distribution', 'Optique', 'Transports', ''],
  nl: ['Installatietechniek', 'Groep', 'Transport', 'Advies', 'Bouw', ''],
  es: ['Consultores', 'Distribuciones', 'Ingeniería', 'Logística', 'Grupo', ''],
  it: ['Meccanica', 'Tessuti', 'Consulenze', 'Impianti', 'Gruppo', ''],
  pt: ['Engenharia', 'Logística', 'Alimentos', 'Consultoria', 'Comércio', ''],
};
const TITLES: Record<Country['lang'], string[]> = {
  en: ['Head of Partnerships', 'Senior Account Manager', 'Chief Operating Officer', 'Regional Sales Director', 'Procurement Lead', 'Customer Success Manager', 'Managing Director', 'Business Development Executive', 'Principal Engineer', 'Marketing Coordinator', 'VP, Supply Chain', 'Quality Assurance Specialist'],
  de: ['Leiterin Vertrieb', 'Geschäftsführer', 'Technischer Einkäufer', 'Key Account Managerin', 'Projektleiter', 'Vertriebsingenieur', 'Abteilungsleiterin Einkauf'],
  fr: ['Directrice commerciale', 'Chargé d\'affaires', 'Responsable des achats', 'Ingénieure produit', 'Directeur général', 'Chef de projet'],
  nl: ['Accountmanager', 'Directeur', 'Inkoper', 'Projectleider', 'Commercieel manager', 'Adviseur duurzaamheid'],
  es: ['Directora comercial', 'Jefe de compras', 'Gerente general', 'Responsable de ventas', 'Ingeniero de proyectos', 'Consultora senior'],
  it: ['Direttore commerciale', 'Responsabile acquisti', 'Amministratore delegato', 'Ingegnere di progetto', 'Consulente tecnica'],
  pt: ['Diretora comercial', 'Gerente de compras', 'Engenheiro de projetos', 'Coordenadora de vendas', 'Sócio-diretor'],
};
const DEPARTMENTS: Record<Country['lang'], string[]> = {
  en: ['Global Sales', 'Strategic Accounts', 'Research & Development', 'Customer Operations'],
  de: ['Vertrieb Deutschland', 'Einkauf & Logistik', 'Forschung und Entwicklung'],
  fr: ['Service achats', 'Direction commerciale', 'Département export'],
  nl: ['Afdeling inkoop', 'Verkoop Benelux'],
  es: ['Departamento de compras', 'Área comercial'],
  it: ['Ufficio acquisti', 'Area commerciale'],
  pt: ['Departamento comercial', 'Setor de compras'],
};
const TAGLINES: Record<Country['lang'], string[]> = {
  en: ['Keeping things moving since 1987', 'Ideas that ship.', 'Small parts, big results', 'Your partner in clean water'],
  de: ['Präzision aus Leidenschaft', 'Seit 1954 in Familienhand', 'Wir bewegen Ihre Ideen'],
  fr: ['Le savoir-faire depuis 1962', 'Des solutions sur mesure', 'Ensemble, plus loin'],
  nl: ['Samen bouwen aan morgen', 'Altijd dichtbij'],
  es: ['Calidad desde 1979', 'Soluciones a tu medida'],
  it: ['Qualità dal 1968', 'Innoviamo con passione'],
  pt: ['Qualidade que transforma', 'Desde 1985 ao seu lado'],
};
const LABELS: Record<Country['lang'], { phone: string[]; mobile: string[]; fax: string[]; email: string[]; web: string[]; direct: string[] }> = {
  en: { phone: ['T', 'Tel', 'Phone', 'P', 'Office', 'Main', '(P)', 'O'], mobile: ['M', 'Mobile', 'Mob', 'Cell', 'cell:', 'C', '(C)'], fax: ['F', 'Fax', '(F)'], email: ['E', 'Email', 'E-mail', 'Mail', 'e'], web: ['W', 'Web', 'www', 'w'], direct: ['Direct', 'DD', 'Direct line', 'DDI'] },
  de: { phone: ['Tel.', 'Telefon', 'T'], mobile: ['Mobil', 'Handy', 'M'], fax: ['Fax', 'F'], email: ['E-Mail', 'Mail', 'E'], web: ['Web', 'Internet', 'W'], direct: ['Durchwahl', 'Direkt'] },
  fr: { phone: ['Tél.', 'Tél', 'T', 'Standard'], mobile: ['Port.', 'Mobile', 'M'], fax: ['Fax', 'F'], email: ['E-mail', 'Courriel', 'E', 'Mél.'], web: ['Web', 'Site', 'W'], direct: ['Ligne directe', 'Direct'] },
  nl: { phone: ['Tel.', 'T', 'Telefoon'], mobile: ['Mob.', 'Mobiel', 'M'], fax: ['Fax', 'F'], email: ['E-mail', 'E'], web: ['Web', 'W', 'Internet'], direct: ['Direct', 'Doorkiesnummer'] },
  es: { phone: ['Tel.', 'Tfno.', 'T', 'Teléfono'], mobile: ['Móvil', 'M', 'Cel.'], fax: ['Fax', 'F'], email: ['Email', 'Correo', 'E'], web: ['Web', 'W'], direct: ['Directo', 'Tel. directo'] },
  it: { phone: ['Tel.', 'T', 'Telefono'], mobile: ['Cell.', 'Mob.', 'M', 'Cellulare'], fax: ['Fax', 'F'], email: ['Email', 'E-mail', 'E'], web: ['Web', 'Sito', 'W'], direct: ['Diretto', 'Tel. diretto'] },
  pt: { phone: ['Tel.', 'T', 'Fone', 'Telefone'], mobile: ['Cel.', 'Celular', 'M', 'WhatsApp'], fax: ['Fax', 'F'], email: ['E-mail', 'Email', 'E'], web: ['Site', 'Web', 'W'], direct: ['Direto', 'Tel. direto'] },
};

function asciiOf(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function checkPhone(printed: string, country: string, wantMobile: boolean | null): boolean {
  const p = parsePhoneNumberFromString(printed.replace(/\(0\)/, ''), country as CountryCode);
  if (!p || !p.isValid()) return false;
  if (wantMobile === null) return true;
  const t = p.getType();
  return wantMobile ? t === 'MOBILE' : t !== 'MOBILE';
}

function drawNumber(r: Rand, c: Country, make: (r: Rand) => string, mobile: boolean): string {
  for (let i = 0; i < 40; i++) {
    const v = make(r);
    if (checkPhone(v, c.code, mobile)) return v;
  }
  return make(r);
}

const LAYOUTS = ['left', 'centered', 'two-column', 'company-top-caps', 'company-bottom', 'portrait', 'split-name', 'right-block'] as const;
type Layout = (typeof LAYOUTS)[number];

const caps = (s: string): string => s.toLocaleUpperCase('en');

interface Planned {
  text: string;
  role: string;
  size: number;
  bold?: boolean;
  icon?: CardLine['icon'];
  /** column (two-column layouts) */
  column?: 0 | 1;
  gapBefore?: number;
}

/** One invented card. */
export function generateCard(seed: number, index: number, opts: { photoShare?: number } = {}): GeneratedCard {
  const r = rng(seed * 7919 + index * 104729);
  const c = pick(r, COUNTRIES);
  const layout: Layout = pick(r, LAYOUTS);
  const features: string[] = [];
  const labels = LABELS[c.lang];
  const english = c.lang === 'en' || chance(r, 0.35);
  const lang = english ? 'en' : c.lang;

  // person
  const noPerson = chance(r, 0.06);
  const student = !noPerson && chance(r, 0.04);
  const first = pick(r, c.given);
  let last = pick(r, c.family);
  const middle = chance(r, 0.1) ? `${pick(r, ['J', 'A', 'M', 'R', 'K'])}.` : '';
  const prefix = chance(r, 0.08) ? 'Dr.' : '';
  const suffix = !prefix && chance(r, 0.06) ? pick(r, [', PhD', ', MBA', ' III', ' Jr.', ', CPA']) : '';
  if (suffix === ' III' || suffix === ' Jr.') features.push('generational-suffix');
  const printedName = [prefix, first, middle, last].filter(Boolean).join(' ') + suffix;
  // capitals lose ß (WEISS), so a card in capitals cannot give back the printed spelling
  const nameCaps = !/ß/.test(printedName) && chance(r, 0.2);

  // company
  const stem = pick(r, COMPANY_STEMS);
  const tail = pick(r, COMPANY_TAILS[c.lang === 'en' ? 'en' : chance(r, 0.6) ? c.lang : 'en']);
  const withLegal = chance(r, 0.7);
  const legal = withLegal ? pick(r, c.legal) : '';
  const company = [stem, tail, legal].filter(Boolean).join(' ');
  const companyCaps = layout === 'company-top-caps' || chance(r, 0.25);
  if (!withLegal) features.push('company-no-legal-form');
  const domainStemText = asciiOf(stem) + (tail && chance(r, 0.4) ? `-${asciiOf(tail)}` : '');
  const domain = `${domainStemText}.example${chance(r, 0.5) ? '' : `.${c.tld}`}`;

  const title = student || noPerson ? '' : pick(r, TITLES[lang as Country['lang']]);
  const course = student ? pick(r, ['MSc Data Science, Class of 2027', 'B.A. Economics — Year 3', 'Master in Management student']) : '';
  const dept = title && chance(r, 0.2) ? pick(r, DEPARTMENTS[lang as Country['lang']]) : '';
  if (dept) features.push('department');
  const tagline = chance(r, 0.25) ? pick(r, TAGLINES[lang as Country['lang']]) : '';
  if (tagline) features.push('tagline');

  // contacts
  const emailStyle = pick(r, ['first.last', 'flast', 'first', 'info']);
  const fa = asciiOf(first.split(' ')[0] ?? first);
  const la = asciiOf(last.split(' ').pop() ?? last);
  const local = noPerson || emailStyle === 'info' ? pick(r, ['info', 'hello', 'contact', 'office', 'sales']) : emailStyle === 'first.last' ? `${fa}.${la}` : emailStyle === 'flast' ? `${fa[0] ?? ''}${la}` : fa;
  const email = chance(r, 0.93) ? `${local}@${domain}` : '';
  const website = chance(r, 0.75) ? `${pick(r, ['www.', 'www.', '', 'https://www.'])}${domain}` : '';
  let phone = chance(r, 0.85) ? drawNumber(r, c, c.phone, false) : '';
  const mobile = chance(r, 0.55) ? drawNumber(r, c, c.mobile, true) : '';
  const fax = chance(r, 0.15) ? drawNumber(r, c, c.phone, false) : '';
  const direct = phone && chance(r, 0.12) ? drawNumber(r, c, c.phone, false) : '';
  const extension = phone && !direct && chance(r, 0.08) ? pick(r, [' x123', ' ext. 555', ' Ext. 21']) : '';
  if (extension) {
    phone += extension;
    features.push('extension');
  }
  // without a label a mobile is only recognisable where the numbering plan tells mobiles apart (not US/CA)
  const mobileUnlabelled = mobile && !['US', 'CA'].includes(c.code) && chance(r, 0.15);
  if (mobileUnlabelled) features.push('unlabelled-mobile');

  // address
  const withAddress = chance(r, 0.85);
  const street = withAddress ? c.street(r) : '';
  const cl = c.cityLine(r);
  const printCountry = withAddress && chance(r, 0.35);
  const address = withAddress ? { street, ...cl, country: printCountry ? c.name : '' } : null;
  const oneLineAddress = address && chance(r, 0.3);

  const fields = Object.fromEntries(CARD_FIELDS.map((f) => [f, ''])) as Fields;
  if (!noPerson) {
    fields.fullName = printedName;
    fields.firstName = first;
    fields.lastName = last;
    if (suffix === ' III' || suffix === ' Jr.') {
      fields.lastName = last;
    }
  }
  fields.title = title;
  fields.company = company;
  fields.email = email;
  fields.website = website;
  fields.phone = direct || phone;
  fields.mobile = mobile;
  fields.fax = fax;
  if (address) {
    fields.street = address.street;
    fields.city = address.city;
    fields.region = address.region;
    fields.postalCode = address.postalCode;
    fields.country = address.country;
  }

  // contact lines
  const contact: Planned[] = [];
  const size = pick(r, [15, 16, 17, 18, 20]);
  const sep = pick(r, [' | ', '  ·  ', ' • ', '   ', ' / ', '; ']);
  const labelled = (kind: keyof typeof labels, v: string): string => {
    const l = pick(r, labels[kind].filter((x) => !(kind === 'web' && x === 'www' && /www\./.test(v))));
    const glue = /[:.)]$/.test(l) ? ' ' : pick(r, [': ', ' ', ' | ', '. ']);
    return `${l}${glue}${v}`;
  };
  const useIcons = chance(r, 0.2);
  if (useIcons) features.push('icons');
  const phoneParts: string[] = [];
  if (direct) phoneParts.push(labelled('direct', direct));
  if (phone) phoneParts.push(direct ? labelled('phone', phone) : chance(r, 0.15) && !mobile ? phone : labelled('phone', phone));
  if (mobile) phoneParts.push(mobileUnlabelled ? mobile : labelled('mobile', mobile));
  if (fax) phoneParts.push(labelled('fax', fax));
  const sharedPhones = phoneParts.length > 1 && chance(r, 0.35);
  if (sharedPhones) {
    contact.push({ text: phoneParts.join(sep), role: 'phones', size, icon: useIcons ? 'phone' : undefined });
    features.push('shared-phone-line');
  } else for (const p of phoneParts) contact.push({ text: p, role: 'phone', size, icon: useIcons ? 'phone' : undefined });
  const webParts: string[] = [];
  if (email) webParts.push(chance(r, 0.6) ? labelled('email', email) : email);
  if (website) webParts.push(chance(r, 0.5) ? labelled('web', website) : website);
  if (webParts.length === 2 && chance(r, 0.4)) {
    contact.push({ text: webParts.join(pick(r, [' | ', '  ·  ', '    ', ' • ', '  '])), role: 'email+website', size, icon: useIcons ? 'mail' : undefined });
    features.push('shared-web-line');
  } else if (email && phone && !sharedPhones && chance(r, 0.1)) {
    // number and e-mail on one line, separated by ";"
    const pi = contact.findIndex((x) => x.role === 'phone');
    const pl = contact[pi];
    if (pl) pl.text = `${pl.text}; ${webParts[0]}`;
    if (webParts[1]) contact.push({ text: webParts[1], role: 'website', size, icon: useIcons ? 'globe' : undefined });
    features.push('phone-and-email-line');
  } else for (const w of webParts) contact.push({ text: w, role: w.includes('@') ? 'email' : 'website', size, icon: useIcons ? (w.includes('@') ? 'mail' : 'globe') : undefined });
  if (chance(r, 0.12)) {
    contact.push({ text: `linkedin.com/in/${fa}-${la}`, role: 'social', size: size - 1 });
    features.push('social');
  }
  const addressLines: Planned[] = [];
  if (address) {
    if (oneLineAddress) addressLines.push({ text: [address.street, address.line, address.country].filter(Boolean).join(', '), role: 'address', size, icon: useIcons ? 'pin' : undefined });
    else {
      addressLines.push({ text: address.street, role: 'street', size, icon: useIcons ? 'pin' : undefined });
      addressLines.push({ text: address.line, role: 'cityLine', size });
      if (address.country) addressLines.push({ text: address.country, role: 'country', size });
    }
  }

  const nameSize = pick(r, [30, 34, 38, 42]);
  const nameLines: Planned[] = [];
  if (!noPerson) {
    const shown = nameCaps ? caps(printedName) : printedName;
    if (layout === 'split-name' && !prefix && !suffix && !middle) {
      nameLines.push({ text: nameCaps ? caps(first) : first, role: 'name', size: nameSize, bold: true });
      nameLines.push({ text: nameCaps ? caps(last) : last, role: 'name', size: nameSize, bold: true, gapBefore: 0.15 });
      features.push('split-name');
    } else nameLines.push({ text: shown, role: 'name', size: nameSize, bold: true });
  }
  const titleLines: Planned[] = [];
  if (title) titleLines.push({ text: chance(r, 0.25) ? caps(title) : title, role: 'title', size: Math.round(nameSize * 0.55) });
  if (course) titleLines.push({ text: course, role: 'course', size: Math.round(nameSize * 0.55) });
  if (dept) titleLines.push({ text: dept, role: 'department', size: Math.round(nameSize * 0.5) });
  const companySize = layout === 'company-top-caps' ? pick(r, [24, 28, 32]) : pick(r, [20, 24, 28, 34]);
  const companyLine: Planned = { text: companyCaps ? caps(company) : company, role: 'company', size: companySize, bold: true };
  const taglineLine: Planned[] = tagline ? [{ text: tagline, role: 'tagline', size: Math.round(companySize * 0.6) }] : [];
  const legalLine: Planned[] = chance(r, 0.08) ? [{ text: pick(r, [`VAT ${c.code}${digits(r, 9)}`, `Registered in ${c.name} No. ${digits(r, 8)}`, `HRB ${digits(r, 5)} · Amtsgericht`]), role: 'legal', size: 11 }] : [];
  const logo: GeneratedCard['style']['logo'] = chance(r, 0.35) ? pick(r, ['square', 'circle'] as const) : 'none';
  const qr = chance(r, 0.15);
  if (qr) features.push('qr');
  if (logo !== 'none') features.push('logo');
  if (noPerson) features.push('no-person');
  if (student) features.push('student');

  // order of the blocks
  let blocks: Planned[][];
  switch (layout) {
    case 'company-top-caps':
      blocks = [[companyLine, ...taglineLine], nameLines, titleLines, contact, addressLines, legalLine];
      break;
    case 'company-bottom':
      blocks = [nameLines, titleLines, contact, addressLines, [companyLine, ...taglineLine], legalLine];
      break;
    default:
      blocks = chance(r, 0.5)
        ? [nameLines, titleLines, [companyLine, ...taglineLine], contact, addressLines, legalLine]
        : [[companyLine, ...taglineLine], nameLines, titleLines, contact, addressLines, legalLine];
  }

  // geometry
  const portrait = layout === 'portrait';
  const [W, H] = portrait ? [600, 1000] : pick(r, [[1050, 600], [1020, 660]] as const);
  const margin = 48;
  const lines: CardLine[] = [];
  const charWidth = (text: string, sz: number, bold?: boolean): number => text.length * sz * (bold ? 0.6 : 0.54);
  const place = (planned: Planned[], x0: number, x1: number, yStart: number, anchor: CardLine['anchor'], fit: number): number => {
    let y = yStart;
    for (const p of planned) {
      let sz = p.size;
      const avail = x1 - x0 - (p.icon ? 34 : 0);
      while (charWidth(p.text, sz, p.bold) > avail && sz > 9) sz--;
      const w = Math.min(avail, charWidth(p.text, sz, p.bold));
      y += (p.gapBefore ?? 0.45) * sz * fit;
      const x = anchor === 'start' ? x0 + (p.icon ? 34 : 0) : anchor === 'middle' ? (x0 + x1) / 2 - w / 2 : x1 - w;
      lines.push({ text: p.text, role: p.role, bbox: [Math.round(x), Math.round(y), Math.round(w), Math.round(sz * 1.1)], size: sz, bold: Boolean(p.bold), anchor, ...(p.icon ? { icon: p.icon } : {}) });
      y += sz * 1.1;
    }
    return y;
  };
  const height = (ps: Planned[][]): number => ps.flat().reduce((t, p) => t + p.size * (1.1 + (p.gapBefore ?? 0.45)), 0) + ps.filter((b) => b.length).length * 14;
  const qrSpace = qr ? 150 : 0;
  if (layout === 'two-column') {
    const left = [nameLines, titleLines, [companyLine, ...taglineLine]];
    const right = [contact, addressLines, legalLine];
    const mid = W * 0.5;
    const fitL = Math.min(1, (H - 2 * margin) / height(left));
    const fitR = Math.min(1, (H - 2 * margin) / height(right));
    let y = margin;
    for (const b of left) if (b.length) y = place(b, margin, mid - 20, y, 'start', fitL) + 14 * fitL;
    y = margin + 20;
    for (const b of right) if (b.length) y = place(b, mid + 20, W - margin - qrSpace, y, 'start', fitR) + 14 * fitR;
  } else {
    const anchor: CardLine['anchor'] = layout === 'centered' || portrait ? 'middle' : layout === 'right-block' ? 'end' : 'start';
    const used = blocks.filter((b) => b.length);
    const total = height(used);
    const fit = Math.min(1.4, (H - 2 * margin) / total);
    let y = margin + Math.max(0, (H - 2 * margin - total * fit) / 2);
    const x1 = W - margin - (anchor === 'middle' ? 0 : qrSpace);
    for (const b of used) y = place(b, margin + (anchor === 'middle' && qr ? 0 : 0), x1, y, anchor, fit) + 14 * fit;
  }

  const photo = chance(r, opts.photoShare ?? 0.6);
  const degradations: Degradation[] = [];
  if (photo) {
    degradations.push({ type: 'clutter', background: pick(r, ['wood', 'slate', 'desk', 'paper'] as const) });
    const turn = chance(r, 0.15) ? pick(r, [90, 180, 270]) : 0;
    degradations.push({ type: 'rotate', degrees: turn + (r() * 12 - 6) });
    if (chance(r, 0.5)) degradations.push({ type: 'perspective', skew: r() * 0.12 - 0.06 });
    if (chance(r, 0.4)) degradations.push({ type: 'glare', x: r(), y: r(), radius: 0.15 + r() * 0.2, strength: 0.15 + r() * 0.25 });
    if (chance(r, 0.4)) degradations.push({ type: 'shadow', side: pick(r, ['left', 'right', 'top', 'bottom'] as const), strength: 0.2 + r() * 0.3 });
    if (chance(r, 0.5)) degradations.push({ type: 'blur', sigma: 0.5 + r() * 1.0 });
    if (chance(r, 0.4)) degradations.push({ type: 'noise', amount: 6 + r() * 14 });
    if (chance(r, 0.5)) degradations.push({ type: 'downscale', factor: 0.6 + r() * 0.3 });
    degradations.push({ type: 'jpeg', quality: between(r, 55, 90) });
  }
  const dark = chance(r, 0.12);
  const style: GeneratedCard['style'] = {
    cleanSize: [W, H],
    font: pick(r, ['Liberation Sans', 'DejaVu Sans', 'Liberation Serif', 'DejaVu Serif', 'Liberation Sans Narrow', 'DejaVu Sans Condensed']),
    headFont: pick(r, ['Liberation Sans', 'DejaVu Sans', 'Liberation Serif', 'DejaVu Serif']),
    ink: dark ? '#f2f2ee' : pick(r, ['#111111', '#1f2a44', '#2b2b2b', '#3a2f28']),
    paper: dark ? pick(r, ['#1d2733', '#2a2a2a', '#103040']) : pick(r, ['#ffffff', '#f7f4ec', '#eef3f7', '#fbf8f0']),
    accent: pick(r, ['#c0392b', '#1f6feb', '#2e8b57', '#8e44ad', '#d35400']),
    logo,
    qr,
  };
  // named like the dev set's files so ../shared/cards/score.mjs reads the set as it is
  const file = `card-${String(index).padStart(4, '0')}.jpg`;
  return {
    file,
    seed,
    fields,
    lines,
    text: lines.map((l) => l.text).join('\n'),
    photo,
    meta: { country: c.code, layout, features },
    style,
    degradations,
  };
}

export function generateCards(count: number, seed = 1, opts: { photoShare?: number } = {}): GeneratedCard[] {
  return Array.from({ length: count }, (_v, i) => generateCard(seed, i + 1, opts));
}
