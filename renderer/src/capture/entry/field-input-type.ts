import { isLeadContactField, leadField, type LeadFieldKind } from '../../../../shared/domain/lead-fields';
import type { LeadFormField } from '../model/lead-form-model';

export type FieldInputType = 'text' | 'email' | 'tel' | 'url';

const INPUT_TYPE_OF_KIND: Record<LeadFieldKind, FieldInputType> = { text: 'text', email: 'email', phone: 'tel', url: 'url' };

/** The input's type for a field, by its registry kind: the keyboard a phone shows, the browser's own checks. */
export function inputTypeOf(field: LeadFormField): FieldInputType {
  return isLeadContactField(field) ? INPUT_TYPE_OF_KIND[leadField(field).kind] : 'text';
}
