import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DeviceRole, HubDevice } from '../../shared/sync/protocol';
import type { HubDatabase } from './hub-schema';
import { HubRequestError } from './hub-errors';

/** Letters and digits nobody confuses when reading a code aloud (no 0/O, 1/I/L, U). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
/** 12 characters of 30: about 59 bits, far beyond guessing within a code's lifetime. */
const CODE_LENGTH = 12;
/** A code printed at the hub's start must still work when the last laptop of the team joins. */
const DEFAULT_CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Upper case without separators, so "abcd-efgh-jkmn" and "ABCDEFGHJKMN" are the same code. */
const normaliseCode = (code: string): string => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

/** Makes a one-time pairing code; the hub keeps only its hash. Returned grouped: "ABCD-EFGH-JKMN". */
export async function createPairingCode(db: Kysely<HubDatabase>, role: DeviceRole, lifetimeMs = DEFAULT_CODE_LIFETIME_MS): Promise<string> {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  await db
    .insertInto('pairing_codes')
    .values({ code_hash: sha256(code), role, expires_at: new Date(Date.now() + lifetimeMs) })
    .execute();
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** Wrong codes an address may try within `ATTEMPT_WINDOW_MS` before it is refused for the rest of it. */
export const WRONG_CODES_PER_WINDOW = 5;
const ATTEMPT_WINDOW_MS = 60 * 1000;
/** Attempts older than this are of no use to the limit any more, and are deleted. */
const ATTEMPTS_KEPT_MS = 60 * 60 * 1000;

/**
 * Pairs a device (`consumePairingCode`), unless its address tried `WRONG_CODES_PER_WINDOW` wrong
 * codes within the last minute: then it is refused (429) without the code being looked at, so
 * guessing costs a minute per 5 tries on top of the code's 59 bits. A wrong, used or expired code
 * counts as an attempt (written outside the pairing's transaction, which a refusal rolls back).
 * The address is the connection's: behind a proxy, every laptop shares the proxy's.
 */
export async function pairDevice(
  db: Kysely<HubDatabase>,
  code: string,
  deviceName: string,
  address: string,
): Promise<{ deviceId: string; token: string; role: DeviceRole }> {
  const since = new Date(Date.now() - ATTEMPT_WINDOW_MS);
  const recent = await db
    .selectFrom('pairing_attempts')
    .select((eb) => eb.fn.countAll<string>().as('tries'))
    .where('address', '=', address)
    .where('at', '>', since)
    .executeTakeFirst();
  if (Number(recent?.tries ?? 0) >= WRONG_CODES_PER_WINDOW) {
    throw new HubRequestError(429, 'unauthorized', `Too many wrong pairing codes from this address (${WRONG_CODES_PER_WINDOW} in a minute): wait a minute, then type the code again with care.`);
  }
  try {
    return await consumePairingCode(db, code, deviceName);
  } catch (error) {
    if (error instanceof HubRequestError && error.status === 401) {
      await db.insertInto('pairing_attempts').values({ address }).execute();
      await db.deleteFrom('pairing_attempts').where('at', '<', new Date(Date.now() - ATTEMPTS_KEPT_MS)).execute();
    }
    throw error;
  }
}

/**
 * Consumes a pairing code and makes the device it admits, in one transaction: the code's role
 * becomes the device's, the token is returned once and stored as its SHA-256.
 */
async function consumePairingCode(db: Kysely<HubDatabase>, code: string, deviceName: string): Promise<{ deviceId: string; token: string; role: DeviceRole }> {
  return db.transaction().execute(async (trx) => {
    // FOR UPDATE: two laptops racing with one code, the second waits and then sees it used.
    const row = await trx
      .selectFrom('pairing_codes')
      .select(['code_hash', 'role', 'expires_at', 'used_at'])
      .where('code_hash', '=', sha256(normaliseCode(code)))
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new HubRequestError(401, 'unauthorized', 'This hub has no such pairing code: check it, or print a new one on the hub with "leadbooth hub code".');
    if (row.used_at) throw new HubRequestError(401, 'unauthorized', 'This pairing code was already used: print a new one on the hub with "leadbooth hub code".');
    if (row.expires_at.getTime() <= Date.now()) throw new HubRequestError(401, 'unauthorized', 'This pairing code has expired: print a new one on the hub with "leadbooth hub code".');
    const deviceId = randomUUID();
    const token = randomBytes(32).toString('base64url');
    await trx.insertInto('devices').values({ id: deviceId, name: deviceName, role: row.role, token_hash: sha256(token) }).execute();
    await trx.updateTable('pairing_codes').set({ used_at: new Date(), device_id: deviceId }).where('code_hash', '=', row.code_hash).execute();
    return { deviceId, token, role: row.role };
  });
}

/** The device a bearer token belongs to, unless it is unknown or revoked (both: 401). */
export async function deviceOfToken(db: Kysely<HubDatabase>, token: string): Promise<HubDevice> {
  const row = await db.selectFrom('devices').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row) throw new HubRequestError(401, 'unauthorized', 'This hub does not know this laptop: join it again with a new pairing code.');
  if (row.revoked_at) throw new HubRequestError(401, 'unauthorized', 'This laptop was removed from the team hub: ask the manager for a new pairing code to join again.');
  return toDevice(row);
}

export async function listDevices(db: Kysely<HubDatabase>): Promise<HubDevice[]> {
  const rows = await db.selectFrom('devices').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toDevice);
}

/** Revokes a device: its token stops working at once, on every hub process. Revoking twice keeps the first date. */
export async function revokeDevice(db: Kysely<HubDatabase>, deviceId: string): Promise<HubDevice> {
  const row = await db
    .updateTable('devices')
    .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
    .where('id', '=', deviceId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new HubRequestError(404, 'not-found', `This hub has no device ${deviceId}: list them with GET /v1/devices.`);
  return toDevice(row);
}

/** Notes a device's visit and what it moved; `last_seen_at` is what the Team screen shows. */
export async function recordDeviceVisit(db: Kysely<HubDatabase>, deviceId: string, counts: { pushed?: number; pulled?: number } = {}): Promise<void> {
  await db
    .updateTable('devices')
    .set({
      last_seen_at: new Date(),
      pushed_count: sql<number>`pushed_count + ${counts.pushed ?? 0}`,
      pulled_count: sql<number>`pulled_count + ${counts.pulled ?? 0}`,
    })
    .where('id', '=', deviceId)
    .execute();
}

type DeviceRow = {
  id: string;
  name: string;
  role: DeviceRole;
  created_at: Date;
  revoked_at: Date | null;
  last_seen_at: Date | null;
  pushed_count: string;
  pulled_count: string;
};

function toDevice(row: DeviceRow): HubDevice {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    pushed: Number(row.pushed_count),
    pulled: Number(row.pulled_count),
  };
}
