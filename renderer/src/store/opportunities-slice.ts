import type { OpportunityStage } from '../../../shared/domain/opportunity';
import type { OpportunityListItem } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { CRM_PAGE_SIZE, pageOf } from './crm-paging';
import { toUiError } from './ui-error';

/** The Opportunities list: search as you type, a stage filter, paged with "Load more". */
export interface OpportunitiesSlice {
  opportunitiesQuery: string;
  /** null: every stage. */
  opportunitiesStage: OpportunityStage | null;
  opportunities: OpportunityListItem[];
  opportunitiesHasMore: boolean;
  opportunitiesLoading: boolean;
  opportunitiesLoadingMore: boolean;
  opportunitiesError: string | null;

  setOpportunitiesQuery(query: string): void;
  setOpportunitiesStage(stage: OpportunityStage | null): void;
  loadOpportunities(): Promise<void>;
  loadMoreOpportunities(): Promise<void>;
}

export const createOpportunitiesSlice: SliceCreator<OpportunitiesSlice> = ({ api, searchDelayMs }) => {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let latestRequest = 0;

  return (set, get) => {
    function listInput(offset: number) {
      const query = get().opportunitiesQuery.trim();
      const stage = get().opportunitiesStage;
      return { limit: CRM_PAGE_SIZE + 1, offset, ...(query !== '' && { query }), ...(stage !== null && { stage }) };
    }

    return {
      opportunitiesQuery: '',
      opportunitiesStage: null,
      opportunities: [],
      opportunitiesHasMore: false,
      opportunitiesLoading: false,
      opportunitiesLoadingMore: false,
      opportunitiesError: null,

      setOpportunitiesQuery(query) {
        latestRequest++;
        set({ opportunitiesQuery: query, opportunitiesHasMore: false, opportunitiesLoadingMore: false });
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => void get().loadOpportunities(), searchDelayMs);
      },

      setOpportunitiesStage(stage) {
        latestRequest++;
        set({ opportunitiesStage: stage, opportunitiesHasMore: false, opportunitiesLoadingMore: false });
        void get().loadOpportunities();
      },

      async loadOpportunities() {
        clearTimeout(searchTimer);
        const request = ++latestRequest;
        set({ opportunitiesLoading: true, opportunitiesError: null });
        try {
          const page = pageOf(await api['opportunities.list'](listInput(0)));
          if (request !== latestRequest) return;
          set({ opportunities: page.rows, opportunitiesHasMore: page.hasMore, opportunitiesLoading: false, opportunitiesLoadingMore: false });
        } catch (error) {
          if (request !== latestRequest) return;
          set({ opportunitiesLoading: false, opportunitiesError: toUiError(error).message });
        }
      },

      async loadMoreOpportunities() {
        const { opportunitiesHasMore, opportunitiesLoading, opportunitiesLoadingMore, opportunities } = get();
        if (!opportunitiesHasMore || opportunitiesLoading || opportunitiesLoadingMore) return;
        const request = latestRequest;
        set({ opportunitiesLoadingMore: true, opportunitiesError: null });
        try {
          const page = pageOf(await api['opportunities.list'](listInput(opportunities.length)));
          if (request !== latestRequest) return;
          set({
            opportunities: [...get().opportunities, ...page.rows],
            opportunitiesHasMore: page.hasMore,
            opportunitiesLoadingMore: false,
          });
        } catch (error) {
          if (request !== latestRequest) return;
          set({ opportunitiesLoadingMore: false, opportunitiesError: toUiError(error).message });
        }
      },
    };
  };
};
