import { badgeHasContact, readBadgeCode, type BadgeFields, type BadgeFormat } from '../../../shared/parsing/badge-payload';
import type { BadgeProfile, BadgeProfileInput } from '../../../shared/parsing/badge-profiles';
import type { LeadFormField } from '../capture/model/lead-form-model';
import { readBadgeFromImage } from '../capture/model/read-badge-image';
import { fillPlan, type CardValue } from '../capture/model/card-to-form';
import type { SliceCreator } from './app-state';
import { toUiError, type UiError } from './ui-error';
import type { ScanMark } from './card-scan-slice';

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

export interface BadgeSlice {
  badge: BadgeReading | null;
  badgeError: string | null;
  /** The current show's own payload profiles (Show setup), tried before the built-in ones. */
  badgeProfiles: BadgeProfile[];
  /** Reads the current show's badge profiles again (at start and when the show changes). */
  loadBadgeProfiles(): Promise<void>;
  /** Why the last profile save or removal was refused (Show setup); field keys like `profile.fields.1`. */
  badgeProfileError: UiError | null;
  /** Adds a profile to the current show, or replaces the one of the same name. True when saved. */
  saveBadgeProfile(profile: BadgeProfileInput): Promise<boolean>;
  removeBadgeProfile(name: string): Promise<boolean>;

  /** A badge's text (keyboard-wedge scanner or QR code): fills the empty fields, or keeps the id. True when it was understood. */
  applyBadgePayload(text: string): boolean;
  /**
   * Looks for a badge QR code in an image; true when one was found and applied. A card photo
   * is searched quietly (most cards have no code); a photo picked as a badge says when there is none.
   */
  readBadgeImage(file: File, options?: { sayWhenNone?: boolean; contactOnly?: boolean }): Promise<boolean>;
  /** The badge was restored from a draft (after a crash or restart). */
  restoreBadge(badge: BadgeReading | null): void;
  clearBadge(): void;
}

const FULL_CONFIDENCE = 1;

export const createBadgeSlice: SliceCreator<BadgeSlice> = ({ api }) => (set, get) => ({
  badge: null,
  badgeError: null,
  badgeProfiles: [],
  badgeProfileError: null,

  async saveBadgeProfile(profile) {
    set({ badgeProfileError: null });
    try {
      set({ badgeProfiles: await api['events.saveBadgeProfile']({ profile }) });
      return true;
    } catch (error) {
      set({ badgeProfileError: toUiError(error) });
      return false;
    }
  },

  async removeBadgeProfile(name) {
    set({ badgeProfileError: null });
    try {
      set({ badgeProfiles: await api['events.removeBadgeProfile']({ name }) });
      return true;
    } catch (error) {
      set({ badgeProfileError: toUiError(error) });
      return false;
    }
  },

  async loadBadgeProfiles() {
    try {
      set({ badgeProfiles: await api['events.badgeProfiles']({}) });
    } catch {
      // Without the show's profiles the built-in ones still read; an unknown layout is kept raw and flagged.
      set({ badgeProfiles: [] });
    }
  },

  applyBadgePayload(text) {
    const payload = readBadgeCode(text, get().badgeProfiles);
    if (!payload) {
      set({ badgeError: 'The badge gave no text. Scan it again, or type the lead.' });
      return false;
    }
    if (payload.kind === 'unreadable') {
      set({ badgeError: `The badge's code could not be read (${payload.message}). Scan it again, or type the lead.` });
      return false;
    }
    if (payload.kind === 'id' || payload.kind === 'unrecognised') {
      const summary =
        payload.kind === 'id'
          ? `Badge id kept: ${payload.badgeId}`
          : `Badge kept as scanned: no badge profile fits "${shorten(payload.raw)}". Type the lead, or add the show's profile in Show setup.`;
      set({ badge: { format: payload.kind, badgeId: payload.badgeId, payload: payload.raw, summary }, badgeError: null });
      get().noteDraftChange();
      return true;
    }
    if (!payload.badgeId && !badgeHasContact(payload)) {
      set({ badgeError: 'The badge code holds a contact card with no name, company, email or phone. Type the lead.' });
      return false;
    }
    const offered = Object.fromEntries(
      Object.entries(payload.fields).map(([field, value]) => [field, { value, confidence: FULL_CONFIDENCE }]),
    ) as Partial<Record<LeadFormField, CardValue>>;
    const plan = fillPlan(get().form, offered, {});
    get().fillFromCard(plan.fill);
    const marks: Partial<Record<LeadFormField, ScanMark>> = { ...get().scanMarks };
    // the badge filled what the card scan could not read: that mark has nothing left to ask
    for (const field of Object.keys(plan.fill) as LeadFormField[]) {
      const mark = marks[field];
      if (mark?.kind === 'check' && mark.reason === 'not-read') delete marks[field];
    }
    for (const [field, cardValue] of Object.entries(plan.differs) as [LeadFormField, string][]) {
      marks[field] = { kind: 'differs', cardValue };
    }
    const filled = Object.keys(plan.fill).length;
    set({
      scanMarks: marks,
      badge: {
        format: payload.format,
        badgeId: payload.badgeId || (get().badge?.badgeId ?? ''),
        payload: payload.raw,
        summary: `Badge read (${payload.profile ? `profile "${payload.profile}"` : FORMAT_NAMES[payload.format]}): ${describeFilled(filled, payload.fields)}`,
      },
      badgeError: null,
    });
    return true;
  },

  async readBadgeImage(file, options = {}) {
    let found: Awaited<ReturnType<typeof readBadgeFromImage>>;
    try {
      found = await readBadgeFromImage(file, { quick: options.contactOnly ?? false });
    } catch {
      found = null; // the reader failed to start: say so like an unreadable photo, the form stays ready
    }
    const text = found?.kind === 'badge' ? found.code.text : null;
    // A business card's QR code is often just the company's website: no badge id, so only contact cards count there.
    if (text !== null && options.contactOnly && !badgeHasContact(readBadgeCode(text, get().badgeProfiles))) return false;
    if (text !== null) return get().applyBadgePayload(text);
    if (options.sayWhenNone) {
      set({
        badgeError:
          found?.kind === 'product'
            ? `${file.name} shows a product's barcode (${found.format}), not a badge. Photograph the code on the visitor's badge, or type the lead.`
            : `No badge code found in ${file.name}. Take a closer, sharper photo of the badge's code, or type the lead.`,
      });
    }
    return false;
  },

  restoreBadge(badge) {
    set({ badge, badgeError: null });
  },

  clearBadge() {
    set({ badge: null, badgeError: null });
  },
});

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
