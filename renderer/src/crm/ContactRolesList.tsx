import type { ContactRole } from '../../../shared/domain/crm';
import { useAppStore } from '../store/app-store';

/** The people on an opportunity, the primary contact first and marked. */
export function ContactRolesList({ roles }: { roles: ContactRole[] }) {
  const navigate = useAppStore((state) => state.navigate);
  if (roles.length === 0) return <p className="section-hint">No contact roles yet.</p>;
  const ordered = [...roles].sort((first, second) => Number(second.isPrimary) - Number(first.isPrimary));
  return (
    <ul className="record-list" aria-label="Contact roles">
      {ordered.map((role) => (
        <li key={role.contactId}>
          <button type="button" className="record-row" onClick={() => navigate({ screen: 'contact', contactId: role.contactId })}>
            <span className="record-row-name">
              {role.contactName}
              {role.isPrimary && <span className="primary-tag">Primary</span>}
            </span>
            {role.role && <span className="record-row-details">{role.role}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
