import type { ActivityType } from '../../../shared/domain/activity';
import type { OpportunityStage } from '../../../shared/domain/opportunity';
import type { OpportunityDetail } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { toUiError, type UiError } from './ui-error';
import { latestRequest } from './latest-request';

interface OpportunityActivityInput {
  type: ActivityType;
  /** UTC ISO 8601; left out means now. */
  occurredAt?: string;
  outcome: string;
  text: string;
}

export interface OpportunityEdits {
  name: string;
  amount: number | null;
  closeDate: string;
  stage: OpportunityStage;
  lostReason: string;
}

/** One opportunity's page: its record, moving it through the stages, and logging what was done. */
export interface OpportunitySlice {
  opportunityDetail: OpportunityDetail | null;
  opportunityDetailError: string | null;
  stageSaving: boolean;
  /** Field key: lostReason. */
  stageError: UiError | null;
  activitySaving: boolean;
  /** Field keys: type, occurredAt, outcome, text. */
  activityError: UiError | null;

  opportunityEditSaving: boolean;
  /** Field keys: name, amount, closeDate, stage, lostReason. */
  opportunityEditError: UiError | null;

  loadOpportunity(id: string): Promise<void>;
  /**
   * Saves what changed of the open opportunity's name, amount, close date and stage (a close
   * date left as it was lets Closed Won set the day it was won); true when saved.
   */
  saveOpportunityEdits(changes: Partial<OpportunityEdits>): Promise<boolean>;
  clearOpportunityEditError(): void;
  /** Moves the open opportunity; true when it moved. */
  moveOpportunityStage(stage: OpportunityStage, lostReason?: string): Promise<boolean>;
  clearStageError(): void;
  /** Logs a call, email, meeting or note on the open opportunity; true when saved. */
  logOpportunityActivity(input: OpportunityActivityInput): Promise<boolean>;
}

export const createOpportunitySlice: SliceCreator<OpportunitySlice> = ({ api }) => {
  const requests = latestRequest();

  return (set, get) => ({
    opportunityDetail: null,
    opportunityDetailError: null,
    stageSaving: false,
    stageError: null,
    activitySaving: false,
    activityError: null,
    opportunityEditSaving: false,
    opportunityEditError: null,

    async loadOpportunity(id) {
      if (get().opportunityDetail?.opportunity.id !== id) {
        set({ opportunityDetail: null, stageError: null, activityError: null, opportunityEditError: null });
      }
      set({ opportunityDetailError: null });
      await requests.run(
        () => api['opportunities.get']({ id }),
        (detail) => set({ opportunityDetail: detail }),
        (error) => set({ opportunityDetailError: error.message }),
      );
    },

    async moveOpportunityStage(stage, lostReason) {
      const detail = get().opportunityDetail;
      if (!detail || get().stageSaving) return false;
      set({ stageSaving: true, stageError: null });
      try {
        const reason = lostReason?.trim();
        await api['opportunities.setStage']({ id: detail.opportunity.id, stage, ...(reason && { lostReason: reason }) });
        // Read back the whole page: the stage history and probability changed with it.
        await get().loadOpportunity(detail.opportunity.id);
        set({ stageSaving: false });
        return true;
      } catch (error) {
        set({ stageSaving: false, stageError: toUiError(error) });
        return false;
      }
    },

    clearStageError: () => set({ stageError: null }),

    async saveOpportunityEdits(changes) {
      const detail = get().opportunityDetail;
      if (!detail || get().opportunityEditSaving) return false;
      set({ opportunityEditSaving: true, opportunityEditError: null });
      try {
        const { lostReason, ...fields } = changes;
        const reason = lostReason?.trim();
        await api['opportunities.update']({ id: detail.opportunity.id, ...fields, ...(reason && { lostReason: reason }) });
        await get().loadOpportunity(detail.opportunity.id);
        set({ opportunityEditSaving: false });
        return true;
      } catch (error) {
        set({ opportunityEditSaving: false, opportunityEditError: toUiError(error) });
        return false;
      }
    },

    clearOpportunityEditError: () => set({ opportunityEditError: null }),

    async logOpportunityActivity(input) {
      const detail = get().opportunityDetail;
      if (!detail || get().activitySaving) return false;
      set({ activitySaving: true, activityError: null });
      try {
        await api['activities.log']({
          opportunityId: detail.opportunity.id,
          type: input.type,
          ...(input.occurredAt && { occurredAt: input.occurredAt }),
          ...(input.outcome.trim() && { outcome: input.outcome.trim() }),
          ...(input.text.trim() && { text: input.text.trim() }),
        });
        await get().loadOpportunity(detail.opportunity.id);
        set({ activitySaving: false });
        return true;
      } catch (error) {
        set({ activitySaving: false, activityError: toUiError(error) });
        return false;
      }
    },
  });
};
