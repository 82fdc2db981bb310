import { useEffect } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { BackButton } from './BackButton';
import { addressOf, contactName } from './crm-format';
import { formatLocalTime } from '../components/date-and-number-format';
import { OpportunityTable } from './OpportunityTable';
import { RecordFacts } from './RecordFacts';
import { useEscapeBack } from './use-escape-back';

/** One contact: its fields, its account, the lead it came from, and the opportunities it has a role in. */
export function ContactDetailScreen({ contactId }: { contactId: string }) {
  const detail = useAppStore((state) => (state.contactDetail?.contact.id === contactId ? state.contactDetail : null));
  const error = useAppStore((state) => state.contactDetailError);
  const loadContact = useAppStore((state) => state.loadContact);
  const navigate = useAppStore((state) => state.navigate);
  useEscapeBack({ screen: 'accounts' });

  useEffect(() => {
    void loadContact(contactId);
  }, [contactId, loadContact]);

  const contact = detail?.contact;
  const fromLead = contact?.convertedFromLeadId;
  return (
    <section className="crm-screen record-page" aria-labelledby="contact-title">
      <BackButton fallback={{ screen: 'accounts' }} />
      <ErrorBanner message={error} />
      {!detail || !contact ? (
        !error && <p className="list-status">Loading the contact…</p>
      ) : (
        <>
          <header className="record-header">
            <p className="record-kind">Contact</p>
            <h2 id="contact-title">{contactName(contact)}</h2>
            <p className="record-subtitle">
              {contact.title && <>{contact.title} at </>}
              <button
                type="button"
                className="button-link"
                onClick={() => navigate({ screen: 'account', accountId: detail.account.id })}
              >
                {detail.account.name}
              </button>
            </p>
          </header>
          <section className="form-section" aria-labelledby="contact-fields">
            <h3 id="contact-fields">Details</h3>
            <RecordFacts
              label="Contact details"
              facts={[
                { label: 'Email', value: contact.email },
                { label: 'Phone', value: contact.phone },
                { label: 'Mobile', value: contact.mobile },
                { label: 'Address', value: addressOf(contact) },
                { label: 'Lead source', value: contact.leadSource },
                {
                  label: 'Came from',
                  value: fromLead ? (
                    <button type="button" className="button-link" onClick={() => navigate({ screen: 'lead', leadId: fromLead })}>
                      Open the lead
                    </button>
                  ) : (
                    ''
                  ),
                },
                { label: 'Created', value: `${formatLocalTime(contact.createdAt)} by ${contact.createdBy}` },
              ]}
            />
          </section>
          <section className="form-section" aria-labelledby="contact-opportunities">
            <h3 id="contact-opportunities">Opportunities ({detail.opportunities.length})</h3>
            {detail.opportunities.length > 0 ? (
              <OpportunityTable opportunities={detail.opportunities} label="Opportunities of this contact" showAccount={false} />
            ) : (
              <p className="section-hint">This contact has no role in an opportunity yet.</p>
            )}
          </section>
        </>
      )}
    </section>
  );
}
