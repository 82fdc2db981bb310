import type { LeadFormField } from '../model/lead-form-model';

/** The id a field's aria-describedby uses for its scan hint. */
export const scanHintId = (field: LeadFormField) => `lead-${field}-scan`;
