import type { Lead } from '../../../shared/domain/lead';
import type { SliceCreator } from './app-state';
import { toUiError } from './ui-error';

/** Which leads the list shows: the current show's, or every show's. */
export type LeadsScope = 'show' | 'all';

export interface LeadsSlice {
  query: string;
  scope: LeadsScope;
  items: Lead[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  listError: string | null;
  /** The query the items belong to (the box may already hold newer text). */
  shownQuery: string;
  /** Where the list was when a lead was opened from it, so going back lands there again. */
  listPosition: { leadId: string; scrollY: number } | null;

  /** Search as you type: the request goes out after a short pause in typing. */
  setQuery(query: string): void;
  setScope(scope: LeadsScope): void;
  loadFirstPage(): Promise<void>;
  loadMore(): Promise<void>;
  rememberListPosition(position: { leadId: string; scrollY: number } | null): void;
}

export const LEADS_PAGE_SIZE = 50;

export const createLeadsSlice: SliceCreator<LeadsSlice> = ({ api, searchDelayMs }) => {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  // Every request takes a number; a response whose number is no longer the latest is stale and dropped.
  let latestRequest = 0;

  return (set, get) => {
    function listInput(after?: string) {
      const { query, scope, settings } = get();
      const eventId = scope === 'show' ? (settings.currentEventId ?? undefined) : undefined;
      return {
        limit: LEADS_PAGE_SIZE,
        ...(query.trim() !== '' && { query: query.trim() }),
        ...(eventId !== undefined && { eventId }),
        ...(after !== undefined && { after }),
      };
    }

    return {
      query: '',
      scope: 'show',
      items: [],
      nextCursor: null,
      loading: false,
      loadingMore: false,
      listError: null,
      shownQuery: '',
      listPosition: null,

      rememberListPosition: (position) => set({ listPosition: position }),

      setQuery(query) {
        // The cursor belongs to the previous words: "Load more" must not mix two searches.
        latestRequest++;
        set({ query, nextCursor: null, loadingMore: false });
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => void get().loadFirstPage(), searchDelayMs);
      },

      setScope(scope) {
        latestRequest++;
        set({ scope, nextCursor: null, loadingMore: false });
        void get().loadFirstPage();
      },

      async loadFirstPage() {
        clearTimeout(searchTimer);
        const request = ++latestRequest;
        const query = get().query;
        set({ loading: true, listError: null, nextCursor: null });
        try {
          const page = await api['leads.list'](listInput());
          if (request !== latestRequest) return;
          set({ items: page.items, nextCursor: page.nextCursor, loading: false, loadingMore: false, shownQuery: query });
        } catch (error) {
          if (request !== latestRequest) return;
          set({ loading: false, listError: toUiError(error).message });
        }
      },

      async loadMore() {
        const { nextCursor, loadingMore, loading } = get();
        // While the first page reloads, the old cursor may skip a lead: wait for the new one.
        if (!nextCursor || loadingMore || loading) return;
        const request = latestRequest; // A new search while this loads makes it stale.
        set({ loadingMore: true, listError: null });
        try {
          const page = await api['leads.list'](listInput(nextCursor));
          if (request !== latestRequest) return;
          set({ items: [...get().items, ...page.items], nextCursor: page.nextCursor, loadingMore: false });
        } catch (error) {
          if (request !== latestRequest) return;
          set({ loadingMore: false, listError: toUiError(error).message });
        }
      },
    };
  };
};
