import type { CaptureMethod, Lead } from '../../../shared/domain/lead';
import { LEAD_FIELDS, LEAD_RECORD_FIELDS, type LeadContactColumn, type LeadContactField, type LeadRecordColumn, type LeadRecordValues } from '../../../shared/domain/lead-fields';
import { compiledCopy } from '../compiled-copy';
import { nameBlockingKey } from '../name-key';
import type { LeadRow, NewLeadRow } from '../schema';

/** The registry's fields (contact fields, then the lead's own), each copied as it is between its key and its column. */
const REGISTRY_FIELDS = [...LEAD_FIELDS, ...LEAD_RECORD_FIELDS];

/**
 * A lead from a row: its id, its registry fields, then the rest given, in the lead's key
 * order (its JSON keeps that order). The table's CHECK constraints keep a status or rating
 * inside its list, so the registry's types hold for what a column gives back.
 */
const idAndFieldsOf = compiledCopy<LeadRow, Pick<Lead, 'id' | LeadContactField> & LeadRecordValues>([
  ['id', 'id'],
  ...REGISTRY_FIELDS.map((field) => [field.key, field.column] as const),
]);
/** A row from a lead: the registry fields' columns, then the rest given. */
const fieldColumnsOf = compiledCopy<Lead, Record<LeadContactColumn, string> & Pick<LeadRow, LeadRecordColumn>>(REGISTRY_FIELDS.map((field) => [field.column, field.key] as const));

/** Between the camelCase lead that crosses IPC and the snake_case row SQLite keeps. */
export function leadFromRow(row: LeadRow): Lead {
  return idAndFieldsOf(row, {
    consent:
      row.consent_given === null
        ? null
        : { given: row.consent_given === 1, at: row.consent_at ?? '', wording: row.consent_wording ?? '' },
    captureMethod: row.capture_method as CaptureMethod,
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
  return fieldColumnsOf(lead, {
    consent_given: consent ? (consent.given ? 1 : 0) : null,
    consent_at: consent ? consent.at : null,
    consent_wording: consent ? consent.wording : null,
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
