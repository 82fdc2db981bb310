import type { LeadFormField } from './lead-form-model';

/** One naming rule for the entry form's element ids, so labels, errors and focus agree. */
export const leadFieldId = (field: LeadFormField) => `lead-${field}`;
export const leadFieldMessageId = (field: LeadFormField) => `lead-${field}-message`;

/** The Name field edits first and last name together: it has ids of its own, by the same rule. */
export const NAME_FIELD_ID = 'lead-name';
export const NAME_MESSAGE_ID = 'lead-name-message';
/** The line under Name that shows how it splits ("First name Lena · Last name Fischer"). */
export const NAME_SPLIT_ID = 'lead-name-split';
