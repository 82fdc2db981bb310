import { useEffect, useRef } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { contactName } from './crm-format';
import { CrmSearchField } from './CrmSearchField';
import { EmptyRecords, LoadMoreButton } from './RecordListParts';

/** Every contact (person) conversion has made, across accounts, with search as you type. */
export function ContactsScreen() {
  const query = useAppStore((state) => state.contactsQuery);
  const contacts = useAppStore((state) => state.contacts);
  const hasMore = useAppStore((state) => state.contactsHasMore);
  const loading = useAppStore((state) => state.contactsLoading);
  const loadingMore = useAppStore((state) => state.contactsLoadingMore);
  const error = useAppStore((state) => state.contactsError);
  const setQuery = useAppStore((state) => state.setContactsQuery);
  const loadContacts = useAppStore((state) => state.loadContacts);
  const loadMore = useAppStore((state) => state.loadMoreContacts);
  const navigate = useAppStore((state) => state.navigate);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    searchRef.current?.focus();
    // Fresh on every visit: a conversion elsewhere may have added one.
    void loadContacts();
  }, [loadContacts]);

  const searched = query.trim() !== '';
  return (
    <section className="crm-screen" aria-labelledby="contacts-title">
      <h2 id="contacts-title" className="screen-title">
        Contacts
      </h2>
      <div className="search-bar search-bar-single" role="search">
        <CrmSearchField
          id="contacts-search"
          label="Search contacts"
          placeholder="First name, last name or email"
          value={query}
          inputRef={searchRef}
          onChange={setQuery}
        />
      </div>
      <ErrorBanner message={error} />
      <p className="list-status" aria-live="polite">
        {loading ? 'Searching…' : contacts.length > 0 ? `By last name · ${contacts.length}${hasMore ? '+' : ''} shown` : ''}
      </p>
      {contacts.length > 0 ? (
        <ul className="record-list" aria-label="Contacts" aria-busy={loading}>
          {contacts.map((contact) => (
            <li key={contact.id}>
              <button type="button" className="record-row" onClick={() => navigate({ screen: 'contact', contactId: contact.id })}>
                <span className="record-row-name">{contactName(contact)}</span>
                <span className="record-row-details">
                  {[contact.title, contact.accountName, contact.email, contact.phone || contact.mobile].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        !loading &&
        !error && (
          <EmptyRecords
            filtered={searched}
            title={searched ? `No contact matches “${query.trim()}”.` : 'No contacts yet.'}
            hint={
              searched
                ? 'Search by the start of a first name, last name or email.'
                : 'A contact is made when a lead is converted: open a lead and convert it, or let the show’s automatic rule do it (Show setup).'
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
