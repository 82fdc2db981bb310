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

/** Folded names by name as written: names repeat (an import of 100,000 rows has a few thousand), folding is the slow part. */
const compactNames = new Map<string, string>();
/** Enough for the distinct names of a large import; emptied when full rather than grown without end. */
const COMPACT_NAMES_KEPT = 20_000;

function compactName(value: string): string {
  let compact = compactNames.get(value);
  if (compact === undefined) {
    compact = normalizePersonName(value).replace(/ /g, '');
    if (compactNames.size >= COMPACT_NAMES_KEPT) compactNames.clear();
    compactNames.set(value, compact);
  }
  return compact;
}
