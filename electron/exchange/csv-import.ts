/**
 * A CSV of leads from elsewhere (the organiser's badge-scan export, a Salesforce or HubSpot
 * export, a spreadsheet someone kept at the booth) read into lead fields.
 *
 * - The delimiter (comma, semicolon — what Excel writes where the decimal mark is a comma —
 *   or tab) is detected from the header row; a BOM is dropped; quoted values may hold
 *   newlines. Bytes that are not UTF-8 are read as Windows-1252 (Excel's "CSV" on Windows).
 * - Columns are mapped to lead fields by their header, guessed from common names in
 *   English, German, French and Spanish, Salesforce's API names and labels and HubSpot's
 *   labels (case, accents, spaces and punctuation ignored). A caller can pass its own
 *   mapping (e.g. the one remembered for this source) instead.
 * - A malformed file (a quote never closed, a stray quote, a row with more values than the
 *   header has columns) is an error naming the line; nothing is returned, so nothing half
 *   read can be saved. A row with fewer values is fine: spreadsheets drop empty cells at
 *   the end.
 */
import { parse, type CsvError } from 'csv-parse/sync';
import { foldText } from '../../shared/domain/normalize';
import { splitFullName } from '../../shared/parsing/contact-payload';
import { LEAD_CONTACT_FIELDS, LEAD_RATINGS, type LeadRating, type LeadStatus } from '../../shared/domain/lead';

/** The lead fields a column can fill. `fullName` is split into first and last name. */
export const IMPORT_TARGETS = [
  ...LEAD_CONTACT_FIELDS,
  'fullName',
  'notes',
  'leadSource',
  'status',
  'rating',
  'badgeId',
  'id',
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
export type ImportedField = Exclude<ImportTarget, 'fullName'>;

/** Header → lead field, or 'ignore' to drop the column. Columns not listed are kept as unmapped. */
export type ColumnMapping = Record<string, ImportTarget | 'ignore'>;

export interface ImportedRow {
  /** 1-based line in the file where the row starts */
  line: number;
  /** non-empty values of the mapped columns, trimmed */
  fields: Partial<Record<ImportedField, string>>;
  /** non-empty values of columns the mapping does not cover, by header */
  unmapped: Record<string, string>;
}

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvImport {
  delimiter: CsvDelimiter;
  /** the header row as read (blank headers named "Column N", repeated ones "Name (2)") */
  headers: string[];
  /** what the headers suggested */
  guessedMapping: ColumnMapping;
  /** what was applied: the caller's mapping where given, else the guess */
  mapping: ColumnMapping;
  /** headers neither mapped nor ignored */
  unmappedColumns: string[];
  rows: ImportedRow[];
}

export interface CsvImportOptions {
  mapping?: ColumnMapping;
  /** skip detection */
  delimiter?: CsvDelimiter;
}

export class CsvImportError extends Error {
  readonly line: number;
  constructor(line: number, problem: string) {
    super(`Line ${line}: ${problem}`);
    this.name = 'CsvImportError';
    this.line = line;
  }
}

/**
 * Header words (folded: lower case, no accents, letters and digits only) → field. English,
 * German, French, Spanish; Salesforce API names and labels; HubSpot labels; what organisers'
 * registration systems write.
 */
const HEADER_WORDS: Record<ImportTarget, string[]> = {
  salutation: ['salutation', 'prefix', 'nameprefix', 'anrede', 'civilite', 'civility', 'saludo', 'tratamiento'],
  firstName: ['firstname', 'first', 'givenname', 'forename', 'fname', 'vorname', 'prenom', 'nombre', 'nome'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'lname', 'nachname', 'familienname', 'nom', 'nomdefamille', 'apellido', 'apellidos', 'cognome'],
  fullName: ['name', 'fullname', 'contactname', 'attendee', 'attendeename', 'visitor', 'visitorname', 'besucher', 'teilnehmer', 'nomcomplet', 'nombrecompleto'],
  company: [
    'company', 'companyname', 'organisation', 'organization', 'organisationname', 'organizationname', 'org', 'account', 'accountname',
    'employer', 'firma', 'firmenname', 'unternehmen', 'entreprise', 'societe', 'empresa', 'compania', 'organismo',
  ],
  title: [
    'title', 'jobtitle', 'position', 'role', 'jobrole', 'jobfunction', 'designation', 'funktion', 'berufsbezeichnung', 'positionfunktion',
    'fonction', 'poste', 'intitule', 'intituledeposte', 'cargo', 'puesto',
  ],
  email: ['email', 'emailaddress', 'mail', 'emailadresse', 'mailadresse', 'courriel', 'adresseemail', 'adressemail', 'correo', 'correoelectronico'],
  phone: [
    'phone', 'phonenumber', 'telephone', 'tel', 'businessphone', 'workphone', 'officephone', 'telefon', 'telefonnummer', 'festnetz',
    'telephonefixe', 'telephoneprofessionnel', 'telefono', 'telefonofijo',
  ],
  mobile: [
    'mobile', 'mobilephone', 'mobilephonenumber', 'mobilenumber', 'cell', 'cellphone', 'handy', 'mobil', 'mobiltelefon', 'mobilnummer',
    'handynummer', 'portable', 'telephoneportable', 'telephonemobile', 'movil', 'celular', 'telefonomovil',
  ],
  website: ['website', 'websiteurl', 'web', 'url', 'homepage', 'webseite', 'internetseite', 'siteweb', 'siteinternet', 'sitioweb', 'paginaweb'],
  street: [
    'street', 'streetaddress', 'address', 'address1', 'addressline1', 'mailingstreet', 'strasse', 'strassehausnummer', 'anschrift', 'adresse',
    'rue', 'direccion', 'calle', 'domicilio',
  ],
  city: ['city', 'town', 'mailingcity', 'ort', 'stadt', 'wohnort', 'ville', 'ciudad', 'localidad', 'poblacion'],
  region: ['state', 'stateregion', 'stateprovince', 'region', 'province', 'county', 'mailingstate', 'bundesland', 'departement', 'provincia', 'comunidad'],
  postalCode: ['postalcode', 'postcode', 'zip', 'zipcode', 'zippostalcode', 'mailingpostalcode', 'plz', 'postleitzahl', 'codepostal', 'cp', 'codigopostal'],
  country: ['country', 'countryregion', 'mailingcountry', 'land', 'staat', 'pays', 'pais'],
  notes: ['notes', 'note', 'description', 'comments', 'comment', 'remarks', 'notizen', 'notiz', 'bemerkung', 'bemerkungen', 'kommentar', 'remarques', 'commentaire', 'commentaires', 'notas', 'comentarios', 'observaciones'],
  leadSource: ['leadsource', 'source', 'quelle', 'leadquelle', 'origine', 'sourcedulead', 'origen', 'fuente'],
  status: ['status', 'leadstatus', 'statut', 'estatus'],
  rating: ['rating', 'leadrating', 'bewertung', 'evaluation', 'calificacion', 'valoracion'],
  badgeId: [
    'badgeid', 'badge', 'badgenumber', 'badgeno', 'registrationid', 'registrationnumber', 'registrationcode', 'regid', 'regno', 'attendeeid',
    'visitorid', 'ticketid', 'ticketnumber', 'barcode', 'teilnehmerid', 'teilnehmernummer', 'ausweisnummer', 'numerodebadge', 'idbadge',
    'numeroinscription', 'numerodeinscripcion', 'codigodebarras',
  ],
  id: ['leadboothid', 'leadboothidc'],
};

const TARGET_BY_WORD = new Map<string, ImportTarget>();
for (const [target, words] of Object.entries(HEADER_WORDS) as [ImportTarget, string[]][]) {
  for (const word of words) TARGET_BY_WORD.set(word, target);
}

/** A header as a lookup word: "E-Mail-Adresse" → "emailadresse", "Código postal" → "codigopostal". */
export function headerWord(header: string): string {
  return foldText(header).replace(/[^a-z0-9]+/g, '');
}

/**
 * The guessed field of each header. Each field goes to the first column that names it; a
 * later column naming the same field is left unmapped (so its values are kept, not lost).
 * "Title" means the job title (Salesforce, HubSpot), unless another column holds the job
 * title and none the salutation: then it is the salutation ("Dr.").
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<ImportTarget>();
  const words = headers.map(headerWord);
  // Badge exports often have "Title" (Mr, Dr) next to "Job title": then "Title" is the salutation.
  const titleIsSalutation = words.some((word) => word !== 'title' && TARGET_BY_WORD.get(word) === 'title') && !words.some((word) => TARGET_BY_WORD.get(word) === 'salutation');
  headers.forEach((header, index) => {
    const word = words[index] as string;
    const target = word === 'title' && titleIsSalutation ? 'salutation' : TARGET_BY_WORD.get(word);
    if (target === undefined || taken.has(target)) return;
    mapping[header] = target;
    taken.add(target);
  });
  return mapping;
}

/** The delimiter that splits the header row most often (outside quotes); comma when none does. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as CsvDelimiter]++;
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of [';', '\t'] as const) if (counts[delimiter] > counts[best]) best = delimiter;
  return best;
}

/** Bytes as text: UTF-8 when they are valid UTF-8, otherwise Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((value, index) => {
    const header = value.trim() || `Column ${index + 1}`;
    const count = (seen.get(header) ?? 0) + 1;
    seen.set(header, count);
    return count === 1 ? header : `${header} (${count})`;
  });
}

/**
 * Undoes the quote our CSV writers (and OWASP-minded exporters) put before a value that
 * starts like a formula ("'=SUM(…)" → "=SUM(…)"): in the database it is only text, and
 * re-exporting neutralises it again.
 */
function restoreFormulaText(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/**
 * Lines of rows, from csv-parse's byte offsets: its own line counter counts a CRLF inside a
 * quoted value as two lines, its byte counts are exact.
 */
class RowLines {
  private readonly bytes: Uint8Array;
  /** byte offset where each line starts */
  private readonly starts: number[] = [0];

  constructor(text: string) {
    this.bytes = new TextEncoder().encode(text);
    for (let index = 0; index < this.bytes.length; index++) {
      const byte = this.bytes[index];
      if (byte === 0x0d && this.bytes[index + 1] === 0x0a) index++;
      if (byte === 0x0a || byte === 0x0d) this.starts.push(index + 1);
    }
  }

  /** The line of the first row that begins at or after `offset` (blank lines skipped). */
  rowAt(offset: number): number {
    let position = offset;
    while (position < this.bytes.length && (this.bytes[position] === 0x0a || this.bytes[position] === 0x0d)) position++;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= position) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}

interface ParsedRecord {
  record: string[];
  info: { bytes: number };
}

/** `line`: where the row csv-parse could not finish starts (it reports the end of the file for an open quote). */
function explain(error: CsvError, line: number, header: readonly string[] | undefined): CsvImportError {
  // csv-parse's own messages are for programmers; these say what to fix.
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvImportError(line, 'a quoted value starts in this row and is never closed: a closing " is missing.');
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const record = (error as CsvError & { record?: unknown[] }).record;
      const count = Array.isArray(record) ? record.length : 'more';
      return new CsvImportError(
        line,
        `this row has ${count} values but the header has ${header?.length ?? '?'} columns: a value holding the delimiter needs quotes, or the header misses a column.`,
      );
    }
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new CsvImportError(line, 'a quote (") in the middle of a value: put the whole value in quotes and double the quotes inside it ("").');
    default:
      return new CsvImportError(line, `the file cannot be read as CSV (${error.message}).`);
  }
}

/** Reads a CSV of leads. Throws CsvImportError naming the line when the file is malformed. */
export function readLeadsCsv(input: string | Uint8Array, options: CsvImportOptions = {}): CsvImport {
  const text = typeof input === 'string' ? input : decodeCsvBytes(input);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rowLines = new RowLines(text);
  let readBytes = 0;
  let header: string[] | undefined;
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count_less: true,
      // Remembers how far the file was read, so an error can name the row it happened in.
      on_record: (record, context) => {
        readBytes = context.bytes;
        header ??= Array.isArray(record) ? record : (record as unknown as ParsedRecord).record;
        return record;
      },
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof Error && 'code' in error) throw explain(error as CsvError, rowLines.rowAt(readBytes), header);
    throw error;
  }

  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) throw new CsvImportError(1, 'the file is empty: a header row naming the columns is needed.');
  const headers = uniqueHeaders(headerRecord.record);
  const guessedMapping = guessMapping(headers);
  const mapping = options.mapping ?? guessedMapping;
  const unmappedColumns = headers.filter((name) => mapping[name] === undefined);

  const rows: ImportedRow[] = [];
  let rowStart = headerRecord.info.bytes;
  for (const { record, info } of dataRecords) {
    const line = rowLines.rowAt(rowStart);
    rowStart = info.bytes;
    if (record.every((value) => value.trim() === '')) continue; // a row of empty cells (";;;;")
    const row: ImportedRow = { line, fields: {}, unmapped: {} };
    let fullName = '';
    record.forEach((rawValue, index) => {
      const value = restoreFormulaText(rawValue.trim());
      const column = headers[index] as string;
      if (value === '') return;
      const target = mapping[column];
      if (target === undefined) row.unmapped[column] = value;
      else if (target === 'fullName') fullName ||= value;
      else if (target !== 'ignore' && row.fields[target] === undefined) row.fields[target] = value;
    });
    if (fullName && !row.fields.firstName && !row.fields.lastName) {
      const split = splitFullName(fullName);
      if (split.firstName) row.fields.firstName = split.firstName;
      if (split.lastName) row.fields.lastName = split.lastName;
      if (split.salutation && !row.fields.salutation) row.fields.salutation = split.salutation;
    }
    rows.push(row);
  }
  return { delimiter, headers, guessedMapping, mapping, unmappedColumns, rows };
}

/**
 * A status as other tools write it → ours, or null when it says nothing we can use.
 * Salesforce's defaults (classic: "Open - Not Contacted", "Working - Contacted", "Closed -
 * Not Converted"; Lightning: New, Working, Nurturing, Qualified, Unqualified) and HubSpot's
 * Lead Status values. A converted lead elsewhere comes in as Qualified: in LeadBooth only
 * conversion makes a lead Converted.
 */
export function leadStatusFromText(value: string): LeadStatus | null {
  const word = headerWord(value);
  const statuses: Record<string, LeadStatus> = {
    new: 'New',
    opennotcontacted: 'New',
    open: 'New',
    neu: 'New',
    nouveau: 'New',
    nuevo: 'New',
    working: 'Working',
    workingcontacted: 'Working',
    inprogress: 'Working',
    attemptedtocontact: 'Working',
    connected: 'Working',
    nurturing: 'Working',
    inbearbeitung: 'Working',
    encours: 'Working',
    qualified: 'Qualified',
    opendeal: 'Qualified',
    closedconverted: 'Qualified',
    converted: 'Qualified',
    qualifiziert: 'Qualified',
    qualifie: 'Qualified',
    cualificado: 'Qualified',
    unqualified: 'Unqualified',
    closednotconverted: 'Unqualified',
    badtiming: 'Unqualified',
    disqualified: 'Unqualified',
    nichtqualifiziert: 'Unqualified',
    nonqualifie: 'Unqualified',
    nocualificado: 'Unqualified',
  };
  return statuses[word] ?? null;
}

/** "hot", "HOT", "Heiß", "chaud", "caliente"… → our rating, or null. */
export function leadRatingFromText(value: string): LeadRating | null {
  const word = headerWord(value);
  const ratings: Record<string, LeadRating> = {
    heiss: 'Hot',
    chaud: 'Hot',
    caliente: 'Hot',
    warm: 'Warm',
    tiede: 'Warm',
    templado: 'Warm',
    kalt: 'Cold',
    froid: 'Cold',
    frio: 'Cold',
  };
  return LEAD_RATINGS.find((rating) => rating.toLowerCase() === word) ?? ratings[word] ?? null;
}
