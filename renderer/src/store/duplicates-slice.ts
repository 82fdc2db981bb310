import type { MergeChoices, MergeField } from '../../../shared/domain/merge';
import type { DuplicateGroups } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import type { LeadsScope } from './leads-slice';
import { toUiError } from './ui-error';
import { latestRequest } from './latest-request';

/** The pair being merged: which lead is kept, which goes, and the fields picked so far. */
interface MergeDraft {
  keepId: string;
  otherId: string;
  choices: MergeChoices;
}

export interface DuplicatesSlice {
  duplicateGroups: DuplicateGroups | null;
  duplicatesScope: LeadsScope;
  duplicatesLoading: boolean;
  duplicatesError: string | null;
  mergeDraft: MergeDraft | null;
  merging: boolean;
  mergeError: string | null;
  mergeMessage: string | null;

  loadDuplicates(): Promise<void>;
  setDuplicatesScope(scope: LeadsScope): void;
  startMerge(keepId: string, otherId: string): void;
  swapMerge(): void;
  chooseMergeField(field: MergeField, side: 'keep' | 'other'): void;
  cancelMerge(): void;
  confirmMerge(): Promise<boolean>;
}

export const createDuplicatesSlice: SliceCreator<DuplicatesSlice> = ({ api }) => {
  const requests = latestRequest();
  return (set, get) => ({
    duplicateGroups: null,
    duplicatesScope: 'show',
    duplicatesLoading: false,
    duplicatesError: null,
    mergeDraft: null,
    merging: false,
    mergeError: null,
    mergeMessage: null,

    async loadDuplicates() {
      const eventId = get().duplicatesScope === 'show' ? get().settings.currentEventId : null;
      set({ duplicatesLoading: true, duplicatesError: null });
      await requests.run(
        () => api['duplicates.groups'](eventId ? { eventId } : {}),
        (groups) => set({ duplicateGroups: groups, duplicatesLoading: false }),
        (error) => set({ duplicatesLoading: false, duplicatesError: error.message }),
      );
    },

    setDuplicatesScope(scope) {
      set({ duplicatesScope: scope, mergeDraft: null });
      void get().loadDuplicates();
    },

    startMerge: (keepId, otherId) => set({ mergeDraft: { keepId, otherId, choices: {} }, mergeError: null, mergeMessage: null }),

    swapMerge() {
      const draft = get().mergeDraft;
      if (!draft) return;
      // The picks follow the values, not the sides: what was "other" is now "keep".
      const choices: MergeChoices = {};
      for (const [field, side] of Object.entries(draft.choices) as Array<[MergeField, 'keep' | 'other']>) {
        choices[field] = side === 'keep' ? 'other' : 'keep';
      }
      set({ mergeDraft: { keepId: draft.otherId, otherId: draft.keepId, choices }, mergeError: null });
    },

    chooseMergeField(field, side) {
      const draft = get().mergeDraft;
      if (draft) set({ mergeDraft: { ...draft, choices: { ...draft.choices, [field]: side } } });
    },

    cancelMerge: () => set({ mergeDraft: null, mergeError: null }),

    async confirmMerge() {
      const draft = get().mergeDraft;
      if (!draft || get().merging) return false;
      set({ merging: true, mergeError: null });
      try {
        const saved = await api['duplicates.merge']({ keepId: draft.keepId, otherId: draft.otherId, choices: draft.choices });
        const name = `${saved.lead.firstName} ${saved.lead.lastName}`.trim() || saved.lead.email || 'the lead';
        set({ merging: false, mergeDraft: null, mergeMessage: `Merged into ${name}: both notes, card photos and timelines are on it now.` });
        await get().loadDuplicates();
        return true;
      } catch (error) {
        set({ merging: false, mergeError: toUiError(error).message });
        return false;
      }
    },
  });
};
