import { displayName, type LeadContactField } from '../../../shared/domain/lead';
import { DRAFT_BADGE_KEY, DRAFT_SCAN_KEY, type LikelyDuplicate, type SavedLead } from '../../../shared/ipc/contract';
import {
  EMPTY_LEAD_FORM,
  formFromDraft,
  formHasInput,
  newLeadFromForm,
  type LeadForm,
  type LeadFormField,
} from '../capture/model/lead-form-model';
import { namePartsOf } from '../capture/model/name-field';
import type { SliceCreator } from './app-state';
import type { BadgeReading } from './badge-slice';
import { toUiError } from './ui-error';

/** What the confirmation after a save says. */
export interface SavedLeadSummary {
  id: string;
  name: string;
  missingForExport: LeadContactField[];
  /** "Merge into it" put the capture into this existing lead (the confirmation says "Merged into …", not "Saved"). */
  merged: boolean;
}

export interface EntrySlice {
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

  setField(field: LeadFormField, value: string): void;
  /** The Name field: what was typed is split into first and last name, the fields a lead stores. */
  setName(typed: string): void;
  /** Writes what a card scan read (the scan slice decided which fields it may change). */
  fillFromCard(values: Partial<LeadForm>): void;
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
  /** Empties the form on purpose ("Clear form"), dropping the draft too. */
  clearForm(): void;
  restoreDraft(): Promise<void>;
  /** Something kept with the draft besides the form changed (a badge, a scan): write the draft soon. */
  noteDraftChange(): void;
  /** Writes a pending draft now (the window is closing). */
  flushDraft(): void;
}

type LeadToSave = ReturnType<typeof newLeadFromForm>;

/** Fields a card or a hurried typist puts in each other's place. */
export const SWAP_PARTNERS: Partial<Record<LeadFormField, LeadFormField>> = {
  firstName: 'lastName',
  lastName: 'firstName',
  phone: 'mobile',
  mobile: 'phone',
  title: 'company',
  company: 'title',
};


function badgeFromDraft(json: string | undefined): BadgeReading | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Partial<BadgeReading>;
    return typeof value.format === 'string' && typeof value.badgeId === 'string' && typeof value.summary === 'string'
      ? (value as BadgeReading)
      : null;
  } catch {
    return null; // a damaged draft entry loses only the badge line, never the typed fields
  }
}

/** A save normally takes milliseconds; past this, the person is told why they are waiting. */
const SAVE_WAITING_NOTICE_MS = 1_500;

export const createEntrySlice: SliceCreator<EntrySlice> = ({ api, draftSaveDelayMs }) => {
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  // Draft writes run one after another, so an older draft can never land after a newer one.
  let draftWrites: Promise<void> = Promise.resolve();

  return (set, get) => {
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
      for (const field of edited) if (before[field] !== values[field]) get().forgetScanField(field);
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
     * `store` returns the saved lead, or the duplicates that stopped it.
     */
    async function saveWith(how: 'saved' | 'merged', store: (lead: LeadToSave) => Promise<SavedLead | LikelyDuplicate[]>): Promise<boolean> {
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
        const saved = await store(
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
        get().scanSaved(sentScan);
        if (get().badge === sentBadge) get().clearBadge();
        writeDraft(draftOf(next));
        get().queueItemSaved(sentScan.scanId);
        if (sentAnswers.length > 0) void get().recordBoothAnswers(saved.lead.id, sentAnswers);
        return true;
      } catch (error) {
        scheduleDraft(); // not saved: the form stays a draft, as before the save was tried
        set({ saveWaiting: false });
        const { message, fieldErrors, code } = toUiError(error);
        if (fieldErrors.cardScanId !== undefined) {
          // The photo is gone (removed as unsaved, or saved with another lead): say so on the
          // photo; the next Enter saves the lead without it.
          get().resetScan();
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

      setField(field, value) {
        editFields({ [field]: value });
      },

      setName(typed) {
        editFields(namePartsOf(typed));
      },

      fillFromCard(values) {
        const filled = Object.keys(values);
        if (filled.length === 0) return;
        const otherErrors = Object.fromEntries(Object.entries(get().fieldErrors).filter(([key]) => !filled.includes(key)));
        set({ form: { ...get().form, ...values }, fieldErrors: otherErrors, draftRestored: false });
        scheduleDraft();
      },

      saveLead(options = {}) {
        return saveWith('saved', async (lead) => {
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
        get().setField(field, theirs);
        get().setField(partner, mine);
        return true;
      },

      dismissDuplicates() {
        set({ duplicates: null });
      },
      clearForm() {
        set({ form: EMPTY_LEAD_FORM, fieldErrors: {}, entryError: null, draftRestored: false });
        get().resetScan();
        get().clearBadge();
        get().setAsideOpenQueueItem();
        set({ boothTicked: [] });
        writeDraft(null);
      },

      async restoreDraft() {
        const draft = await api['drafts.get']({});
        if (!draft) return;
        set({ form: formFromDraft(draft.fields), draftRestored: true });
        get().restoreBadge(badgeFromDraft(draft.fields[DRAFT_BADGE_KEY]));
        const scanId = draft.fields[DRAFT_SCAN_KEY];
        if (scanId) await get().restoreScan(scanId);
      },

      noteDraftChange() {
        scheduleDraft();
      },

      flushDraft() {
        if (draftTimer === undefined) return;
        writeDraft(draftOf(get().form));
      },
    };
  };
};
