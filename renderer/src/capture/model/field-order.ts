import type { LeadContactField } from '../../../../shared/domain/lead-fields';
import { leadFieldId, NAME_FIELD_ID } from './field-ids';
import { isLeadFormField, type LeadFormField } from './lead-form-model';
import { isNamePart, NAME_PART_FIELDS } from './name-field';

/**
 * Where each contact field sits on the entry form (a new field gets its place here): the
 * Person section's grid after Name, in screen order …
 */
export const PERSON_SECTION_FIELDS = ['company', 'email', 'title', 'phone', 'mobile'] as const satisfies readonly LeadContactField[];
/** … and the folded "Address, website and salutation" section, rarely typed at a busy booth. */
export const MORE_DETAILS_FIELDS = ['salutation', 'website', 'street', 'city', 'region', 'postalCode', 'country'] as const satisfies readonly LeadContactField[];

/**
 * The order fields appear on screen: the first one with an error gets the focus. First and
 * last name come first because the Name field, where they are typed, opens the form.
 */
export const FIELD_ORDER_FOR_FOCUS: readonly LeadFormField[] = [...NAME_PART_FIELDS, ...PERSON_SECTION_FIELDS, ...MORE_DETAILS_FIELDS, 'leadSource', 'rating', 'notes'];

/** The element that takes the focus for a field's error: first and last name are typed, and shown wrong, in Name. */
export function focusIdForField(field: LeadFormField): string {
  return isNamePart(field) ? NAME_FIELD_ID : leadFieldId(field);
}

/** Field errors the form has no place for (e.g. "capturedBy"): shown in the banner instead of being lost. */
export function orphanFieldErrors(fieldErrors: Record<string, string>): string[] {
  return Object.entries(fieldErrors)
    .filter(([field]) => !isLeadFormField(field) && !field.startsWith('consent'))
    .map(([field, message]) => `${field}: ${message}`);
}
