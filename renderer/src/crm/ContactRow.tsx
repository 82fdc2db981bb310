import type { Contact } from '../../../shared/domain/crm';
import { useAppStore } from '../store/app-store';
import { contactName } from './crm-format';

/** One contact in a list: the whole row opens it. `accountName` is shown when the list spans accounts. */
export function ContactRow({ contact, accountName }: { contact: Contact; accountName?: string }) {
  const navigate = useAppStore((state) => state.navigate);
  return (
    <li>
      <button type="button" className="record-row" onClick={() => navigate({ screen: 'contact', contactId: contact.id })}>
        <span className="record-row-name">{contactName(contact)}</span>
        <span className="record-row-details">{[contact.title, accountName, contact.email, contact.phone || contact.mobile].filter(Boolean).join(' · ')}</span>
      </button>
    </li>
  );
}
