import type { Account } from '../../../shared/domain/crm';
import { useAppStore } from '../store/app-store';

/** One account in the list: the whole row opens it. */
export function AccountListItem({ account }: { account: Account }) {
  const navigate = useAppStore((state) => state.navigate);
  const web = account.website || account.domain;
  const place = [account.city, account.country].filter(Boolean).join(', ');
  return (
    <li>
      <button type="button" className="record-row" onClick={() => navigate({ screen: 'account', accountId: account.id })}>
        <span className="record-row-name">{account.name}</span>
        <span className="record-row-details">{[web, place, account.phone].filter(Boolean).join(' · ')}</span>
      </button>
    </li>
  );
}
