import { useEffect, useRef } from 'react';
import { STAGE_NAMES, type OpportunityStage } from '../../../shared/domain/opportunity';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { CrmSearchField } from './CrmSearchField';
import { OpportunityTable } from './OpportunityTable';
import { EmptyRecords, LoadMoreButton } from './RecordListParts';

const ALL_STAGES = '';

/** Every opportunity, soonest close date first, with search as you type and a stage filter. */
export function OpportunitiesScreen() {
  const query = useAppStore((state) => state.opportunitiesQuery);
  const stage = useAppStore((state) => state.opportunitiesStage);
  const opportunities = useAppStore((state) => state.opportunities);
  const hasMore = useAppStore((state) => state.opportunitiesHasMore);
  const loading = useAppStore((state) => state.opportunitiesLoading);
  const loadingMore = useAppStore((state) => state.opportunitiesLoadingMore);
  const error = useAppStore((state) => state.opportunitiesError);
  const setQuery = useAppStore((state) => state.setOpportunitiesQuery);
  const setStage = useAppStore((state) => state.setOpportunitiesStage);
  const loadOpportunities = useAppStore((state) => state.loadOpportunities);
  const loadMore = useAppStore((state) => state.loadMoreOpportunities);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    searchRef.current?.focus();
    void loadOpportunities();
  }, [loadOpportunities]);

  const filtered = query.trim() !== '' || stage !== null;
  return (
    <section className="crm-screen" aria-labelledby="opportunities-title">
      <h2 id="opportunities-title" className="screen-title">
        Opportunities
      </h2>
      <div className="search-bar" role="search">
        <CrmSearchField
          id="opportunities-search"
          label="Search opportunities"
          placeholder="Opportunity name"
          value={query}
          inputRef={searchRef}
          onChange={setQuery}
        />
        <div className="field scope-field">
          <label htmlFor="opportunities-stage">Stage</label>
          <select
            id="opportunities-stage"
            value={stage ?? ALL_STAGES}
            onChange={(event) => setStage(event.target.value === ALL_STAGES ? null : (event.target.value as OpportunityStage))}
          >
            <option value={ALL_STAGES}>All stages</option>
            {STAGE_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBanner message={error} />
      <p className="list-status" aria-live="polite">
        {loading
          ? 'Searching…'
          : opportunities.length > 0
            ? `Soonest close date first · ${opportunities.length}${hasMore ? '+' : ''} shown`
            : ''}
      </p>
      {opportunities.length > 0 ? (
        <OpportunityTable opportunities={opportunities} label="Opportunities, soonest close date first" showAccount />
      ) : (
        !loading &&
        !error && (
          <EmptyRecords
            filtered={filtered}
            title={filtered ? 'No opportunity matches.' : 'No opportunities yet.'}
            hint={
              filtered
                ? 'Try fewer letters, or another stage.'
                : 'An opportunity is made when a lead is converted with a close date: open a lead and convert it, or let the show’s automatic rule do it (Show setup).'
            }
            clearLabel="Show all opportunities"
            onClear={() => {
              setQuery('');
              setStage(null);
            }}
          />
        )
      )}
      <LoadMoreButton hasMore={hasMore} loading={loadingMore} onLoad={loadMore} />
    </section>
  );
}
