/**
 * One CSV row's values → lead fields, choosing among several values for one field:
 *
 * - Emails, websites and every other field: the work one (by its header, "Business …", or
 *   its type column, Google's "E-mail 1 - Label" = "Work"), else the first non-empty.
 * - Phones: a mobile one (by header or type) goes to `mobile`; `phone` takes the work one,
 *   else the first that is neither mobile nor fax/pager.
 * - Addresses and organisations are blocks: all parts come from one block (Outlook's
 *   "Business …" or "Home …", Google's "Address 1 - …"), the work block if it has a value,
 *   else the first that has one. Street lines of the block are joined with a line break;
 *   Google's "Formatted" address is the street only when its block has no other part.
 * - A LinkedIn/XING/social profile never becomes the website.
 * - Google writes several values of one type in one cell, joined by " ::: ": the first counts.
 *
 * Nothing is dropped: every value not chosen stays in `unmapped` under its header (with its
 * type column, so "Home" still says what it was), except a "Formatted" address whose block's
 * parts were taken (it repeats them).
 */
import { ADDRESS_PARTS, describeColumn, kindOfLabel, ORGANISATION_PARTS, type ColumnMapping, type ColumnShape, type ImportedField, type ImportTarget, type ValueKind } from './csv-headers';
import { companyEmailDomain, foldText } from '../../shared/domain/normalize';
import { splitFullName } from '../../shared/parsing/contact-payload';

export interface RowFields {
  fields: Partial<Record<ImportedField, string>>;
  unmapped: Record<string, string>;
}

interface PlannedColumn {
  index: number;
  header: string;
  shape: ColumnShape;
  target: ImportTarget;
  /** the type column of its numbered group, -1 when none */
  typeIndex: number;
}

const PHONE_FIELDS: readonly ImportTarget[] = ['phone', 'mobile'];
/** A person's page on a network, not a company's website. */
const PROFILE_URL = /(^|[/.@])(linkedin\.com|xing\.com|facebook\.com|twitter\.com|x\.com|instagram\.com|github\.com)(\/|$)/i;
const MULTI_VALUE_SEPARATOR = ' ::: ';

/**
 * Undoes the quote our CSV writers (and OWASP-minded exporters) put before a value that
 * starts like a formula ("'=SUM(…)" → "=SUM(…)"): in the database it is only text, and
 * re-exporting neutralises it again.
 */
function restoreFormulaText(value: string): string {
  return value.charCodeAt(0) === 0x27 && /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** A candidate value for a field in one row. */
interface Candidate {
  column: PlannedColumn;
  /** the first of Google's " ::: " values */
  value: string;
  /** what is kept if another candidate is chosen: the whole cell */
  cell: string;
  kind: ValueKind | undefined;
  /** an email address at a mailbox provider, not a company */
  personalMailbox: boolean;
}

/** Work first; an email at a mailbox provider (gmail.com, gmx.de …) after a company's one when no type says more. */
const byPreference = (a: Candidate, b: Candidate): number =>
  Number(b.kind === 'work') - Number(a.kind === 'work') ||
  Number(a.personalMailbox) - Number(b.personalMailbox) ||
  a.column.shape.rank - b.column.shape.rank ||
  a.column.index - b.column.index;

/** The plan for a header row and mapping, made once and applied to every row. */
export class RowFieldReader {
  private readonly singles = new Map<ImportTarget, PlannedColumn[]>();
  private readonly phones: PlannedColumn[] = [];
  /** block key → its columns, in column order; blocks in the order they first appear */
  private readonly addressBlocks = new Map<string, PlannedColumn[]>();
  private readonly organisationBlocks = new Map<string, PlannedColumn[]>();
  /** columns kept as they are (not mapped, not a type column) */
  private readonly unmappedColumns: { index: number; header: string }[] = [];
  /** what each type label says ("* Work" → work), folded once per distinct label */
  private readonly labelKinds = new Map<string, ValueKind | undefined>();
  /** type columns: index → the value columns of their group */
  private readonly typeColumns: { index: number; header: string; valueIndexes: number[] }[] = [];

  constructor(headers: readonly string[], mapping: ColumnMapping) {
    const shapes = headers.map(describeColumn);
    const typeIndexByGroup = new Map<string, number>();
    headers.forEach((header, index) => {
      const shape = shapes[index] as ColumnShape;
      if (shape.isTypeColumn && shape.group && mapping[header] === undefined) typeIndexByGroup.set(shape.group, index);
    });
    const valuesByGroup = new Map<string, number[]>();
    headers.forEach((header, index) => {
      const shape = shapes[index] as ColumnShape;
      const target = mapping[header];
      if (target === 'ignore') return;
      const typeIndex = shape.group !== undefined ? (typeIndexByGroup.get(shape.group) ?? -1) : -1;
      if (typeIndex === index) return;
      if (shape.group !== undefined) valuesByGroup.set(shape.group, [...(valuesByGroup.get(shape.group) ?? []), index]);
      if (target === undefined) {
        this.unmappedColumns.push({ index, header });
        return;
      }
      const column: PlannedColumn = { index, header, shape, target, typeIndex };
      if (PHONE_FIELDS.includes(target)) this.phones.push(column);
      else if (ADDRESS_PARTS.has(target)) append(this.addressBlocks, shape.block, column);
      else if (ORGANISATION_PARTS.has(target)) append(this.organisationBlocks, shape.block, column);
      else append(this.singles, target, column);
    });
    for (const [group, index] of typeIndexByGroup) {
      this.typeColumns.push({ index, header: headers[index] as string, valueIndexes: valuesByGroup.get(group) ?? [] });
    }
  }

  read(record: readonly string[]): RowFields {
    const cells = record.map((raw) => restoreFormulaText(raw.trim()));
    const fields: Partial<Record<ImportedField, string>> = {};
    const unmapped: Record<string, string> = {};
    const kept = new Set<number>();
    const keep = (column: { index: number; header: string }, value: string): void => {
      unmapped[column.header] = value;
      kept.add(column.index);
    };
    const candidateOf = (column: PlannedColumn): Candidate | undefined => {
      const cell = cells[column.index] ?? '';
      if (cell === '') return undefined;
      const label = column.typeIndex >= 0 ? this.kindOf(cells[column.typeIndex] ?? '') : undefined;
      const value = cell.includes(MULTI_VALUE_SEPARATOR) ? (cell.split(MULTI_VALUE_SEPARATOR)[0] as string).trim() : cell;
      const kind = column.target === 'mobile' ? 'mobile' : (label ?? column.shape.kind);
      const personalMailbox = column.target === 'email' && kind === undefined && companyEmailDomain(value) === '';
      return { column, value, cell, kind, personalMailbox };
    };
    /** The chosen candidate fills the field; Google's further values in its cell are kept. */
    const take = (field: ImportedField, chosen: Candidate): void => {
      fields[field] = chosen.value;
      if (chosen.cell !== chosen.value) {
        const rest = chosen.cell.split(MULTI_VALUE_SEPARATOR).slice(1).join(MULTI_VALUE_SEPARATOR).trim();
        if (rest) keep(chosen.column, rest);
      }
    };

    for (const column of this.unmappedColumns) {
      const cell = cells[column.index] ?? '';
      if (cell !== '') keep(column, cell);
    }

    let fullName: Candidate | undefined;
    for (const [target, columns] of this.singles) {
      const candidates = collect(columns, candidateOf);
      if (candidates.length === 0) continue;
      const usable = target === 'website' ? candidates.filter((candidate) => !PROFILE_URL.test(candidate.value)) : candidates;
      const chosen = usable.sort(byPreference)[0];
      for (const candidate of candidates) if (candidate !== chosen) keep(candidate.column, candidate.cell);
      if (!chosen) continue;
      if (target === 'fullName') fullName = chosen;
      else take(target, chosen);
    }

    this.readPhones(candidateOf, take, keep);
    this.readBlocks(this.addressBlocks, cells, candidateOf, take, keep, fields);
    this.readBlocks(this.organisationBlocks, cells, candidateOf, take, keep, fields);

    if (fullName) {
      if (!fields.firstName && !fields.lastName) {
        const split = splitFullName(fullName.value);
        if (split.firstName) fields.firstName = split.firstName;
        if (split.lastName) fields.lastName = split.lastName;
        if (split.salutation && !fields.salutation) fields.salutation = split.salutation;
      } else if (foldText(fullName.value).replace(/\s+/g, ' ') !== foldText(`${fields.firstName ?? ''} ${fields.lastName ?? ''}`.trim())) {
        keep(fullName.column, fullName.cell); // "Badge Name" = "Søren" next to first and last name: kept, not lost
      }
    }

    // A type column says what its values were: kept with them, not without them.
    for (const typeColumn of this.typeColumns) {
      const label = cells[typeColumn.index] ?? '';
      if (label !== '' && typeColumn.valueIndexes.some((index) => kept.has(index))) unmapped[typeColumn.header] = label;
    }
    return { fields, unmapped };
  }

  private kindOf(label: string): ValueKind | undefined {
    if (label === '') return undefined;
    if (!this.labelKinds.has(label)) this.labelKinds.set(label, kindOfLabel(label));
    return this.labelKinds.get(label);
  }

  private readPhones(candidateOf: (column: PlannedColumn) => Candidate | undefined, take: (field: ImportedField, chosen: Candidate) => void, keep: (column: PlannedColumn, value: string) => void): void {
    const candidates = collect(this.phones, candidateOf);
    if (candidates.length === 0) return;
    const mobile = candidates.filter((candidate) => candidate.kind === 'mobile').sort(byPreference)[0];
    const phone = candidates.filter((candidate) => candidate.kind !== 'mobile' && candidate.kind !== 'fax').sort(byPreference)[0];
    if (mobile) take('mobile', mobile);
    if (phone) take('phone', phone);
    for (const candidate of candidates) if (candidate !== mobile && candidate !== phone) keep(candidate.column, candidate.cell);
  }

  private readBlocks(
    blocks: Map<string, PlannedColumn[]>,
    cells: readonly string[],
    candidateOf: (column: PlannedColumn) => Candidate | undefined,
    take: (field: ImportedField, chosen: Candidate) => void,
    keep: (column: PlannedColumn, value: string) => void,
    fields: Partial<Record<ImportedField, string>>,
  ): void {
    if (blocks.size === 0) return;
    const filled: { candidates: Candidate[]; kind: ValueKind | undefined }[] = [];
    for (const columns of blocks.values()) {
      const candidates = collect(columns, candidateOf);
      if (candidates.length === 0) continue;
      const typeIndex = columns.find((column) => column.typeIndex >= 0)?.typeIndex ?? -1;
      const kind = (typeIndex >= 0 ? this.kindOf(cells[typeIndex] ?? '') : undefined) ?? columns.find((column) => column.shape.kind)?.shape.kind;
      filled.push({ candidates, kind });
    }
    const chosen = filled.find((block) => block.kind === 'work') ?? filled[0];
    for (const block of filled) {
      if (block === chosen) continue;
      for (const candidate of block.candidates) keep(candidate.column, candidate.cell);
    }
    if (!chosen) return;
    const formatted = chosen.candidates.filter((candidate) => candidate.column.shape.isFormattedAddress);
    const parts = chosen.candidates.filter((candidate) => !candidate.column.shape.isFormattedAddress);
    const streetLines = parts.filter((candidate) => candidate.column.target === 'street');
    // One line, parts joined by commas: the lead's street is a one-line field on every screen, and
    // a browser's text input drops line breaks, so "5\n3. OG" would be saved back as "53. OG".
    if (streetLines.length > 0) {
      fields.street = oneLine(streetLines.map((candidate) => candidate.cell).join('\n'));
    } else if (parts.length === 0 && formatted[0]) {
      fields.street = oneLine(formatted[0].cell);
      formatted.shift();
    }
    // A formatted address next to the street repeats it; next to a city without a street it says more.
    if (streetLines.length === 0) for (const candidate of formatted) keep(candidate.column, candidate.cell);
    const taken = new Set<ImportTarget>(['street']);
    for (const candidate of parts) {
      const target = candidate.column.target;
      if (target === 'street') continue;
      if (taken.has(target) || target === 'fullName') keep(candidate.column, candidate.cell);
      else {
        take(target, candidate);
        taken.add(target);
      }
    }
  }
}

function append<K>(map: Map<K, PlannedColumn[]>, key: K, column: PlannedColumn): void {
  const list = map.get(key);
  if (list) list.push(column);
  else map.set(key, [column]);
}

function collect(columns: readonly PlannedColumn[], candidateOf: (column: PlannedColumn) => Candidate | undefined): Candidate[] {
  const candidates: Candidate[] = [];
  for (const column of columns) {
    const candidate = candidateOf(column);
    if (candidate) candidates.push(candidate);
  }
  return candidates;
}

/** "Am Sandtorkai 5\n3. OG" → "Am Sandtorkai 5, 3. OG". */
function oneLine(text: string): string {
  return text
    .split(/\s*(?:\r\n|\r|\n)\s*/)
    .filter((line) => line !== '')
    .join(', ');
}
