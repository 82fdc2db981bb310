import type { SliceCreator } from './app-state';
import { toUiError } from './ui-error';

/** "Forget this person": the one action that deletes for good, so it has its own state. */
export interface ForgetSlice {
  /** The lead being forgotten right now, if any. */
  forgettingLeadId: string | null;
  forgetError: string | null;
  /** Deletes the lead, its photos and search entries for good; true when done. */
  forgetLead(leadId: string): Promise<boolean>;
}

export const createForgetSlice: SliceCreator<ForgetSlice> =
  ({ api }) =>
  (set, get) => ({
    forgettingLeadId: null,
    forgetError: null,

    async forgetLead(leadId) {
      set({ forgettingLeadId: leadId, forgetError: null });
      try {
        await api['leads.forget']({ id: leadId });
      } catch (error) {
        set({ forgettingLeadId: null, forgetError: toUiError(error).message });
        return false;
      }
      const { route, goBack, loadFirstPage } = get();
      set({ forgettingLeadId: null });
      // The list is read again: the person is gone from every page of it.
      void loadFirstPage();
      // The screen showing the person has nothing left to show.
      if (route.screen === 'lead' && route.leadId === leadId) goBack({ screen: 'leads' });
      return true;
    },
  });
