/**
 * One row of a CSV or one card of a .vcf as a lead, without losing anything it held: what
 * no field takes (columns the mapping does not name, further emails of a card) and any
 * value a field cannot hold (longer than the field, an email that does not validate) is
 * kept whole on the lead's imported fields under the file's own column name, and each such
 * value is listed as a problem (line, column, value, why, what happens). The preview and
 * the import both use this, so what the preview lists is what the import does.
 */
import { DEFAULT_LEAD_SOURCE, hasContactDetails, LEAD_CONTACT_FIELDS, leadContactSchema, looksLikeEmail, newLeadSchema, type Lead, type LeadContact, type LeadContactField } from '../../shared/domain/lead';
import type { ImportProblem } from '../../shared/domain/exchange';
import { LEAD_FIELDS, leadRecordField } from '../../shared/domain/lead-fields';
import { addExtra } from '../../shared/parsing/contact-payload';
import { compiledCopy } from '../db/compiled-copy';
import { leadRatingFromText, leadStatusFromText, type ImportedField } from '../exchange/csv-import';

/** A row or card as read, before it is checked. */
export interface IncomingRecord {
  /** 1-based line where the row or card starts */
  line: number;
  fields: Partial<Record<ImportedField, string>>;
  /** the column (vCard property) a field's value came from, to name it in imported fields and problems */
  sourceOf: (field: ImportedField) => string;
  /** values no field takes, by column or property; not copied unless something is added */
  kept: Record<string, string>;
  /** the source's own id of the person (a vCard UID), '' when none */
  sourceUid: string;
  /** problems the reader found in this row or card */
  readProblems: ImportProblem[];
}

/** A record checked: every value has a place, and what did not fit is listed. */
export interface CheckedRecord {
  line: number;
  contact: LeadContact;
  notes: string;
  leadSource: string;
  badgeId: string;
  status: Lead['status'];
  rating: Lead['rating'];
  /** a LeadBooth id the row carried (our own export read back), '' when none */
  id: string;
  importedFields: Record<string, string>;
  sourceUid: string;
  problems: ImportProblem[];
  /** the email did not validate: kept as text, the lead is to be checked */
  invalidEmail: boolean;
  /** false: nothing a person could follow up on (no name, company, email or phone) */
  usable: boolean;
}

/** Each contact field's longest value, as the lead schema says. */
const CONTACT_LIMITS: ReadonlyArray<[LeadContactField, number]> = LEAD_CONTACT_FIELDS.map((field) => [field, leadContactSchema.shape[field].maxLength ?? Infinity]);

/** True when the schema would take every value as it is (trimmed, within its length, a plausible email). */
function fitsAsRead(contact: Record<LeadContactField, string>): boolean {
  for (const [field, limit] of CONTACT_LIMITS) {
    const value = contact[field];
    if (value.length > limit || (value !== '' && (value.trim() !== value || (field === 'email' && !looksLikeEmail(value))))) return false;
  }
  return true;
}

/** The lead's own text fields an import fills, with their longest values (field registry). */
type ImportedTextField = 'notes' | 'leadSource' | 'badgeId';
/** Read once: the clean-row check below runs for every row of a 100,000-row file. */
const TEXT_LIMITS: Readonly<Record<ImportedTextField, number>> = {
  notes: leadRecordField('notes').maxLength,
  leadSource: leadRecordField('leadSource').maxLength,
  badgeId: leadRecordField('badgeId').maxLength,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A row's contact fields, each '' where the row has none, as one object literal (compiledCopy; see there why not a loop). */
const contactOfFields = compiledCopy<Partial<Record<ImportedField, string>>, LeadContact>(
  LEAD_FIELDS.map((field) => [field.key, field.key] as const),
  { missing: 'empty' },
);

/** True when nothing in the row needs a word: every value fits as read, and status, rating and id are ours to read. */
function isPlainRecord(fields: Partial<Record<ImportedField, string>>, contact: LeadContact): boolean {
  return (
    fitsAsRead(contact) &&
    (fields.notes ?? '').length <= TEXT_LIMITS.notes &&
    (fields.leadSource ?? '').length <= TEXT_LIMITS.leadSource &&
    (fields.badgeId ?? '').length <= TEXT_LIMITS.badgeId &&
    (!fields.status || leadStatusFromText(fields.status) !== null) &&
    (!fields.rating || leadRatingFromText(fields.rating) !== null) &&
    (!fields.id || UUID.test(fields.id))
  );
}

export function checkRecord(record: IncomingRecord): CheckedRecord {
  const { fields } = record;
  const contact = contactOfFields(fields, {});
  // Nearly every row is clean and problem-free: it is taken as it is, without the bookkeeping
  // below (an import of 100,000 rows made its helpers and their garbage for every row).
  if (record.readProblems.length === 0 && isPlainRecord(fields, contact)) {
    return {
      line: record.line,
      contact,
      notes: fields.notes ?? '',
      leadSource: fields.leadSource || DEFAULT_LEAD_SOURCE,
      badgeId: fields.badgeId ?? '',
      status: (fields.status && leadStatusFromText(fields.status)) || 'New',
      rating: fields.rating ? leadRatingFromText(fields.rating) : null,
      id: fields.id ? fields.id.toLowerCase() : '',
      importedFields: record.kept,
      sourceUid: record.sourceUid,
      problems: [],
      invalidEmail: false,
      usable: hasContactDetails(contact),
    };
  }
  return checkRecordWithProblems(record, contact);
}

/** A record with something to keep aside or list (see checkRecord for the common case). */
function checkRecordWithProblems(record: IncomingRecord, contact: LeadContact): CheckedRecord {
  const { fields } = record;
  // Judged on the values as read: a row whose only contact is a mistyped email is still a person.
  const usable = hasContactDetails(contact);
  // The reader's `kept` object is copied only when something is added: nearly no row adds anything.
  let importedFields = record.kept;
  let keptCopied = false;
  const keepQuietly = (field: ImportedField, value: string): string => {
    if (!keptCopied) {
      importedFields = { ...importedFields };
      keptCopied = true;
    }
    const column = record.sourceOf(field);
    addExtra(importedFields, column, value);
    return column;
  };
  const problems = record.readProblems.length > 0 ? [...record.readProblems] : [];
  let invalidEmail = false;
  const keep = (field: ImportedField, value: string, why: string, whenKept: string) => {
    const column = keepQuietly(field, value);
    problems.push({ line: record.line, field: column, value, why, whenKept: whenKept.replace('{column}', `“${column}”`) });
  };

  // Nearly every row is clean: a quick look at lengths and the email decides that, and the
  // schema's own check (with its messages) runs only for the others.
  const checked = fitsAsRead(contact) ? undefined : leadContactSchema.safeParse(contact);
  let clean: LeadContact;
  if (!checked) clean = contact;
  else if (checked.success) clean = checked.data;
  else {
    const handled = new Set<string>();
    for (const issue of checked.error.issues) {
      const field = issue.path[0] as LeadContactField;
      if (handled.has(field)) continue;
      handled.add(field);
      const value = contact[field];
      const tooLong = issue.code === 'too_big';
      if (field === 'email' && !tooLong) {
        invalidEmail = true;
        keep(field, value, 'not a valid email address', 'kept as text in the imported field {column}; the email is left empty and the lead is marked to check');
      } else if (tooLong) {
        keep(field, value, `${value.length} characters: longer than the ${String(issue.maximum)} this field holds`, 'kept whole in the imported field {column}; the field is left empty');
      } else {
        keep(field, value, issue.message, 'kept in the imported field {column}; the field is left empty');
      }
      contact[field] = '';
    }
    // Every value that failed is now '', which always passes.
    clean = leadContactSchema.parse(contact);
  }

  const limited = (field: ImportedTextField): string => {
    const value = fields[field] ?? '';
    const limit = TEXT_LIMITS[field];
    if (value.length <= limit) return value;
    keep(field, value, `${value.length} characters: longer than the ${limit} this field holds`, 'kept whole in the imported field {column}; the field is left empty');
    return '';
  };
  const notes = limited('notes');
  const leadSource = limited('leadSource');
  const badgeId = limited('badgeId');

  // Values that are not ours to read (a status or rating we have no word for, an id that is
  // not one of ours) are kept as they are, quietly: they are not wrong, only foreign.
  const status = fields.status ? leadStatusFromText(fields.status) : null;
  if (fields.status && !status) keepQuietly('status', fields.status);
  const rating = fields.rating ? leadRatingFromText(fields.rating) : null;
  if (fields.rating && !rating) keepQuietly('rating', fields.rating);
  const id = fields.id && UUID.test(fields.id) ? fields.id.toLowerCase() : '';
  if (fields.id && !id) keepQuietly('id', fields.id);

  return {
    line: record.line,
    contact: clean,
    notes,
    leadSource: leadSource || DEFAULT_LEAD_SOURCE,
    badgeId,
    status: status ?? 'New',
    rating,
    id,
    importedFields,
    sourceUid: record.sourceUid,
    problems,
    invalidEmail,
    usable,
  };
}

/** A lead from its contact fields (registry) and the rest given, as one object literal (compiledCopy). */
const leadWithContact = compiledCopy<LeadContact, LeadContact>(LEAD_FIELDS.map((field) => [field.key, field.key] as const));

/** `id`: the new lead's (the row's own id where it carried one). */
export function leadFromChecked(checked: CheckedRecord, id: string, defaults: { eventId: string | null; actor: string; now: string }): Lead {
  // One object literal, not `{ ...checked.contact, … }`: see rowFromLead (lead-rows.ts) for what a spread costs per row.
  return leadWithContact(checked.contact, {
    id,
    leadSource: checked.leadSource,
    status: checked.status,
    rating: checked.rating,
    notes: checked.notes,
    badgeId: checked.badgeId,
    consent: null,
    captureMethod: 'imported',
    unqualifiedReason: '',
    expectedCloseDate: '',
    importedFields: checked.importedFields,
    eventId: defaults.eventId,
    capturedBy: defaults.actor,
    capturedAt: defaults.now,
    updatedAt: defaults.now,
  } satisfies Omit<Lead, LeadContactField>);
}
