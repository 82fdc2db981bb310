import type { StoreApi } from 'zustand';
import { displayName } from '../../../shared/domain/lead';
import {
  DRAFT_BADGE_KEY,
  DRAFT_SCAN_KEY,
  MAX_CARD_IMAGE_BASE64_LENGTH,
  type CardScanResult,
  type LikelyDuplicate,
  type QueueItem,
  type SavedLead,
} from '../../../shared/ipc/contract';
import { badgeHasContact, readBadgeCode } from '../../../shared/parsing/badge-payload';
import type { BadgeProfile } from '../../../shared/parsing/badge-profiles';
import { badgeFromDraft, badgeOffer, badgeRefusal, contactBadge, keptBadge, noBadgeMessage } from '../capture/model/badge-reading';
import { fillPlan } from '../capture/model/card-to-form';
import { EMPTY_LEAD_FORM, formFromDraft, formHasInput, newLeadFromForm, type LeadForm, type LeadFormField } from '../capture/model/lead-form-model';
import { namePartsOf } from '../capture/model/name-field';
import { readBadgeFromImage } from '../capture/model/read-badge-image';
import { blobFromBase64, readFileAsBase64 } from '../capture/model/read-file-base64';
import {
  boxesOf,
  marksAfterBadge,
  planScanLanding,
  withoutField,
  type CardPhoto,
} from '../capture/model/scan-landing';
import type { AppState, SliceCreator } from './app-state';
import type { CaptureSlice } from './capture-state';
import { latestRequest } from './latest-request';
import { toUiError, type UiError } from './ui-error';

type LeadToSave = ReturnType<typeof newLeadFromForm>;

/** Fields a card or a hurried typist puts in each other's place. */
const SWAP_PARTNERS: Partial<Record<LeadFormField, LeadFormField>> = {
  firstName: 'lastName',
  lastName: 'firstName',
  phone: 'mobile',
  mobile: 'phone',
  title: 'company',
  company: 'title',
};

/** A save normally takes milliseconds; past this, the person is told why they are waiting. */
const SAVE_WAITING_NOTICE_MS = 1_500;

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
} satisfies Partial<CaptureSlice>;

/** The scanner's own message ("x.jpg is not an image…: pick a photo of the card"), as one sentence. */
function scanErrorMessage({ message, fieldErrors }: UiError): string {
  const text = fieldErrors.image ?? fieldErrors.imageBase64 ?? message;
  return /[.!?]$/.test(text) ? text : `${text}.`;
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

export const createCaptureSlice: SliceCreator<CaptureSlice> = ({ api, draftSaveDelayMs }) => {
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  // Draft writes run one after another, so an older draft can never land after a newer one.
  let draftWrites: Promise<void> = Promise.resolve();
  // A scan's result lands only while it is the latest (the form was not cleared or saved and
  // no other card was picked meanwhile): it never fills the wrong lead.
  const scans = latestRequest();
  const boothLoads = latestRequest();
  // Queued cards the person cleared from the form: opened again only when they pick them.
  const setAside = new Set<string>();

  return (set, get, store) => {
    // ── the draft ──

    function writeDraft(fields: Record<string, string> | null): void {
      clearTimeout(draftTimer);
      draftTimer = undefined;
      draftWrites = draftWrites.then(async () => {
        try {
          await api['drafts.save']({ fields });
          if (get().draftWarning) set({ draftWarning: null });
        } catch (error) {
          set({ draftWarning: `The half-typed lead could not be kept as a draft: ${toUiError(error).message}` });
        }
      });
    }

    function scheduleDraft(): void {
      clearTimeout(draftTimer);
      draftTimer = setTimeout(() => writeDraft(draftOf(get().form)), draftSaveDelayMs);
    }

    /**
     * The draft is the form plus what belongs to it: the card scan (so a draft restored after
     * a crash saves with its photo) and the badge. Null when there is nothing worth keeping.
     */
    function draftOf(form: LeadForm): Record<string, string> | null {
      const { scanId, badge } = get();
      if (!formHasInput(form) && !scanId && !badge) return null;
      return {
        ...form,
        ...(scanId && { [DRAFT_SCAN_KEY]: scanId }),
        ...(badge && { [DRAFT_BADGE_KEY]: JSON.stringify(badge) }),
      };
    }

    // ── the form ──

    /**
     * The person edited these fields: their errors go (the next Enter checks again), and so do
     * the scan's marks on the fields whose value changed (the value is the person's now).
     */
    function editFields(values: Partial<LeadForm>): void {
      const edited = Object.keys(values) as LeadFormField[];
      // The API names the consent "consent" / "consent.wording"; the form calls its box consentGiven.
      const apiNames = edited.map((field) => (field === 'consentGiven' ? 'consent' : field));
      const otherErrors = Object.fromEntries(
        Object.entries(get().fieldErrors).filter(([key]) => !apiNames.some((apiName) => key === apiName || key.startsWith(`${apiName}.`))),
      );
      const before = get().form;
      // The warning was about what the form held; after an edit the next Enter checks again.
      set({ form: { ...before, ...values }, fieldErrors: otherErrors, draftRestored: false, duplicates: null });
      for (const field of edited) if (before[field] !== values[field]) forgetScanField(field);
      scheduleDraft();
    }

    /** Writes what a card or badge read (the caller decided which fields it may change). */
    function fillForm(values: Partial<LeadForm>): void {
      const filled = Object.keys(values);
      if (filled.length === 0) return;
      const otherErrors = Object.fromEntries(Object.entries(get().fieldErrors).filter(([key]) => !filled.includes(key)));
      set({ form: { ...get().form, ...values }, fieldErrors: otherErrors, draftRestored: false });
      scheduleDraft();
    }

    /** The duplicate check never stands between the person and a save: if it fails, the lead is saved. */
    async function duplicatesOf(lead: LeadToSave): Promise<LikelyDuplicate[]> {
      try {
        const { firstName, lastName, company, email, phone, mobile, country, badgeId } = lead;
        return await api['leads.findDuplicates']({ firstName, lastName, company, email, phone, mobile, country, ...(badgeId && { badgeId }) });
      } catch {
        return [];
      }
    }

    /**
     * One save of the form, however it is stored (a new lead, or merged into an existing one).
     * `storeLead` returns the saved lead, or the duplicates that stopped it.
     */
    async function saveWith(
      how: 'saved' | 'merged',
      storeLead: (lead: LeadToSave) => Promise<SavedLead | LikelyDuplicate[]>,
    ): Promise<boolean> {
      if (get().saving) return false;
      const sent = get().form;
      const sentScan = { scanId: get().scanId, pending: get().scanPending };
      // The draft is written now, not when its timer would fire: a save may wait for another
      // program holding the store, and if the app is quit meanwhile the draft is what is left.
      // The server clears it with the save; the draft write after the save (queued behind
      // this one) leaves what is typed by then.
      writeDraft(draftOf(sent));
      set({ saving: true, saveWaiting: false, entryError: null, fieldErrors: {}, duplicates: null });
      const waitingNotice = setTimeout(() => set({ saveWaiting: true }), SAVE_WAITING_NOTICE_MS);
      try {
        const sentBadge = get().badge;
        const sentAnswers = get().boothTicked;
        const lead = newLeadFromForm(sent, new Date(), sentScan.scanId);
        const saved = await storeLead(
          sentBadge
            ? {
                ...lead,
                ...(sentBadge.badgeId && { badgeId: sentBadge.badgeId }),
                ...(sentBadge.payload && { badgePayload: sentBadge.payload }),
                captureMethod: sentScan.scanId ? 'card_scan' : 'badge_scan',
              }
            : lead,
        );
        if (Array.isArray(saved)) {
          scheduleDraft(); // not saved yet: the form stays a draft
          set({ saving: false, saveWaiting: false, lastSaved: null, duplicates: saved });
          return false;
        }
        // Anything typed while the save was on its way stays for the next lead; what was saved is cleared.
        const current = get().form;
        const next = { ...EMPTY_LEAD_FORM };
        for (const field of Object.keys(next) as LeadFormField[]) {
          if (current[field] !== sent[field]) next[field] = current[field];
        }
        set({
          saving: false,
          saveWaiting: false,
          form: next,
          draftRestored: false,
          lastSaved: { id: saved.lead.id, name: displayName(saved.lead), missingForExport: saved.missingForExport, merged: how === 'merged' },
        });
        scanSaved(sentScan);
        if (get().badge === sentBadge) clearBadge();
        writeDraft(draftOf(next));
        queueItemSaved(sentScan.scanId);
        // A new lead carried its booth answers (leads.create); a merge records them on the lead it went into.
        if (how === 'saved') set({ boothTicked: get().boothTicked.filter((key) => !sentAnswers.includes(key)) });
        else if (sentAnswers.length > 0) void recordBoothAnswers(saved.lead.id, sentAnswers);
        return true;
      } catch (error) {
        scheduleDraft(); // not saved: the form stays a draft, as before the save was tried
        set({ saveWaiting: false });
        const { message, fieldErrors, code } = toUiError(error);
        if (fieldErrors.cardScanId !== undefined) {
          // The photo is gone (removed as unsaved, or saved with another lead): say so on the
          // photo; the next Enter saves the lead without it.
          resetScan();
          set({ saving: false, lastSaved: null, scanLost: `${message} Press Enter to save the lead without the photo.` });
          return false;
        }
        const hasFieldErrors = Object.keys(fieldErrors).length > 0;
        set({
          saving: false,
          // The previous confirmation next to a "not saved" message would only confuse.
          lastSaved: null,
          fieldErrors,
          entryError: hasFieldErrors
            ? 'Not saved yet: fix what is marked below, then press Enter again. Everything you typed is still here.'
            : code === 'busy'
              ? `Not saved yet. ${message} Everything you typed is kept as a draft: press Enter to save it then.`
              : `Not saved yet. ${message}`,
        });
        return false;
      } finally {
        clearTimeout(waitingNotice);
      }
    }

    function clearForm(): void {
      set({ form: EMPTY_LEAD_FORM, fieldErrors: {}, entryError: null, draftRestored: false });
      resetScan();
      clearBadge();
      setAsideOpenQueueItem();
      set({ boothTicked: [] });
      writeDraft(null);
    }

    // ── the card scan ──

    /** A scan's reading lands on the form: planned against the form as it is now, so whatever was typed is kept. */
    function landScan(result: CardScanResult, photo: CardPhoto): void {
      const landing = planScanLanding(get().form, result, get().scanFilled);
      fillForm(landing.fill);
      set({
        scanFocus: { field: landing.focusField, serial: (get().scanFocus?.serial ?? 0) + 1 },
        scanBoxes: landing.scanBoxes,
        scanReadImage: null,
        scanPending: null,
        scanPhoto: photo,
        scanId: result.scanId,
        scanText: result.text,
        scanLost: null,
        scanError: null,
        scanNotice: result.notice ?? null,
        scanMarks: landing.scanMarks,
        scanFilled: landing.scanFilled,
        scanSummary: landing.summary,
      });
      scheduleDraft();
      if (Object.keys(landing.scanBoxes).length > 0) void loadReadImage(result.scanId);
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

    /** The person edited the field: it is theirs now, so its mark goes. */
    function forgetScanField(field: LeadFormField): void {
      const { scanMarks, scanFilled } = get();
      if (scanMarks[field] === undefined && scanFilled[field] === undefined) return;
      set({ scanMarks: withoutField(scanMarks, field), scanFilled: withoutField(scanFilled, field) });
    }

    /**
     * A restored draft's scan: its photo comes back from the store. A scan the store no longer
     * has leaves a message on the photo instead (the lead then saves without it).
     */
    async function restoreScan(scanId: string): Promise<void> {
      await scans.run(
        async () => {
          const stored = await api['cards.get']({ scanId });
          return { stored, file: blobFromBase64(stored.imageBase64, stored.imageMime) };
        },
        ({ stored, file }) => {
          const scanBoxes = boxesOf(stored);
          set({ scanPhoto: { file, name: stored.fileName || 'card photo' }, scanId, scanText: stored.text, scanLost: null, scanError: null, scanBoxes });
          if (Object.keys(scanBoxes).length > 0) void loadReadImage(scanId);
        },
        (error) => {
          set({ ...NO_SCAN, scanLost: error.message });
          scheduleDraft();
        },
      );
    }

    /** Drops the scan (and any scan still running): "Clear form", or a photo the store no longer has. */
    function resetScan(): void {
      scans.invalidate();
      set(NO_SCAN);
    }

    /**
     * After a save: drops the scan that went with the saved lead, and a scan that was still
     * running when the save was sent (that card was the saved person's). A scan started since stays.
     */
    function scanSaved(sent: { scanId: string | null; pending: CardPhoto | null }): void {
      const { scanId, scanPending } = get();
      const startedSinceSave = scanPending !== null && scanPending !== sent.pending;
      if (!startedSinceSave) scans.invalidate(); // its result must not fill the next person's form
      if (scanId === sent.scanId) set({ ...NO_SCAN, scanPending: startedSinceSave ? scanPending : null });
      else if (!startedSinceSave) set({ scanPending: null });
    }

    // ── the badge ──

    function applyBadgePayload(text: string): boolean {
      const code = readBadgeCode(text, get().badgeProfiles);
      const refusal = badgeRefusal(code);
      if (refusal !== null || code === null || code.kind === 'unreadable') {
        set({ badgeError: refusal });
        return false;
      }
      if (code.kind === 'id' || code.kind === 'unrecognised') {
        set({ badge: keptBadge(code), badgeError: null });
        scheduleDraft();
        return true;
      }
      const plan = fillPlan(get().form, badgeOffer(code), {});
      fillForm(plan.fill);
      set({
        scanMarks: marksAfterBadge(get().scanMarks, plan),
        badge: contactBadge(code, Object.keys(plan.fill).length, get().badge?.badgeId ?? ''),
        badgeError: null,
      });
      return true;
    }

    function clearBadge(): void {
      set({ badge: null, badgeError: null });
    }

    async function readBadgeImage(file: File, options: { sayWhenNone?: boolean; contactOnly?: boolean } = {}): Promise<boolean> {
      let found: Awaited<ReturnType<typeof readBadgeFromImage>>;
      try {
        found = await readBadgeFromImage(file, { quick: options.contactOnly ?? false });
      } catch {
        found = null; // the reader failed to start: say so like an unreadable photo, the form stays ready
      }
      const text = found?.kind === 'badge' ? found.code.text : null;
      // A business card's QR code is often just the company's website: no badge id, so only contact cards count there.
      if (text !== null && options.contactOnly && !badgeHasContact(readBadgeCode(text, get().badgeProfiles))) return false;
      if (text !== null) return applyBadgePayload(text);
      if (options.sayWhenNone) set({ badgeError: noBadgeMessage(file.name, found) });
      return false;
    }

    async function changeBadgeProfiles(change: () => Promise<BadgeProfile[]>): Promise<boolean> {
      set({ badgeProfileError: null });
      try {
        set({ badgeProfiles: await change() });
        return true;
      } catch (error) {
        set({ badgeProfileError: toUiError(error) });
        return false;
      }
    }

    // ── the capture queue ──

    /** The form holds nobody yet: no typing, no card, no badge, no save on its way. */
    function formIsFree(): boolean {
      const state = get();
      return !formHasInput(state.form) && !state.scanId && !state.scanPending && !state.badge && !state.saving;
    }

    function openNextReady(): void {
      if (!formIsFree()) return;
      const next = get().queue.find((item) => item.status === 'ready' && item.scanId && !setAside.has(item.id));
      if (next) void openQueueItem(next.id);
    }

    function applyQueue(items: QueueItem[]): void {
      const open = get().openQueueItemId;
      set({ queue: items, ...(open && !items.some((item) => item.id === open) && { openQueueItemId: null }) });
      openNextReady();
    }

    async function openQueueItem(itemId: string): Promise<void> {
      const item = get().queue.find((known) => known.id === itemId);
      if (!item?.scanId || !formIsFree()) return;
      setAside.delete(itemId);
      set({ openQueueItemId: itemId });
      try {
        const stored = await api['cards.get']({ scanId: item.scanId });
        // Someone started typing meanwhile: their lead comes first.
        if (get().openQueueItemId !== itemId || !formIsFree()) return;
        scans.invalidate(); // a scan still running belongs to the card that was in the form before
        landScan(stored, { file: blobFromBase64(stored.imageBase64, stored.imageMime), name: stored.fileName || 'card photo' });
      } catch (error) {
        set({ openQueueItemId: null, queueError: toUiError(error).message });
      }
    }

    /** After a save: the saved card's item is done; the next card that is ready opens. */
    function queueItemSaved(scanId: string | null): void {
      if (!scanId) return;
      // The main process removed the item with the save; the event may come a moment later.
      set({ queue: get().queue.filter((item) => item.scanId !== scanId), openQueueItemId: null });
      openNextReady();
    }

    /** "Clear form" on a queued card: it stays in the queue but does not open again by itself. */
    function setAsideOpenQueueItem(): void {
      const open = get().openQueueItemId;
      if (open) setAside.add(open);
      set({ openQueueItemId: null });
    }

    // ── the booth questions ──

    /** After a capture merged into an existing lead: records the ticked answers on it and clears them (a new lead carries them in leads.create). */
    async function recordBoothAnswers(leadId: string, ticked: string[]): Promise<void> {
      set({ boothTicked: get().boothTicked.filter((key) => !ticked.includes(key)), boothQuestionsError: null });
      if (ticked.length === 0) return;
      try {
        // One change: the answers are stored together and the show's automatic rule runs once, after all of them.
        await api['qualification.answerMany']({ leadId, answers: ticked.map((key) => ({ key, state: 'met' as const })) });
      } catch (error) {
        set({
          boothQuestionsError: `The lead is saved, but ${ticked.map((key) => `“${key}”`).join(', ')} could not be recorded: ${toUiError(error).message} Tick them on the lead's page.`,
        });
      }
    }

    return {
      form: EMPTY_LEAD_FORM,
      fieldErrors: {},
      entryError: null,
      saving: false,
      saveWaiting: false,
      lastSaved: null,
      draftRestored: false,
      draftWarning: null,
      duplicates: null,
      ...NO_SCAN,
      reviewField: null,
      scanFocus: null,
      badge: null,
      badgeError: null,
      badgeProfiles: [],
      badgeProfileError: null,
      queue: [],
      queueSending: 0,
      queueError: null,
      openQueueItemId: null,
      boothQuestions: [],
      boothTicked: [],
      boothQuestionsError: null,

      setField(field, value) {
        editFields({ [field]: value });
      },

      setName(typed) {
        editFields(namePartsOf(typed));
      },

      saveLead(options = {}) {
        return saveWith('saved', async (lead) => {
          // Read before any wait, as saveWith reads them: the ticks the person saw when pressing Enter.
          const boothAnswers = get().boothTicked.map((key) => ({ key, state: 'met' as const }));
          if (!options.saveAnyway) {
            const matches = await duplicatesOf(lead);
            if (matches.length > 0) return matches;
          }
          // The show and staff member the header shows are the ones the lead is filed under.
          const { settings } = get();
          return api['leads.create']({
            ...lead,
            ...(settings.currentEventId && { eventId: settings.currentEventId }),
            ...(settings.staffName && { capturedBy: settings.staffName }),
            ...(boothAnswers.length > 0 && { boothAnswers }),
            clearDraft: true,
          });
        });
      },

      mergeIntoDuplicate(intoId) {
        return saveWith('merged', async ({ cardScanId, ...lead }) =>
          api['leads.merge']({ intoId, lead, ...(cardScanId && { cardScanId }), clearDraft: true }),
        );
      },

      swapField(field) {
        const partner = SWAP_PARTNERS[field];
        if (!partner) return false;
        const { form } = get();
        const [mine, theirs] = [form[field], form[partner]];
        editFields({ [field]: theirs });
        editFields({ [partner]: mine });
        return true;
      },

      dismissDuplicates() {
        set({ duplicates: null });
      },

      clearForm,

      async restoreDraft() {
        const draft = await api['drafts.get']({});
        if (!draft) return;
        set({ form: formFromDraft(draft.fields), draftRestored: true });
        set({ badge: badgeFromDraft(draft.fields[DRAFT_BADGE_KEY]), badgeError: null });
        const scanId = draft.fields[DRAFT_SCAN_KEY];
        if (scanId) await restoreScan(scanId);
      },

      flushDraft() {
        if (draftTimer === undefined) return;
        writeDraft(draftOf(get().form));
      },

      async scanCard(file) {
        if (file.size > MAX_CARD_FILE_BYTES) {
          scans.invalidate();
          set({ scanPending: null, scanError: `${file.name} is larger than 30 MB: use a smaller photo of the card.` });
          return;
        }
        set({ scanPending: { file, name: file.name }, scanError: null, scanLost: null });
        // A QR code with a contact card on the card or badge fills the fields at once; the OCR adds what it lacks.
        void readBadgeImage(file, { contactOnly: true });
        await scans.run(
          async () => {
            const imageBase64 = await readFileAsBase64(file);
            const result = await api['cards.scan']({ imageBase64, fileName: file.name });
            // A save in flight decides whose card this is: if it was sent while this scan ran,
            // scanSaved() retires the scan and the result is dropped, not put into the next
            // person's form. If the save fails, the result still fills the unsaved lead.
            if (get().saving) await untilSaveSettles(store);
            return result;
          },
          (result) => landScan(result, { file, name: file.name }),
          // An earlier successful scan of this lead (photo, marks, scan id) stays as it was.
          (error) => set({ scanPending: null, scanError: scanErrorMessage(error) }),
        );
      },

      acceptCardValue(field) {
        const mark = get().scanMarks[field];
        if (mark?.kind !== 'differs') return;
        editFields({ [field]: mark.cardValue });
        // It came from the card: a better scan may replace it, as any scanned value.
        set({ scanFilled: { ...get().scanFilled, [field]: mark.cardValue } });
      },

      setReviewField(field) {
        if (get().reviewField !== field) set({ reviewField: field });
      },

      dismissLostScan() {
        set({ scanLost: null });
      },

      async loadBadgeProfiles() {
        try {
          set({ badgeProfiles: await api['events.badgeProfiles']({}) });
        } catch {
          // Without the show's profiles the built-in ones still read; an unknown layout is kept raw and flagged.
          set({ badgeProfiles: [] });
        }
      },

      saveBadgeProfile: (profile) => changeBadgeProfiles(() => api['events.saveBadgeProfile']({ profile })),
      removeBadgeProfile: (name) => changeBadgeProfiles(() => api['events.removeBadgeProfile']({ name })),
      applyBadgePayload,
      readBadgeImage,
      clearBadge,

      async loadQueue() {
        try {
          applyQueue(await api['cards.queue']({}));
        } catch (error) {
          set({ queueError: toUiError(error).message });
        }
      },

      applyQueue,

      async enqueueFiles(files) {
        set({ queueError: null, queueSending: get().queueSending + files.length });
        const refused: string[] = [];
        // One photo per call, in order: a 20-photo batch is never one 100 MB message.
        for (const file of files) {
          try {
            if (file.size > MAX_CARD_FILE_BYTES) throw new Error(`${file.name} is larger than 30 MB: use a smaller photo of the card.`);
            const item = await api['cards.enqueue']({ imageBase64: await readFileAsBase64(file), fileName: file.name });
            // The event usually arrives first; this keeps the list right where events are slow.
            if (!get().queue.some((known) => known.id === item.id)) set({ queue: [...get().queue, item] });
          } catch (error) {
            refused.push(toUiError(error).fieldErrors.imageBase64 ?? toUiError(error).message);
          } finally {
            set({ queueSending: get().queueSending - 1 });
          }
        }
        if (refused.length > 0) set({ queueError: refused.join(' ') });
      },

      openQueueItem,

      async retryQueueItem(itemId) {
        try {
          await api['cards.retry']({ itemId });
        } catch (error) {
          set({ queueError: toUiError(error).message });
        }
      },

      async removeQueueItem(itemId) {
        try {
          await api['cards.dequeue']({ itemId });
          set({ queue: get().queue.filter((item) => item.id !== itemId) });
          if (get().openQueueItemId === itemId) {
            set({ openQueueItemId: null });
            clearForm();
          }
        } catch (error) {
          set({ queueError: toUiError(error).message });
        }
      },

      async loadBoothQuestions(eventId) {
        await boothLoads.run(
          () => api['qualification.checklist']({ eventId }),
          (checklist) => {
            const questions = checklist.criteria.filter((criterion) => criterion.askAtBooth);
            set({ boothQuestions: questions, boothTicked: get().boothTicked.filter((key) => questions.some((question) => question.key === key)) });
          },
          // No questions shown: the lead can still be saved and qualified later.
          () => set({ boothQuestions: [] }),
        );
      },

      toggleBoothQuestion(key) {
        const ticked = get().boothTicked;
        set({ boothTicked: ticked.includes(key) ? ticked.filter((other) => other !== key) : [...ticked, key] });
      },
    };
  };
};
