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
    this.keptInRow = new Int32Array(headers.length);
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

  /** Per column, the number of the last row that kept its value (instead of a set made for every row). */
  private keptInRow: Int32Array;
  private rowNumber = 0;

  read(record: readonly string[]): RowFields {
    const row: RowInProgress = { cells: record.map(cellValue), fields: {}, unmapped: {} };
    if (this.keptInRow.length < row.cells.length) this.keptInRow = new Int32Array(row.cells.length);
    this.rowNumber++;
    const { cells, fields, unmapped } = row;

    for (const column of this.unmappedColumns) {
      const cell = cells[column.index] ?? '';
      if (cell !== '') this.keep(row, column, cell);
    }

    let fullName: Candidate | undefined;
    for (const [target, columns] of this.singles) {
      const candidates = this.collect(columns, cells);
      if (candidates.length === 0) continue;
      const usable = target === 'website' ? candidates.filter((candidate) => !PROFILE_URL.test(candidate.value)) : candidates;
      const chosen = usable.length === 1 ? usable[0] : usable.sort(byPreference)[0];
      for (const candidate of candidates) if (candidate !== chosen) this.keep(row, candidate.column, candidate.cell);
      if (!chosen) continue;
      if (target === 'fullName') fullName = chosen;
      else this.take(row, target, chosen);
    }

    this.readPhones(row);
    this.readBlocks(this.addressBlocks, row);
    this.readBlocks(this.organisationBlocks, row);

    if (fullName) {
      if (!fields.firstName && !fields.lastName) {
        const split = splitFullName(fullName.value);
        if (split.firstName) fields.firstName = split.firstName;
        if (split.lastName) fields.lastName = split.lastName;
        if (split.salutation && !fields.salutation) fields.salutation = split.salutation;
      } else if (foldText(fullName.value).replace(/\s+/g, ' ') !== foldText(`${fields.firstName ?? ''} ${fields.lastName ?? ''}`.trim())) {
        this.keep(row, fullName.column, fullName.cell); // "Badge Name" = "Søren" next to first and last name: kept, not lost
      }
    }

    // A type column says what its values were: kept with them, not without them.
    for (const typeColumn of this.typeColumns) {
      const label = cells[typeColumn.index] ?? '';
      if (label !== '' && typeColumn.valueIndexes.some((index) => this.keptInRow[index] === this.rowNumber)) unmapped[typeColumn.header] = label;
    }
    return { fields, unmapped };
  }

  /** A value no field takes, kept under its column's header. */
  private keep(row: RowInProgress, column: { index: number; header: string }, value: string): void {
    row.unmapped[column.header] = value;
    this.keptInRow[column.index] = this.rowNumber;
  }

  /** The chosen candidate fills the field; Google's further values in its cell are kept. */
  private take(row: RowInProgress, field: ImportedField, chosen: Candidate): void {
    row.fields[field] = chosen.value;
    if (chosen.cell !== chosen.value) {
      const rest = chosen.cell.split(MULTI_VALUE_SEPARATOR).slice(1).join(MULTI_VALUE_SEPARATOR).trim();
      if (rest) this.keep(row, chosen.column, rest);
    }
  }

  /** The columns' non-empty values in this row, as candidates. */
  private collect(columns: readonly PlannedColumn[], cells: readonly string[]): Candidate[] {
    const candidates: Candidate[] = [];
    for (const column of columns) {
      const cell = cells[column.index] ?? '';
      if (cell === '') continue;
      const label = column.typeIndex >= 0 ? this.kindOf(cells[column.typeIndex] ?? '') : undefined;
      const value = cell.includes(MULTI_VALUE_SEPARATOR) ? (cell.split(MULTI_VALUE_SEPARATOR)[0] as string).trim() : cell;
      const kind = column.target === 'mobile' ? 'mobile' : (label ?? column.shape.kind);
      const personalMailbox = column.target === 'email' && kind === undefined && companyEmailDomain(value) === '';
      candidates.push({ column, value, cell, kind, personalMailbox });
    }
    return candidates;
  }

  private kindOf(label: string): ValueKind | undefined {
    if (label === '') return undefined;
    if (!this.labelKinds.has(label)) this.labelKinds.set(label, kindOfLabel(label));
    return this.labelKinds.get(label);
  }

  private readPhones(row: RowInProgress): void {
    const candidates = this.collect(this.phones, row.cells);
    if (candidates.length === 0) return;
    const mobile = candidates.filter((candidate) => candidate.kind === 'mobile').sort(byPreference)[0];
    const phone = candidates.filter((candidate) => candidate.kind !== 'mobile' && candidate.kind !== 'fax').sort(byPreference)[0];
    if (mobile) this.take(row, 'mobile', mobile);
    if (phone) this.take(row, 'phone', phone);
    for (const candidate of candidates) if (candidate !== mobile && candidate !== phone) this.keep(row, candidate.column, candidate.cell);
  }

  private readBlocks(blocks: Map<string, PlannedColumn[]>, row: RowInProgress): void {
    if (blocks.size === 0) return;
    const { cells, fields } = row;
    const filled: { candidates: Candidate[]; kind: ValueKind | undefined }[] = [];
    for (const columns of blocks.values()) {
      const candidates = this.collect(columns, cells);
      if (candidates.length === 0) continue;
      const typeIndex = columns.find((column) => column.typeIndex >= 0)?.typeIndex ?? -1;
      const kind = (typeIndex >= 0 ? this.kindOf(cells[typeIndex] ?? '') : undefined) ?? columns.find((column) => column.shape.kind)?.shape.kind;
      filled.push({ candidates, kind });
    }
    const chosen = filled.find((block) => block.kind === 'work') ?? filled[0];
    for (const block of filled) {
      if (block === chosen) continue;
      for (const candidate of block.candidates) this.keep(row, candidate.column, candidate.cell);
    }
    if (!chosen) return;
    const formatted = chosen.candidates.filter((candidate) => candidate.column.shape.isFormattedAddress);
    const parts = chosen.candidates.filter((candidate) => !candidate.column.shape.isFormattedAddress);
    const streetLines = parts.filter((candidate) => candidate.column.target === 'street');
    // One line, parts joined by commas: the lead's street is a one-line field on every screen, and
    // a browser's text input drops line breaks, so "5\n3. OG" would be saved back as "53. OG".
    if (streetLines.length > 0) {
      fields.street = oneLine(streetLines.length === 1 ? (streetLines[0] as Candidate).cell : streetLines.map((candidate) => candidate.cell).join('\n'));
    } else if (parts.length === 0 && formatted[0]) {
      fields.street = oneLine(formatted[0].cell);
      formatted.shift();
    }
    // A formatted address next to the street repeats it; next to a city without a street it says more.
    if (streetLines.length === 0) for (const candidate of formatted) this.keep(row, candidate.column, candidate.cell);
    // Each part once (the street is done above); a second value for a part is kept.
    const taken: ImportTarget[] = ['street'];
    for (const candidate of parts) {
      const target = candidate.column.target;
      if (target === 'street') continue;
      if (taken.includes(target) || target === 'fullName') this.keep(row, candidate.column, candidate.cell);
      else {
        this.take(row, target, candidate);
        taken.push(target);
      }
    }
  }
}

/** One row while it is read: its cells (trimmed, formula quote taken off) and what it gives so far. */
interface RowInProgress {
  cells: string[];
  fields: Partial<Record<ImportedField, string>>;
  unmapped: Record<string, string>;
}

const cellValue = (raw: string): string => restoreFormulaText(raw.trim());

function append<K>(map: Map<K, PlannedColumn[]>, key: K, column: PlannedColumn): void {
  const list = map.get(key);
  if (list) list.push(column);
  else map.set(key, [column]);
}

/** "Am Sandtorkai 5\n3. OG" → "Am Sandtorkai 5, 3. OG". */
function oneLine(text: string): string {
  // Nearly every street is one line already (its cell was trimmed): nothing to split.
  if (!text.includes('\n') && !text.includes('\r')) return text;
  return text
    .split(/\s*(?:\r\n|\r|\n)\s*/)
    .filter((line) => line !== '')
    .join(', ');
}
