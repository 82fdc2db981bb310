import type { LeadContactField } from '../../../shared/domain/lead';
import type { Criterion } from '../../../shared/domain/qualification';
import type { LikelyDuplicate, QueueItem } from '../../../shared/ipc/contract';
import type { BadgeProfile, BadgeProfileInput } from '../../../shared/parsing/badge-profiles';
import type { OcrBox } from '../../../shared/parsing/ocr-types';
import type { BadgeReading } from '../capture/model/badge-reading';
import type { LeadForm, LeadFormField } from '../capture/model/lead-form-model';
import type { FieldOnScreen } from '../capture/model/name-field';
import type { CardPhoto, ScanMarks, ScanSummary } from '../capture/model/scan-landing';
import type { UiError } from './ui-error';

/** What the confirmation after a save says. */
interface SavedLeadSummary {
  id: string;
  name: string;
  missingForExport: LeadContactField[];
  /** "Merge into it" put the capture into this existing lead (the confirmation says "Merged into …", not "Saved"). */
  merged: boolean;
}

/**
 * The capture flow's state, one slice: the lead form and its draft, the card scan on it, the
 * badge, the capture queue and the booth questions. They share one form, so they live together:
 * a scan, a badge or a queued card fills it, a save retires them all. Names are prefixed by
 * part (scan…, badge…, queue…, booth…): the store is one flat object.
 */
export interface CaptureSlice {
  // ── the form ──
  form: LeadForm;
  /** Keyed by form field name, as the API reports them. */
  fieldErrors: Record<string, string>;
  /** A message that belongs to no single field (or a summary of the field errors). */
  entryError: string | null;
  saving: boolean;
  /** A save has been on its way for more than a second or two: another program holds the store (the form says so). */
  saveWaiting: boolean;
  lastSaved: SavedLeadSummary | null;
  /** True when the form was filled from a draft left by the previous run. */
  draftRestored: boolean;
  /** Set when the draft could not be kept: the person should know a restart could lose it. */
  draftWarning: string | null;
  /** The lead in the form is probably someone saved already: the warning offers open, merge, save anyway. */
  duplicates: LikelyDuplicate[] | null;

  // ── the card scan ──
  /** The photo being read right now; null when no scan is running. */
  scanPending: CardPhoto | null;
  /** The last card read successfully for the lead in the form. */
  scanPhoto: CardPhoto | null;
  /** Sent as cardScanId when the lead is saved, so the photo and OCR text stay with it. */
  scanId: string | null;
  scanError: string | null;
  /** The scanner's word on the reading as a whole (a card in a script it cannot read); null otherwise. */
  scanNotice: string | null;
  scanSummary: ScanSummary | null;
  scanMarks: ScanMarks;
  /** Values the scan wrote that the person has not changed since: a new scan may replace them. */
  scanFilled: Partial<Record<LeadFormField, string>>;
  /** The raw OCR text of the scan, one click away on the photo. */
  scanText: string;
  /** The scan the form pointed at is no longer stored: said on the photo, with "Remove photo". */
  scanLost: string | null;
  /** Where on the straightened card each field was read (boxes in `scanReadImage`'s pixels). */
  scanBoxes: Partial<Record<LeadFormField, OcrBox>>;
  /** The card as the scanner read it, loaded once a scan has boxes: the outlines are drawn on it. */
  scanReadImage: { file: Blob; boxesWidth: number; boxesHeight: number } | null;
  /** The form field that has the focus: its box (for Name, first and last name's) is outlined beside the form. */
  reviewField: FieldOnScreen | null;
  /**
   * After a card landed on the form (picked, queued or from the webcam): the field the focus
   * goes to, so Enter saves instead of pressing the scan button again. A new serial each time.
   */
  scanFocus: { field: LeadFormField; serial: number } | null;

  // ── the badge ──
  badge: BadgeReading | null;
  badgeError: string | null;
  /** The current show's own payload profiles (Show setup), tried before the built-in ones. */
  badgeProfiles: BadgeProfile[];
  /** Why the last profile save or removal was refused (Show setup); field keys like `profile.fields.1`. */
  badgeProfileError: UiError | null;

  // ── the capture queue ──
  /** The capture queue as the main process last announced it (cards.progress). */
  queue: QueueItem[];
  /** Photos of the batch still being sent (read from disk, not queued yet). */
  queueSending: number;
  queueError: string | null;
  /** The queue item whose card is on the form. */
  openQueueItemId: string | null;

  // ── the booth questions (the show's checklist criteria marked askAtBooth) ──
  boothQuestions: Criterion[];
  /** Keys of the questions ticked for the lead in the form; recorded as met with the lead (leads.create), or on the lead a capture was merged into. */
  boothTicked: string[];
  boothQuestionsError: string | null;

  setField(field: LeadFormField, value: string): void;
  /** The Name field: what was typed is split into first and last name, the fields a lead stores. */
  setName(typed: string): void;
  /**
   * Saves the form as a new lead; true when saved (the form is then ready for the next person).
   * First checks for duplicates (unless `saveAnyway`): when there are some, nothing is saved
   * and `duplicates` says who.
   */
  saveLead(options?: { saveAnyway?: boolean }): Promise<boolean>;
  /**
   * "Merge into it": the form fills the existing lead's empty fields; notes and card photos are both kept,
   * and a different email or phone goes to a free slot or the notes (see duplicates-service).
   */
  mergeIntoDuplicate(intoId: string): Promise<boolean>;
  dismissDuplicates(): void;
  /** The usual mix-ups in one key: first/last name, phone/mobile, title/company. False when the field has no partner. */
  swapField(field: LeadFormField): boolean;
  /** Empties the form on purpose ("Clear form"), dropping the draft, scan, badge and ticked questions too. */
  clearForm(): void;
  restoreDraft(): Promise<void>;
  /** Writes a pending draft now (the window is closing). */
  flushDraft(): void;

  /** Reads the card photo and fills the form's empty fields; never throws (errors land in scanError). */
  scanCard(file: File): Promise<void>;
  /** The person prefers the card's reading over what they typed. */
  acceptCardValue(field: LeadFormField): void;
  setReviewField(field: FieldOnScreen | null): void;
  /** The person read the message about a lost photo and removed it. */
  dismissLostScan(): void;

  /** Reads the current show's badge profiles again (at start and when the show changes). */
  loadBadgeProfiles(): Promise<void>;
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
  clearBadge(): void;

  loadQueue(): Promise<void>;
  /** A cards.progress event: the queue as it now is; a card that just became ready opens if the form is free. */
  applyQueue(items: QueueItem[]): void;
  /** Many photos (or a folder) at once: each becomes a queue item, read in the background. */
  enqueueFiles(files: File[]): Promise<void>;
  /** Puts a read card on the form (only when the form is free: two people's details never mix). */
  openQueueItem(itemId: string): Promise<void>;
  retryQueueItem(itemId: string): Promise<void>;
  removeQueueItem(itemId: string): Promise<void>;

  loadBoothQuestions(eventId: string): Promise<void>;
  toggleBoothQuestion(key: string): void;
}
