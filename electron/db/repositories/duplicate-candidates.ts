import { sql, type Kysely } from 'kysely';
import type { DuplicateSubject } from '../../../shared/domain/duplicates';
import { normalizeEmail } from '../../../shared/domain/normalize';
import { nameBlockingKey } from '../name-key';
import type { Database, LeadRow } from '../schema';

/**
 * At most this many candidates, newest first: a last name and initial shared by thousands of
 * leads (the bench's worst case, 3,800 each) would otherwise cost ~20 ms a check; the same
 * person scanned twice is nearly always among the recent ones, and the managers' review
 * (findDuplicateGroups over the whole show) catches the rest.
 */
const MAX_CANDIDATES = 300;

/** A stored lead that might be the new one, with just what the rule compares. */
export interface DuplicateCandidate extends DuplicateSubject {
  seq: number;
}

/** The columns the duplicate rule compares, and the order key; read the one way by every caller. */
const SUBJECT_COLUMNS = ['seq', 'id', 'first_name', 'last_name', 'company', 'email', 'phone', 'mobile', 'country'] as const;

function candidateFromRow(row: Pick<LeadRow, (typeof SUBJECT_COLUMNS)[number]> & { badge_id?: string }): DuplicateCandidate {
  return {
    id: row.id,
    seq: row.seq,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    country: row.country,
    ...(row.badge_id !== undefined && { badgeId: row.badge_id }),
  };
}

/**
 * Every lead as the duplicate rule sees it, in capture order: what the whole-store passes
 * (the duplicates screen, an import's index, `leadbooth duplicates list`) compare. Without
 * the badge id: those passes group people by their details; a badge scanned again is caught
 * at capture (findDuplicateCandidates).
 */
export async function listDuplicateSubjects(db: Kysely<Database>): Promise<DuplicateCandidate[]> {
  const rows = await db.selectFrom('leads').select(SUBJECT_COLUMNS).orderBy('seq').execute();
  return rows.map(candidateFromRow);
}

/**
 * The leads worth comparing with a new one (then shared/domain/duplicates.ts decides): the
 * same email (index `leads_email` on lower(email)), the same last name and first initial,
 * either way round (index `leads_name_key`), or the same badge id (index `leads_badge_id`). Only the compared columns are read, so even a
 * common name among 100,000 leads costs a few index probes, not a table scan.
 */
export async function findDuplicateCandidates(
  db: Kysely<Database>,
  lead: Pick<DuplicateSubject, 'firstName' | 'lastName' | 'email' | 'badgeId'>,
  options: { excludeId?: string | undefined; limit?: number } = {},
): Promise<DuplicateCandidate[]> {
  const email = normalizeEmail(lead.email);
  const nameKeys = [nameBlockingKey(lead.firstName, lead.lastName), nameBlockingKey(lead.lastName, lead.firstName)].filter(Boolean);
  const badgeId = (lead.badgeId ?? '').trim();
  if (!email && nameKeys.length === 0 && !badgeId) return [];

  let query = db
    .selectFrom('leads')
    .select([...SUBJECT_COLUMNS, 'badge_id'])
    .where((eb) => {
      const alternatives = [];
      // Written exactly as the partial index is, so SQLite uses it.
      if (email) alternatives.push(eb.and([eb(sql`lower(email)`, '=', email), eb('email', '<>', '')]));
      if (nameKeys.length > 0) alternatives.push(eb.and([eb('name_key', 'in', nameKeys), eb('name_key', '<>', '')]));
      // index leads_badge_id: the same badge scanned again
      if (badgeId) alternatives.push(eb.and([eb('badge_id', '=', badgeId), eb('badge_id', '<>', '')]));
      return eb.or(alternatives);
    });
  if (options.excludeId) query = query.where('id', '<>', options.excludeId);
  const rows = await query.orderBy('seq', 'desc').limit(options.limit ?? MAX_CANDIDATES).execute();
  return rows.map(candidateFromRow);
}
