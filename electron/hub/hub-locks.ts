import { sql, type Kysely } from 'kysely';

/**
 * Transaction-level advisory locks (`pg_advisory_xact_lock`): held until the transaction ends,
 * and shared by every session of the database, so they also order two hub processes. The first
 * key is the hub's namespace ("LB"), the second says what the lock guards.
 */
export const HUB_LOCK_SPACE = 0x4c42;

export const HUB_LOCKS = {
  /** Pushes append to `changes` one at a time (see hub-changes.ts). */
  changes: 1,
  /** One process migrates the schema; the others wait, then see it done. */
  migrations: 2,
} as const;

// any: the lock is taken inside transactions of any schema (the migrations' untyped handle too).
export async function takeTransactionLock(trx: Kysely<any>, lock: (typeof HUB_LOCKS)[keyof typeof HUB_LOCKS]): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${HUB_LOCK_SPACE}::int4, ${lock}::int4)`.execute(trx);
}
