import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ExportBatch, ExportFilter, ExportFormat } from '../../../shared/domain/exchange';
import type { Database } from '../schema';

/**
 * Export batches: what went out, and which leads it carried. A lead knows its latest batch
 * (`leads.exported_batch_id`, `leads.exported_at`), so "exported or not" is one indexed
 * condition for the review list.
 */

/** Ids per IN list: well under SQLite's 32,766 bound parameters. */
const IDS_PER_QUERY = 500;

export interface NewExportBatch extends Omit<ExportBatch, 'filter'> {
  filter: ExportFilter;
}

/**
 * Records a batch and its leads and marks the leads exported, in the caller's transaction.
 */
export async function insertExportBatch(db: Kysely<Database>, batch: NewExportBatch, leadIds: readonly string[]): Promise<void> {
  await db
    .insertInto('export_batches')
    .values({
      id: batch.id,
      created_at: batch.createdAt,
      created_by: batch.createdBy,
      format: batch.format,
      filter: JSON.stringify(batch.filter),
      file_name: batch.fileName,
      sha256: batch.sha256,
      lead_count: batch.leadCount,
      skipped_count: batch.skippedCount,
      repeat_of: batch.repeatOf,
    })
    .execute();
  // One statement for any number of leads: the ids go in as one JSON array that SQLite
  // unpacks itself (json_each), instead of hundreds of multi-row INSERTs built here.
  await sql`
    INSERT OR IGNORE INTO export_batch_leads (batch_id, lead_id)
    SELECT ${batch.id}, value FROM json_each(${JSON.stringify(leadIds)})`.execute(db);
  await db
    .updateTable('leads')
    .set({ exported_batch_id: batch.id, exported_at: batch.createdAt })
    .where('id', 'in', db.selectFrom('export_batch_leads').select('lead_id').where('batch_id', '=', batch.id))
    .execute();
}

type BatchRow = Database['export_batches'];

function batchFromRow(row: { [K in keyof BatchRow]: BatchRow[K] }): ExportBatch {
  return {
    id: row.id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    // Written from ExportFormat and ExportFilter by insertExportBatch.
    format: row.format as ExportFormat,
    filter: JSON.parse(row.filter) as ExportFilter,
    fileName: row.file_name,
    sha256: row.sha256,
    leadCount: row.lead_count,
    skippedCount: row.skipped_count,
    repeatOf: row.repeat_of,
  };
}

/** Newest first. */
export async function listExportBatches(db: Kysely<Database>, limit = 200): Promise<ExportBatch[]> {
  const rows = await db.selectFrom('export_batches').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map(batchFromRow);
}

export async function findExportBatch(db: Kysely<Database>, id: string): Promise<ExportBatch | undefined> {
  const row = await db.selectFrom('export_batches').selectAll().where('id', '=', id).executeTakeFirst();
  return row && batchFromRow(row);
}

/** The leads a batch carried (those still in the database), in capture order. */
export async function listBatchLeadIds(db: Kysely<Database>, batchId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('export_batch_leads')
    .innerJoin('leads', 'leads.id', 'export_batch_leads.lead_id')
    .select('leads.id')
    .where('export_batch_leads.batch_id', '=', batchId)
    .orderBy('leads.seq')
    .execute();
  return rows.map((row) => row.id);
}

/** Of `leadIds`, those some batch has carried. */
export async function leadIdsExported(db: Kysely<Database>, leadIds: readonly string[]): Promise<Set<string>> {
  const exported = new Set<string>();
  for (let start = 0; start < leadIds.length; start += IDS_PER_QUERY) {
    const rows = await db
      .selectFrom('leads')
      .select('id')
      .where('id', 'in', leadIds.slice(start, start + IDS_PER_QUERY))
      .where('exported_at', 'is not', null)
      .execute();
    for (const row of rows) exported.add(row.id);
  }
  return exported;
}

/**
 * The condition "the lead was exported" (true) or "never exported" (false) for a query
 * over `leads`: `.where(leadExportedCondition(false))`. Uses the leads_exported index.
 */
export function leadExportedCondition(exported: boolean): RawBuilder<SqlBool> {
  return exported ? sql<SqlBool>`leads.exported_at IS NOT NULL` : sql<SqlBool>`leads.exported_at IS NULL`;
}
