import { LEAD_FIELDS, leadRecordField, type LeadContactField } from '../../../../shared/domain/lead-fields';
import type { LeadFormField } from '../model/lead-form-model';
import { NAME_FIELD, type FieldOnScreen } from '../model/name-field';

/** The words the form shows for each field (a registry field's are its registry label); also used in messages ("still needs Company"). */
export const FIELD_LABELS: Record<LeadFormField, string> = {
  ...(Object.fromEntries(LEAD_FIELDS.map((field) => [field.key, field.label])) as Record<LeadContactField, string>),
  leadSource: leadRecordField('leadSource').label,
  rating: leadRecordField('rating').label,
  notes: leadRecordField('notes').label,
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
