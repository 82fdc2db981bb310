import { z } from 'zod';
import {
  LEAD_CONTACT_FIELDS,
  LEAD_FIELDS,
  LEAD_RECORD_FIELDS,
  LEAD_STATUSES,
  type LeadContactField,
  type LeadRecordField,
  type LeadRecordFieldKey,
  type LeadRecordValues,
  type LeadStatus,
} from './lead-fields';
import { isCalendarDate } from './opportunity';

/** The lead's statuses, ratings and default source: the registry's (lead-fields.ts). */
export { DEFAULT_LEAD_SOURCE, LEAD_RATINGS, LEAD_STATUSES, type LeadRating, type LeadStatus } from './lead-fields';

/** How the lead reached us: always recorded, so there is a clear trace of what the person did. */
export const CAPTURE_METHODS = ['card_scan', 'badge_scan', 'typed', 'imported'] as const;
export type CaptureMethod = (typeof CAPTURE_METHODS)[number];

/** The contact fields a person can type or a scanner can read: the registry's (lead-fields.ts). */
export { LEAD_CONTACT_FIELDS, type LeadContactField } from './lead-fields';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Keep this under ${max} characters.` });

/** Something that looks like an address a mail server would take (name@company.com). */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value);
}

/** Accepts "" (not given) or something that looks like an address a mail server would take. */
const emailOrEmpty = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Keep the email under ${max} characters.` })
    .refine((value) => value === '' || looksLikeEmail(value), {
      message: 'This does not look like an email address (name@company.com).',
    });

/** Each contact field's check, made from its registry row: its length, and an email's shape. */
export const leadContactSchema = z.object(
  Object.fromEntries(LEAD_FIELDS.map((field) => [field.key, field.kind === 'email' ? emailOrEmpty(field.maxLength) : text(field.maxLength)])) as Record<
    LeadContactField,
    z.ZodString
  >,
);
export type LeadContact = z.infer<typeof leadContactSchema>;


export const consentSchema = z.object({
  given: z.boolean(),
  /** The exact wording the person was shown: consent means nothing without it. */
  wording: text(1000).min(1, { message: 'Record the wording the person agreed to.' }),
  /** UTC, ISO 8601. */
  at: z.iso.datetime(),
});
export type Consent = z.infer<typeof consentSchema>;

/** A lead's own field's check, made from its registry row by its kind. */
function recordFieldSchema(field: LeadRecordField) {
  switch (field.kind) {
    case 'choice':
      return z.enum(field.choices as [string, ...string[]]);
    case 'rating':
      return z.enum(field.choices as [string, ...string[]]).nullable();
    case 'date':
      return z
        .string()
        .trim()
        .refine((value) => value === '' || isCalendarDate(value), { message: 'Use a date like 2027-03-31.' });
    case 'text':
    case 'longText':
      return field.required === undefined ? text(field.maxLength) : text(field.maxLength).min(1, { message: field.required });
  }
}

/** The registry's value type of each own field, as zod types (zod cannot infer them from a list made at run time). */
type RecordFieldTypes = { [Key in LeadRecordFieldKey]: z.ZodType<LeadRecordValues[Key], LeadRecordValues[Key]> };

/** The checks of the lead's own fields given at capture, each filling its registry default when absent. */
function captureFieldSchemas() {
  const fields = LEAD_RECORD_FIELDS.filter((field) => field.atCapture);
  // Typed by the registry (see RecordFieldTypes); each default is the field's own `initial`.
  return Object.fromEntries(fields.map((field) => [field.key, recordFieldSchema(field).default(field.initial as never)])) as unknown as {
    [Key in LeadRecordFieldKey]: z.ZodDefault<RecordFieldTypes[Key]>;
  };
}

/** The checks of the lead's own fields an edit may change, each optional. */
function editableFieldSchemas() {
  const fields = LEAD_RECORD_FIELDS.filter((field) => field.editable);
  // Typed by the registry (see RecordFieldTypes).
  return Object.fromEntries(fields.map((field) => [field.key, recordFieldSchema(field).optional()])) as unknown as {
    [Key in LeadRecordFieldKey]: z.ZodOptional<RecordFieldTypes[Key]>;
  };
}

/** The fields given at capture, each with its registry default. */
const { leadSource, status, rating, notes, badgeId } = captureFieldSchemas();

/**
 * What a caller may send to create a lead: everything optional. Parsing fills the app's
 * defaults (the registry's: empty text, Lead Source "Trade Show", status New, no rating; no
 * consent); what depends on the moment stays open for the service: the id, the show, who
 * captured it, when, and how.
 */
export const newLeadSchema = z.object({
  ...Object.fromEntries(Object.entries(leadContactSchema.shape).map(([field, schema]) => [field, schema.default('')])) as {
    [Field in LeadContactField]: z.ZodDefault<(typeof leadContactSchema.shape)[Field]>;
  },
  id: z.uuid().optional(),
  leadSource,
  status,
  rating,
  notes,
  consent: consentSchema.nullable().default(null),
  captureMethod: z.enum(CAPTURE_METHODS).optional(),
  eventId: z.uuid().optional(),
  capturedBy: text(80).optional(),
  capturedAt: z.iso.datetime().optional(),
  /** A badge QR code holding only a registration id or a URL, kept raw to match with the organiser's list. */
  badgeId,
  /** The text the badge's code held, exactly as scanned: kept as evidence whatever was read from it. */
  badgePayload: text(8000).default(''),
});
export type NewLead = z.input<typeof newLeadSchema>;

/** Only conversion (Account + Contact + Opportunity in one transaction) may make a lead Converted. */
const EDITABLE_STATUSES = LEAD_STATUSES.filter((status) => status !== 'Converted') as [LeadStatus, ...LeadStatus[]];
export const editableStatusSchema = z.enum(EDITABLE_STATUSES, { message: 'A lead becomes Converted by converting it, not by editing its status.' });

const editable = editableFieldSchemas();

/** A change to an existing lead: only the fields given are touched. */
export const leadPatchSchema = leadContactSchema.partial().extend({
  leadSource: editable.leadSource,
  status: editableStatusSchema.optional(),
  /** Required (here or already on the lead) when the status is Unqualified. */
  unqualifiedReason: editable.unqualifiedReason,
  rating: editable.rating,
  notes: editable.notes,
  consent: consentSchema.nullable().optional(),
  expectedCloseDate: editable.expectedCloseDate,
});
export type LeadPatch = z.input<typeof leadPatchSchema>;

/**
 * A lead: its contact fields and its own fields (lead source, status, rating, notes, badge id,
 * why it is Unqualified, when the person expects to buy: the registry's), and what records
 * where it came from.
 */
export interface Lead extends LeadContact, LeadRecordValues {
  id: string;
  consent: Consent | null;
  captureMethod: CaptureMethod;
  /**
   * What an imported file held that no field took, by the file's own column or property
   * ("LinkedIn URL", "EMAIL;TYPE=home"): unknown columns, further emails, a value too long
   * for its field. Read-only; {} for leads not imported.
   */
  importedFields: Record<string, string>;
  eventId: string | null;
  capturedBy: string;
  /** UTC, ISO 8601 */
  capturedAt: string;
  /** UTC, ISO 8601 */
  updatedAt: string;
}

/** Salesforce refuses a lead without these; we save it anyway and say what an export still needs. */
export const FIELDS_NEEDED_FOR_EXPORT = ['lastName', 'company'] as const satisfies readonly LeadContactField[];

export function missingForExport(lead: Pick<LeadContact, 'lastName' | 'company'>): LeadContactField[] {
  return FIELDS_NEEDED_FOR_EXPORT.filter((field) => lead[field].trim() === '');
}

/** A lead with nothing a person could follow up on is not worth saving. */
export function hasContactDetails(lead: Partial<LeadContact>): boolean {
  const identifying: LeadContactField[] = ['firstName', 'lastName', 'company', 'email', 'phone', 'mobile'];
  return identifying.some((field) => (lead[field] ?? '').trim() !== '');
}

export function displayName(lead: Pick<LeadContact, 'firstName' | 'lastName' | 'email' | 'company'>): string {
  const name = `${lead.firstName} ${lead.lastName}`.trim();
  return name || lead.email || lead.company || '(no name yet)';
}
