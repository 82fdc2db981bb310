import { badgeHasContact, type BadgeCode, type BadgeFields, type BadgeFormat, type BadgePhotoCode } from '../../../../shared/parsing/badge-payload';
import type { CardValue } from './card-to-form';
import type { LeadFormField } from './lead-form-model';

/** What a badge gave the lead in the form: its format, or the raw registration id / URL. */
export interface BadgeReading {
  /**
   * 'id' when the code held only a registration id or URL (kept on the lead as badgeId);
   * 'unrecognised' when no profile fits its text (kept raw, flagged in the status line).
   */
  format: BadgeFormat | 'id' | 'unrecognised';
  badgeId: string;
  /** The code's text exactly as scanned, saved with the lead as evidence ('' in drafts from before it was kept). */
  payload?: string;
  /** What the status line says about it. */
  summary: string;
}

type ContactCode = Extract<BadgeCode, { kind: 'contact' }>;

/** Why a badge's text fills nothing; null when it can be used. */
export function badgeRefusal(code: BadgeCode | null): string | null {
  if (!code) return 'The badge gave no text. Scan it again, or type the lead.';
  if (code.kind === 'unreadable') return `The badge's code could not be read (${code.message}). Scan it again, or type the lead.`;
  if (code.kind === 'contact' && !code.badgeId && !badgeHasContact(code)) {
    return 'The badge code holds a contact card with no name, company, email or phone. Type the lead.';
  }
  return null;
}

/** A code that holds only an id, or text no profile fits: kept as it is, nothing filled. */
export function keptBadge(code: Extract<BadgeCode, { kind: 'id' | 'unrecognised' }>): BadgeReading {
  const summary =
    code.kind === 'id'
      ? `Badge id kept: ${code.badgeId}`
      : `Badge kept as scanned: no badge profile fits "${shorten(code.raw)}". Type the lead, or add the show's profile in Show setup.`;
  return { format: code.kind, badgeId: code.badgeId, payload: code.raw, summary };
}

/** A badge's contact fields, offered to the form like a card's readings (a code is never unsure). */
export function badgeOffer(code: ContactCode): Partial<Record<LeadFormField, CardValue>> {
  return Object.fromEntries(Object.entries(code.fields).map(([field, value]) => [field, { value, confidence: FULL_CONFIDENCE }])) as Partial<
    Record<LeadFormField, CardValue>
  >;
}

/** The reading of a contact badge once `filled` fields of the form took its values. */
export function contactBadge(code: ContactCode, filled: number, previousBadgeId: string): BadgeReading {
  const source = code.profile ? `profile "${code.profile}"` : FORMAT_NAMES[code.format];
  return {
    format: code.format,
    badgeId: code.badgeId || previousBadgeId,
    payload: code.raw,
    summary: `Badge read (${source}): ${describeFilled(filled, code.fields)}`,
  };
}

/** What a photo picked as a badge says when it holds no badge code. */
export function noBadgeMessage(fileName: string, found: BadgePhotoCode | null): string {
  return found?.kind === 'product'
    ? `${fileName} shows a product's barcode (${found.format}), not a badge. Photograph the code on the visitor's badge, or type the lead.`
    : `No badge code found in ${fileName}. Take a closer, sharper photo of the badge's code, or type the lead.`;
}

/** The badge kept with a draft; a damaged entry loses only the badge line, never the typed fields. */
export function badgeFromDraft(json: string | undefined): BadgeReading | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Partial<BadgeReading>;
    return typeof value.format === 'string' && typeof value.badgeId === 'string' && typeof value.summary === 'string'
      ? (value as BadgeReading)
      : null;
  } catch {
    return null;
  }
}

const FULL_CONFIDENCE = 1;

const FORMAT_NAMES: Record<BadgeFormat, string> = { vcard: 'vCard', mecard: 'MECARD', bizcard: 'BIZCARD', profile: 'organiser record', email: 'email' };

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

function describeFilled(filled: number, fields: BadgeFields): string {
  const total = Object.keys(fields).length;
  if (filled === total) return `${filled} field${filled === 1 ? '' : 's'} filled.`;
  return `${filled} of ${total} fields filled; what you had typed was kept.`;
}
