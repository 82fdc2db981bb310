import { useEffect, useRef } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { AccountListItem } from './AccountListItem';
import { CrmSearchField } from './CrmSearchField';
import { EmptyRecords, LoadMoreButton } from './RecordListParts';

/** Every account (company) conversion has made, with search as you type. */
export function AccountsScreen() {
  const query = useAppStore((state) => state.accountsQuery);
  const accounts = useAppStore((state) => state.accounts);
  const hasMore = useAppStore((state) => state.accountsHasMore);
  const loading = useAppStore((state) => state.accountsLoading);
  const loadingMore = useAppStore((state) => state.accountsLoadingMore);
  const error = useAppStore((state) => state.accountsError);
  const setQuery = useAppStore((state) => state.setAccountsQuery);
  const loadAccounts = useAppStore((state) => state.loadAccounts);
  const loadMore = useAppStore((state) => state.loadMoreAccounts);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    searchRef.current?.focus();
    // Fresh on every visit: a conversion elsewhere may have added one.
    void loadAccounts();
  }, [loadAccounts]);

  const searched = query.trim() !== '';
  return (
    <section className="crm-screen" aria-labelledby="accounts-title">
      <h2 id="accounts-title" className="screen-title">
        Accounts
      </h2>
      <div className="search-bar search-bar-single" role="search">
        <CrmSearchField
          id="accounts-search"
          label="Search accounts"
          placeholder="Company name or web domain"
          value={query}
          inputRef={searchRef}
          onChange={setQuery}
        />
      </div>
      <ErrorBanner message={error} />
      <p className="list-status" aria-live="polite">
        {loading ? 'Searching…' : accounts.length > 0 ? `A to Z · ${accounts.length}${hasMore ? '+' : ''} shown` : ''}
      </p>
      {accounts.length > 0 ? (
        <ul className="record-list" aria-label="Accounts" aria-busy={loading}>
          {accounts.map((account) => (
            <AccountListItem key={account.id} account={account} />
          ))}
        </ul>
      ) : (
        !loading &&
        !error && (
          <EmptyRecords
            filtered={searched}
            title={searched ? `No account matches “${query.trim()}”.` : 'No accounts yet.'}
            hint={
              searched
                ? 'Try fewer letters or check the spelling.'
                : 'An account is made when a lead is converted: open a lead and convert it, or let the show’s automatic rule do it (Show setup).'
            }
            clearLabel="Clear the search"
            onClear={() => setQuery('')}
          />
        )
      )}
      <LoadMoreButton hasMore={hasMore} loading={loadingMore} onLoad={loadMore} />
    </section>
  );
}
