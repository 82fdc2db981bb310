import { latestRequest } from './latest-request';

/** CRM lists page by offset: one row more than a page is asked for, so "Load more" only shows when there is more. */
export const CRM_PAGE_SIZE = 50;

/** A paged list as its slice holds it (the slice names the fields: the store is one flat object). */
export interface PagedList<Row> {
  rows: Row[];
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
}

export interface PagedSearch {
  /** The words changed: older answers are dropped, the first page loads after a pause in typing. */
  searchChanged(): void;
  /** A filter picked from a list changed: older answers are dropped, the first page loads at once. */
  filterChanged(): void;
  loadFirstPage(): Promise<void>;
  /** "Load more": the next page of the same list, unless one is loading or there is no more. */
  loadMore(): Promise<void>;
}

/**
 * A list searched as the person types and paged with "Load more" (Accounts, Opportunities), on
 * the store's one request pattern (latest-request.ts). `fetch` asks for CRM_PAGE_SIZE + 1 rows
 * from `offset` with the slice's current words and filters.
 */
export function pagedSearch<Row>(options: {
  fetch(offset: number): Promise<Row[]>;
  read(): PagedList<Row>;
  write(patch: Partial<PagedList<Row>>): void;
  searchDelayMs: number;
}): PagedSearch {
  const { fetch, read, write, searchDelayMs } = options;
  const requests = latestRequest();
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  function pageOf(rows: Row[]): { rows: Row[]; hasMore: boolean } {
    return { rows: rows.slice(0, CRM_PAGE_SIZE), hasMore: rows.length > CRM_PAGE_SIZE };
  }

  function changed(): void {
    requests.invalidate();
    write({ hasMore: false, loadingMore: false });
  }

  async function loadFirstPage(): Promise<void> {
    clearTimeout(searchTimer);
    write({ loading: true, error: null });
    await requests.run(
      () => fetch(0),
      (answer) => write({ ...pageOf(answer), loading: false, loadingMore: false }),
      (error) => write({ loading: false, error: error.message }),
    );
  }

  return {
    searchChanged() {
      changed();
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void loadFirstPage(), searchDelayMs);
    },
    filterChanged() {
      changed();
      void loadFirstPage();
    },
    loadFirstPage,
    async loadMore() {
      const { hasMore, loading, loadingMore, rows } = read();
      if (!hasMore || loading || loadingMore) return;
      write({ loadingMore: true, error: null });
      await requests.run(
        () => fetch(rows.length),
        (answer) => {
          const page = pageOf(answer);
          write({ rows: [...read().rows, ...page.rows], hasMore: page.hasMore, loadingMore: false });
        },
        (error) => write({ loadingMore: false, error: error.message }),
        { appends: true },
      );
    },
  };
}
