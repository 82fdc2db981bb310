import { sql, type Kysely } from 'kysely';
import { findDuplicateGroups, type DuplicateGroup, type DuplicateSubject } from '../../shared/domain/duplicates';
import type { Lead } from '../../shared/domain/lead';
import type { DuplicateGroups } from '../../shared/ipc/contract';
import type { DuplicateMembership } from '../db/repositories/review-query';
import { leadFromRow } from '../db/repositories/lead-rows';
import type { Database } from '../db/schema';
import type { ServiceContext } from './service-context';

/**
 * Possible duplicates over every lead, with the one rule (shared/domain/duplicates.ts:
 * blocking keys, then the pair comparison). Computed on demand and cached until the
 * leads change, rather than kept in a table refreshed after every write:
 * - writes at the booth stay one insert (no key table to maintain on every save, edit,
 *   merge, import or bulk edit, by three branches' code), and the rule can change without a
 *   migration;
 * - the whole pass over 100,000 leads is ~1–2 s (see `npm run bench -- review`), paid once
 *   after a change, when someone asks (the duplicates screen, the "possible duplicate"
 *   filter), never by a save.
 * The cache key is `dataVersion`: it moves with every write, ours or another process's
 * (the CLI), and costs two O(1) reads.
 */
export interface DuplicateSnapshot {
  fingerprint: string;
  groups: DuplicateGroup[];
  memberIds: Set<string>;
  membership: DuplicateMembership;
}

const snapshots = new WeakMap<Kysely<Database>, DuplicateSnapshot>();

/**
 * Changes whenever the database may have changed: SQLite's data_version moves with commits
 * of other connections, total_changes() with this connection's own writes. Any write
 * counts (a draft too), so a cache keyed by it may recompute needlessly, never serve stale data.
 */
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const own = await sql<{ changes: number }>`SELECT total_changes() AS changes`.execute(db);
  const others = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  return `${others.rows[0]?.data_version ?? 0}|${own.rows[0]?.changes ?? 0}`;
}

/** The current groups, recomputed only when the leads changed since the last call. */
export async function duplicateSnapshot(db: Kysely<Database>): Promise<DuplicateSnapshot> {
  const fingerprint = await dataVersion(db);
  const cached = snapshots.get(db);
  if (cached && cached.fingerprint === fingerprint) return cached;
  const subjects: Array<DuplicateSubject & { seq: number }> = await db
    .selectFrom('leads')
    .select(['seq', 'id', 'first_name as firstName', 'last_name as lastName', 'company', 'email', 'phone', 'mobile', 'country'])
    .orderBy('seq')
    .execute();
  const groups = findDuplicateGroups(subjects);
  const memberIds = new Set<string>();
  for (const group of groups) for (const id of group.leadIds) memberIds.add(id);
  const seqs = subjects.filter((subject) => memberIds.has(subject.id)).map((subject) => subject.seq);
  const snapshot: DuplicateSnapshot = { fingerprint, groups, memberIds, membership: { seqsJson: JSON.stringify(seqs) } };
  snapshots.set(db, snapshot);
  return snapshot;
}

/** Up to about this many leads, a stale snapshot is recomputed for the list's marks (well under half a second). */
const MARKS_COMPUTED_UP_TO = 20_000;

/**
 * The snapshot for the list's "possible duplicate" marks: the cached one while it is
 * fresh; recomputed when stale only for a small database. At 100,000 leads the first window
 * of the list must not wait seconds for the rule: the marks appear once the duplicates screen
 * or the "possible duplicate" filter has run it (and stay until the data changes).
 */
export async function duplicateSnapshotForMarks(db: Kysely<Database>): Promise<DuplicateSnapshot | null> {
  const cached = snapshots.get(db);
  if (cached && cached.fingerprint === (await dataVersion(db))) return cached;
  const row = await db.selectFrom('leads').select((eb) => eb.fn.max('seq').as('maxSeq')).executeTakeFirst();
  // max(seq) is read from the primary key at once; it is at least the number of leads.
  if (Number(row?.maxSeq ?? 0) > MARKS_COMPUTED_UP_TO) return null;
  return duplicateSnapshot(db);
}

export const DEFAULT_GROUP_LIMIT = 200;

/**
 * The groups to show (with their leads), biggest first; with a show, the groups that have
 * at least one lead of that show (a person met at two shows is still one person).
 */
export async function listDuplicateGroups(
  context: ServiceContext,
  input: { eventId?: string | undefined; limit?: number | undefined; offset?: number | undefined },
): Promise<DuplicateGroups> {
  const snapshot = await duplicateSnapshot(context.db);
  const limit = input.limit ?? DEFAULT_GROUP_LIMIT;
  let groups = snapshot.groups;
  let leadsById: Map<string, Lead> | null = null;
  if (input.eventId) {
    const inShow = new Set(
      (await context.db.selectFrom('leads').select('id').where('event_id', '=', input.eventId).execute()).map((row) => row.id),
    );
    groups = groups.filter((group) => group.leadIds.some((id) => inShow.has(id)));
  }
  const ordered = [...groups].sort((a, b) => b.leadIds.length - a.leadIds.length);
  const offset = input.offset ?? 0;
  const shown = ordered.slice(offset, offset + limit);
  const ids = shown.flatMap((group) => group.leadIds);
  leadsById = new Map();
  // In chunks: SQLite limits bound parameters per statement.
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await context.db.selectFrom('leads').selectAll().where('id', 'in', ids.slice(start, start + 500)).execute();
    for (const row of rows) leadsById.set(row.id, leadFromRow(row));
  }
  const byId = leadsById;
  return {
    groups: shown.map((group) => ({
      leads: group.leadIds
        .map((id) => byId.get(id))
        .filter((lead): lead is Lead => lead !== undefined)
        .sort((a, b) => b.capturedAt.localeCompare(a.capturedAt)),
      links: group.links,
    })),
    totalGroups: groups.length,
    totalLeads: groups.reduce((sum, group) => sum + group.leadIds.length, 0),
  };
}
