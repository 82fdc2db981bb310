/**
 * What a badge's QR code (or a keyboard-wedge scanner) gives the booth, as lead fields: the
 * contact formats are read by shared/parsing/contact-payload.ts (vCard 2.1/3.0/4.0, MECARD,
 * BIZCARD); anything else — the organiser's registration id, a URL — is kept raw as the
 * lead's `badgeId`, to be matched with the organiser's attendee list later.
 */
import type { LeadContactField } from '../domain/lead';
import { ContactPayloadError, readBadgePayload, type ContactFormat } from './contact-payload';

export type BadgeFields = Partial<Record<LeadContactField | 'notes', string>>;

export type BadgeCode =
  | { kind: 'contact'; format: ContactFormat; fields: BadgeFields }
  | { kind: 'id'; badgeId: string }
  /** It says it is a vCard/MECARD/BIZCARD but is broken: the message names the line. */
  | { kind: 'unreadable'; message: string };

/** The longest payload we look at: a QR code holds under 3 KB; a wedge scanner's line is shorter. */
export const MAX_BADGE_PAYLOAD_LENGTH = 8000;
/** Salesforce-length limit for the raw id kept on the lead. */
const MAX_BADGE_ID_LENGTH = 500;

/** The badge's text read; null when there is no text at all. */
export function readBadgeCode(raw: string): BadgeCode | null {
  let payload: ReturnType<typeof readBadgePayload>;
  try {
    payload = readBadgePayload(raw.slice(0, MAX_BADGE_PAYLOAD_LENGTH));
  } catch (error) {
    if (error instanceof ContactPayloadError) return { kind: 'unreadable', message: error.message };
    throw error;
  }
  if (payload.kind === 'raw') return payload.value === '' ? null : { kind: 'id', badgeId: payload.value.slice(0, MAX_BADGE_ID_LENGTH) };
  const fields = Object.fromEntries(Object.entries(payload.contact.fields).filter(([, value]) => value.trim() !== '')) as BadgeFields;
  return { kind: 'contact', format: payload.contact.format, fields };
}

/** True when the code gave us someone to follow up on (not only an id or a note). */
export function badgeHasContact(code: BadgeCode | null): code is Extract<BadgeCode, { kind: 'contact' }> {
  if (code?.kind !== 'contact') return false;
  return Object.entries(code.fields).some(([field, value]) => field !== 'notes' && value !== undefined && value.trim() !== '');
}
