import type { Kysely } from 'kysely';
import { findDuplicateGroups, type DuplicateGroup } from '../../shared/domain/duplicates';
import type { Lead } from '../../shared/domain/lead';
import type { DuplicateGroups } from '../../shared/ipc/contract';
import type { DuplicateMembership } from '../db/repositories/review-query';
import { dataVersion } from '../db/repositories/data-version';
import { listDuplicateSubjects } from '../db/repositories/duplicate-candidates';
import { findLeadsByIds, listLeadIdsOfShow, maxLeadSeq } from '../db/repositories/leads';
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

/** The current groups, recomputed only when the leads changed since the last call. */
export async function duplicateSnapshot(db: Kysely<Database>): Promise<DuplicateSnapshot> {
  const fingerprint = await dataVersion(db);
  const cached = snapshots.get(db);
  if (cached && cached.fingerprint === fingerprint) return cached;
  const subjects = await listDuplicateSubjects(db);
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
  if ((await maxLeadSeq(db)) > MARKS_COMPUTED_UP_TO) return null;
  return duplicateSnapshot(db);
}

const DEFAULT_GROUP_LIMIT = 200;

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
  if (input.eventId) {
    const inShow = new Set(await listLeadIdsOfShow(context.db, input.eventId));
    groups = groups.filter((group) => group.leadIds.some((id) => inShow.has(id)));
  }
  const ordered = [...groups].sort((a, b) => b.leadIds.length - a.leadIds.length);
  const offset = input.offset ?? 0;
  const shown = ordered.slice(offset, offset + limit);
  const byId = new Map((await findLeadsByIds(context.db, shown.flatMap((group) => group.leadIds))).map((lead) => [lead.id, lead]));
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
