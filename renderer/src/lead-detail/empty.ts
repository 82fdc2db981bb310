import type { LeadContactField } from '../../../shared/domain/lead';
/**
 * Stable empty values for store selectors: a selector that returns a new [] or {} on every
 * call makes zustand re-render forever, so "nothing yet" is always the same object.
 */
export const NO_ITEMS: readonly never[] = Object.freeze([]);
export const NO_FIELD_ERRORS: Readonly<Record<string, string>> = Object.freeze({});
export const NO_MISSING_FIELDS: readonly LeadContactField[] = Object.freeze([]);
