import type { Account } from '../../../shared/domain/crm';
import type { SliceCreator } from './app-state';
import { CRM_PAGE_SIZE, pageOf } from './crm-paging';
import { toUiError } from './ui-error';

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

export const createAccountsSlice: SliceCreator<AccountsSlice> = ({ api, searchDelayMs }) => {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  // A response whose number is no longer the latest belongs to older words and is dropped.
  let latestRequest = 0;

  return (set, get) => {
    function listInput(offset: number) {
      const query = get().accountsQuery.trim();
      return { limit: CRM_PAGE_SIZE + 1, offset, ...(query !== '' && { query }) };
    }

    return {
      accountsQuery: '',
      accounts: [],
      accountsHasMore: false,
      accountsLoading: false,
      accountsLoadingMore: false,
      accountsError: null,

      setAccountsQuery(query) {
        latestRequest++;
        set({ accountsQuery: query, accountsHasMore: false, accountsLoadingMore: false });
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => void get().loadAccounts(), searchDelayMs);
      },

      async loadAccounts() {
        clearTimeout(searchTimer);
        const request = ++latestRequest;
        set({ accountsLoading: true, accountsError: null });
        try {
          const page = pageOf(await api['accounts.list'](listInput(0)));
          if (request !== latestRequest) return;
          set({ accounts: page.rows, accountsHasMore: page.hasMore, accountsLoading: false, accountsLoadingMore: false });
        } catch (error) {
          if (request !== latestRequest) return;
          set({ accountsLoading: false, accountsError: toUiError(error).message });
        }
      },

      async loadMoreAccounts() {
        const { accountsHasMore, accountsLoading, accountsLoadingMore, accounts } = get();
        if (!accountsHasMore || accountsLoading || accountsLoadingMore) return;
        const request = latestRequest;
        set({ accountsLoadingMore: true, accountsError: null });
        try {
          const page = pageOf(await api['accounts.list'](listInput(accounts.length)));
          if (request !== latestRequest) return;
          set({ accounts: [...get().accounts, ...page.rows], accountsHasMore: page.hasMore, accountsLoadingMore: false });
        } catch (error) {
          if (request !== latestRequest) return;
          set({ accountsLoadingMore: false, accountsError: toUiError(error).message });
        }
      },
    };
  };
};
