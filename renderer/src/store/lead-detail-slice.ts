import type { ActivityType } from '../../../shared/domain/activity';
import type { LeadPatch } from '../../../shared/domain/lead';
import type { CriterionState } from '../../../shared/domain/qualification';
import type { ChannelInput, ConversionSuggestions, FollowupEmail, LeadDetail } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { toUiError, type UiError } from './ui-error';
import { latestRequest } from './latest-request';

type ConversionRequestInput = ChannelInput<'conversion.convert'>;

/** What was typed into one criterion's amount/answer and note (only the parts typed). */
interface CriterionEdit {
  value?: string;
  note?: string;
}

/** Typed checklist text of one lead, not stored yet: stored on that lead even after another one is opened. */
interface PendingCriterionEdits {
  leadId: string;
  byKey: Record<string, CriterionEdit>;
}

export interface LeadDetailSlice {
  leadDetail: LeadDetail | null;
  leadDetailLoading: boolean;
  /** Loading failed (the lead is gone, the host restarted…). */
  leadDetailError: string | null;
  /** The last action on the lead that failed, with its per-field messages. */
  leadActionError: UiError | null;
  leadSaving: boolean;
  conversionSuggestions: ConversionSuggestions | null;
  /** data: URLs of stored card photos, by scan id. */
  cardPhotos: Record<string, string>;

  openLeadDetail(leadId: string): Promise<void>;
  reloadLeadDetail(): Promise<void>;
  /** Saves edits to the lead's fields, status or rating; true when saved. */
  saveLeadChanges(patch: LeadPatch): Promise<boolean>;
  /**
   * Sets a criterion's answer (met / not met / unknown), together with what was typed into its
   * amount and note and not stored yet. The answer already selected, with nothing new typed,
   * changes and logs nothing.
   */
  answerCriterion(key: string, state: CriterionState, extra?: CriterionEdit): Promise<boolean>;
  /** Amounts and notes typed into a lead's checklist and not stored yet, by criterion key (null: none). */
  criterionEdits: PendingCriterionEdits | null;
  /** Something was typed into a criterion's amount or note: shown at once, stored after a pause in typing. */
  editCriterion(key: string, edit: CriterionEdit): void;
  /** Stores what was typed now (leaving the field, leaving the screen, closing the window). */
  flushCriterionEdits(): Promise<void>;
  /** The last failure to log an activity on the lead (shown at the activity form). */
  leadActivityError: UiError | null;
  logLeadActivity(input: { type: ActivityType; outcome: string; text: string; occurredAt?: string }): Promise<boolean>;
  composeFollowup(): Promise<FollowupEmail | null>;
  recordFollowup(via: 'mail_client' | 'eml_file'): Promise<void>;
  loadConversionSuggestions(accountId?: string): Promise<void>;
  convertLeadNow(request: Omit<ConversionRequestInput, 'leadId'>): Promise<boolean>;
  undoLeadConversion(): Promise<boolean>;
  loadCardPhoto(scanId: string): Promise<void>;
  /** A checked mailto:/https: address to the system (Electron; browser mode opens it in the page). */
  openExternal(url: string): Promise<void>;
  clearLeadActionError(): void;
}

export const createLeadDetailSlice: SliceCreator<LeadDetailSlice> = ({ api, criterionSaveDelayMs = 1500 }) => {
  // A newer open (another lead) makes the answer to an older one stale.
  const opens = latestRequest();
  // Typed checklist text is stored after a pause in typing (see StoreDependencies.criterionSaveDelayMs).
  let criterionTimer: ReturnType<typeof setTimeout> | undefined;
  // Stores run one after another, so an older text can never land after a newer one.
  let criterionWrites: Promise<void> = Promise.resolve();

  return (set, get) => {
    function currentLeadId(): string | null {
      return get().leadDetail?.lead.id ?? null;
    }

    /** Runs an action on the open lead; a failure is kept for the screen, the detail reloads on success. */
    async function act(action: (leadId: string) => Promise<unknown>): Promise<boolean> {
      const leadId = currentLeadId();
      if (!leadId) return false;
      set({ leadSaving: true, leadActionError: null });
      try {
        await action(leadId);
        await get().reloadLeadDetail();
        set({ leadSaving: false });
        return true;
      } catch (error) {
        set({ leadSaving: false, leadActionError: toUiError(error) });
        return false;
      }
    }

    /** Drops the pending edits that equal what was just stored (text typed since then stays pending). */
    function forgetStoredEdits(stored: PendingCriterionEdits): void {
      const current = get().criterionEdits;
      if (!current || current.leadId !== stored.leadId) return;
      const remaining = { ...current.byKey };
      for (const [key, edit] of Object.entries(stored.byKey)) {
        const pending = remaining[key];
        if (pending && pending.value === edit.value && pending.note === edit.note) delete remaining[key];
      }
      set({ criterionEdits: Object.keys(remaining).length > 0 ? { leadId: stored.leadId, byKey: remaining } : null });
    }

    /** Stores every pending checklist edit as ONE change; each keeps its row's current answer. */
    async function storePendingEdits(): Promise<void> {
      const sent = get().criterionEdits;
      if (!sent) return;
      const { leadId } = sent;
      const detail = get().leadDetail;
      const stateOf = (key: string): CriterionState =>
        (detail?.lead.id === leadId ? detail.qualification.answers.find((answer) => answer.key === key)?.state : undefined) ?? 'unknown';
      try {
        await api['qualification.answerMany']({
          leadId,
          answers: Object.entries(sent.byKey).map(([key, edit]) => ({ key, state: stateOf(key), ...edit })),
        });
      } catch (error) {
        // Kept as typed (still shown): the next pause or blur tries again.
        set({ leadActionError: toUiError(error) });
        return;
      }
      if (currentLeadId() === leadId) await get().reloadLeadDetail();
      forgetStoredEdits(sent);
    }

    return {
      leadDetail: null,
      leadDetailLoading: false,
      leadDetailError: null,
      leadActionError: null,
      leadSaving: false,
      conversionSuggestions: null,
      cardPhotos: {},

      async openLeadDetail(leadId) {
        const sameLead = currentLeadId() === leadId;
        // Text typed into the previous lead's checklist is stored on that lead before this one shows.
        if (!sameLead && get().criterionEdits) void get().flushCriterionEdits();
        set({
          leadDetailLoading: true,
          leadDetailError: null,
          ...(!sameLead && { leadDetail: null, leadActionError: null, conversionSuggestions: null }),
        });
        await opens.run(
          () => api['leads.detail']({ id: leadId }),
          (detail) => set({ leadDetail: detail, leadDetailLoading: false }),
          (error) => set({ leadDetailLoading: false, leadDetailError: error.message }),
        );
      },

      async reloadLeadDetail() {
        const leadId = currentLeadId();
        if (leadId) await get().openLeadDetail(leadId);
      },

      saveLeadChanges: (patch) => act((id) => api['leads.update']({ id, patch })),

      async answerCriterion(key, state, extra = {}) {
        const pending = get().criterionEdits;
        if (pending && pending.leadId !== currentLeadId()) await get().flushCriterionEdits();
        // What was typed into this row and not stored yet goes with the answer, in the same change.
        const typed = { ...get().criterionEdits?.byKey[key], ...extra };
        const answered = await act((id) =>
          api['qualification.answer']({
            leadId: id,
            key,
            state,
            ...(typed.value !== undefined && { value: typed.value }),
            ...(typed.note !== undefined && { note: typed.note }),
          }),
        );
        const leadId = currentLeadId();
        if (answered && leadId) forgetStoredEdits({ leadId, byKey: { [key]: typed } });
        return answered;
      },

      criterionEdits: null,

      editCriterion(key, edit) {
        const leadId = currentLeadId();
        if (!leadId) return;
        const pending = get().criterionEdits;
        if (pending && pending.leadId !== leadId) void get().flushCriterionEdits();
        const byKey = pending?.leadId === leadId ? pending.byKey : {};
        set({ criterionEdits: { leadId, byKey: { ...byKey, [key]: { ...byKey[key], ...edit } } } });
        clearTimeout(criterionTimer);
        criterionTimer = setTimeout(() => void get().flushCriterionEdits(), criterionSaveDelayMs);
      },

      flushCriterionEdits() {
        clearTimeout(criterionTimer);
        criterionTimer = undefined;
        criterionWrites = criterionWrites.then(storePendingEdits);
        return criterionWrites;
      },

      leadActivityError: null,

      async logLeadActivity(input) {
        set({ leadActivityError: null });
        const logged = await act((leadId) => api['activities.log']({ leadId, ...input }));
        // The form shows its own failure, not the banner at the top of the lead.
        if (!logged) set({ leadActivityError: get().leadActionError, leadActionError: null });
        return logged;
      },

      async composeFollowup() {
        const leadId = currentLeadId();
        if (!leadId) return null;
        set({ leadActionError: null });
        try {
          return await api['activities.followup']({ leadId });
        } catch (error) {
          set({ leadActionError: toUiError(error) });
          return null;
        }
      },

      async recordFollowup(via) {
        await act((leadId) => api['activities.recordFollowup']({ leadId, via }));
      },

      async loadConversionSuggestions(accountId) {
        const leadId = currentLeadId();
        if (!leadId) return;
        try {
          const suggestions = await api['conversion.suggestions']({ leadId, ...(accountId !== undefined && { accountId }) });
          if (currentLeadId() === leadId) set({ conversionSuggestions: suggestions });
        } catch (error) {
          set({ leadActionError: toUiError(error) });
        }
      },

      convertLeadNow: (request) => act((leadId) => api['conversion.convert']({ leadId, ...request })),

      undoLeadConversion: () => act((leadId) => api['conversion.undo']({ leadId })),

      async loadCardPhoto(scanId) {
        if (get().cardPhotos[scanId]) return;
        try {
          const photo = await api['cards.photo']({ scanId });
          set({ cardPhotos: { ...get().cardPhotos, [scanId]: `data:${photo.mime};base64,${photo.imageBase64}` } });
        } catch (error) {
          set({ leadActionError: toUiError(error) });
        }
      },

      async openExternal(url) {
        try {
          await api['app.openExternal']({ url });
        } catch (error) {
          set({ leadActionError: toUiError(error) });
        }
      },

      clearLeadActionError: () => set({ leadActionError: null }),
    };
  };
};
