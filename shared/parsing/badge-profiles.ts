/**
 * Organiser payload profiles: how a registration vendor lays out the text in its badges'
 * codes. A profile is a delimiter, the field order, an optional prefix/suffix and which field
 * is the attendee id — e.g. Cvent's and RainFocus's lead-retrieval caret record
 * `RefID^First^Last^Email^Title^Company^City^State^Zip^Phone`.
 *
 * A payload is read by a profile only when it fits it exactly: the same number of fields, the
 * prefix and suffix there, and the fields that can be checked look right (the email is an
 * email, the phone has digits, the id has no spaces). A payload no profile fits is never
 * spread over fields by guesswork: the caller keeps it raw and says so.
 *
 * Pure: no Node, no DOM.
 */
import { z } from 'zod';
import type { LeadContactField } from '../domain/lead';

/** The lead fields a profile can fill, plus the attendee id and fields to skip. */
export const BADGE_PROFILE_FIELDS = [
  'refId',
  'firstName',
  'lastName',
  'email',
  'title',
  'company',
  'phone',
  'mobile',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'website',
  'ignore',
] as const satisfies readonly (LeadContactField | 'refId' | 'ignore')[];
export type BadgeProfileField = (typeof BADGE_PROFILE_FIELDS)[number];

export interface BadgeProfile {
  name: string;
  /** One or more characters between the fields: '^', '|', '\t', ';', ','. */
  delimiter: string;
  fields: BadgeProfileField[];
  /** Text the scanner or the vendor puts before the record ('' when none). */
  prefix: string;
  /** Text after it ('' when none). */
  suffix: string;
  /** The field holding the attendee id, matched later with the organiser's attendee list. */
  idField: BadgeProfileField | null;
}

const FIELD_NAMES = BADGE_PROFILE_FIELDS.join(', ');

export const badgeProfileSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'Give the badge profile a name.' }).max(60, { message: 'Keep the profile name under 60 characters.' }),
    delimiter: z
      .string()
      .min(1, { message: "Give the delimiter between the badge's fields, e.g. '^' or '|'." })
      .max(4)
      .refine((value) => value.trim() !== '' || value === '\t', { message: 'A delimiter of spaces cannot be told from the text: use ^, |, ; or a tab.' }),
    fields: z
      .array(z.enum(BADGE_PROFILE_FIELDS, { message: `Each field is one of: ${FIELD_NAMES}.` }))
      .min(2, { message: 'A badge profile needs at least two fields, in the order the badge holds them.' })
      .max(40),
    prefix: z.string().max(20).default(''),
    suffix: z.string().max(20).default(''),
    idField: z.enum(BADGE_PROFILE_FIELDS).nullable().optional(),
  })
  .transform((profile): BadgeProfile => {
    const idField = profile.idField === undefined ? (profile.fields.includes('refId') ? 'refId' : null) : profile.idField;
    return { ...profile, idField };
  })
  .refine((profile) => profile.idField === null || profile.fields.includes(profile.idField), {
    message: 'The id field must be one of the profile’s fields.',
    path: ['idField'],
  })
  .refine((profile) => new Set(profile.fields.filter((field) => field !== 'ignore')).size === profile.fields.filter((field) => field !== 'ignore').length, {
    message: 'Each field may appear once (use "ignore" for columns to skip).',
    path: ['fields'],
  });
export type BadgeProfileInput = z.input<typeof badgeProfileSchema>;

const CARET_FIELDS: BadgeProfileField[] = ['refId', 'firstName', 'lastName', 'email', 'title', 'company', 'city', 'region', 'postalCode', 'phone'];

function builtIn(name: string, delimiter: string, fields: BadgeProfileField[]): BadgeProfile {
  return { name, delimiter, fields, prefix: '', suffix: '', idField: fields.includes('refId') ? 'refId' : null };
}

/**
 * The layouts lead-retrieval vendors use, each with and without the leading RefID: caret
 * (Cvent, RainFocus), pipe and tab. A show's own profiles are tried before these.
 */
export const BUILT_IN_BADGE_PROFILES: readonly BadgeProfile[] = [
  builtIn('caret', '^', CARET_FIELDS),
  builtIn('caret without RefID', '^', CARET_FIELDS.slice(1)),
  builtIn('pipe', '|', CARET_FIELDS),
  builtIn('pipe without RefID', '|', CARET_FIELDS.slice(1)),
  builtIn('tab', '\t', CARET_FIELDS),
  builtIn('tab without RefID', '\t', CARET_FIELDS.slice(1)),
];

export interface ProfileReading {
  profile: string;
  /** The attendee id ('' when the profile has none or it was empty). */
  badgeId: string;
  fields: Partial<Record<Exclude<BadgeProfileField, 'refId' | 'ignore'>, string>>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+(]?[\d\s().\-/]{5,}(?:\s*(?:x|ext\.?)\s*\d+)?$/i;
const ID = /^[^\s]{1,120}$/;

/** Fields whose look can be checked: a value that does not look right means the profile does not fit. */
function looksRight(field: BadgeProfileField, value: string): boolean {
  if (value === '') return true;
  if (field === 'email') return EMAIL.test(value);
  if (field === 'phone' || field === 'mobile') return PHONE.test(value) && /\d{5,}/.test(value.replace(/\D/g, ''));
  if (field === 'refId') return ID.test(value);
  // An email in any other field means the columns are shifted.
  return !EMAIL.test(value);
}

/** The payload read with the first profile it fits exactly, or null when none does. */
export function readWithProfiles(payload: string, profiles: readonly BadgeProfile[]): ProfileReading | null {
  for (const profile of profiles) {
    const reading = readWithProfile(payload, profile);
    if (reading) return reading;
  }
  return null;
}

export function readWithProfile(payload: string, profile: BadgeProfile): ProfileReading | null {
  if (!payload.startsWith(profile.prefix) || !payload.endsWith(profile.suffix)) return null;
  const body = payload.slice(profile.prefix.length, payload.length - profile.suffix.length);
  if (!body.includes(profile.delimiter)) return null;
  let parts = body.split(profile.delimiter).map((part) => part.trim());
  // Some exports end every record with the delimiter.
  if (parts.length === profile.fields.length + 1 && parts.at(-1) === '') parts = parts.slice(0, -1);
  if (parts.length !== profile.fields.length) return null;
  const reading: ProfileReading = { profile: profile.name, badgeId: '', fields: {} };
  let filled = 0;
  for (const [index, field] of profile.fields.entries()) {
    const value = parts[index] ?? '';
    if (!looksRight(field, value)) return null;
    if (field === 'ignore' || value === '') continue;
    if (field === profile.idField) reading.badgeId = value;
    if (field !== 'refId') {
      reading.fields[field] = value;
      filled += 1;
    }
  }
  return filled > 0 || reading.badgeId !== '' ? reading : null;
}
