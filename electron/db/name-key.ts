import { normalizePersonName } from '../../shared/domain/normalize';

/**
 * The index key the duplicate check at save finds candidates by (`leads.name_key`): the
 * last name as the duplicate rule compares it (accents, case, spaces and hyphens gone) and
 * the first letter of the first name ("muller|a"). The rule itself is
 * shared/domain/duplicates.ts; this only narrows 100,000 leads to the few worth comparing.
 * Looked up both ways round, so a card read with first and last name swapped is found too.
 */
export function nameBlockingKey(firstName: string, lastName: string): string {
  const last = compactName(lastName);
  if (!last) return '';
  return `${last}|${compactName(firstName).slice(0, 1)}`;
}

function compactName(value: string): string {
  return normalizePersonName(value).replace(/ /g, '');
}
