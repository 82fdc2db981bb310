import type { ContactListItem } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { CRM_PAGE_SIZE, pagedSearch } from './paged-search';

/** The Contacts list (people across every account): search as you type, paged with "Load more". Names are prefixed: the store is one flat object. */
export interface ContactsSlice {
  contactsQuery: string;
  contacts: ContactListItem[];
  contactsHasMore: boolean;
  contactsLoading: boolean;
  contactsLoadingMore: boolean;
  contactsError: string | null;

  setContactsQuery(query: string): void;
  loadContacts(): Promise<void>;
  loadMoreContacts(): Promise<void>;
}

export const createContactsSlice: SliceCreator<ContactsSlice> = ({ api, searchDelayMs }) => (set, get) => {
  const list = pagedSearch<ContactListItem>({
    fetch(offset) {
      const query = get().contactsQuery.trim();
      return api['contacts.list']({ limit: CRM_PAGE_SIZE + 1, offset, ...(query !== '' && { query }) });
    },
    read: () => {
      const { contacts, contactsHasMore, contactsLoading, contactsLoadingMore, contactsError } = get();
      return { rows: contacts, hasMore: contactsHasMore, loading: contactsLoading, loadingMore: contactsLoadingMore, error: contactsError };
    },
    write: (patch) =>
      set({
        ...(patch.rows !== undefined && { contacts: patch.rows }),
        ...(patch.hasMore !== undefined && { contactsHasMore: patch.hasMore }),
        ...(patch.loading !== undefined && { contactsLoading: patch.loading }),
        ...(patch.loadingMore !== undefined && { contactsLoadingMore: patch.loadingMore }),
        ...(patch.error !== undefined && { contactsError: patch.error }),
      }),
    searchDelayMs,
  });

  return {
    contactsQuery: '',
    contacts: [],
    contactsHasMore: false,
    contactsLoading: false,
    contactsLoadingMore: false,
    contactsError: null,

    setContactsQuery(query) {
      set({ contactsQuery: query });
      list.searchChanged();
    },
    loadContacts: list.loadFirstPage,
    loadMoreContacts: list.loadMore,
  };
};
