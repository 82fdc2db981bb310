import { joinName, splitName } from '../../../../shared/parsing/names';
import type { LeadForm, LeadFormField } from './lead-form-model';

/**
 * The Name field is a view over these two lead fields: a person types a name the way it is
 * said or printed, the lead stores first and last name (the scanner, the badge, the exports
 * and the lead's own screen all use them).
 */
export const NAME_PART_FIELDS = ['firstName', 'lastName'] as const satisfies readonly LeadFormField[];
export type NamePartField = (typeof NAME_PART_FIELDS)[number];
export type FormNameParts = Pick<LeadForm, NamePartField>;

/** The Name field where any field on screen is meant (the focused one: Alt+X, the outline on the card). */
export const NAME_FIELD = 'name';
/** A field as the form shows it: a lead field of its own, or the Name field over first and last name. */
export type FieldOnScreen = LeadFormField | typeof NAME_FIELD;

export function isNamePart(field: LeadFormField): field is NamePartField {
  return (NAME_PART_FIELDS as readonly LeadFormField[]).includes(field);
}

/** First and last name as the Name field's text splits them. */
export function namePartsOf(typed: string): FormNameParts {
  const { firstName, lastName } = splitName(typed);
  return { firstName, lastName };
}

/**
 * What the Name field shows. What the person typed, as long as it still splits into the form's
 * first and last name ("Fischer, Lena" and a half-typed "Lena " stay as typed); otherwise
 * the two joined, because something else changed them (a scan, a badge, Alt+X, an edit of
 * First name or Last name, a restored draft, a save that cleared the form).
 */
export function nameFieldText(typed: string | null, form: FormNameParts): string {
  if (typed !== null) {
    const parts = namePartsOf(typed);
    if (parts.firstName === form.firstName && parts.lastName === form.lastName) return typed;
  }
  return joinName(form.firstName, form.lastName);
}

/**
 * The errors of first and last name, shown at the Name field where the person types them,
 * each with its part's label ("Last name: Keep this under 80 characters.").
 */
export function nameErrorText(errors: Record<NamePartField, string | undefined>, labels: Record<NamePartField, string>): string | undefined {
  const lines = NAME_PART_FIELDS.flatMap((field) => (errors[field] ? [`${labels[field]}: ${errors[field]}`] : []));
  return lines.length > 0 ? lines.join(' ') : undefined;
}
