import { LEAD_CONTACT_FIELDS, type Lead } from './lead';

/**
 * Merging two records of one person: which fields a person picks side by side, and what
 * is picked when they do not. Shared so the merge screen shows exactly the defaults the
 * service applies (and the CLI's `leads merge` gets the same result without a screen).
 */
export const MERGE_FIELDS = [
  ...LEAD_CONTACT_FIELDS, 'leadSource', 'status', 'rating', 'expectedCloseDate', 'consent',
] as const satisfies ReadonlyArray<keyof Lead>;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** For each field, whose value survives: the kept lead's or the other's. */
export type MergeChoices = Partial<Record<MergeField, 'keep' | 'other'>>;

function isEmpty(value: Lead[MergeField]): boolean {
  return value === null || value === '' || (typeof value === 'string' && value.trim() === '');
}

/** Default: the newer non-empty value (by when each lead was last changed); ties keep the kept lead's. */
export function defaultMergeChoices(keep: Lead, other: Lead): Record<MergeField, 'keep' | 'other'> {
  const otherIsNewer = other.updatedAt > keep.updatedAt;
  const choices = {} as Record<MergeField, 'keep' | 'other'>;
  for (const field of MERGE_FIELDS) {
    const keepEmpty = isEmpty(keep[field]);
    const otherEmpty = isEmpty(other[field]);
    if (keepEmpty && !otherEmpty) choices[field] = 'other';
    else if (!keepEmpty && otherEmpty) choices[field] = 'keep';
    else choices[field] = otherIsNewer ? 'other' : 'keep';
  }
  // "New" says nothing was decided yet: a worked status wins over it whoever is newer.
  if (keep.status === 'New' && other.status !== 'New') choices.status = 'other';
  if (other.status === 'New' && keep.status !== 'New') choices.status = 'keep';
  // A converted lead's status is what the conversion made of it: never overwritten.
  if (keep.status === 'Converted') choices.status = 'keep';
  return choices;
}

/** Both notes, the older one first, without repeating a note the two share. */
export function mergeNotes(keep: Lead, other: Lead): string {
  const [first, second] = keep.capturedAt <= other.capturedAt ? [keep.notes, other.notes] : [other.notes, keep.notes];
  const parts = [first.trim(), second.trim()].filter((part) => part !== '');
  if (parts.length === 2 && parts[0] === parts[1]) return parts[0] as string;
  return parts.join('\n\n');
}

/**
 * What the two leads' imported files held beside their fields, together: nothing a merge may
 * drop, since no screen offers a choice of them. The kept lead's values stay under their
 * names; a value of the other lead under a name the kept one uses already, with another
 * value, is kept under that name marked as the merged lead's.
 */
export function mergeImportedFields(keep: Pick<Lead, 'importedFields'>, other: Pick<Lead, 'importedFields'>): Record<string, string> {
  const merged: Record<string, string> = { ...keep.importedFields };
  for (const [name, value] of Object.entries(other.importedFields)) {
    if (merged[name] === undefined) {
      merged[name] = value;
      continue;
    }
    if (merged[name] === value) continue;
    let suffix = 1;
    let key = `${name} (merged lead)`;
    while (merged[key] !== undefined && merged[key] !== value) key = `${name} (merged lead ${++suffix})`;
    merged[key] = value;
  }
  return merged;
}

/** Why a merge cannot happen, or null when it can. */
export function mergeRefusal(keep: Pick<Lead, 'id' | 'status'>, other: Pick<Lead, 'id' | 'status'>): string | null {
  if (keep.id === other.id) return 'Pick two different leads to merge.';
  if (keep.status === 'Converted' && other.status === 'Converted') {
    return 'Both leads were converted, so each already has its own contact and account: merge those in your CRM, or undo one conversion first.';
  }
  if (other.status === 'Converted') return 'The converted lead must be the one kept: swap which lead you keep.';
  return null;
}
