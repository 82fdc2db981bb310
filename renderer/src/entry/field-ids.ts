import type { LeadFormField } from './lead-form-model';

/** One naming rule for the entry form's element ids, so labels, errors and focus agree. */
export const leadFieldId = (field: LeadFormField) => `lead-${field}`;
export const leadFieldMessageId = (field: LeadFormField) => `lead-${field}-message`;
