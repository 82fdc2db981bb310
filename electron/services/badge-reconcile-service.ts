/**
 * ID-only badges filled in after the show: the organiser's attendee or lead-retrieval export
 * (CSV) is matched to leads by badge id, and each matched lead's empty fields are filled from
 * its row, field by field, on the lead's timeline as "filled from the attendee list". What
 * staff typed or scanned is never overwritten; a converted lead is left alone. The CSV is read
 * with the import's own reader (electron/exchange/csv-import.ts: delimiters, encodings,
 * headers such as "Badge ID", "Registration ID", "Attendee #"), nothing is imported.
 */
import { LEAD_CONTACT_FIELDS, leadContactSchema, type Lead, type LeadContactField } from '../../shared/domain/lead';
import type { FieldChange } from '../../shared/domain/timeline';
import { AppError } from '../../shared/ipc/errors';
import { readLeadsCsv, type ColumnMapping, CsvImportError } from '../exchange/csv-import';
import { findLeadsByBadgeId, saveLead } from '../db/repositories/leads';
import { nowIso, type ServiceContext } from './service-context';
import { currentActor, record } from './timeline-recorder';

export interface BadgeReconcileReport {
  /** Rows of the file holding a badge id. */
  rowsWithId: number;
  /** Rows without one (nothing to match them by). */
  rowsWithoutId: number;
  /** Badge ids of the file that some lead has. */
  matchedIds: string[];
  /** Badge ids of the file no lead has (the organiser's other attendees). */
  unmatchedIds: string[];
  /** Leads that got at least one field, with the fields they got. */
  filled: Array<{ leadId: string; badgeId: string; fields: LeadContactField[] }>;
  /** Converted leads that matched: read-only, so left as they are. */
  skippedConverted: string[];
}

export async function reconcileBadges(
  context: ServiceContext,
  input: { fileName: string; bytes: Uint8Array; mapping?: ColumnMapping | undefined },
): Promise<BadgeReconcileReport> {
  let csv: ReturnType<typeof readLeadsCsv>;
  try {
    csv = readLeadsCsv(input.bytes, input.mapping ? { mapping: input.mapping } : {});
  } catch (error) {
    if (error instanceof CsvImportError) throw new AppError('invalid_input', `${input.fileName}: ${error.message}`);
    throw error;
  }
  if (!Object.values(csv.mapping).includes('badgeId')) {
    throw new AppError(
      'invalid_input',
      `No column of ${input.fileName} holds the badge id (its headers: ${csv.headers.join(', ')}). Name it "Badge ID" or "Registration ID", or map it: --map '{"Your header": "badgeId"}'.`,
    );
  }
  const report: BadgeReconcileReport = { rowsWithId: 0, rowsWithoutId: 0, matchedIds: [], unmatchedIds: [], filled: [], skippedConverted: [] };
  const now = nowIso(context);
  const changedIds: string[] = [];
  await context.db.transaction().execute(async (trx) => {
    const actor = await currentActor(trx);
    const seen = new Set<string>();
    for (const row of csv.rows) {
      const badgeId = (row.fields.badgeId ?? '').trim();
      if (!badgeId) {
        report.rowsWithoutId += 1;
        continue;
      }
      report.rowsWithId += 1;
      if (seen.has(badgeId)) continue; // the same attendee twice in the list: the first row counts
      seen.add(badgeId);
      const leads = await findLeadsByBadgeId(trx, badgeId);
      if (leads.length === 0) {
        report.unmatchedIds.push(badgeId);
        continue;
      }
      report.matchedIds.push(badgeId);
      for (const lead of leads) {
        if (lead.status === 'Converted') {
          report.skippedConverted.push(lead.id);
          continue;
        }
        const changes = fillEmptyFields(lead, row.fields);
        if (changes.length === 0) continue;
        const next: Lead = { ...lead, updatedAt: now };
        for (const change of changes) next[change.field as LeadContactField] = change.to;
        await saveLead(trx, next);
        await record(trx, context, { leadId: lead.id, at: now, actor, details: { kind: 'filled_from_attendee_list', file: input.fileName, badgeId, filled: changes } });
        report.filled.push({ leadId: lead.id, badgeId, fields: changes.map((change) => change.field as LeadContactField) });
        changedIds.push(lead.id);
      }
    }
  });
  if (changedIds.length > 0) context.notify('leads.changed', { ids: changedIds });
  return report;
}

/** The row's values for the lead's empty contact fields, each checked as the lead's own field would be (a value that would not fit is left out). */
function fillEmptyFields(lead: Lead, values: Partial<Record<string, string>>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of LEAD_CONTACT_FIELDS) {
    const value = (values[field] ?? '').trim();
    if (!value || lead[field].trim() !== '') continue;
    if (!leadContactSchema.shape[field].safeParse(value).success) continue;
    changes.push({ field, from: '', to: value });
  }
  return changes;
}
