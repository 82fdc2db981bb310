import { LEAD_CONTACT_FIELDS, type LeadContactField } from '../domain/lead';
import { CARD_FIELDS, type CardField, type ParsedCard } from './card-fields';

/**
 * A card's reading as lead fields, for saving without a person checking the form
 * (`leadbooth scan --save`). The same rules as the entry form: phones as printed, the full
 * name split at its last word only when the parser split no first/last name, the fax in the notes.
 */
export function leadFieldsFromCard(card: ParsedCard): Partial<Record<LeadContactField | 'notes', string>> {
  const fields: Partial<Record<LeadContactField | 'notes', string>> = {};
  for (const field of LEAD_CONTACT_FIELDS) {
    if (!(CARD_FIELDS as readonly string[]).includes(field)) continue;
    const value = card[field as CardField & LeadContactField].value.trim();
    if (value) fields[field] = value;
  }
  const fullName = card.fullName.value.trim();
  if (!fields.firstName && !fields.lastName && fullName) {
    const words = fullName.split(/\s+/);
    fields.lastName = words.pop() ?? '';
    if (words.length > 0) fields.firstName = words.join(' ');
  }
  const fax = card.fax.value.trim();
  if (fax) fields.notes = `Fax: ${fax}`;
  return fields;
}
