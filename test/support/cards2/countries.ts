/**
 * The second card renderer's people and places (test tooling): the countries a booth in Europe,
 * India, Singapore and Brazil meets, written from their postal and numbering conventions —
 *
 *   NL  "1017 DD Amsterdam" (4 digits, space, 2 letters, before the city); 020 / 06 numbers
 *   ES  "28013 Madrid" (5 digits before the city); 9xx landlines, 6xx/7xx mobiles; "C/", "Avda."
 *   IT  "20121 Milano MI" / "00186 Roma (RM)" (CAP, city, province); 0x landlines, 3xx mobiles
 *   CH  "8001 Zürich" / "CH-1201 Genève" (4 digits); 0xx landlines, 07x mobiles; four languages
 *   IE  Eircodes "D02 XY45" (routing key + 4), "Dublin 2"; 01 / 08x numbers
 *   IN  6-digit PIN codes ("560 001" or "560001"), state names; +91 and 10-digit mobiles
 *   SG  "Singapore 048616" (6 digits), "#20-01" unit numbers; 6xxx landlines, 8/9 mobiles
 *   BR  CEP "01452-000", city "- SP"; (11) 3xxx-xxxx landlines, 9xxxx-xxxx mobiles
 *
 * Independent of test/support/cards (its own name pools, streets, shapes and proportions), so the
 * scanner can be tuned on one generator and judged on the other. All people, companies and streets
 * are invented; numbers are checked with libphonenumber-js so their type (landline/mobile) is right.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type Rand = () => number;

/** xorshift128+-like generator folded to 32 bits: a different family from the first renderer's mulberry32. */
export function seeded(seed: number): Rand {
  let s0 = (seed ^ 0x9e3779b9) >>> 0 || 1;
  let s1 = (Math.imul(seed, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0 || 2;
  return () => {
    let x = s0;
    const y = s1;
    s0 = y;
    x ^= x << 11;
    x ^= x >>> 8;
    s1 = (x ^ y ^ (y >>> 19)) >>> 0;
    return ((s1 + y) >>> 0) / 4294967296;
  };
}

export const oneOf = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
export const maybe = (r: Rand, p: number): boolean => r() < p;
export const num = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export const digitRun = (r: Rand, n: number): string => Array.from({ length: n }, () => String(num(r, 0, 9))).join('');

interface Place {
  street: string;
  city: string;
  region: string;
  postalCode: string;
  /** the printed city line(s): postcode, city, region in the country's order */
  cityLine: string;
}

export interface CountrySpec {
  code: CountryCode;
  /** the country's name as a card from there prints it */
  printedName: string;
  language: 'nl' | 'es' | 'it' | 'de' | 'fr' | 'en' | 'pt';
  given: readonly string[];
  family: readonly string[];
  legalForms: readonly string[];
  place: (r: Rand) => Place;
  /** a landline and a mobile in the way people there print them */
  landline: (r: Rand) => string;
  mobile: (r: Rand) => string;
  tld: string;
}

const EIRCODE_LETTERS = 'ACDEFHKNPRTVWXY';
const eircodeTail = (r: Rand): string => {
  // unique identifier: 4 characters from the Eircode alphabet and digits, first one a letter
  const pool = `${EIRCODE_LETTERS}0123456789`;
  return oneOf(r, [...EIRCODE_LETTERS]) + Array.from({ length: 3 }, () => oneOf(r, [...pool])).join('');
};

export const COUNTRY_SPECS: readonly CountrySpec[] = [
  {
    code: 'NL', printedName: 'The Netherlands', language: 'nl', tld: 'nl',
    given: ['Willemijn', 'Daan', 'Marloes', 'Sjoerd', 'Anouk', 'Ruben', 'Fleur', 'Jeroen', 'Esmée', 'Wouter'],
    family: ['Oosterhuis', 'van Leeuwen', 'Dijkstra', 'van der Linden', 'Hoekstra', 'de Boer', 'Verhoeven', 'van Dam', 'Kuipers', 'Mulder'],
    legalForms: ['B.V.', 'N.V.', 'V.O.F.', 'Coöperatie U.A.'],
    place: (r) => {
      const street = `${oneOf(r, ['Keizersgracht', 'Stationsplein', 'Oudegracht', 'Herengracht', 'Westblaak', 'Coolsingel', 'Vestdijk', 'Zuidas-laan'])} ${num(r, 1, 480)}${maybe(r, 0.2) ? `-${oneOf(r, ['A', 'B', '2'])}` : ''}`;
      const [city, first] = oneOf(r, [['Amsterdam', 10], ['Rotterdam', 30], ['Utrecht', 35], ['Eindhoven', 56], ['Leiden', 23], ['Groningen', 97], ['Haarlem', 20]] as const);
      const pc = `${first}${digitRun(r, 2)} ${oneOf(r, ['DD', 'BK', 'EZ', 'HN', 'LP', 'TV', 'MA'])}`;
      return { street, city, region: '', postalCode: pc, cityLine: `${pc}  ${city}`.replace('  ', oneOf(r, [' ', '  '])) };
    },
    landline: (r) => oneOf(r, [`+31 (0)20 ${num(r, 520, 799)} ${digitRun(r, 4)}`, `020 - ${num(r, 520, 799)} ${digitRun(r, 2)} ${digitRun(r, 2)}`, `+31 30 ${num(r, 200, 299)} ${digitRun(r, 4)}`]),
    mobile: (r) => oneOf(r, [`+31 6 ${num(r, 1000, 5999)} ${digitRun(r, 4)}`, `06-${num(r, 10, 59)}${digitRun(r, 6)}`]),
  },
  {
    code: 'ES', printedName: 'Spain', language: 'es', tld: 'es',
    given: ['Marta', 'Javier', 'Carmen', 'Pablo', 'Itziar', 'Andrés', 'Rocío', 'Gonzalo', 'Leire', 'Diego'],
    family: ['Sánchez Vidal', 'Herrera', 'Ortiz de Zárate', 'Castro', 'Morales Gil', 'Jiménez', 'Aguirre', 'Navarro', 'Romero', 'Cabrera'],
    legalForms: ['S.L.', 'S.A.', 'S.L.U.', 'S. Coop.'],
    place: (r) => {
      const street = oneOf(r, [
        `C/ ${oneOf(r, ['Gran Vía', 'Serrano', 'Princesa', 'Colón', 'San Vicente'])}, ${num(r, 1, 120)}${maybe(r, 0.4) ? `, ${num(r, 1, 8)}º ${oneOf(r, ['A', 'B', 'Izq.', 'Dcha.'])}` : ''}`,
        `Avda. ${oneOf(r, ['Diagonal', 'de América', 'de la Paz', 'del Puerto'])} ${num(r, 1, 640)}`,
        `Paseo de la Castellana, ${num(r, 10, 260)}`,
      ]);
      const [city, prefix] = oneOf(r, [['Madrid', '28'], ['Barcelona', '08'], ['Valencia', '46'], ['Sevilla', '41'], ['Bilbao', '48'], ['A Coruña', '15']] as const);
      const pc = `${prefix}0${digitRun(r, 2)}`;
      return { street, city, region: '', postalCode: pc, cityLine: `${pc} ${city}` };
    },
    landline: (r) => oneOf(r, [`+34 91 ${num(r, 200, 799)} ${digitRun(r, 2)} ${digitRun(r, 2)}`, `93 ${num(r, 200, 499)} ${digitRun(r, 2)} ${digitRun(r, 2)}`, `(+34) 944 ${digitRun(r, 3)} ${digitRun(r, 3)}`]),
    mobile: (r) => oneOf(r, [`+34 6${num(r, 10, 99)} ${digitRun(r, 3)} ${digitRun(r, 3)}`, `6${num(r, 10, 99)} ${digitRun(r, 2)} ${digitRun(r, 2)} ${digitRun(r, 2)}`]),
  },
  {
    code: 'IT', printedName: 'Italy', language: 'it', tld: 'it',
    given: ['Francesca', 'Alessandro', 'Valentina', 'Riccardo', 'Beatrice', 'Gabriele', 'Martina', 'Davide', 'Elisa', 'Stefano'],
    family: ['Ferrari', 'Romano', 'Marino', 'Di Stefano', 'Conti', 'Caruso', 'Fontana', 'De Angelis', 'Rinaldi', 'Barbieri'],
    legalForms: ['S.r.l.', 'S.p.A.', 'S.n.c.', 'S.r.l.s.'],
    place: (r) => {
      const street = `${oneOf(r, ['Via della Spiga', 'Corso Buenos Aires', 'Piazza del Duomo', 'Viale Monza', 'Via Nazionale', 'Largo Augusto', 'Via Po'])}${oneOf(r, [', ', ' '])}${num(r, 1, 230)}${maybe(r, 0.15) ? '/B' : ''}`;
      const [city, prov, cap] = oneOf(r, [['Milano', 'MI', '201'], ['Roma', 'RM', '001'], ['Torino', 'TO', '101'], ['Verona', 'VR', '371'], ['Genova', 'GE', '161'], ['Padova', 'PD', '351']] as const);
      const pc = `${cap}${digitRun(r, 2)}`;
      const style = num(r, 0, 2);
      return { street, city, region: style === 2 ? '' : prov, postalCode: pc, cityLine: style === 0 ? `${pc} ${city} (${prov})` : style === 1 ? `${pc} ${city} ${prov}` : `${pc} ${city}` };
    },
    landline: (r) => oneOf(r, [`+39 02 ${digitRun(r, 4)} ${digitRun(r, 4)}`, `06 ${digitRun(r, 8)}`, `+39 011 ${digitRun(r, 3)} ${digitRun(r, 4)}`]),
    mobile: (r) => oneOf(r, [`+39 3${num(r, 30, 49)} ${digitRun(r, 3)} ${digitRun(r, 4)}`, `3${num(r, 30, 49)} ${digitRun(r, 7)}`]),
  },
  {
    code: 'CH', printedName: 'Switzerland', language: 'de', tld: 'ch',
    given: ['Andrea', 'Lukas', 'Sabine', 'Marco', 'Céline', 'Thomas', 'Simone', 'Patrick', 'Noémie', 'Adrian'],
    family: ['Meier', 'Schneider', 'Huber', 'Favre', 'Gerber', 'Bernasconi', 'Widmer', 'Steiner', 'Moser', 'Python'],
    legalForms: ['AG', 'GmbH', 'SA', 'Sàrl', 'SAGL'],
    place: (r) => {
      const [street, city, pc] = oneOf(r, [
        [`Bahnhofstrasse ${num(r, 1, 110)}`, 'Zürich', `80${digitRun(r, 2)}`],
        [`Rue de Lausanne ${num(r, 1, 90)}`, 'Genève', `120${num(r, 1, 9)}`],
        [`Via Nassa ${num(r, 1, 60)}`, 'Lugano', '6900'],
        [`Marktgasse ${num(r, 1, 70)}`, 'Bern', `30${num(r, 10, 14)}`],
        [`Avenue de la Gare ${num(r, 1, 50)}`, 'Lausanne', `100${num(r, 1, 7)}`],
        [`Hertensteinstrasse ${num(r, 1, 60)}`, 'Luzern', '6004'],
      ] as const);
      return { street, city, region: '', postalCode: pc, cityLine: maybe(r, 0.35) ? `CH-${pc} ${city}` : `${pc} ${city}` };
    },
    landline: (r) => oneOf(r, [`+41 44 ${num(r, 200, 599)} ${digitRun(r, 2)} ${digitRun(r, 2)}`, `022 ${num(r, 300, 899)} ${digitRun(r, 2)} ${digitRun(r, 2)}`, `+41 (0)31 ${num(r, 300, 399)} ${digitRun(r, 2)} ${digitRun(r, 2)}`]),
    mobile: (r) => oneOf(r, [`+41 79 ${num(r, 200, 999)} ${digitRun(r, 2)} ${digitRun(r, 2)}`, `076 ${num(r, 200, 999)} ${digitRun(r, 2)} ${digitRun(r, 2)}`]),
  },
  {
    code: 'IE', printedName: 'Ireland', language: 'en', tld: 'ie',
    given: ['Saoirse', 'Eoin', 'Gráinne', 'Ruairí', 'Orla', 'Pádraig', 'Clodagh', 'Seán', 'Méabh', 'Donal'],
    family: ['Ó Briain', 'Kavanagh', 'Mac Giolla', 'Doyle', 'Ní Cheallaigh', 'Byrne', 'Moloney', 'Ó Súilleabháin', 'Quinlan', 'Tierney'],
    legalForms: ['Ltd', 'DAC', 'Teoranta', 'CLG', 'UC'],
    place: (r) => {
      const [city, key] = oneOf(r, [['Dublin 2', 'D02'], ['Dublin 8', 'D08'], ['Cork', 'T12'], ['Galway', 'H91'], ['Limerick', 'V94'], ['Sandyford, Dublin 18', 'D18']] as const);
      const street = oneOf(r, [`${num(r, 1, 99)} ${oneOf(r, ['Fitzwilliam Place', 'Grand Canal Quay', 'Patrick Street', 'Eyre Square', "O'Connell Street"])}`, `Unit ${num(r, 1, 40)}, ${oneOf(r, ['Sandyford Business Park', 'Ballybrit Industrial Estate', 'Mahon Point'])}`]);
      const pc = `${key} ${eircodeTail(r)}`;
      const cityOnly = city.includes(',') ? city.split(', ')[1]! : city;
      return { street, city: cityOnly, region: '', postalCode: pc, cityLine: maybe(r, 0.5) ? `${cityOnly}, ${pc}` : `${cityOnly} ${pc}` };
    },
    landline: (r) => oneOf(r, [`+353 1 ${num(r, 400, 899)} ${digitRun(r, 4)}`, `(01) ${num(r, 400, 899)} ${digitRun(r, 4)}`, `021 ${num(r, 400, 499)} ${digitRun(r, 4)}`]),
    mobile: (r) => oneOf(r, [`+353 8${oneOf(r, ['5', '6', '7'])} ${digitRun(r, 3)} ${digitRun(r, 4)}`, `08${oneOf(r, ['5', '6', '7'])} ${digitRun(r, 3)} ${digitRun(r, 4)}`]),
  },
  {
    code: 'IN', printedName: 'India', language: 'en', tld: 'in',
    given: ['Priyanka', 'Rahul', 'Deepa', 'Sanjay', 'Lakshmi', 'Nikhil', 'Shreya', 'Karthik', 'Pooja', 'Anand'],
    family: ['Sharma', 'Subramanian', 'Nair', 'Banerjee', 'Gupta', 'Pillai', 'Joshi', 'Rao', 'Mukherjee', 'Agarwal'],
    legalForms: ['Pvt. Ltd.', 'Private Limited', 'LLP', 'Ltd.'],
    place: (r) => {
      const [city, state, pinLead] = oneOf(r, [['Gurugram', 'Haryana', '122'], ['Hyderabad', 'Telangana', '500'], ['Bengaluru', 'Karnataka', '560'], ['Chennai', 'Tamil Nadu', '600'], ['Ahmedabad', 'Gujarat', '380'], ['Noida', 'Uttar Pradesh', '201']] as const);
      const pin = `${pinLead}${digitRun(r, 3).replace(/^0/, '0')}`;
      const street = oneOf(r, [`Plot No. ${num(r, 1, 300)}, Sector ${num(r, 1, 80)}`, `${num(r, 1, 40)}/${num(r, 1, 9)}, ${oneOf(r, ['Cunningham Road', 'Anna Salai', 'Jubilee Hills', 'SG Highway'])}`, `${oneOf(r, ['3rd', '5th', '11th'])} Floor, ${oneOf(r, ['Cyber Towers', 'Prestige Plaza', 'DLF Phase 2'])}`]);
      const style = num(r, 0, 2);
      const spaced = maybe(r, 0.4) ? `${pin.slice(0, 3)} ${pin.slice(3)}` : pin;
      if (style === 0) return { street, city, region: state, postalCode: spaced, cityLine: `${city}, ${state} ${spaced}` };
      if (style === 1) return { street, city, region: '', postalCode: spaced, cityLine: `${city} - ${spaced}` };
      return { street, city, region: state, postalCode: spaced, cityLine: `${city} ${spaced}, ${state}` };
    },
    landline: (r) => oneOf(r, [`+91 22 ${num(r, 4000, 6999)} ${digitRun(r, 4)}`, `080-${num(r, 4000, 4999)} ${digitRun(r, 4)}`, `+91 11 ${num(r, 2300, 2699)} ${digitRun(r, 4)}`]),
    mobile: (r) => oneOf(r, [`+91 9${num(r, 7000, 8999)} ${digitRun(r, 5)}`, `98${digitRun(r, 3)} ${digitRun(r, 5)}`, `+91-7${num(r, 3000, 9999)}-${digitRun(r, 5)}`]),
  },
  {
    code: 'SG', printedName: 'Singapore', language: 'en', tld: 'sg',
    given: ['Mei Ling', 'Jia Hui', 'Zhi Wei', 'Nurul', 'Arun', 'Xin Yi', 'Wen Jie', 'Farhan'],
    family: ['Tan', 'Lee', 'Chua', 'Koh', 'Ong', 'Chan', 'Yeo', 'Low'],
    legalForms: ['Pte. Ltd.', 'Pte Ltd', 'LLP'],
    place: (r) => {
      const street = oneOf(r, [`${num(r, 1, 9)} Raffles Place, #${num(r, 10, 60)}-0${num(r, 1, 9)}`, `${num(r, 10, 200)} ${oneOf(r, ['Shenton Way', 'Tras Street', 'Ubi Avenue 4', 'Jurong Gateway Road'])}${maybe(r, 0.5) ? ` #${String(num(r, 2, 30)).padStart(2, '0')}-${digitRun(r, 2)}` : ''}`]);
      const pc = `${oneOf(r, ['04', '07', '40', '60', '11'])}${digitRun(r, 4)}`;
      return { street, city: 'Singapore', region: '', postalCode: pc, cityLine: `Singapore ${pc}` };
    },
    landline: (r) => oneOf(r, [`+65 6${digitRun(r, 3)} ${digitRun(r, 4)}`, `(65) 6${digitRun(r, 3)} ${digitRun(r, 4)}`]),
    mobile: (r) => oneOf(r, [`+65 9${digitRun(r, 3)} ${digitRun(r, 4)}`, `+65 8${num(r, 100, 999)} ${digitRun(r, 4)}`]),
  },
  {
    code: 'BR', printedName: 'Brasil', language: 'pt', tld: 'com.br',
    given: ['Camila', 'Lucas', 'Juliana', 'Gustavo', 'Mariana', 'Felipe', 'Larissa', 'Rodrigo', 'Aline', 'Vinícius'],
    family: ['Oliveira', 'Pereira', 'Souza Lima', 'Ribeiro', 'Almeida', 'Barbosa', 'Teixeira', 'Cardoso', 'Moreira', 'Azevedo'],
    legalForms: ['Ltda.', 'S.A.', 'EIRELI', 'ME'],
    place: (r) => {
      const [city, uf, cepLead] = oneOf(r, [['São Paulo', 'SP', '014'], ['Rio de Janeiro', 'RJ', '222'], ['Curitiba', 'PR', '804'], ['Recife', 'PE', '510'], ['Florianópolis', 'SC', '880'], ['Campinas', 'SP', '130']] as const);
      const cep = `${cepLead}${digitRun(r, 2)}-${digitRun(r, 3)}`;
      const street = oneOf(r, [`Av. Brigadeiro Faria Lima, ${num(r, 100, 4000)}${maybe(r, 0.4) ? ` - ${num(r, 1, 20)}º andar` : ''}`, `Rua ${oneOf(r, ['Oscar Freire', 'dos Pinheiros', 'Voluntários da Pátria', 'XV de Novembro'])}, ${num(r, 10, 999)}${maybe(r, 0.3) ? `, cj. ${num(r, 11, 99)}` : ''}`]);
      const style = num(r, 0, 2);
      const cityLine = style === 0 ? `${cep} ${city} - ${uf}` : style === 1 ? `${city} - ${uf}, ${cep}` : `${city}/${uf} - CEP ${cep}`;
      return { street, city, region: uf, postalCode: cep, cityLine };
    },
    landline: (r) => oneOf(r, [`+55 11 3${digitRun(r, 3)}-${digitRun(r, 4)}`, `(21) 2${digitRun(r, 3)}-${digitRun(r, 4)}`, `+55 (41) 3${digitRun(r, 3)}-${digitRun(r, 4)}`]),
    mobile: (r) => oneOf(r, [`+55 11 9${num(r, 6000, 9999)}-${digitRun(r, 4)}`, `(21) 9${num(r, 6000, 9999)}-${digitRun(r, 4)}`]),
  },
];

/** A number of the wanted type for the country (libphonenumber-js), drawn again until it is one. */
export function drawPhone(r: Rand, spec: CountrySpec, kind: 'landline' | 'mobile'): string {
  const make = kind === 'mobile' ? spec.mobile : spec.landline;
  for (let i = 0; i < 40; i++) {
    const printed = make(r);
    const p = parsePhoneNumberFromString(printed.replace(/\(0\)/, ''), spec.code);
    if (!p?.isValid()) continue;
    const type = p.getType();
    const ok = kind === 'mobile' ? type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' : type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE';
    if (ok) return printed;
  }
  throw new Error(`no valid ${kind} number drawn for ${spec.code}: the country's number shapes need fixing`);
}

/** Plain ASCII of a name, for e-mail addresses and handles. */
export function asciiFold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}
