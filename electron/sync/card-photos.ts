import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { MAX_PHOTO_BASE64, MAX_PHOTOS_PER_REQUEST, type RecordChange } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import type { HubClient, Photo } from './sync-client';

/**
 * Card photos travel apart from their scan records, once, by the SHA-256 of their bytes
 * (issue 18 §3; the hub's side is electron/hub/hub-photos.ts):
 *
 * - before a push, each photo of a scan that travels (tied to a lead) gets its hash, written
 *   as an edit of the scan (`image_sha256`, logged like any edit; the scanner is not touched);
 * - before each pushed batch, the hub is asked which of its scans' photos it lacks, and those
 *   are sent: a photo the hub holds (another scan, another laptop, a retried push) is not;
 * - a scan received from the hub is written with an empty photo and its hash; after the pull
 *   the laptop fetches the photos it lacks (a photo forgotten meanwhile the hub no longer has:
 *   that scan stays without one, and its tombstone follows).
 */

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Photos hashed between two turns of the event loop (a card photo is ~0.5–3 MB: a few ms each). */
const HASHED_AT_ONCE = 20;

/** Gives the photos of the scans that travel and have none yet their hash; returns how many. */
export async function hashCardPhotos(db: Kysely<Database>): Promise<number> {
  let hashed = 0;
  for (;;) {
    const scans = await db
      .selectFrom('card_scans')
      .select(['id', 'image'])
      .where('image_sha256', 'is', null)
      .where('lead_id', 'is not', null)
      .where(sql<boolean>`length(image) > 0`)
      .limit(HASHED_AT_ONCE)
      .execute();
    if (scans.length === 0) return hashed;
    await db.transaction().execute(async (trx) => {
      for (const scan of scans) await trx.updateTable('card_scans').set({ image_sha256: sha256(scan.image) }).where('id', '=', scan.id).execute();
    });
    hashed += scans.length;
    await nextTurn();
  }
}

/** Sends the hub the photos of this batch's scans that it lacks; returns how many it stored. */
export async function sendMissingPhotos(db: Kysely<Database>, client: HubClient, changes: readonly RecordChange[]): Promise<number> {
  const hashes = [
    ...new Set(changes.flatMap((change) => (change.kind === 'card_scan' && typeof change.fields.image_sha256 === 'string' ? [change.fields.image_sha256] : []))),
  ];
  if (hashes.length === 0) return 0;
  const missing = await client.missingPhotos(hashes);
  let stored = 0;
  let group: Photo[] = [];
  let groupSize = 0;
  const send = async (): Promise<void> => {
    if (group.length > 0) stored += await client.uploadPhotos(group);
    group = [];
    groupSize = 0;
  };
  for (const hash of missing) {
    const photo = await db
      .selectFrom('card_scans')
      .select(['image', 'image_mime'])
      .where('image_sha256', '=', hash)
      .where(sql<boolean>`length(image) > 0`)
      .executeTakeFirst();
    // Forgotten since the batch was read: its tombstone follows, the photo stays here no more.
    if (!photo) continue;
    const data = Buffer.from(photo.image).toString('base64');
    // Larger than a hub takes (≈ 18 MB; a card photo is far smaller): the scan travels without it.
    if (data.length > MAX_PHOTO_BASE64) continue;
    if (group.length >= MAX_PHOTOS_PER_REQUEST || (group.length > 0 && groupSize + data.length > MAX_PHOTO_BASE64)) await send();
    group.push({ sha256: hash, mime: photo.image_mime, data });
    groupSize += data.length;
  }
  await send();
  return stored;
}

/** Fetches the photos of received scans that this laptop lacks; returns how many it wrote. */
export async function fetchMissingPhotos(db: Kysely<Database>, client: HubClient): Promise<number> {
  const lacking = await db
    .selectFrom('card_scans')
    .select('image_sha256')
    .distinct()
    .where('image_sha256', 'is not', null)
    .where(sql<boolean>`length(image) = 0`)
    .execute();
  const hashes = lacking.flatMap((row) => (row.image_sha256 ? [row.image_sha256] : []));
  let written = 0;
  for (let start = 0; start < hashes.length; start += MAX_PHOTOS_PER_REQUEST) {
    for (const photo of await client.fetchPhotos(hashes.slice(start, start + MAX_PHOTOS_PER_REQUEST))) {
      const bytes = Buffer.from(photo.data, 'base64');
      // The hub checked it when it was sent; checked again, since the photo is addressed by it.
      if (sha256(bytes) !== photo.sha256) continue;
      // Only the photo, a column that does not travel: nothing is logged.
      const result = await db.updateTable('card_scans').set({ image: bytes }).where('image_sha256', '=', photo.sha256).where(sql<boolean>`length(image) = 0`).executeTakeFirst();
      written += Number(result.numUpdatedRows);
    }
  }
  return written;
}
