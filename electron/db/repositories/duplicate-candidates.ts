import { sql, type Kysely } from 'kysely';
import { nameBlockingKey, type DuplicateProbe } from '../../../shared/domain/duplicate-rule';
import { normalizeEmail } from '../../../shared/domain/normalize';
import type { Database } from '../schema';

/**
 * At most this many candidates, newest first: a name shared by thousands of leads (the
 * bench's worst case) would otherwise cost ~25 ms a check; the same person scanned twice
 * is nearly always among the recent ones.
 */
const MAX_CANDIDATES = 1000;

/** A stored lead that might be the new one, with just what the rule compares. */
export interface DuplicateCandidate extends DuplicateProbe {
  id: string;
  seq: number;
}

/**
 * The leads worth comparing with a new one: the same email (index `leads_email` on
 * lower(email)), or the same folded last name and first initial, either way round
 * (index `leads_name_key`). Only the compared columns are read, newest first, so even a
 * common name among 100,000 leads costs a few index probes, not a table scan.
 */
export async function findDuplicateCandidates(
  db: Kysely<Database>,
  lead: DuplicateProbe,
  options: { excludeId?: string | undefined; limit?: number } = {},
): Promise<DuplicateCandidate[]> {
  const email = normalizeEmail(lead.email);
  const nameKeys = [nameBlockingKey(lead.firstName, lead.lastName), nameBlockingKey(lead.lastName, lead.firstName)].filter(Boolean);
  if (!email && nameKeys.length === 0) return [];

  let query = db
    .selectFrom('leads')
    .select(['seq', 'id', 'first_name', 'last_name', 'company', 'email', 'phone', 'mobile'])
    .where((eb) => {
      const alternatives = [];
      // Written exactly as the partial index is, so SQLite uses it.
      if (email) alternatives.push(eb.and([eb(sql`lower(email)`, '=', email), eb('email', '<>', '')]));
      if (nameKeys.length > 0) alternatives.push(eb.and([eb('name_key', 'in', nameKeys), eb('name_key', '<>', '')]));
      return eb.or(alternatives);
    });
  if (options.excludeId) query = query.where('id', '<>', options.excludeId);
  const rows = await query.orderBy('seq', 'desc').limit(options.limit ?? MAX_CANDIDATES).execute();
  return rows.map((row) => ({
    id: row.id,
    seq: row.seq,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
  }));
}
