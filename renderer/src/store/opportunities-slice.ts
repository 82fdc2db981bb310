import type { OpportunityStage } from '../../../shared/domain/opportunity';
import type { OpportunityListItem } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { CRM_PAGE_SIZE, pagedSearch } from './paged-search';

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

export const createOpportunitiesSlice: SliceCreator<OpportunitiesSlice> = ({ api, searchDelayMs }) => (set, get) => {
  const list = pagedSearch<OpportunityListItem>({
    fetch(offset) {
      const query = get().opportunitiesQuery.trim();
      const stage = get().opportunitiesStage;
      return api['opportunities.list']({ limit: CRM_PAGE_SIZE + 1, offset, ...(query !== '' && { query }), ...(stage !== null && { stage }) });
    },
    read: () => {
      const { opportunities, opportunitiesHasMore, opportunitiesLoading, opportunitiesLoadingMore, opportunitiesError } = get();
      return { rows: opportunities, hasMore: opportunitiesHasMore, loading: opportunitiesLoading, loadingMore: opportunitiesLoadingMore, error: opportunitiesError };
    },
    write: (patch) =>
      set({
        ...(patch.rows !== undefined && { opportunities: patch.rows }),
        ...(patch.hasMore !== undefined && { opportunitiesHasMore: patch.hasMore }),
        ...(patch.loading !== undefined && { opportunitiesLoading: patch.loading }),
        ...(patch.loadingMore !== undefined && { opportunitiesLoadingMore: patch.loadingMore }),
        ...(patch.error !== undefined && { opportunitiesError: patch.error }),
      }),
    searchDelayMs,
  });

  return {
    opportunitiesQuery: '',
    opportunitiesStage: null,
    opportunities: [],
    opportunitiesHasMore: false,
    opportunitiesLoading: false,
    opportunitiesLoadingMore: false,
    opportunitiesError: null,

    setOpportunitiesQuery(query) {
      set({ opportunitiesQuery: query });
      list.searchChanged();
    },
    setOpportunitiesStage(stage) {
      set({ opportunitiesStage: stage });
      list.filterChanged();
    },
    loadOpportunities: list.loadFirstPage,
    loadMoreOpportunities: list.loadMore,
  };
};
