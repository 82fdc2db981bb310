import type { Account } from '../../../shared/domain/crm';
import type { AppState } from '../store/app-state';
import { AccountListItem } from './AccountListItem';
import { SearchedRecordsScreen, type SearchedRecords } from './SearchedRecordsScreen';

function selectAccounts(state: AppState): SearchedRecords<Account> {
  return {
    query: state.accountsQuery,
    rows: state.accounts,
    hasMore: state.accountsHasMore,
    loading: state.accountsLoading,
    loadingMore: state.accountsLoadingMore,
    error: state.accountsError,
    setQuery: state.setAccountsQuery,
    load: state.loadAccounts,
    loadMore: state.loadMoreAccounts,
  };
}

/** Every account (company) conversion has made, with search as you type. */
export function AccountsScreen() {
  return (
    <SearchedRecordsScreen
      title="Accounts"
      idPrefix="accounts"
      select={selectAccounts}
      searchLabel="Search accounts"
      searchPlaceholder="Company name or web domain"
      order="A to Z"
      renderRow={(account) => <AccountListItem key={account.id} account={account} />}
      empty={{
        title: 'No accounts yet.',
        hint: 'An account is made when a lead is converted: open a lead and convert it, or let the show’s automatic rule do it (Show setup).',
      }}
      noMatch={{ title: (query) => `No account matches “${query}”.`, hint: 'Try fewer letters or check the spelling.' }}
    />
  );
}
