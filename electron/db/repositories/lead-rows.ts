import type { CaptureMethod, Lead, LeadRating, LeadStatus } from '../../../shared/domain/lead';
import { LEAD_FIELDS, type LeadContactColumn, type LeadContactField } from '../../../shared/domain/lead-fields';
import { compiledCopy } from '../compiled-copy';
import { nameBlockingKey } from '../name-key';
import type { LeadRow, NewLeadRow } from '../schema';

/** A lead from a row: its id, its contact fields, then the rest given, in the lead's key order (its JSON keeps that order). */
const idAndContactOf = compiledCopy<LeadRow, Pick<Lead, 'id' | LeadContactField>>([['id', 'id'], ...LEAD_FIELDS.map((field) => [field.key, field.column] as const)]);
/** A row from a lead: the contact fields' columns, then the rest given. */
const contactColumnsOf = compiledCopy<Lead, Record<LeadContactColumn, string>>(LEAD_FIELDS.map((field) => [field.column, field.key] as const));

/** Between the camelCase lead that crosses IPC and the snake_case row SQLite keeps. */
export function leadFromRow(row: LeadRow): Lead {
  return idAndContactOf(row, {
    leadSource: row.lead_source,
    // The table's CHECK constraints keep these inside their lists.
    status: row.status as LeadStatus,
    rating: row.rating as LeadRating | null,
    notes: row.notes,
    consent:
      row.consent_given === null
        ? null
        : { given: row.consent_given === 1, at: row.consent_at ?? '', wording: row.consent_wording ?? '' },
    badgeId: row.badge_id,
    captureMethod: row.capture_method as CaptureMethod,
    unqualifiedReason: row.unqualified_reason,
    expectedCloseDate: row.expected_close_date,
    importedFields: importedFieldsFromColumn(row.imported_fields),
    eventId: row.event_id,
    capturedBy: row.captured_by,
    capturedAt: row.captured_at,
    updatedAt: row.updated_at,
  });
}

/**
 * The row of a new lead. `sourceUid`: the source's own id of the person (a vCard UID), ''
 * when it gave none.
 *
 * The rows below are written out as whole object literals, never as `{ ...columns, more }`:
 * V8 gives an object made by a spread followed by more properties its own copy of a large
 * backing store (≈ 4 KB a lead here), which in an import of 100,000 rows was most of what the
 * garbage collector did.
 */
export function rowFromLead(lead: Lead, sourceUid = '', badgePayload = ''): Omit<NewLeadRow, 'seq'> {
  return Object.assign(editableColumns(lead), {
    id: lead.id,
    event_id: lead.eventId,
    capture_method: lead.captureMethod,
    captured_by: lead.capturedBy,
    captured_at: lead.capturedAt,
    source_uid: sourceUid,
    badge_payload: badgePayload,
  });
}

/** The columns an edit may change: where and when a lead was captured never do. */
export function editableColumns(lead: Lead) {
  const { consent } = lead;
  return contactColumnsOf(lead, {
    lead_source: lead.leadSource,
    status: lead.status,
    rating: lead.rating,
    notes: lead.notes,
    unqualified_reason: lead.unqualifiedReason,
    expected_close_date: lead.expectedCloseDate,
    consent_given: consent ? (consent.given ? 1 : 0) : null,
    consent_at: consent ? consent.at : null,
    consent_wording: consent ? consent.wording : null,
    badge_id: lead.badgeId,
    imported_fields: importedFieldsColumn(lead.importedFields),
    // Kept in step with the name on every write: the duplicate check looks leads up by it.
    name_key: nameBlockingKey(lead.firstName, lead.lastName),
    updated_at: lead.updatedAt,
  } satisfies Partial<LeadRow>);
}

/** '{}' is what nearly every lead holds: it is neither parsed nor written out again. */
function importedFieldsFromColumn(text: string): Record<string, string> {
  if (text === '{}' || text === '') return {};
  // Written by importedFieldsColumn from a Record<string, string>.
  return JSON.parse(text) as Record<string, string>;
}

function importedFieldsColumn(fields: Record<string, string>): string {
  return Object.keys(fields).length === 0 ? '{}' : JSON.stringify(fields);
}
