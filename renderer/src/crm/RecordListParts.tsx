/** The pieces the Accounts and Opportunities lists share below their search: an empty state and "Load more". */

interface EmptyRecordsProps {
  /** A search or filter is narrowing the list: say no record matches and offer to clear it. */
  filtered: boolean;
  title: string;
  hint: string;
  clearLabel: string;
  onClear(): void;
}

/** What to do when a list shows nothing: clear the search, or how the first record comes about. */
export function EmptyRecords({ filtered, title, hint, clearLabel, onClear }: EmptyRecordsProps) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      <p>{hint}</p>
      {filtered && (
        <button type="button" className="button-quiet" onClick={onClear}>
          {clearLabel}
        </button>
      )}
    </div>
  );
}

/** The next page of a list, while there is one. */
export function LoadMoreButton({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad(): Promise<void> }) {
  if (!hasMore) return null;
  return (
    <button type="button" className="button-quiet load-more" onClick={() => void onLoad()} disabled={loading}>
      {loading ? 'Loading…' : 'Load more'}
    </button>
  );
}
