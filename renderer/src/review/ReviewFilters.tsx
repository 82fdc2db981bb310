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

/** The filters chosen from a list: every value a select can hold (strings, "" meaning any). */
type SelectFilterKey = 'status' | 'rating' | 'consent' | 'captureMethod' | 'exported' | 'duplicate';

/** One labelled select of a filter, "Any" first, then `options` as [value, words] pairs. */
function FilterSelect<K extends SelectFilterKey>({ filter, id, label, options }: { filter: K; id: string; label: string; options: ReadonlyArray<readonly [ListFilters[K], string]> }) {
  const value = useAppStore((state) => state.filters[filter]);
  const setFilters = useAppStore((state) => state.setFilters);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {/* The options are exactly ListFilters[K]'s values, so the chosen one is one of them. */}
      <select id={id} value={value} onChange={(event) => setFilters({ [filter]: event.target.value as ListFilters[K] } as Partial<ListFilters>)}>
        <option value="">Any</option>
        {options.map(([optionValue, words]) => (
          <option key={optionValue} value={optionValue}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
}

const STATUS_OPTIONS = LEAD_STATUSES.map((status) => [status, status] as const);
const RATING_OPTIONS = [...LEAD_RATINGS.map((rating) => [rating, rating] as const), ['none', 'Not rated'] as const];
const CONSENT_OPTIONS = [['given', 'Given'], ['missing', 'Not recorded']] as const;
const METHOD_OPTIONS = CAPTURE_METHODS.map((method) => [method, METHOD_LABELS[method]] as const);
const EXPORTED_OPTIONS = [['no', 'Not yet'], ['yes', 'Exported']] as const;
const DUPLICATE_OPTIONS = [['yes', 'Yes'], ['no', 'No']] as const;

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
      <FilterSelect filter="status" id="filter-status" label="Status" options={STATUS_OPTIONS} />
      <FilterSelect filter="rating" id="filter-rating" label="Rating" options={RATING_OPTIONS} />
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
      <FilterSelect filter="consent" id="filter-consent" label="Consent" options={CONSENT_OPTIONS} />
      <FilterSelect filter="captureMethod" id="filter-method" label="How captured" options={METHOD_OPTIONS} />
      <FilterSelect filter="exported" id="filter-exported" label="Exported" options={EXPORTED_OPTIONS} />
      <FilterSelect filter="duplicate" id="filter-duplicate" label="Possible duplicate" options={DUPLICATE_OPTIONS} />
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
