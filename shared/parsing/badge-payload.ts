/**
 * What a badge's code (from a photo, the webcam or a keyboard-wedge scanner) gives the booth,
 * as lead fields: the contact formats are read by shared/parsing/contact-payload.ts (vCard
 * 2.1/3.0/4.0, MECARD, BIZCARD), organisers' delimited records by the payload profiles
 * (shared/parsing/badge-profiles.ts), a bare email as the email; a registration id or a URL's
 * attendee id becomes the lead's `badgeId`, to be matched with the organiser's attendee list
 * later. Whatever it was, the caller keeps `raw` on the lead as evidence.
 */
import type { LeadContactField } from '../domain/lead';
import { isProductCode, type DecodedBarcode } from './barcode-decode';
import { BUILT_IN_BADGE_PROFILES, readWithProfiles, type BadgeProfile } from './badge-profiles';
import { ContactPayloadError, readBadgePayload, type ContactFormat } from './contact-payload';

export type BadgeFields = Partial<Record<LeadContactField | 'notes', string>>;

export type BadgeFormat = ContactFormat | 'profile' | 'email';

export type BadgeCode =
  | {
      kind: 'contact';
      format: BadgeFormat;
      fields: BadgeFields;
      /** The attendee id the payload also held ('' when none). */
      badgeId: string;
      /** The organiser profile that read it (format 'profile'). */
      profile?: string;
      raw: string;
    }
  /** A registration id, or the attendee id of a URL: `raw` is the whole payload. */
  | { kind: 'id'; badgeId: string; raw: string }
  /**
   * Text no profile fits (a record with an unknown layout): kept raw, as the badge id too so
   * the organiser's list can still match it, and flagged rather than spread over fields by guesswork.
   */
  | { kind: 'unrecognised'; badgeId: string; raw: string }
  /** It says it is a vCard/MECARD/BIZCARD but is broken: the message names the line. */
  | { kind: 'unreadable'; message: string; raw: string };

/** The longest payload we look at: a QR code holds under 3 KB; a wedge scanner's line is shorter. */
export const MAX_BADGE_PAYLOAD_LENGTH = 8000;
/** Salesforce-length limit for the raw id kept on the lead. */
const MAX_BADGE_ID_LENGTH = 500;

/**
 * The payload without what a keyboard-wedge scanner adds around it: control characters
 * (STX/ETX framing), a BOM, and the one Enter or Tab it types after the code. Fields inside
 * stay as they are (a tab-delimited record keeps its tabs).
 */
function cleanWedgePayload(raw: string): string {
  return raw
    .slice(0, MAX_BADGE_PAYLOAD_LENGTH)
    .replace(/^[\uFEFF\x00-\x08\x0A-\x1F ]+/, '') // a leading tab is an empty first field: kept
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F ]+$/, '') // ETX and other framing after the code
    .replace(/(?:\r\n|\r|\n|\t)$/, '') // the one Enter or Tab the scanner types after it
    .replace(/[\x00-\x08\x0A-\x1F ]+$/, '');
}

/** Query parameters organisers put an attendee's id in. */
const ATTENDEE_ID_PARAMS = /^(?:attendee_?id|badge_?id|reg(?:istration)?_?id|ref_?id|uid|id|a|code|badge|attendee)$/i;

/** The attendee id in a badge URL (a query parameter, else the last path segment with a digit), or ''. */
function attendeeIdOfUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(/^www\./i.test(text) ? `https://${text}` : text);
  } catch {
    return '';
  }
  for (const [name, value] of url.searchParams) {
    if (ATTENDEE_ID_PARAMS.test(name) && value.trim() !== '') return value.trim();
  }
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const last = segments.at(-1) ?? '';
  return /\d/.test(last) ? decodeURIComponent(last) : '';
}

// Strict on purpose: an odd record that happens to hold one "@" must stay raw, not become an email.
const BARE_EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/**
 * The badge's text read; null when there is no text at all. `profiles` are the show's own
 * payload profiles, tried before the built-in ones.
 */
export function readBadgeCode(rawInput: string, profiles: readonly BadgeProfile[] = []): BadgeCode | null {
  const raw = cleanWedgePayload(rawInput);
  let payload: ReturnType<typeof readBadgePayload>;
  try {
    payload = readBadgePayload(raw);
  } catch (error) {
    if (error instanceof ContactPayloadError) return { kind: 'unreadable', message: error.message, raw };
    throw error;
  }
  if (payload.kind === 'contact') {
    return { kind: 'contact', format: payload.contact.format, fields: nonEmpty(payload.contact.fields), badgeId: '', raw };
  }
  const text = payload.value;
  if (text === '') return null;
  const profiled = readWithProfiles(raw, [...profiles, ...BUILT_IN_BADGE_PROFILES]) ?? (raw === text ? null : readWithProfiles(text, [...profiles, ...BUILT_IN_BADGE_PROFILES]));
  if (profiled) {
    return { kind: 'contact', format: 'profile', profile: profiled.profile, fields: nonEmpty(profiled.fields), badgeId: profiled.badgeId.slice(0, MAX_BADGE_ID_LENGTH), raw };
  }
  if (BARE_EMAIL.test(text)) return { kind: 'contact', format: 'email', fields: { email: text }, badgeId: '', raw };
  if (payload.reason === 'url') {
    const attendeeId = attendeeIdOfUrl(text);
    return { kind: 'id', badgeId: (attendeeId || text).slice(0, MAX_BADGE_ID_LENGTH), raw };
  }
  if (payload.reason === 'registration-id') return { kind: 'id', badgeId: text.slice(0, MAX_BADGE_ID_LENGTH), raw };
  return { kind: 'unrecognised', badgeId: text.slice(0, MAX_BADGE_ID_LENGTH), raw };
}

function nonEmpty(fields: Partial<Record<string, string>>): BadgeFields {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => (entry[1] ?? '').trim() !== '')) as BadgeFields;
}

/** True when the code gave us someone to follow up on (not only an id or a note). */
export function badgeHasContact(code: BadgeCode | null): code is Extract<BadgeCode, { kind: 'contact' }> {
  if (code?.kind !== 'contact') return false;
  return Object.entries(code.fields).some(([field, value]) => field !== 'notes' && value !== undefined && value.trim() !== '');
}

/** What a photo's codes say about the badge: the one to read, a product's code refused, or nothing. */
export type BadgePhotoCode = { kind: 'badge'; code: DecodedBarcode } | { kind: 'product'; format: string } | { kind: 'none' };

/**
 * The code to read when a photo holds several (a badge often carries a QR code with the
 * contact and a 1D code with the registration id): the first one holding a contact, else the
 * first badge code, else — when only a product's EAN/UPC is there — a clear refusal.
 */
export function chooseBadgeCode(codes: readonly DecodedBarcode[]): BadgePhotoCode {
  const badgeCodes = codes.filter((code) => !isProductCode(code));
  const chosen = badgeCodes.find((code) => badgeHasContact(readBadgeCode(code.text))) ?? badgeCodes[0];
  if (chosen) return { kind: 'badge', code: chosen };
  const product = codes[0];
  return product ? { kind: 'product', format: product.format } : { kind: 'none' };
}
