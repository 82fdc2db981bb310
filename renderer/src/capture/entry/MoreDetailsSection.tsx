import { useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { LeadTextField } from './LeadTextField';
import { MORE_DETAILS_FIELDS } from '../model/field-order';

/**
 * Salutation, website and address: rarely typed at a busy booth, so folded away. It opens
 * by itself when one of its fields holds text or an error, so nothing is hidden that matters.
 */
export function MoreDetailsSection() {
  const [openedByPerson, setOpenedByPerson] = useState(false);
  const hasContent = useAppStore((state) =>
    MORE_DETAILS_FIELDS.some((field) => state.form[field].trim() !== '' || state.fieldErrors[field] !== undefined),
  );
  const open = openedByPerson || hasContent;
  return (
    <details className="more-details" open={open} onToggle={(event) => setOpenedByPerson(event.currentTarget.open)}>
      <summary>Address, website and salutation</summary>
      <div className="field-grid">
        {MORE_DETAILS_FIELDS.map((field) => (
          <LeadTextField key={field} field={field} />
        ))}
      </div>
    </details>
  );
}
