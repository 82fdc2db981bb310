import { CAPTURE_METHODS, LEAD_RATINGS, LEAD_STATUSES } from '../../../shared/domain/lead';
import { REVIEW_SORT_KEYS, type ReviewSortKey } from '../../../shared/domain/review';
import { useAppStore } from '../store/app-store';
import { NO_FILTERS, type ListFilters } from '../store/leads-slice';

export const METHOD_LABELS: Record<(typeof CAPTURE_METHODS)[number], string> = {
  card_scan: 'Card scan',
  badge_scan: 'Badge scan',
  typed: 'Typed',
  imported: 'Imported',
};

const SORT_LABELS: Record<ReviewSortKey, string> = {
  captured: 'Captured time',
  name: 'Name',
  company: 'Company',
  status: 'Status',
  rating: 'Rating',
};

/** Words for the sort's direction, per key: what a person sees first. */
function directionLabel(by: ReviewSortKey, direction: 'asc' | 'desc'): string {
  if (by === 'captured') return direction === 'desc' ? 'newest first' : 'oldest first';
  if (by === 'name' || by === 'company') return direction === 'asc' ? 'A to Z' : 'Z to A';
  if (by === 'status') return direction === 'asc' ? 'New first' : 'Converted first';
  return direction === 'asc' ? 'Hot first' : 'not rated first';
}

export function sortDescription(by: ReviewSortKey, direction: 'asc' | 'desc'): string {
  return `${SORT_LABELS[by].toLowerCase()}, ${directionLabel(by, direction)}`;
}

function activeFilterCount(filters: ListFilters): number {
  return (Object.keys(NO_FILTERS) as Array<keyof ListFilters>).filter((key) => filters[key] !== NO_FILTERS[key]).length;
}

/** The review list's filters and sort, each a labelled control in one row that wraps. */
export function ReviewFilters() {
  const filters = useAppStore((state) => state.filters);
  const sort = useAppStore((state) => state.sort);
  const setFilters = useAppStore((state) => state.setFilters);
  const clearFilters = useAppStore((state) => state.clearFilters);
  const setSort = useAppStore((state) => state.setSort);
  const active = activeFilterCount(filters);

  return (
    <fieldset className="review-filters">
      <legend className="visually-hidden">Filter and sort</legend>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" value={filters.status} onChange={(event) => setFilters({ status: event.target.value as ListFilters['status'] })}>
          <option value="">Any</option>
          {LEAD_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-rating">Rating</label>
        <select id="filter-rating" value={filters.rating} onChange={(event) => setFilters({ rating: event.target.value as ListFilters['rating'] })}>
          <option value="">Any</option>
          {LEAD_RATINGS.map((rating) => (
            <option key={rating} value={rating}>
              {rating}
            </option>
          ))}
          <option value="none">Not rated</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-captured-by">Captured by</label>
        <input
          id="filter-captured-by"
          type="text"
          value={filters.capturedBy}
          placeholder="Staff name"
          autoComplete="off"
          onChange={(event) => setFilters({ capturedBy: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-from">Captured from</label>
        <input id="filter-from" type="date" value={filters.from} onChange={(event) => setFilters({ from: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">to</label>
        <input id="filter-to" type="date" value={filters.to} onChange={(event) => setFilters({ to: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="filter-consent">Consent</label>
        <select id="filter-consent" value={filters.consent} onChange={(event) => setFilters({ consent: event.target.value as ListFilters['consent'] })}>
          <option value="">Any</option>
          <option value="given">Given</option>
          <option value="missing">Not recorded</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-method">How captured</label>
        <select
          id="filter-method"
          value={filters.captureMethod}
          onChange={(event) => setFilters({ captureMethod: event.target.value as ListFilters['captureMethod'] })}
        >
          <option value="">Any</option>
          {CAPTURE_METHODS.map((method) => (
            <option key={method} value={method}>
              {METHOD_LABELS[method]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-exported">Exported</label>
        <select id="filter-exported" value={filters.exported} onChange={(event) => setFilters({ exported: event.target.value as ListFilters['exported'] })}>
          <option value="">Any</option>
          <option value="no">Not yet</option>
          <option value="yes">Exported</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-duplicate">Possible duplicate</label>
        <select
          id="filter-duplicate"
          value={filters.duplicate}
          onChange={(event) => setFilters({ duplicate: event.target.value as ListFilters['duplicate'] })}
        >
          <option value="">Any</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="sort-by">Sort by</label>
        <select
          id="sort-by"
          value={sort.by}
          onChange={(event) => {
            const by = event.target.value as ReviewSortKey;
            // Each key starts in the order people expect: newest, A to Z, New, Hot.
            setSort({ by, direction: by === 'captured' ? 'desc' : 'asc' });
          }}
        >
          {REVIEW_SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sort-direction">Order</label>
        <select
          id="sort-direction"
          value={sort.direction}
          onChange={(event) => setSort({ by: sort.by, direction: event.target.value as 'asc' | 'desc' })}
        >
          <option value={sort.by === 'captured' ? 'desc' : 'asc'}>{directionLabel(sort.by, sort.by === 'captured' ? 'desc' : 'asc')}</option>
          <option value={sort.by === 'captured' ? 'asc' : 'desc'}>{directionLabel(sort.by, sort.by === 'captured' ? 'asc' : 'desc')}</option>
        </select>
      </div>
      {active > 0 && (
        <button type="button" className="button-quiet clear-filters" onClick={clearFilters}>
          Clear {active} {active === 1 ? 'filter' : 'filters'}
        </button>
      )}
    </fieldset>
  );
}
