import type { Contact } from '../../../shared/domain/crm';
import { useAppStore } from '../store/app-store';
import { contactName } from './crm-format';

/** An account's contacts: each row opens the contact. */
export function ContactList({ contacts }: { contacts: Contact[] }) {
  const navigate = useAppStore((state) => state.navigate);
  if (contacts.length === 0) return <p className="section-hint">No contacts at this account yet.</p>;
  return (
    <ul className="record-list" aria-label="Contacts">
      {contacts.map((contact) => (
        <li key={contact.id}>
          <button type="button" className="record-row" onClick={() => navigate({ screen: 'contact', contactId: contact.id })}>
            <span className="record-row-name">{contactName(contact)}</span>
            <span className="record-row-details">{[contact.title, contact.email, contact.phone || contact.mobile].filter(Boolean).join(' · ')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
