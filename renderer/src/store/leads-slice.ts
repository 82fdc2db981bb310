import type { CaptureMethod, Lead, LeadRating, LeadStatus } from '../../../shared/domain/lead';
import { DEFAULT_REVIEW_SORT, localDayStart, nextLocalDayStart, type BulkChange, type BulkTarget, type ReviewFilter, type ReviewSort } from '../../../shared/domain/review';
import type { BulkResult } from '../../../shared/ipc/contract';
import {
  clampColumnWidth,
  parseColumnLayout,
  withColumnShown,
  type ReviewColumnKey,
  type ReviewColumnLayout,
} from '../review/model/review-columns';
import type { SliceCreator } from './app-state';
import { latestRequest } from './latest-request';
import { toUiError } from './ui-error';

/** Which leads the list shows: the current show's, or every show's. */
export type LeadsScope = 'show' | 'all';

/** The review list's filters as the form holds them ('' is "any"); dates are local days. */
export interface ListFilters {
  status: LeadStatus | '';
  rating: LeadRating | 'none' | '';
  capturedBy: string;
  /** YYYY-MM-DD, local, inclusive */
  from: string;
  /** YYYY-MM-DD, local, inclusive */
  to: string;
  consent: 'given' | 'missing' | '';
  captureMethod: CaptureMethod | '';
  exported: 'yes' | 'no' | '';
  duplicate: 'yes' | 'no' | '';
}

export const NO_FILTERS: ListFilters = {
  status: '',
  rating: '',
  capturedBy: '',
  from: '',
  to: '',
  consent: '',
  captureMethod: '',
  exported: '',
  duplicate: '',
};

/** Stable empties: a selector must never return a new [] / Set each call. */
const NO_IDS: ReadonlySet<string> = new Set();
const NO_PAGES: Readonly<Record<number, Lead[]>> = {};
const NO_EXPORTS: Readonly<Record<string, string>> = {};

/** Where the review table's columns (which, how wide) are kept between runs of the app. */
export const COLUMN_LAYOUT_KEY = 'leadbooth.review.columns';

interface BulkProgress {
  operation: 'update' | 'delete';
  done: number;
  total: number;
}

export interface LeadsSlice {
  query: string;
  scope: LeadsScope;
  filters: ListFilters;
  sort: ReviewSort;
  /** Leads the filter matches. */
  total: number;
  /** Windows of the list by page number (PAGE_SIZE rows each), loaded as they scroll into view. */
  pages: Readonly<Record<number, Lead[]>>;
  /** Loaded leads the duplicate rule pairs with another. */
  duplicateIds: ReadonlySet<string>;
  /** When each loaded lead last went out in an export (UTC ISO); never-exported leads are absent. */
  exportedAt: Readonly<Record<string, string>>;
  /** The review table's columns: which are shown and how wide, as the person left them. */
  columnLayout: ReviewColumnLayout;
  loading: boolean;
  listError: string | null;
  /** The query the rows belong to (the box may already hold newer text). */
  shownQuery: string;
  /** Where the list was when a lead was opened from it, so going back lands there again. */
  listPosition: { leadId: string; scrollY: number } | null;
  selectedIds: ReadonlySet<string>;
  /** Ctrl+A: every lead the filter matches, loaded or not. */
  allMatching: boolean;
  /** Where a Shift+click range starts. */
  selectionAnchor: number | null;
  bulkProgress: BulkProgress | null;
  bulkMessage: string | null;
  bulkError: { message: string; fieldErrors: Record<string, string> } | null;

  /** Search as you type: the request goes out after a short pause in typing. */
  setQuery(query: string): void;
  setScope(scope: LeadsScope): void;
  setFilters(patch: Partial<ListFilters>): void;
  clearFilters(): void;
  setSort(sort: ReviewSort): void;
  setColumnShown(column: ReviewColumnKey, shown: boolean): void;
  /** In CSS pixels; clamped to what keeps a column usable. */
  setColumnWidth(column: ReviewColumnKey, width: number): void;
  resetColumns(): void;
  loadFirstPage(): Promise<void>;
  /** Loads the pages that rows start…end (inclusive) fall on, if not loaded yet. */
  ensureRows(start: number, end: number): Promise<void>;
  rememberListPosition(position: { leadId: string; scrollY: number } | null): void;
  toggleSelected(index: number): void;
  /** Shift+click: everything between the anchor and this row. */
  selectRange(index: number): Promise<void>;
  selectAllMatching(): void;
  clearSelection(): void;
  bulkUpdate(change: BulkChange): Promise<boolean>;
  deleteSelected(): Promise<boolean>;
  cancelBulk(): Promise<void>;
  setBulkProgress(progress: BulkProgress | null): void;
  /** The list's search, show and filters as the contract's filter: what the list shows, for the list, bulk actions and exports alike. */
  listFilter(): ReviewFilter;
}

export const PAGE_SIZE = 100;
/** A Shift+click range may span this many rows (beyond it, Ctrl+A selects the whole filter). */
const RANGE_LIMIT = 5000;

export function leadAt(pages: Readonly<Record<number, Lead[]>>, index: number): Lead | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

/** The list's state as the contract's filter. */
function apiFilter(state: Pick<LeadsSlice, 'query' | 'scope' | 'filters'> & { settings: { currentEventId: string | null } }): ReviewFilter {
  const { filters } = state;
  const filter: ReviewFilter = {};
  if (state.query.trim()) filter.text = state.query.trim();
  if (state.scope === 'show' && state.settings.currentEventId) filter.eventId = state.settings.currentEventId;
  if (filters.status) filter.status = filters.status;
  if (filters.rating) filter.rating = filters.rating;
  if (filters.capturedBy.trim()) filter.capturedBy = filters.capturedBy.trim();
  const from = filters.from ? localDayStart(filters.from) : undefined;
  const to = filters.to ? nextLocalDayStart(filters.to) : undefined;
  if (from) filter.capturedFrom = from;
  if (to) filter.capturedTo = to;
  if (filters.consent) filter.consent = filters.consent;
  if (filters.captureMethod) filter.captureMethod = filters.captureMethod;
  if (filters.exported) filter.exported = filters.exported;
  if (filters.duplicate) filter.duplicate = filters.duplicate;
  return filter;
}

function describeBulkResult(result: BulkResult, verb: string): string {
  const parts = [`${result.done} ${result.done === 1 ? 'lead' : 'leads'} ${verb}`];
  if (result.unchanged > 0) parts.push(`${result.unchanged} already so`);
  if (result.skippedConverted > 0) parts.push(`${result.skippedConverted} converted ${result.skippedConverted === 1 ? 'lead' : 'leads'} left as they are (read-only)`);
  if (result.cancelled) parts.push('stopped when you cancelled: the rest are unchanged');
  return `${parts.join(' · ')}.`;
}

export const createLeadsSlice: SliceCreator<LeadsSlice> = ({ api, searchDelayMs, preferences }) => {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  // A response to anything but the latest reload (or the pages of its list) is stale and dropped.
  const requests = latestRequest();
  const pagesInFlight = new Set<number>();

  return (set, get) => {
    function resetSelection() {
      return { selectedIds: NO_IDS, allMatching: false, selectionAnchor: null };
    }

    /** One more window of the list on screen (it adds to the latest reload's list). */
    async function fetchPage(page: number): Promise<void> {
      if (pagesInFlight.has(page)) return;
      pagesInFlight.add(page);
      try {
        await requests.run(
          () => api['leads.query']({ filter: apiFilter(get()), sort: get().sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE, withDuplicates: true }),
          (result) => {
            const duplicateIds = new Set(get().duplicateIds);
            for (const id of result.duplicateIds) duplicateIds.add(id);
            set({ pages: { ...get().pages, [page]: result.items }, total: result.total, duplicateIds, exportedAt: { ...get().exportedAt, ...result.exportedAt } });
          },
          (error) => set({ listError: error.message }),
          { appends: true },
        );
      } finally {
        pagesInFlight.delete(page);
      }
    }

    function target(): BulkTarget | null {
      const { allMatching, selectedIds } = get();
      if (allMatching) return { filter: apiFilter(get()) };
      if (selectedIds.size === 0) return null;
      return { ids: [...selectedIds] };
    }

    /** The layout in the store now, and on disk for the next run (a full or blocked storage only loses the memory). */
    function keepColumnLayout(columnLayout: ReviewColumnLayout): void {
      set({ columnLayout });
      try {
        preferences?.setItem(COLUMN_LAYOUT_KEY, JSON.stringify(columnLayout));
      } catch {
        // Not remembered across runs; the table still works with the layout in the store.
      }
    }

    function readColumnLayout(): ReviewColumnLayout {
      try {
        return parseColumnLayout(preferences?.getItem(COLUMN_LAYOUT_KEY) ?? null);
      } catch {
        return parseColumnLayout(null);
      }
    }

    function filtersChanged() {
      requests.invalidate();
      set({ ...resetSelection(), bulkMessage: null });
    }

    return {
      query: '',
      scope: 'show',
      filters: NO_FILTERS,
      sort: DEFAULT_REVIEW_SORT,
      total: 0,
      pages: NO_PAGES,
      duplicateIds: NO_IDS,
      exportedAt: NO_EXPORTS,
      columnLayout: readColumnLayout(),
      loading: false,
      listError: null,
      shownQuery: '',
      listPosition: null,
      selectedIds: NO_IDS,
      allMatching: false,
      selectionAnchor: null,
      bulkProgress: null,
      bulkMessage: null,
      bulkError: null,

      rememberListPosition: (position) => set({ listPosition: position }),

      setQuery(query) {
        filtersChanged();
        set({ query });
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => void get().loadFirstPage(), searchDelayMs);
      },

      setScope(scope) {
        filtersChanged();
        set({ scope });
        void get().loadFirstPage();
      },

      setFilters(patch) {
        filtersChanged();
        set({ filters: { ...get().filters, ...patch } });
        // Typing a name is debounced like the search; picking from a list is not.
        clearTimeout(searchTimer);
        if ('capturedBy' in patch) searchTimer = setTimeout(() => void get().loadFirstPage(), searchDelayMs);
        else void get().loadFirstPage();
      },

      clearFilters() {
        filtersChanged();
        set({ filters: NO_FILTERS });
        void get().loadFirstPage();
      },

      setSort(sort) {
        requests.invalidate();
        set({ sort, selectionAnchor: null });
        void get().loadFirstPage();
      },

      setColumnShown: (column, shown) => keepColumnLayout(withColumnShown(get().columnLayout, column, shown)),

      setColumnWidth(column, width) {
        const { columnLayout } = get();
        const clamped = clampColumnWidth(width);
        if (columnLayout.widths[column] === clamped) return;
        keepColumnLayout({ ...columnLayout, widths: { ...columnLayout.widths, [column]: clamped } });
      },

      resetColumns: () => keepColumnLayout(parseColumnLayout(null)),

      async loadFirstPage() {
        clearTimeout(searchTimer);
        const query = get().query;
        pagesInFlight.clear();
        set({ loading: true, listError: null });
        await requests.run(
          () => api['leads.query']({ filter: apiFilter(get()), sort: get().sort, offset: 0, limit: PAGE_SIZE, withDuplicates: true }),
          (result) =>
            set({
              pages: { 0: result.items },
              total: result.total,
              duplicateIds: result.duplicateIds.length > 0 ? new Set(result.duplicateIds) : NO_IDS,
              exportedAt: result.exportedAt,
              loading: false,
              shownQuery: query,
            }),
          (error) => set({ loading: false, listError: error.message }),
        );
      },

      async ensureRows(start, end) {
        const { total, pages, loading } = get();
        if (loading || total === 0) return;
        const last = Math.min(end, total - 1);
        const wanted: Promise<void>[] = [];
        for (let page = Math.floor(Math.max(0, start) / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
          if (!pages[page]) wanted.push(fetchPage(page));
        }
        await Promise.all(wanted);
      },

      toggleSelected(index) {
        const lead = leadAt(get().pages, index);
        if (!lead) return;
        const { allMatching } = get();
        // Unticking one row of "all matching" keeps the rows that are loaded, minus that one.
        const base = allMatching ? new Set(Object.values(get().pages).flat().map((row) => row.id)) : new Set(get().selectedIds);
        if (base.has(lead.id)) base.delete(lead.id);
        else base.add(lead.id);
        set({ selectedIds: base.size > 0 ? base : NO_IDS, allMatching: false, selectionAnchor: index, bulkMessage: null });
      },

      async selectRange(index) {
        const anchor = get().selectionAnchor ?? index;
        const [from, to] = anchor <= index ? [anchor, index] : [index, anchor];
        const last = Math.min(to, from + RANGE_LIMIT - 1);
        await get().ensureRows(from, last);
        const selected = new Set(get().allMatching ? [] : get().selectedIds);
        for (let row = from; row <= last; row++) {
          const lead = leadAt(get().pages, row);
          if (lead) selected.add(lead.id);
        }
        set({ selectedIds: selected, allMatching: false, bulkMessage: null });
      },

      selectAllMatching() {
        if (get().total === 0) return;
        set({ allMatching: true, selectedIds: NO_IDS, bulkMessage: null });
      },

      clearSelection: () => set(resetSelection()),

      async bulkUpdate(change) {
        const chosen = target();
        if (!chosen) return false;
        set({ bulkError: null, bulkMessage: null, bulkProgress: { operation: 'update', done: 0, total: 0 } });
        try {
          const result = await api['leads.bulkUpdate']({ target: chosen, change });
          set({ bulkProgress: null, bulkMessage: describeBulkResult(result, 'changed'), ...resetSelection() });
          await get().loadFirstPage();
          return true;
        } catch (error) {
          set({ bulkProgress: null, bulkError: toUiError(error) });
          return false;
        }
      },

      async deleteSelected() {
        const chosen = target();
        if (!chosen) return false;
        set({ bulkError: null, bulkMessage: null, bulkProgress: { operation: 'delete', done: 0, total: 0 } });
        try {
          const result = await api['leads.delete']({ target: chosen });
          set({ bulkProgress: null, bulkMessage: describeBulkResult(result, 'deleted'), ...resetSelection() });
          await get().loadFirstPage();
          return true;
        } catch (error) {
          set({ bulkProgress: null, bulkError: toUiError(error) });
          return false;
        }
      },

      async cancelBulk() {
        try {
          await api['leads.cancelBulk']({});
        } catch (error) {
          set({ bulkError: toUiError(error) });
        }
      },

      listFilter: () => apiFilter(get()),

      setBulkProgress(progress) {
        // Only while this window runs one: another window's bulk edit shows up through leads.changed.
        if (get().bulkProgress) set({ bulkProgress: progress });
      },
    };
  };
};
