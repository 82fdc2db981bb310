import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { BatchLead, ExportBatch, ExportBatchInHistory, ExportFilter, ExportFormat } from '../../../shared/domain/exchange';
import { displayName } from '../../../shared/domain/lead';
import type { Database } from '../schema';

/**
 * Export batches: what went out, and which leads it carried (`export_batch_leads`, indexed
 * by lead), so "exported or not" is one index probe per lead for the review list.
 */

export interface NewExportBatch extends Omit<ExportBatch, 'filter'> {
  filter: ExportFilter;
}

/** Records a batch and the leads it carried, in the caller's transaction. */
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
  // unpacks itself (json_each), instead of hundreds of multi-row INSERTs built here. Sorted
  // first, so the rows, the by-lead index and the leads' id index (the foreign key check)
  // are each walked front to back: in random UUID order every row touched another page,
  // about three times the cost with a few past batches of 100,000.
  // A lead deleted between producing the file and recording the batch is left out, not a foreign-key failure.
  await sql`
    INSERT OR IGNORE INTO export_batch_leads (batch_id, lead_id)
    SELECT ${batch.id}, value FROM json_each(${JSON.stringify(leadIds)}) WHERE value IN (SELECT id FROM leads) ORDER BY value`.execute(db);
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

/**
 * Newest first, each with the names of up to `namedPerBatch` of its leads. Two statements for
 * any number of batches: the batches, then every batch's first leads at once. A batch's leads
 * are read through its primary key (batch_id, lead_id) with a LIMIT, so a batch of 100,000
 * leads costs the same as one of 50; which 50 is the key's order, shown in capture order.
 */
export async function listExportBatches(db: Kysely<Database>, limit: number | undefined, namedPerBatch: number): Promise<ExportBatchInHistory[]> {
  const rows = await db.selectFrom('export_batches').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit ?? 200).execute();
  const named = rows.length > 0 ? await firstLeadsOfBatches(db, rows.map((row) => row.id), namedPerBatch) : new Map<string, BatchLead[]>();
  return rows.map((row) => ({ ...batchFromRow(row), leads: named.get(row.id) ?? [] }));
}

async function firstLeadsOfBatches(db: Kysely<Database>, batchIds: readonly string[], perBatch: number): Promise<Map<string, BatchLead[]>> {
  const rows = await sql<{ batch_id: string; id: string; first_name: string; last_name: string; email: string; company: string }>`
    SELECT batch.value AS batch_id, leads.id, leads.first_name, leads.last_name, leads.email, leads.company
    FROM json_each(${JSON.stringify(batchIds)}) AS batch
    JOIN leads ON leads.id IN (SELECT lead_id FROM export_batch_leads WHERE batch_id = batch.value LIMIT ${perBatch})
    ORDER BY batch.value, leads.seq`.execute(db);
  const byBatch = new Map<string, BatchLead[]>();
  for (const row of rows.rows) {
    const leads = byBatch.get(row.batch_id) ?? [];
    leads.push({ leadId: row.id, name: displayName({ firstName: row.first_name, lastName: row.last_name, email: row.email, company: row.company }) });
    byBatch.set(row.batch_id, leads);
  }
  return byBatch;
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
  if (leadIds.length === 0) return new Set();
  const rows = await sql<{ lead_id: string }>`
    SELECT DISTINCT lead_id FROM export_batch_leads
    WHERE lead_id IN (SELECT value FROM json_each(${JSON.stringify(leadIds)}))`.execute(db);
  return new Set(rows.rows.map((row) => row.lead_id));
}

/** The latest batch each of `leadIds` went out in (leads never exported are absent). */
export async function latestExportOfLeads(
  db: Kysely<Database>,
  leadIds: readonly string[],
): Promise<Map<string, { batchId: string; exportedAt: string; format: ExportFormat }>> {
  if (leadIds.length === 0) return new Map();
  const rows = await sql<{ lead_id: string; batch_id: string; created_at: string; format: string }>`
    SELECT member.lead_id, batch.id AS batch_id, batch.created_at, batch.format
    FROM export_batch_leads AS member JOIN export_batches AS batch ON batch.id = member.batch_id
    WHERE member.lead_id IN (SELECT value FROM json_each(${JSON.stringify(leadIds)}))
    ORDER BY batch.created_at`.execute(db);
  // Later batches come last and win.
  return new Map(rows.rows.map((row) => [row.lead_id, { batchId: row.batch_id, exportedAt: row.created_at, format: row.format as ExportFormat }]));
}

/**
 * The condition "the lead was exported" (true) or "never exported" (false) for a query
 * over `leads` (the table named `leads`): `.where(leadExportedCondition(false))`. One probe
 * of the export_batch_leads_lead index per lead.
 */
export function leadExportedCondition(exported: boolean): RawBuilder<SqlBool> {
  const carried = sql`EXISTS (SELECT 1 FROM export_batch_leads WHERE export_batch_leads.lead_id = leads.id)`;
  return exported ? sql<SqlBool>`${carried}` : sql<SqlBool>`NOT ${carried}`;
}
