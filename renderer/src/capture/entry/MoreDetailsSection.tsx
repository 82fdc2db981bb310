import { useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { LeadTextField } from './LeadTextField';
import type { LeadFormField } from '../model/lead-form-model';

const SECONDARY_FIELDS: { field: LeadFormField; type?: 'url' }[] = [
  { field: 'salutation' },
  { field: 'website', type: 'url' },
  { field: 'street' },
  { field: 'city' },
  { field: 'region' },
  { field: 'postalCode' },
  { field: 'country' },
];

/**
 * Salutation, website and address: rarely typed at a busy booth, so folded away. It opens
 * by itself when one of its fields holds text or an error, so nothing is hidden that matters.
 */
export function MoreDetailsSection() {
  const [openedByPerson, setOpenedByPerson] = useState(false);
  const hasContent = useAppStore((state) =>
    SECONDARY_FIELDS.some(({ field }) => state.form[field].trim() !== '' || state.fieldErrors[field] !== undefined),
  );
  const open = openedByPerson || hasContent;
  return (
    <details className="more-details" open={open} onToggle={(event) => setOpenedByPerson(event.currentTarget.open)}>
      <summary>Address, website and salutation</summary>
      <div className="field-grid">
        {SECONDARY_FIELDS.map(({ field, type }) => (
          <LeadTextField key={field} field={field} {...(type && { type })} />
        ))}
      </div>
    </details>
  );
}
