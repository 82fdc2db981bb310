/**
 * What a CSV header says about its column: the lead field it can fill, whether it holds the
 * work, home or mobile value ("Business Phone", "Home City"), which address or organisation
 * block it belongs to ("Business …" vs "Home …" in Outlook, "Address 1 - …" in Google), and
 * whether it is a type column naming the kind of the values beside it (Google's
 * "E-mail 1 - Label" = "Work"). The reader (csv-row-fields.ts) uses this to choose, per row,
 * which of several emails, phones or addresses goes into the lead.
 *
 * Knows the headers of common exporters (checked against their documented or observed
 * formats): Google Contacts (current "First Name … E-mail 1 - Label/Value … Organization
 * Name" and older "Name, Given Name … E-mail 1 - Type"), Outlook (and its German, French and
 * Spanish exports), Thunderbird, LinkedIn Connections, HubSpot, Salesforce (API names,
 * labels and report columns), and registration systems ("Attendee Email", "Badge ID",
 * Eventbrite's "Attendee #", "Barcode #"), plus plain words in English, German, French and
 * Spanish.
 */
import { LEAD_CONTACT_FIELDS } from '../../shared/domain/lead';
import { IMPORTABLE_RECORD_FIELDS, LEAD_FIELDS, leadFieldsOfGroup, leadRecordField, type LeadContactField } from '../../shared/domain/lead-fields';
import { foldText } from '../../shared/domain/normalize';

/**
 * The lead fields a column can fill (the registry's contact fields and its importable own
 * fields), the whole name, split into first and last name, and a LeadBooth id (our own export
 * read back).
 */
export const IMPORT_TARGETS = [...LEAD_CONTACT_FIELDS, 'fullName', ...IMPORTABLE_RECORD_FIELDS, 'id'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
export type ImportedField = Exclude<ImportTarget, 'fullName'>;

/**
 * Header → lead field, or 'ignore' to drop the column. Several columns may name one field: per
 * row the work one (by its header or its type column) fills it, else the first non-empty, and
 * the others' values are kept as unmapped. Columns not listed are kept as unmapped.
 */
export type ColumnMapping = Record<string, ImportTarget | 'ignore'>;

/** What a value is, as its header or type column says. `undefined` elsewhere means "not said". */
export type ValueKind = 'work' | 'home' | 'mobile' | 'fax';

export interface ColumnShape {
  /** the field the header names */
  target: ImportTarget | undefined;
  /** work / home / mobile / fax as the header itself says ("Business Phone", "Telefon privat") */
  kind: ValueKind | undefined;
  /**
   * Address and organisation parts that belong together share a block: "address 1" (Google),
   * "business" / "home" / "other" (Outlook, Thunderbird, Salesforce "Mailing …"), "" (plain).
   */
  block: string;
  /** Google's numbered group ("email 1", "address 2"): its type column applies to all its columns */
  group: string | undefined;
  /** a type column ("E-mail 1 - Label", "Phone 2 - Type"): names the kind of its group's values */
  isTypeColumn: boolean;
  /** Google's "Address N - Formatted": the whole address, used only when its block has no parts */
  isFormattedAddress: boolean;
  /** among columns for one field with the same kind, lower goes first (a badge id before a registration id) */
  rank: number;
}

/**
 * Header words (folded: lower case, no accents, letters and digits only) → field. English,
 * German, French, Spanish; Salesforce API names, labels and report columns; HubSpot labels;
 * what contact managers and organisers' registration systems write. Digits are stripped
 * before the lookup ("Street 2", "E-mail 2 Address", "Web Page 1").
 */
const HEADER_WORDS: Record<Exclude<ImportTarget, LeadContactField>, string[]> & Partial<Record<LeadContactField, string[]>> = {
  salutation: ['salutation', 'prefix', 'nameprefix', 'anrede', 'civilite', 'civility', 'saludo', 'tratamiento'],
  firstName: ['firstname', 'first', 'givenname', 'forename', 'fname', 'vorname', 'prenom', 'nombre', 'nome'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'lname', 'nachname', 'familienname', 'nom', 'nomdefamille', 'apellido', 'apellidos', 'cognome'],
  fullName: [
    'name', 'fullname', 'contactname', 'attendee', 'attendeename', 'visitor', 'visitorname', 'besucher', 'teilnehmer', 'nomcomplet', 'nombrecompleto',
    'displayname', 'badgename', 'nameonbadge',
  ],
  company: [
    'company', 'companyname', 'organisation', 'organization', 'organisationname', 'organizationname', 'org', 'account', 'accountname',
    'companyaccount', 'employer', 'firma', 'firmenname', 'unternehmen', 'entreprise', 'societe', 'empresa', 'compania', 'organismo',
  ],
  title: [
    'title', 'jobtitle', 'position', 'role', 'jobrole', 'jobfunction', 'designation', 'funktion', 'berufsbezeichnung', 'positionfunktion',
    'organizationtitle', 'organisationtitle', 'fonction', 'poste', 'intitule', 'intituledeposte', 'cargo', 'puesto',
  ],
  email: [
    'email', 'emailaddress', 'mail', 'emailadresse', 'mailadresse', 'courriel', 'adresseemail', 'adressemail', 'adressedemessagerie', 'correo',
    'correoelectronico', 'direcciondecorreoelectronico',
  ],
  phone: [
    'phone', 'phonenumber', 'telephone', 'telephonenumber', 'tel', 'officephone', 'directphone', 'directdial', 'telefon', 'telefonnummer',
    'festnetz', 'telephonefixe', 'telephoneprofessionnel', 'telefono', 'telefonofijo',
  ],
  mobile: [
    'mobile', 'mobilephone', 'mobilephonenumber', 'mobilenumber', 'cell', 'cellphone', 'cellular', 'handy', 'mobil', 'mobiltelefon', 'mobilnummer',
    'handynummer', 'portable', 'telephoneportable', 'telephonemobile', 'movil', 'telefonomovil', 'celular',
  ],
  website: ['website', 'websiteurl', 'web', 'webpage', 'url', 'homepage', 'webseite', 'webadresse', 'internetseite', 'siteweb', 'siteinternet', 'pageweb', 'sitioweb', 'paginaweb'],
  street: [
    'street', 'streetaddress', 'address', 'addressline', 'mailingstreet', 'strasse', 'strassehausnummer', 'anschrift', 'adresse', 'rue', 'direccion',
    'calle', 'domicilio',
  ],
  city: ['city', 'town', 'mailingcity', 'ort', 'stadt', 'wohnort', 'ville', 'ciudad', 'localidad', 'poblacion'],
  region: ['state', 'stateregion', 'stateprovince', 'region', 'province', 'county', 'mailingstate', 'bundesland', 'bundeslandkanton', 'departement', 'provincia', 'comunidad', 'estado'],
  postalCode: [
    'postalcode', 'postcode', 'zip', 'zipcode', 'zippostalcode', 'mailingpostalcode', 'plz', 'postleitzahl', 'codepostal', 'cp', 'codigopostal',
  ],
  country: ['country', 'countryregion', 'mailingcountry', 'land', 'landregion', 'staat', 'pays', 'paysregion', 'pais', 'paisregion'],
  notes: [
    'notes', 'note', 'description', 'comments', 'comment', 'remarks', 'notizen', 'notiz', 'bemerkung', 'bemerkungen', 'kommentar', 'remarques',
    'commentaire', 'commentaires', 'notas', 'comentarios', 'observaciones',
  ],
  leadSource: ['leadsource', 'source', 'quelle', 'leadquelle', 'origine', 'sourcedulead', 'origen', 'fuente'],
  status: ['status', 'leadstatus', 'statut', 'estatus'],
  rating: ['rating', 'leadrating', 'bewertung', 'evaluation', 'calificacion', 'valoracion'],
  badgeId: [
    'badgeid', 'badge', 'badgenumber', 'badgeno', 'badgecode', 'badgebarcode', 'barcode', 'barcodenumber', 'ausweisnummer', 'numerodebadge', 'idbadge',
    'codigodebarras',
    // Registration ids rank after badge ids (REGISTRATION_WORDS): the badge's barcode is what the booth scans.
    'registrationid', 'registrationnumber', 'registrationcode', 'regid', 'regno', 'attendeeid', 'attendeenumber', 'visitorid', 'ticketid',
    'ticketnumber', 'teilnehmerid', 'teilnehmernummer', 'numeroinscription', 'numerodeinscripcion',
  ],
  id: ['leadboothid', 'leadboothidc'],
};

const REGISTRATION_WORDS = new Set(HEADER_WORDS.badgeId.slice(HEADER_WORDS.badgeId.indexOf('registrationid')));

/** A header as a lookup word: "E-Mail-Adresse" → "emailadresse", "Código postal" → "codigopostal". */
export function headerWord(header: string): string {
  return foldText(header).replace(/[^a-z0-9]+/g, '');
}

/**
 * Every contact field and every importable own field of a lead is also known by its own
 * names (field registry): its label, key and column, and its columns in our exports, so a file LeadBooth wrote, or a field added to the
 * registry, maps without a word list. The words above are listed after them and win.
 */
const TARGET_BY_WORD = new Map<string, ImportTarget>();
for (const field of [...LEAD_FIELDS, ...IMPORTABLE_RECORD_FIELDS.map(leadRecordField)]) {
  for (const name of [field.label, field.key, field.column, field.salesforceLead, field.hubspotContact]) {
    // Only contact fields and importable own fields are listed: each key is an import target.
    if (name !== undefined) TARGET_BY_WORD.set(headerWord(name), field.key as ImportTarget);
  }
}
for (const [target, words] of Object.entries(HEADER_WORDS) as [ImportTarget, string[]][]) {
  for (const word of words) TARGET_BY_WORD.set(word, target);
}

/** Before or after the field word, what says which one a column is ("Business Street", "Telefon geschäftlich"). */
const KIND_PREFIXES: [string, ValueKind | undefined][] = [
  ['business', 'work'],
  ['work', 'work'],
  ['office', 'work'],
  ['companymain', 'work'],
  ['home', 'home'],
  ['private', 'home'],
  ['personal', 'home'],
  ['other', undefined],
  ['mailing', undefined],
  ['primary', undefined],
  ['main', undefined],
  ['secondary', undefined],
  ['alternate', undefined],
  ['billing', undefined],
  ['shipping', undefined],
];
const KIND_SUFFIXES: [string, ValueKind | undefined][] = [
  ['geschaftlich', 'work'],
  ['privat', 'home'],
  ['weitere', undefined],
  ['bureau', 'work'],
  ['domicile', 'home'],
  ['autre', undefined],
  ['deltrabajo', 'work'],
  ['trabajo', 'work'],
  ['particular', 'home'],
];

/** Whose value it is: "Attendee Email" is the email; "Buyer Email" (someone else) is not stripped. */
const PERSON_PREFIXES = ['attendee', 'registrant', 'participant', 'delegate', 'visitor', 'guest', 'contact', 'lead', 'person', 'teilnehmer', 'besucher', 'kontakt'];

/** The registry's address and company fields: each comes from one block of a row (Outlook's "Business …", Google's "Address 1 - …"). */
export const ADDRESS_PARTS: ReadonlySet<ImportTarget> = new Set(leadFieldsOfGroup('address').map((field) => field.key));
export const ORGANISATION_PARTS: ReadonlySet<ImportTarget> = new Set(leadFieldsOfGroup('company').map((field) => field.key));

/** Google's numbered columns: "E-mail 2 - Value", "Address 1 - Postal Code", "Organization 1 - Title". */
const NUMBERED = /^(.*?)\s*(\d+)\s*-\s*(.+)$/;
const NUMBERED_PARTS: Record<string, Record<string, ImportTarget>> = {
  email: { value: 'email' },
  phone: { value: 'phone' },
  website: { value: 'website' },
  address: {
    formatted: 'street',
    street: 'street',
    extendedaddress: 'street',
    city: 'city',
    region: 'region',
    postalcode: 'postalCode',
    country: 'country',
  },
  organization: { name: 'company', title: 'title' },
  organisation: { name: 'company', title: 'title' },
};

interface WordMeaning {
  target: ImportTarget;
  kind: ValueKind | undefined;
  /** the prefix or suffix that placed it in a block ("business"), '' for none */
  block: string;
}

/** Fields a person prefix may not lead to: an "Attendee Status" (checked in) is not the lead's status. */
const NOT_AFTER_PERSON_PREFIX = new Set<ImportTarget>(['status', 'rating', 'leadSource', 'id']);

function meaningOf(rawWord: string, afterPersonPrefix = false): WordMeaning | undefined {
  // "Street 2", "E-mail 2 Address", "Telefon geschäftlich 2": the number orders columns, the words name them.
  const word = rawWord.replace(/[0-9]+/g, '');
  for (const [start, kind] of KIND_PREFIXES) {
    const rest = word.length > start.length && word.startsWith(start) ? TARGET_BY_WORD.get(word.slice(start.length)) : undefined;
    if (rest) return { target: rest, kind, block: start };
  }
  for (const [end, kind] of KIND_SUFFIXES) {
    const rest = word.length > end.length && word.endsWith(end) ? TARGET_BY_WORD.get(word.slice(0, -end.length)) : undefined;
    if (rest) return { target: rest, kind, block: end };
  }
  const direct = TARGET_BY_WORD.get(word);
  if (direct) return { target: direct, kind: undefined, block: '' };
  if (afterPersonPrefix) return undefined;
  for (const person of PERSON_PREFIXES) {
    if (word.length > person.length && word.startsWith(person)) {
      const rest = meaningOf(word.slice(person.length), true);
      if (rest && !NOT_AFTER_PERSON_PREFIX.has(rest.target)) return rest;
    }
  }
  return undefined;
}

const plainShape = (target: ImportTarget | undefined): ColumnShape => ({
  target,
  kind: undefined,
  block: '',
  group: undefined,
  isTypeColumn: false,
  isFormattedAddress: false,
  rank: 0,
});

/** What one header says (see ColumnShape). */
export function describeColumn(header: string): ColumnShape {
  const numbered = NUMBERED.exec(header);
  if (numbered) {
    const family = headerWord(numbered[1] as string);
    const part = headerWord(numbered[3] as string);
    const group = `${family} ${numbered[2]}`;
    if (part === 'label' || part === 'type') return { ...plainShape(undefined), group, isTypeColumn: true };
    const target = NUMBERED_PARTS[family]?.[part];
    if (target || part === 'value' || NUMBERED_PARTS[family]) {
      const inBlock = target !== undefined && (ADDRESS_PARTS.has(target) || ORGANISATION_PARTS.has(target));
      return { ...plainShape(target), group, block: inBlock ? group : '', isFormattedAddress: family === 'address' && part === 'formatted' };
    }
  }
  // "Attendee #", "Barcode #": the number sign is a word.
  const word = headerWord(header.replace(/#/g, ' number '));
  const meaning = meaningOf(word);
  if (!meaning) return plainShape(undefined);
  const grouped = ADDRESS_PARTS.has(meaning.target) || ORGANISATION_PARTS.has(meaning.target);
  return {
    ...plainShape(meaning.target),
    kind: meaning.target === 'mobile' ? 'mobile' : meaning.kind,
    block: grouped ? meaning.block : '',
    rank: REGISTRATION_WORDS.has(word) ? 1 : 0,
  };
}

/**
 * What a type column's value says: Google writes "Work", "* Work" (* = preferred), "Mobile",
 * "Work Fax", "Home", custom labels, and in the account's language ("Arbeit", "Privat",
 * "Mobil", "Professionnel", "Domicile", "Trabajo", "Casa", "Móvil").
 */
export function kindOfLabel(label: string): ValueKind | undefined {
  const word = headerWord(label);
  if (word === '') return undefined;
  if (/fax|pager|telex/.test(word)) return 'fax';
  if (/mobil|cell|handy|portable|movil|celular|iphone/.test(word)) return 'mobile';
  if (/work|business|office|company|arbeit|geschaft|dienst|beruf|bureau|travail|professionnel|trabajo|lavoro|ufficio/.test(word)) return 'work';
  if (/home|privat|personal|personnel|domicile|casa|particular/.test(word)) return 'home';
  return undefined;
}

/**
 * LinkedIn's Connections export: its "URL" is the person's LinkedIn profile, not the company's
 * website. Recognised by its "Connected On" column.
 */
export function isLinkedInConnections(headers: readonly string[]): boolean {
  return headers.some((header) => headerWord(header) === 'connectedon');
}

/**
 * The guessed field of each header. Several columns may name one field (the reader chooses per
 * row). "Title" means the job title (Salesforce, HubSpot), unless another column holds the job
 * title and none the salutation (Outlook, badge exports): then it is the salutation ("Dr.").
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const shapes = headers.map(describeColumn);
  const words = headers.map(headerWord);
  const titleIsSalutation =
    shapes.some((shape, index) => shape.target === 'title' && words[index] !== 'title') && !shapes.some((shape) => shape.target === 'salutation');
  const linkedIn = isLinkedInConnections(headers);
  headers.forEach((header, index) => {
    const shape = shapes[index] as ColumnShape;
    if (linkedIn && words[index] === 'url') return; // the person's profile: kept as an imported value
    const target = words[index] === 'title' && titleIsSalutation ? 'salutation' : shape.target;
    if (target !== undefined) mapping[header] = target;
  });
  return mapping;
}
