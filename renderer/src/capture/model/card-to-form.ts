import { CARD_FIELDS, type CardField, type ParsedCard, type ParsedField } from '../../../../shared/parsing/card-fields';
import type { CheckMark } from '../../../../shared/parsing/check-marks';
import { isLeadFormField, type LeadForm, type LeadFormField } from './lead-form-model';

/**
 * For a reading stored before the scanner marked its fields itself (no `check` on its fields):
 * below this confidence the field is marked "check this against the card", as it was then.
 */
const CHECK_BELOW_CONFIDENCE = 0.6;

/** The scanner's mark on a field (shared/parsing/check-marks.ts); older readings fall back to their confidence. */
function scanCheckOf(parsed: ParsedField): CheckMark | null {
  if (parsed.check !== undefined) return parsed.check;
  return parsed.value.trim() !== '' && parsed.confidence < CHECK_BELOW_CONFIDENCE ? 'unsure' : null;
}

/** The card fields that are lead fields, under the same name. `fullName` and `fax` are handled apart. */
type CardFormField = CardField & LeadFormField;
const CARD_TO_FORM_FIELDS = CARD_FIELDS.filter((field): field is CardFormField => isLeadFormField(field));

/** One value read from the card, as the form uses it. */
export interface CardValue {
  value: string;
  confidence: number;
  /** 'unsure': compare with the card before saving */
  unsure?: boolean;
}

/**
 * What the card offers for each form field. Phones are taken as printed (not the E.164 form),
 * so the person can compare the field with the photo character by character.
 */
export function cardValues(card: ParsedCard): Partial<Record<LeadFormField, CardValue>> {
  const values: Partial<Record<LeadFormField, CardValue>> = {};
  const take = (field: LeadFormField, parsed: ParsedField) => {
    const value = parsed.value.trim();
    if (value !== '') values[field] = { value, confidence: parsed.confidence, unsure: scanCheckOf(parsed) === 'unsure' };
  };
  for (const field of CARD_TO_FORM_FIELDS) take(field, card[field]);

  // The parser could not split the name: the last word is the surname (what Salesforce needs
  // most); the person fixes the rare "van der Berg" by hand, and the field is marked to check.
  if (!values.firstName && !values.lastName && card.fullName.value.trim() !== '') {
    const words = card.fullName.value.trim().split(/\s+/);
    const last = words.pop() ?? '';
    const confidence = Math.min(card.fullName.confidence, CHECK_BELOW_CONFIDENCE - 0.01);
    values.lastName = { value: last, confidence, unsure: true };
    if (words.length > 0) values.firstName = { value: words.join(' '), confidence, unsure: true };
  }

  // A lead has no fax field; the number goes into the notes (only when they are empty, see fillPlan).
  const fax = card.fax.value.trim();
  if (fax !== '') values.notes = { value: `Fax: ${fax}`, confidence: card.fax.confidence };
  return values;
}

/**
 * The form fields the card seems to print but the scanner could not read ("Check: not read"):
 * a name beside a personal e-mail or a title, a company beside its own domain.
 */
export function fieldsNotRead(card: ParsedCard): LeadFormField[] {
  return CARD_TO_FORM_FIELDS.filter((field) => card[field].value.trim() === '' && card[field].check === 'not-read');
}

/** How one scan lands on the form. */
export interface FillPlan {
  /** Values to write into the form. */
  fill: Partial<LeadForm>;
  /** Fields filled from the card whose reading is unsure. */
  toCheck: LeadFormField[];
  /** Empty fields the card seems to print but the scan did not read: the person types them from the photo. */
  notRead: LeadFormField[];
  /** Fields the person had typed that the card reads differently: kept, with the card's value offered. */
  differs: Partial<Record<LeadFormField, string>>;
}

/**
 * Decides what a scan may change. A field is filled when it is empty, or when it still holds
 * exactly what an earlier scan put there (scanning a better photo replaces the first reading).
 * Anything the person typed or corrected is never overwritten: the card's differing value is
 * offered next to the field instead. What the earlier scan filled and this one does not
 * read is emptied. Notes are only filled when empty, so a fax number never
 * lands in the middle of what the person wrote.
 */
export function fillPlan(
  form: LeadForm,
  offered: Partial<Record<LeadFormField, CardValue>>,
  previouslyFilled: Partial<Record<LeadFormField, string>>,
  expectedNotRead: readonly LeadFormField[] = [],
): FillPlan {
  const plan: FillPlan = { fill: {}, toCheck: [], notRead: [], differs: {} };
  for (const [name, card] of Object.entries(offered) as [LeadFormField, CardValue][]) {
    const current = form[name];
    const replaceable = current.trim() === '' || current === previouslyFilled[name];
    if (replaceable) {
      plan.fill[name] = card.value;
      // Notes only ever get "Fax: …", shown as such; a mark there would have nowhere clear to point.
      if (card.unsure && name !== 'notes') plan.toCheck.push(name);
    } else if (name !== 'notes' && current.trim().toLowerCase() !== card.value.toLowerCase()) {
      plan.differs[name] = card.value;
    }
  }
  // What the earlier scan filled and this one does not read is cleared, so two cards never mix.
  for (const [name, value] of Object.entries(previouslyFilled) as [LeadFormField, string][]) {
    if (!(name in offered) && form[name] === value) plan.fill[name] = '';
  }
  // Only a field left empty is marked: what the person typed there answers the question already.
  for (const name of expectedNotRead) {
    if (!(name in offered) && (form[name].trim() === '' || plan.fill[name] === '')) plan.notRead.push(name);
  }
  return plan;
}
