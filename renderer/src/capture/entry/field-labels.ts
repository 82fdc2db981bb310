import type { LeadFormField } from '../model/lead-form-model';
import { NAME_FIELD, type FieldOnScreen } from '../model/name-field';

/** The words the form shows for each field; also used in messages ("still needs Company"). */
export const FIELD_LABELS: Record<LeadFormField, string> = {
  salutation: 'Salutation',
  firstName: 'First name',
  lastName: 'Last name',
  company: 'Company',
  title: 'Job title',
  email: 'Email',
  phone: 'Phone',
  mobile: 'Mobile',
  website: 'Website',
  street: 'Street',
  city: 'City',
  region: 'State / region',
  postalCode: 'Postal code',
  country: 'Country',
  leadSource: 'Lead source',
  rating: 'Rating',
  notes: 'Notes',
  consentGiven: 'Marketing consent',
};

/** The Name field's label: the person's whole name, split into First name and Last name. */
export const NAME_FIELD_LABEL = 'Name';

export function labelOnScreen(field: FieldOnScreen): string {
  return field === NAME_FIELD ? NAME_FIELD_LABEL : FIELD_LABELS[field];
}

/** "Company", "Last name and Company": for the quiet "needed for export" messages. */
export function joinFieldLabels(fields: readonly LeadFormField[]): string {
  const labels = fields.map((field) => FIELD_LABELS[field]);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
