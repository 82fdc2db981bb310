import { useEffect, useRef, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../components/ErrorBanner';
import type { AppState } from '../store/app-state';
import { useAppStore } from '../store/app-store';
import type { PagedList } from '../store/paged-search';
import { CrmSearchField } from './CrmSearchField';
import { EmptyRecords, LoadMoreButton } from './RecordListParts';

/** A searched, paged list as a screen reads it from its slice (store/paged-search.ts), under names of its own. */
export interface SearchedRecords<Row> extends PagedList<Row> {
  query: string;
  setQuery(query: string): void;
  load(): Promise<void>;
  loadMore(): Promise<void>;
}

interface SearchedRecordsScreenProps<Row> {
  /** The screen's heading, also the list's name ("Accounts"). */
  title: string;
  /** Prefix of the screen's element ids ("accounts" → accounts-title, accounts-search). */
  idPrefix: string;
  /** The slice's list under the shared names; a selector defined once, outside the component. */
  select(state: AppState): SearchedRecords<Row>;
  searchLabel: string;
  searchPlaceholder: string;
  /** How the list is sorted, in front of the count ("A to Z"). */
  order: string;
  /** One row: an <li> whose button opens the record. */
  renderRow(row: Row): ReactNode;
  /** What the empty list says when nothing is searched: no record yet, and how the first comes about. */
  empty: { title: string; hint: string };
  /** What the empty list says when the search finds nothing. */
  noMatch: { title(query: string): string; hint: string };
}

/**
 * A screen of records searched as the person types, paged with "Load more" (Accounts,
 * Contacts): the search field focused on arrival, the list read fresh on every visit (a
 * conversion elsewhere may have added a record), a live status line with the count, and the
 * empty and no-match states.
 */
export function SearchedRecordsScreen<Row extends { id: string }>({
  title,
  idPrefix,
  select,
  searchLabel,
  searchPlaceholder,
  order,
  renderRow,
  empty,
  noMatch,
}: SearchedRecordsScreenProps<Row>) {
  const { query, rows, hasMore, loading, loadingMore, error, setQuery, load, loadMore } = useAppStore(useShallow(select));
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    searchRef.current?.focus();
    void load();
  }, [load]);

  const searched = query.trim() !== '';
  return (
    <section className="crm-screen" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`} className="screen-title">
        {title}
      </h2>
      <div className="search-bar search-bar-single" role="search">
        <CrmSearchField id={`${idPrefix}-search`} label={searchLabel} placeholder={searchPlaceholder} value={query} inputRef={searchRef} onChange={setQuery} />
      </div>
      <ErrorBanner message={error} />
      <p className="list-status" aria-live="polite">
        {loading ? 'Searching…' : rows.length > 0 ? `${order} · ${rows.length}${hasMore ? '+' : ''} shown` : ''}
      </p>
      {rows.length > 0 ? (
        <ul className="record-list" aria-label={title} aria-busy={loading}>
          {rows.map(renderRow)}
        </ul>
      ) : (
        !loading &&
        !error && (
          <EmptyRecords
            filtered={searched}
            title={searched ? noMatch.title(query.trim()) : empty.title}
            hint={searched ? noMatch.hint : empty.hint}
            clearLabel="Clear the search"
            onClear={() => setQuery('')}
          />
        )
      )}
      <LoadMoreButton hasMore={hasMore} loading={loadingMore} onLoad={loadMore} />
    </section>
  );
}
