import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { MAX_PHOTOS_PER_REQUEST } from '../../shared/sync/protocol';
import type { HubDatabase } from './hub-schema';
import { HubRequestError } from './hub-errors';

/**
 * Card photos at the hub (issue 18 §3: "photos go once, addressed by their hash"): a card scan
 * record carries its photo's SHA-256 (`image_sha256`), the photo travels apart from it, once —
 * a laptop asks which hashes the hub lacks and sends those; a laptop that received a scan
 * fetches the photo it lacks. Stored once whatever the number of scans, laptops or retries.
 */
export async function missingPhotos(db: Kysely<HubDatabase>, hashes: readonly string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const held = await db.selectFrom('photos').select('sha256').where('sha256', 'in', [...new Set(hashes)]).execute();
  const heldSet = new Set(held.map((row) => row.sha256));
  return [...new Set(hashes)].filter((hash) => !heldSet.has(hash));
}

/** Stores photos the hub lacks; a photo whose bytes are not its hash's is refused (400) and nothing is stored. */
export async function storePhotos(db: Kysely<HubDatabase>, photos: ReadonlyArray<{ sha256: string; mime: string; data: string }>): Promise<number> {
  const rows = photos.map((photo) => {
    const bytes = Buffer.from(photo.data, 'base64');
    if (createHash('sha256').update(bytes).digest('hex') !== photo.sha256) {
      throw new HubRequestError(400, 'bad-request', `The photo sent as ${photo.sha256.slice(0, 12)}… does not have that SHA-256: send it again.`);
    }
    return { sha256: photo.sha256, mime: photo.mime, bytes };
  });
  const stored = await db.insertInto('photos').values(rows).onConflict((conflict) => conflict.column('sha256').doNothing()).returning('sha256').execute();
  return stored.length;
}

/** The photos asked for that the hub holds, base64 (at most MAX_PHOTOS_PER_REQUEST). */
export async function fetchPhotos(db: Kysely<HubDatabase>, hashes: readonly string[]): Promise<Array<{ sha256: string; mime: string; data: string }>> {
  if (hashes.length === 0) return [];
  if (hashes.length > MAX_PHOTOS_PER_REQUEST) throw new HubRequestError(400, 'bad-request', `Ask for at most ${MAX_PHOTOS_PER_REQUEST} photos at once.`);
  const rows = await db.selectFrom('photos').select(['sha256', 'mime', 'bytes']).where('sha256', 'in', [...hashes]).execute();
  return rows.map((row) => ({ sha256: row.sha256, mime: row.mime, data: Buffer.from(row.bytes).toString('base64') }));
}

/** The photos the stored changes of these card scans refer to: read before a tombstone purges the changes. */
export async function photosOfScans(trx: Kysely<HubDatabase>, scanIds: readonly string[]): Promise<string[]> {
  if (scanIds.length === 0) return [];
  const rows = await sql<{ sha256: string }>`
    SELECT DISTINCT fields->>'image_sha256' AS sha256 FROM changes
    WHERE kind = 'card_scan' AND NOT tombstone AND record_id = ANY(${[...scanIds]}::text[]) AND fields->>'image_sha256' IS NOT NULL`.execute(trx);
  return rows.rows.map((row) => row.sha256);
}

/** Deletes those of these photos no stored card scan refers to any more (a forgotten person's photo must not stay). */
export async function deleteUnreferencedPhotos(trx: Kysely<HubDatabase>, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  await sql`
    DELETE FROM photos AS p WHERE p.sha256 = ANY(${[...hashes]}::text[]) AND NOT EXISTS (
      SELECT 1 FROM changes AS c WHERE c.kind = 'card_scan' AND NOT c.tombstone AND c.fields->>'image_sha256' = p.sha256
    )`.execute(trx);
}
