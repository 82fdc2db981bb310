import type { ActivityType } from '../../../shared/domain/activity';
import type { LeadPatch } from '../../../shared/domain/lead';
import type { CriterionState } from '../../../shared/domain/qualification';
import type { ChannelInput, ConversionSuggestions, FollowupEmail, LeadDetail } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { toUiError, type UiError } from './ui-error';

export type ConversionRequestInput = ChannelInput<'conversion.convert'>;

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
  answerCriterion(key: string, state: CriterionState, extra?: { value?: string; note?: string }): Promise<boolean>;
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

export const createLeadDetailSlice: SliceCreator<LeadDetailSlice> = ({ api }) => {
  // A newer open (another lead) makes the answer to an older one stale.
  let latestOpen = 0;

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

    return {
      leadDetail: null,
      leadDetailLoading: false,
      leadDetailError: null,
      leadActionError: null,
      leadSaving: false,
      conversionSuggestions: null,
      cardPhotos: {},

      async openLeadDetail(leadId) {
        const request = ++latestOpen;
        const sameLead = currentLeadId() === leadId;
        set({
          leadDetailLoading: true,
          leadDetailError: null,
          ...(!sameLead && { leadDetail: null, leadActionError: null, conversionSuggestions: null }),
        });
        try {
          const detail = await api['leads.detail']({ id: leadId });
          if (request !== latestOpen) return;
          set({ leadDetail: detail, leadDetailLoading: false });
        } catch (error) {
          if (request !== latestOpen) return;
          set({ leadDetailLoading: false, leadDetailError: toUiError(error).message });
        }
      },

      async reloadLeadDetail() {
        const leadId = currentLeadId();
        if (leadId) await get().openLeadDetail(leadId);
      },

      saveLeadChanges: (patch) => act((id) => api['leads.update']({ id, patch })),

      answerCriterion: (key, state, extra = {}) =>
        act((leadId) =>
          api['qualification.answer']({
            leadId,
            key,
            state,
            ...(extra.value !== undefined && { value: extra.value }),
            ...(extra.note !== undefined && { note: extra.note }),
          }),
        ),

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
