import { useAppStore } from '../store/app-store';
import type { ListFilters } from '../store/leads-slice';
import { FILTER_FIELDS, FILTER_OPTIONS, type SelectFilterKey } from './filter-options';

export { METHOD_LABELS } from './filter-options';

/** One labelled select of a filter, "Any" first, then the filter's choices. */
function FilterSelect<K extends SelectFilterKey>({ filter }: { filter: K }) {
  const value = useAppStore((state) => state.filters[filter]);
  const setFilters = useAppStore((state) => state.setFilters);
  const { label, controlId } = FILTER_FIELDS[filter];
  const options: ReadonlyArray<readonly [string, string]> = FILTER_OPTIONS[filter];
  return (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      {/* The options are exactly ListFilters[K]'s values, so the chosen one is one of them. */}
      <select id={controlId} value={value} onChange={(event) => setFilters({ [filter]: event.target.value as ListFilters[K] } as Partial<ListFilters>)}>
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

/** The review list's filters, each a labelled control, in the panel the filter bar opens. */
export function ReviewFilters({ id }: { id: string }) {
  const filters = useAppStore((state) => state.filters);
  const setFilters = useAppStore((state) => state.setFilters);

  return (
    <fieldset className="review-filters" id={id}>
      <legend className="visually-hidden">Filters</legend>
      <FilterSelect filter="status" />
      <FilterSelect filter="rating" />
      <div className="field">
        <label htmlFor={FILTER_FIELDS.capturedBy.controlId}>{FILTER_FIELDS.capturedBy.label}</label>
        <input
          id={FILTER_FIELDS.capturedBy.controlId}
          type="text"
          value={filters.capturedBy}
          placeholder="Staff name"
          autoComplete="off"
          onChange={(event) => setFilters({ capturedBy: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={FILTER_FIELDS.from.controlId}>{FILTER_FIELDS.from.label}</label>
        <input id={FILTER_FIELDS.from.controlId} type="date" value={filters.from} onChange={(event) => setFilters({ from: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={FILTER_FIELDS.to.controlId}>to</label>
        <input id={FILTER_FIELDS.to.controlId} type="date" value={filters.to} onChange={(event) => setFilters({ to: event.target.value })} />
      </div>
      <FilterSelect filter="consent" />
      <FilterSelect filter="captureMethod" />
      <FilterSelect filter="exported" />
      <FilterSelect filter="duplicate" />
    </fieldset>
  );
}
