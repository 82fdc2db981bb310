import { sql, type Kysely } from 'kysely';
import type { CaptureQueueRow, Database } from '../schema';

/** A queue row without its photo bytes: what lists and events carry. */
export type QueueItemRow = Omit<CaptureQueueRow, 'image'>;

const LISTED_COLUMNS = ['id', 'position', 'file_name', 'status', 'error', 'scan_id', 'added_by', 'added_at', 'updated_at'] as const;

export async function insertQueueItem(
  db: Kysely<Database>,
  item: { id: string; fileName: string; image: Uint8Array; addedBy: string; now: string },
): Promise<QueueItemRow> {
  // Appended after the last item, in one statement so two windows adding at once never share a position.
  await sql`
    INSERT INTO capture_queue (id, position, file_name, image, status, error, added_by, added_at, updated_at)
    VALUES (${item.id}, (SELECT coalesce(max(position), 0) + 1 FROM capture_queue), ${item.fileName}, ${item.image},
            'waiting', '', ${item.addedBy}, ${item.now}, ${item.now})`.execute(db);
  return (await findQueueItem(db, item.id)) as QueueItemRow;
}

export async function findQueueItem(db: Kysely<Database>, id: string): Promise<QueueItemRow | undefined> {
  return db.selectFrom('capture_queue').select(LISTED_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function listQueueItems(db: Kysely<Database>): Promise<QueueItemRow[]> {
  return db.selectFrom('capture_queue').select(LISTED_COLUMNS).orderBy('position').execute();
}

/**
 * Takes the oldest waiting item for reading (status → scanning) and returns it with its
 * photo; undefined when nothing waits. One UPDATE … RETURNING, so two processes never take the same item.
 */
export async function claimNextWaiting(db: Kysely<Database>, now: string): Promise<CaptureQueueRow | undefined> {
  const result = await sql<CaptureQueueRow>`
    UPDATE capture_queue SET status = 'scanning', error = '', updated_at = ${now}
    WHERE id = (SELECT id FROM capture_queue WHERE status = 'waiting' ORDER BY position LIMIT 1)
    RETURNING *`.execute(db);
  return result.rows[0];
}

/** Read: the scan keeps the photo now, so the queue's copy goes. */
export async function markQueueItemReady(db: Kysely<Database>, id: string, scanId: string, now: string): Promise<void> {
  await db.updateTable('capture_queue').set({ status: 'ready', scan_id: scanId, image: null, error: '', updated_at: now }).where('id', '=', id).execute();
}

/** Failed, with the message the person sees; the photo stays for a Retry. */
export async function markQueueItemFailed(db: Kysely<Database>, id: string, error: string, now: string): Promise<void> {
  await db.updateTable('capture_queue').set({ status: 'failed', error, updated_at: now }).where('id', '=', id).execute();
}

/** A failed item goes back to waiting; false when it is not a failed item with its photo. */
export async function retryQueueItem(db: Kysely<Database>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('capture_queue')
    .set({ status: 'waiting', error: '', updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .where('image', 'is not', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Items a crash or a quit left half-read start again from the beginning. */
export async function requeueInterrupted(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db
    .updateTable('capture_queue')
    .set({ status: 'waiting', updated_at: now })
    .where('status', '=', 'scanning')
    .where('image', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteQueueItem(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('capture_queue').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/** The queue items of these scans; how many went. */
export async function deleteQueueItemsOfScans(db: Kysely<Database>, scanIds: readonly string[]): Promise<number> {
  if (scanIds.length === 0) return 0;
  const result = await db.deleteFrom('capture_queue').where('scan_id', 'in', scanIds).executeTakeFirst();
  return Number(result.numDeletedRows);
}
