import type { Ref } from 'react';
import { currentEvent } from '../store/session-slice';
import { useAppStore } from '../store/app-store';
import type { LeadsScope } from '../store/leads-slice';

/** The search box (results as you type) and which shows to look in. */
export function LeadsSearchBar({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const query = useAppStore((state) => state.query);
  const scope = useAppStore((state) => state.scope);
  const showName = useAppStore((state) => currentEvent(state)?.name ?? 'this show');
  const setQuery = useAppStore((state) => state.setQuery);
  const setScope = useAppStore((state) => state.setScope);
  return (
    <div className="search-bar review-search" role="search">
      <div className="field search-field">
        <label htmlFor="leads-search" className="visually-hidden">
          Search leads
        </label>
        <input
          id="leads-search"
          type="search"
          ref={inputRef}
          value={query}
          placeholder="Search name, company, email or notes"
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <div className="field scope-field">
        <label htmlFor="leads-scope" className="visually-hidden">
          Look in
        </label>
        <select id="leads-scope" value={scope} onChange={(event) => setScope(event.target.value as LeadsScope)}>
          <option value="show">{showName}</option>
          <option value="all">All shows</option>
        </select>
      </div>
    </div>
  );
}
