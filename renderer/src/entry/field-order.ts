import { isLeadFormField, type LeadFormField } from './lead-form-model';

/** The order fields appear on screen: the first one with an error gets the focus. */
export const FIELD_ORDER_FOR_FOCUS: LeadFormField[] = [
  'firstName',
  'lastName',
  'company',
  'title',
  'email',
  'phone',
  'mobile',
  'salutation',
  'website',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'leadSource',
  'rating',
  'notes',
];

/** Field errors the form has no place for (e.g. "capturedBy"): shown in the banner instead of being lost. */
export function orphanFieldErrors(fieldErrors: Record<string, string>): string[] {
  return Object.entries(fieldErrors)
    .filter(([field]) => !isLeadFormField(field) && !field.startsWith('consent'))
    .map(([field, message]) => `${field}: ${message}`);
}
