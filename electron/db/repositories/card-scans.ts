import type { Kysely } from 'kysely';
import type { ParsedCard } from '../../../shared/parsing/card-fields';
import type { CardScanRow, Database, NewCardScanRow } from '../schema';

export async function insertCardScan(db: Kysely<Database>, scan: NewCardScanRow): Promise<void> {
  await db.insertInto('card_scans').values(scan).execute();
}

/** Ties a scan to the lead it became; false when the scan is unknown or already belongs to a lead. */
export async function attachCardScan(db: Kysely<Database>, scanId: string, leadId: string): Promise<boolean> {
  const result = await db
    .updateTable('card_scans')
    .set({ lead_id: leadId })
    .where('id', '=', scanId)
    .where('lead_id', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  // Saved with a lead: its capture-queue item (if it came from a batch) is done.
  await db.deleteFrom('capture_queue').where('scan_id', '=', scanId).execute();
  return true;
}

/** Deletes these scans where no lead claimed them (a scan saved with a lead stays with it); how many went. */
export async function deleteUnclaimedCardScans(db: Kysely<Database>, scanIds: readonly string[]): Promise<number> {
  if (scanIds.length === 0) return 0;
  const result = await db.deleteFrom('card_scans').where('id', 'in', scanIds).where('lead_id', 'is', null).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes these scans, claimed or not; how many went. */
export async function deleteCardScans(db: Kysely<Database>, scanIds: readonly string[]): Promise<number> {
  if (scanIds.length === 0) return 0;
  const result = await db.deleteFrom('card_scans').where('id', 'in', scanIds).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listCardScanIdsOfLead(db: Kysely<Database>, leadId: string): Promise<string[]> {
  return (await db.selectFrom('card_scans').select('id').where('lead_id', '=', leadId).execute()).map((row) => row.id);
}

/** The fields each scan no lead claimed read off its card; `card` is null where the stored reading cannot be parsed. */
export async function listUnclaimedCardReadings(db: Kysely<Database>): Promise<Array<{ id: string; card: ParsedCard | null }>> {
  const rows = await db.selectFrom('card_scans').select(['id', 'ocr_json']).where('lead_id', 'is', null).execute();
  return rows.map((row) => {
    try {
      return { id: row.id, card: (JSON.parse(row.ocr_json) as { fields?: ParsedCard }).fields ?? null };
    } catch {
      return { id: row.id, card: null };
    }
  });
}

export async function findCardScansOfLead(db: Kysely<Database>, leadId: string): Promise<CardScanRow[]> {
  return db.selectFrom('card_scans').selectAll().where('lead_id', '=', leadId).orderBy('scanned_at').execute();
}

export async function findCardScan(db: Kysely<Database>, scanId: string): Promise<CardScanRow | undefined> {
  return db.selectFrom('card_scans').selectAll().where('id', '=', scanId).executeTakeFirst();
}

/**
 * Scans that never became a lead (re-scans, cleared forms) and are older than `before`,
 * except those still held: by the capture queue, or by the ids in `keep` (the draft's).
 */
export async function deleteUnattachedCardScans(db: Kysely<Database>, before: string, keep: string[] = []): Promise<number> {
  let query = db
    .deleteFrom('card_scans')
    .where('lead_id', 'is', null)
    .where('scanned_at', '<', before)
    .where('id', 'not in', (eb) => eb.selectFrom('capture_queue').select('scan_id').where('scan_id', 'is not', null).$narrowType<{ scan_id: string }>());
  if (keep.length > 0) query = query.where('id', 'not in', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
