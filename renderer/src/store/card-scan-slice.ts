import { MAX_CARD_IMAGE_BASE64_LENGTH, type CardScanResult, type StoredCardScan } from '../../../shared/ipc/contract';
import type { OcrBox } from '../../../shared/parsing/ocr-types';
import { FIELD_ORDER_FOR_FOCUS } from '../entry/field-order';
import { isLeadFormField, type LeadFormField } from '../entry/lead-form-model';
import type { FieldOnScreen } from '../entry/name-field';
import type { CheckMark } from '../../../shared/parsing/check-marks';
import { cardValues, fieldsNotRead, fillPlan } from '../scan/card-to-form';
import { readFileAsBase64 } from '../scan/read-file-base64';
import type { StoreApi } from 'zustand';
import type { AppState, SliceCreator } from './app-state';
import { toUiError } from './ui-error';

/**
 * A field the scan wants the person to look at: an unsure reading or a field the card prints that
 * the scan did not read ("check"), or a typed value the card reads differently.
 */
export type ScanMark = { kind: 'check'; reason: CheckMark } | { kind: 'differs'; cardValue: string };

/** A picked photo. The Blob stays in memory only: components make (and revoke) its object URL. */
export interface CardPhoto {
  file: Blob;
  name: string;
}

export interface ScanSummary {
  filled: number;
  toCheck: number;
  differs: number;
}

export interface CardScanSlice {
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
  scanMarks: Partial<Record<LeadFormField, ScanMark>>;
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

  /** Reads the card photo and fills the form's empty fields; never throws (errors land in scanError). */
  scanCard(file: File): Promise<void>;
  /** The person prefers the card's reading over what they typed. */
  acceptCardValue(field: LeadFormField): void;
  /** The person edited the field: it is theirs now, so its mark goes. */
  forgetScanField(field: LeadFormField): void;
  /**
   * A restored draft's scan: its photo comes back from the store. A scan the store no longer
   * has leaves a message on the photo instead (the lead then saves without it).
   */
  restoreScan(scanId: string): Promise<void>;
  setReviewField(field: FieldOnScreen | null): void;
  /** A card read earlier (a capture-queue item) is put on the form, as if it had just been scanned. */
  showStoredScan(stored: StoredCardScan): void;
  /** The person read the message about a lost photo and removed it. */
  dismissLostScan(): void;
  /** Drops the scan (and any scan still running): "Clear form". */
  resetScan(): void;
  /**
   * After a save: drops the scan that went with the saved lead, and a scan that was still
   * running when the save was sent (that card was the saved person's). A scan started since stays.
   */
  scanSaved(sent: { scanId: string | null; pending: CardPhoto | null }): void;
}

/** The contract's limit, in bytes of file: refused here before a large file is read and sent for nothing. */
const MAX_CARD_FILE_BYTES = Math.floor((MAX_CARD_IMAGE_BASE64_LENGTH * 3) / 4);

const NO_SCAN = {
  scanPending: null,
  scanPhoto: null,
  scanId: null,
  scanError: null,
  scanNotice: null,
  scanSummary: null,
  scanMarks: {},
  scanFilled: {},
  scanText: '',
  scanLost: null,
  scanBoxes: {},
  scanReadImage: null,
} satisfies Partial<CardScanSlice>;

/** The scanner's own message ("x.jpg is not an image…: pick a photo of the card"), as one sentence. */
function scanErrorMessage(error: unknown): string {
  const { message, fieldErrors } = toUiError(error);
  const text = fieldErrors.image ?? fieldErrors.imageBase64 ?? message;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function without<Value>(record: Partial<Record<LeadFormField, Value>>, field: LeadFormField): Partial<Record<LeadFormField, Value>> {
  const { [field]: _dropped, ...rest } = record;
  return rest;
}

function blobFromBase64(base64: string, mime: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: mime });
}

/** Where each form field was read, for the outline beside the form. */
function boxesOf(result: Pick<CardScanResult, 'fields'>): Partial<Record<LeadFormField, OcrBox>> {
  const boxes: Partial<Record<LeadFormField, OcrBox>> = {};
  for (const [field, parsed] of Object.entries(result.fields)) {
    if (parsed.box && parsed.value && isLeadFormField(field)) boxes[field] = parsed.box;
  }
  return boxes;
}

/**
 * Where the person looks first after a scan, in the form's order: the first field marked
 * "Check" or read differently from what was typed, else the first field the card filled,
 * else Name (nothing was read: the person types).
 */
function fieldToReview(toCheck: readonly LeadFormField[], differs: readonly LeadFormField[], filled: readonly LeadFormField[]): LeadFormField {
  const doubtful = new Set([...toCheck, ...differs]);
  return (
    FIELD_ORDER_FOR_FOCUS.find((field) => doubtful.has(field)) ?? FIELD_ORDER_FOR_FOCUS.find((field) => filled.includes(field)) ?? 'firstName'
  );
}

function untilSaveSettles(store: StoreApi<AppState>): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = store.subscribe((state) => {
      if (state.saving) return;
      unsubscribe();
      resolve();
    });
  });
}

export const createCardScanSlice: SliceCreator<CardScanSlice> = ({ api }) => {
  // Every scan takes a number; a result whose number is no longer the latest (the form was
  // cleared or saved, or another card was picked) is dropped instead of filling the wrong lead.
  let latestScan = 0;

  return (set, get, store) => {
    /** A scan's reading lands on the form: planned against the form as it is now, so whatever was typed is kept. */
    function landScan(result: CardScanResult, photo: CardPhoto): void {
      const plan = fillPlan(get().form, cardValues(result.fields), get().scanFilled, fieldsNotRead(result.fields));
      get().fillFromCard(plan.fill);
      const scanMarks: Partial<Record<LeadFormField, ScanMark>> = {};
      for (const field of plan.toCheck) scanMarks[field] = { kind: 'check', reason: 'unsure' };
      for (const field of plan.notRead) scanMarks[field] = { kind: 'check', reason: 'not-read' };
      for (const [field, cardValue] of Object.entries(plan.differs) as [LeadFormField, string][]) {
        scanMarks[field] = { kind: 'differs', cardValue };
      }
      const scanFilled = Object.fromEntries(Object.entries(plan.fill).filter(([, value]) => value !== ''));
      const scanBoxes = boxesOf(result);
      const focusField = fieldToReview(plan.toCheck, Object.keys(plan.differs) as LeadFormField[], Object.keys(scanFilled) as LeadFormField[]);
      set({
        scanFocus: { field: focusField, serial: (get().scanFocus?.serial ?? 0) + 1 },
        scanBoxes,
        scanReadImage: null,
        scanPending: null,
        scanPhoto: photo,
        scanId: result.scanId,
        scanText: result.text,
        scanLost: null,
        scanError: null,
        scanNotice: result.notice ?? null,
        scanMarks,
        scanFilled,
        scanSummary: { filled: Object.keys(scanFilled).length, toCheck: plan.toCheck.length + plan.notRead.length, differs: Object.keys(plan.differs).length },
      });
      get().noteDraftChange();
      if (Object.keys(scanBoxes).length > 0) void loadReadImage(result.scanId);
    }

    async function loadReadImage(scanId: string): Promise<void> {
      try {
        const read = await api['cards.readImage']({ scanId });
        // Only for the scan still on the form, and only when the boxes fit the image.
        if (get().scanId !== scanId || !read.matchesBoxes) return;
        set({ scanReadImage: { file: blobFromBase64(read.imageBase64, 'image/jpeg'), boxesWidth: read.boxesWidth, boxesHeight: read.boxesHeight } });
      } catch {
        // No outlines, the photo stays: the fields and their Check marks say everything else.
      }
    }

    return {
      ...NO_SCAN,
      reviewField: null,
      scanFocus: null,

      setReviewField(field) {
        if (get().reviewField !== field) set({ reviewField: field });
      },

      showStoredScan(stored) {
        latestScan++; // a scan still running belongs to the card that was in the form before
        landScan(stored, { file: blobFromBase64(stored.imageBase64, stored.imageMime), name: stored.fileName || 'card photo' });
      },

      async scanCard(file) {
        const request = ++latestScan;
        if (file.size > MAX_CARD_FILE_BYTES) {
          set({ scanPending: null, scanError: `${file.name} is larger than 30 MB: use a smaller photo of the card.` });
          return;
        }
        set({ scanPending: { file, name: file.name }, scanError: null, scanLost: null });
        // A QR code with a contact card on the card or badge fills the fields at once; the OCR adds what it lacks.
        void get().readBadgeImage(file, { contactOnly: true });
        try {
          const imageBase64 = await readFileAsBase64(file);
          const result = await api['cards.scan']({ imageBase64, fileName: file.name });
          // A save in flight decides whose card this is: if it was sent while this scan ran,
          // scanSaved() retires the scan and the result below is dropped, not put into the
          // next person's form. If the save fails, the result still fills the unsaved lead.
          if (get().saving) await untilSaveSettles(store);
          if (request !== latestScan) return;
          landScan(result, { file, name: file.name });
        } catch (error) {
          if (request !== latestScan) return;
          // An earlier successful scan of this lead (photo, marks, scan id) stays as it was.
          set({ scanPending: null, scanError: scanErrorMessage(error) });
        }
      },

      async restoreScan(scanId) {
        const request = ++latestScan;
        try {
          const stored = await api['cards.get']({ scanId });
          if (request !== latestScan) return;
          const file = blobFromBase64(stored.imageBase64, stored.imageMime);
          const scanBoxes = boxesOf(stored);
          set({ scanPhoto: { file, name: stored.fileName || 'card photo' }, scanId, scanText: stored.text, scanLost: null, scanError: null, scanBoxes });
          if (Object.keys(scanBoxes).length > 0) void loadReadImage(scanId);
        } catch (error) {
          if (request !== latestScan) return;
          set({ ...NO_SCAN, scanLost: toUiError(error).message });
          get().noteDraftChange();
        }
      },

      dismissLostScan() {
        set({ scanLost: null });
      },

      acceptCardValue(field) {
        const mark = get().scanMarks[field];
        if (mark?.kind !== 'differs') return;
        get().setField(field, mark.cardValue);
        // It came from the card: a better scan may replace it, as any scanned value.
        set({ scanFilled: { ...get().scanFilled, [field]: mark.cardValue } });
      },

      forgetScanField(field) {
        const { scanMarks, scanFilled } = get();
        if (scanMarks[field] === undefined && scanFilled[field] === undefined) return;
        set({ scanMarks: without(scanMarks, field), scanFilled: without(scanFilled, field) });
      },

      resetScan() {
        latestScan++;
        set(NO_SCAN);
      },

      scanSaved(sent) {
        const { scanId, scanPending } = get();
        const startedSinceSave = scanPending !== null && scanPending !== sent.pending;
        if (!startedSinceSave) latestScan++; // its result must not fill the next person's form
        if (scanId === sent.scanId) set({ ...NO_SCAN, scanPending: startedSinceSave ? scanPending : null });
        else if (!startedSinceSave) set({ scanPending: null });
      },
    };
  };
};
