import type { Account } from '../../../shared/domain/crm';
import type { SliceCreator } from './app-state';
import { CRM_PAGE_SIZE, pagedSearch } from './paged-search';

/** The Accounts list: search as you type, paged with "Load more". Names are prefixed: the store is one flat object. */
export interface AccountsSlice {
  accountsQuery: string;
  accounts: Account[];
  accountsHasMore: boolean;
  accountsLoading: boolean;
  accountsLoadingMore: boolean;
  accountsError: string | null;

  setAccountsQuery(query: string): void;
  loadAccounts(): Promise<void>;
  loadMoreAccounts(): Promise<void>;
}

export const createAccountsSlice: SliceCreator<AccountsSlice> = ({ api, searchDelayMs }) => (set, get) => {
  const list = pagedSearch<Account>({
    fetch(offset) {
      const query = get().accountsQuery.trim();
      return api['accounts.list']({ limit: CRM_PAGE_SIZE + 1, offset, ...(query !== '' && { query }) });
    },
    read: () => {
      const { accounts, accountsHasMore, accountsLoading, accountsLoadingMore, accountsError } = get();
      return { rows: accounts, hasMore: accountsHasMore, loading: accountsLoading, loadingMore: accountsLoadingMore, error: accountsError };
    },
    write: (patch) =>
      set({
        ...(patch.rows !== undefined && { accounts: patch.rows }),
        ...(patch.hasMore !== undefined && { accountsHasMore: patch.hasMore }),
        ...(patch.loading !== undefined && { accountsLoading: patch.loading }),
        ...(patch.loadingMore !== undefined && { accountsLoadingMore: patch.loadingMore }),
        ...(patch.error !== undefined && { accountsError: patch.error }),
      }),
    searchDelayMs,
  });

  return {
    accountsQuery: '',
    accounts: [],
    accountsHasMore: false,
    accountsLoading: false,
    accountsLoadingMore: false,
    accountsError: null,

    setAccountsQuery(query) {
      set({ accountsQuery: query });
      list.searchChanged();
    },
    loadAccounts: list.loadFirstPage,
    loadMoreAccounts: list.loadMore,
  };
};
