import type { Contact } from '../../../shared/domain/crm';
import { ContactRow } from './ContactRow';

/** An account's contacts: each row opens the contact. */
export function ContactList({ contacts }: { contacts: Contact[] }) {
  if (contacts.length === 0) return <p className="section-hint">No contacts at this account yet.</p>;
  return (
    <ul className="record-list" aria-label="Contacts">
      {contacts.map((contact) => (
        <ContactRow key={contact.id} contact={contact} />
      ))}
    </ul>
  );
}
