import type { ContactListItem } from '../../../shared/ipc/contract';
import type { AppState } from '../store/app-state';
import { ContactRow } from './ContactRow';
import { SearchedRecordsScreen, type SearchedRecords } from './SearchedRecordsScreen';

function selectContacts(state: AppState): SearchedRecords<ContactListItem> {
  return {
    query: state.contactsQuery,
    rows: state.contacts,
    hasMore: state.contactsHasMore,
    loading: state.contactsLoading,
    loadingMore: state.contactsLoadingMore,
    error: state.contactsError,
    setQuery: state.setContactsQuery,
    load: state.loadContacts,
    loadMore: state.loadMoreContacts,
  };
}

/** Every contact (person) conversion has made, across accounts, with search as you type. */
export function ContactsScreen() {
  return (
    <SearchedRecordsScreen
      title="Contacts"
      idPrefix="contacts"
      select={selectContacts}
      searchLabel="Search contacts"
      searchPlaceholder="First name, last name or email"
      order="By last name"
      renderRow={(contact) => <ContactRow key={contact.id} contact={contact} accountName={contact.accountName} />}
      empty={{
        title: 'No contacts yet.',
        hint: 'A contact is made when a lead is converted: open a lead and convert it, or let the show’s automatic rule do it (Show setup).',
      }}
      noMatch={{ title: (query) => `No contact matches “${query}”.`, hint: 'Search by the start of a first name, last name or email.' }}
    />
  );
}
