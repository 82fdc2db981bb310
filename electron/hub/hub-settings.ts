import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HubDatabase } from './hub-schema';
import { checkHubCertificate, makeHubCertificate, type HubCertificate } from './self-signed-certificate';

/**
 * A setting made once and shared by every hub process of the database: the first process to
 * write it wins (ON CONFLICT DO NOTHING), the others read the winner's value.
 */
async function settingMadeOnce(db: Kysely<HubDatabase>, key: string, make: () => string): Promise<string> {
  await db.insertInto('hub_settings').values({ key, value: make() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('hub_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}

/** The team hub's id: laptops remember which hub they joined by it. */
export function hubIdOf(db: Kysely<HubDatabase>): Promise<string> {
  return settingMadeOnce(db, 'hub_id', () => randomUUID());
}

/**
 * The hub's TLS key and certificate, made by the first hub process that serves TLS and kept in
 * the database (one row, so a second process can never pair one process's key with another's
 * certificate): every hub process of the team serves the same fingerprint.
 */
export async function hubCertificateOf(db: Kysely<HubDatabase>): Promise<HubCertificate> {
  const stored = await settingMadeOnce(db, 'tls_identity', () => JSON.stringify(makeHubCertificate()));
  const certificate = JSON.parse(stored) as HubCertificate;
  checkHubCertificate(certificate);
  return certificate;
}
