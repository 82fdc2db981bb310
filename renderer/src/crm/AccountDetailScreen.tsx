import { useEffect } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { BackButton } from './BackButton';
import { ContactList } from './ContactList';
import { addressOf } from './crm-format';
import { formatLocalTime } from '../components/date-and-number-format';
import { OpportunityTable } from './OpportunityTable';
import { RecordFacts } from './RecordFacts';
import { useEscapeBack } from './use-escape-back';

/** One account: its fields, its contacts and its opportunities. */
export function AccountDetailScreen({ accountId }: { accountId: string }) {
  const detail = useAppStore((state) => (state.accountDetail?.account.id === accountId ? state.accountDetail : null));
  const error = useAppStore((state) => state.accountDetailError);
  const loadAccount = useAppStore((state) => state.loadAccount);
  useEscapeBack({ screen: 'accounts' });

  useEffect(() => {
    void loadAccount(accountId);
  }, [accountId, loadAccount]);

  return (
    <section className="crm-screen record-page" aria-labelledby="account-title">
      <BackButton fallback={{ screen: 'accounts' }} />
      <ErrorBanner message={error} />
      {!detail ? (
        !error && <p className="list-status">Loading the account…</p>
      ) : (
        <>
          <header className="record-header">
            <p className="record-kind">Account</p>
            <h2 id="account-title">{detail.account.name}</h2>
          </header>
          <section className="form-section" aria-labelledby="account-fields">
            <h3 id="account-fields">Details</h3>
            <RecordFacts
              label="Account details"
              facts={[
                { label: 'Website', value: detail.account.website },
                { label: 'Domain', value: detail.account.domain },
                { label: 'Phone', value: detail.account.phone },
                { label: 'Address', value: addressOf(detail.account) },
                { label: 'Created', value: `${formatLocalTime(detail.account.createdAt)} by ${detail.account.createdBy}` },
              ]}
            />
          </section>
          <section className="form-section" aria-labelledby="account-contacts">
            <h3 id="account-contacts">Contacts ({detail.contacts.length})</h3>
            <ContactList contacts={detail.contacts} />
          </section>
          <section className="form-section" aria-labelledby="account-opportunities">
            <h3 id="account-opportunities">Opportunities ({detail.opportunities.length})</h3>
            {detail.opportunities.length > 0 ? (
              <OpportunityTable opportunities={detail.opportunities} label="Opportunities of this account" showAccount={false} />
            ) : (
              <p className="section-hint">No opportunities at this account yet.</p>
            )}
          </section>
        </>
      )}
    </section>
  );
}
