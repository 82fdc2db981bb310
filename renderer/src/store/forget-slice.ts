import type { ForgetPreview, ForgottenLead } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { toUiError } from './ui-error';

/** "Forget this person": the one action that deletes for good, so it has its own state. */
export interface ForgetSlice {
  /** The lead being forgotten right now, if any. */
  forgettingLeadId: string | null;
  forgetError: string | null;
  /** The backups that hold the lead the confirmation is open for (null while looking). */
  forgetPreview: (ForgetPreview & { leadId: string }) | null;
  /** What the last forget did beyond the lead, shown on the list the screen goes back to. */
  forgetNotice: string | null;
  /** Looks up which backups in the app's folder hold the person, for the confirmation. */
  loadForgetPreview(leadId: string): Promise<void>;
  /** Deletes the lead, its photos, search entries and every copy in the live store (and, asked, in the backups); true when done. */
  forgetLead(leadId: string, options?: { fromBackups?: boolean }): Promise<boolean>;
  dismissForgetNotice(): void;
}

/** One sentence on what went beyond the lead, or null when there is nothing to add. */
function noticeOf(result: ForgottenLead): string | null {
  const parts: string[] = [];
  if (result.draftCleared) parts.push('the half-typed lead at the booth');
  if (result.unclaimedScansRemoved > 0) parts.push(`${result.unclaimedScansRemoved} unsaved card scan(s)`);
  if (result.queueItemsRemoved > 0) parts.push(`${result.queueItemsRemoved} item(s) of the capture queue`);
  const sentences: string[] = [];
  if (parts.length > 0) sentences.push(`Also removed: ${parts.join(', ')}.`);
  if (result.backupsCleaned.length > 0) sentences.push(`Removed from ${result.backupsCleaned.length} backup(s).`);
  if (result.backupsStillHolding.length > 0) {
    sentences.push(`Still in ${result.backupsStillHolding.length} backup(s): ${result.backupsStillHolding.map((backup) => backup.name).join(', ')}.`);
  }
  if (result.backupErrors.length > 0) sentences.push(`Not rewritten (left as they were): ${result.backupErrors.join('; ')}.`);
  if (result.cleanupPending) sentences.push(result.cleanupPending);
  return sentences.length > 0 ? `Forgotten. ${sentences.join(' ')}` : null;
}

export const createForgetSlice: SliceCreator<ForgetSlice> =
  ({ api }) =>
  (set, get) => ({
    forgettingLeadId: null,
    forgetError: null,
    forgetPreview: null,
    forgetNotice: null,

    async loadForgetPreview(leadId) {
      set({ forgetPreview: null, forgetError: null });
      try {
        const preview = await api['leads.forgetPreview']({ id: leadId });
        set({ forgetPreview: { ...preview, leadId } });
      } catch (error) {
        set({ forgetError: `Could not look through the backups: ${toUiError(error).message}` });
      }
    },

    async forgetLead(leadId, options = {}) {
      set({ forgettingLeadId: leadId, forgetError: null });
      let result: ForgottenLead;
      try {
        result = await api['leads.forget']({ id: leadId, ...(options.fromBackups && { fromBackups: true }) });
      } catch (error) {
        set({ forgettingLeadId: null, forgetError: toUiError(error).message });
        return false;
      }
      // The booth form still holds the person in memory: the next draft write would bring them back.
      if (result.draftCleared) get().clearForm();
      const { route, goBack, loadFirstPage } = get();
      set({ forgettingLeadId: null, forgetPreview: null, forgetNotice: noticeOf(result) });
      // The list is read again: the person is gone from every page of it.
      void loadFirstPage();
      // The screen showing the person has nothing left to show.
      if (route.screen === 'lead' && route.leadId === leadId) goBack({ screen: 'leads' });
      return true;
    },

    dismissForgetNotice() {
      set({ forgetNotice: null });
    },
  });
