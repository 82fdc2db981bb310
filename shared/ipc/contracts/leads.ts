import { z } from 'zod';
import type { DuplicateReason } from '../../domain/duplicates';
import { editableStatusSchema, leadPatchSchema, newLeadSchema, type Lead, type LeadContactField } from '../../domain/lead';
import type { Activity } from '../../domain/activity';
import type { ConversionSummary } from '../../domain/crm';
import type { ShowEvent } from '../../domain/event';
import type { TimelineEntry } from '../../domain/timeline';
import { bulkChangeSchema, bulkTargetSchema, reviewFilterSchema, reviewSortSchema } from '../../domain/review';
import { channel, noInput } from '../channel';
import type { BackupSummary } from './backups';
import { criterionAnswerFields, type LeadQualification } from './qualification';

export interface SavedLead {
  lead: Lead;
  /** Fields Salesforce needs before the lead can be exported. */
  missingForExport: LeadContactField[];
}

export interface ForgottenLead {
  leadId: string;
  /** False when the lead was forgotten before and only its backups were cleaned now. */
  inStore: boolean;
  photosRemoved: number;
  /** The contact converted from the lead, removed with it (0 or 1). */
  contactsRemoved: number;
  /** The booth form's saved draft was this person and went too. */
  draftCleared: boolean;
  /** Card scans no lead claimed yet that read as this person, removed. */
  unclaimedScansRemoved: number;
  /** Capture-queue items of the person's scans, removed. */
  queueItemsRemoved: number;
  /** Backups in the app's backups folder rewritten without the person (asked with `fromBackups`). */
  backupsCleaned: string[];
  /** Backups in the app's backups folder that still hold the person. */
  backupsStillHolding: BackupSummary[];
  /** Why a backup could not be rewritten ("name: reason"); it was left as it was. */
  backupErrors: string[];
  /**
   * Null when no live store file holds the person any more. Otherwise one line to show: another
   * connection still reads an older snapshot, so the person's old text stays in the -wal until
   * it is released; the clean-up then finishes by itself (at the latest at the next start).
   */
  cleanupPending: string | null;
}

/** What "Forget this person" names before it deletes anything. */
export interface ForgetPreview {
  /** The app's backups folder ('' where this process keeps no backups). */
  backupsFolder: string;
  /** The backups in it that hold the person (searched read-only by the lead's id). */
  backupsHolding: BackupSummary[];
}

export interface LeadPage {
  items: Lead[];
  /** Pass back as `after` for the next page; null at the end. */
  nextCursor: string | null;
}

/** A stored lead the new one is probably the same person as: what the warning at save names. */
export interface LikelyDuplicate {
  lead: Lead;
  /** Why (shared/domain/duplicates.ts): 'email', 'name+company', 'name+phone', 'name+domain'. */
  reasons: DuplicateReason[];
  /** The show it was captured at ('' if that show is gone). */
  eventName: string;
}

const probeText = (max: number) => z.string().max(max).optional();

/** A card scan kept with a lead, without its photo (fetched separately with cards.photo). */
interface LeadCardScan {
  id: string;
  fileName: string;
  ocrText: string;
  imageWidth: number;
  imageHeight: number;
  scannedAt: string;
}

/** Everything the lead's screen shows. */
export interface LeadDetail {
  lead: Lead;
  event: ShowEvent | null;
  missingForExport: LeadContactField[];
  qualification: LeadQualification;
  /** Newest first. */
  timeline: TimelineEntry[];
  activities: Activity[];
  cardScans: LeadCardScan[];
  /** What the lead became, once converted. */
  conversion: ConversionSummary | null;
}

/** One window of the review list (offset paging: the list jumps anywhere in 100,000 rows). */
export interface ReviewPage {
  items: Lead[];
  /** How many leads the filter matches in all. */
  total: number;
  offset: number;
  /** Ids on this page that the duplicate rule pairs with another lead (only when asked for). */
  duplicateIds: string[];
  /** When each lead on this page last went out in an export (UTC ISO); leads never exported are absent. */
  exportedAt: Record<string, string>;
}

/** What a bulk action did. */
export interface BulkResult {
  /** Leads changed (or deleted). */
  done: number;
  /** Leads left as they were: converted leads are read-only. */
  skippedConverted: number;
  /** Leads already as asked. */
  unchanged: number;
  cancelled: boolean;
}

/** Leads: create, edit, read, list and search. */
export const leadsChannels = {
  'leads.create': channel<SavedLead>()(
    newLeadSchema
      // When a lead was captured is recorded by the app, and only conversion makes a lead
      // Converted (an import calls the service itself). capturedBy may be sent only as the
      // staff name the form showed: it must be the current one (see leads-handlers.ts).
      .omit({ capturedAt: true })
      .extend({
        status: editableStatusSchema.optional(),
        cardScanId: z.uuid().optional(),
        /** The entry form's draft is this lead: clear it in the same transaction, so a crash cannot bring it back. */
        clearDraft: z.boolean().optional(),
        /** The show's "ask at the booth" questions answered while the person was there: recorded with the lead, in its transaction. */
        boothAnswers: z.array(z.object(criterionAnswerFields).strict()).max(100).optional(),
      })
      .strict(),
  ),
  'leads.update': channel<SavedLead>()(z.object({ id: z.uuid(), patch: leadPatchSchema.strict() }).strict()),
  /** The warning at save: leads that are probably this person already (fast at 100,000 leads). */
  'leads.findDuplicates': channel<LikelyDuplicate[]>()(
    z
      .object({
        firstName: probeText(40),
        lastName: probeText(80),
        company: probeText(255),
        email: probeText(80),
        phone: probeText(40),
        mobile: probeText(40),
        /** Numbers written without a country code are read in this country. */
        country: probeText(80),
        /** The badge scanned for it: the same badge saved before is this person. */
        badgeId: probeText(500),
        /** The lead being edited, which is no duplicate of itself. */
        excludeId: z.uuid().optional(),
      })
      .strict(),
  ),
  /** "Merge into it": the new reading fills the existing lead's empty fields, notes and card photos are both kept. */
  'leads.merge': channel<SavedLead>()(
    z
      .object({
        intoId: z.uuid(),
        lead: newLeadSchema.strict(),
        cardScanId: z.uuid().optional(),
        clearDraft: z.boolean().optional(),
      })
      .strict(),
  ),
  'leads.get': channel<Lead>()(z.object({ id: z.uuid() }).strict()),
  'leads.detail': channel<LeadDetail>()(z.object({ id: z.uuid() }).strict()),
  /** Deletes the person for good: the lead, its photos, its search entries (see forget-lead-service). */
  'leads.forget': channel<ForgottenLead>()(
    z
      .object({
        id: z.uuid(),
        /** Also rewrite the backups in the app's backups folder without the person. */
        fromBackups: z.boolean().optional(),
      })
      .strict(),
  ),
  /** The backups that hold the person, for the confirmation before "Forget this person". */
  'leads.forgetPreview': channel<ForgetPreview>()(z.object({ id: z.uuid() }).strict()),
  'leads.list': channel<LeadPage>()(
    z
      .object({
        query: z.string().max(200).optional(),
        eventId: z.uuid().optional(),
        limit: z.number().int().min(1).max(500).optional(),
        after: z.string().max(200).optional(),
      })
      .strict(),
  ),
  /** The review list: filters, sort and a window of rows. */
  'leads.query': channel<ReviewPage>()(
    z
      .object({
        filter: reviewFilterSchema,
        sort: reviewSortSchema,
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(500),
        /** Also say which of the page's leads are possible duplicates (when known: see duplicateSnapshotForMarks). */
        withDuplicates: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Status, rating or show of many leads at once, in slices with `leads.bulkProgress` events. */
  'leads.bulkUpdate': channel<BulkResult>()(z.object({ target: bulkTargetSchema, change: bulkChangeSchema }).strict()),
  /** Deletes leads for good (card photos, timeline and answers with them); converted leads are kept. */
  'leads.delete': channel<BulkResult>()(z.object({ target: bulkTargetSchema }).strict()),
  /** Stops a running bulk update or delete after its current slice (what is done stays done). */
  'leads.cancelBulk': channel<{ cancelled: boolean }>()(noInput),
};
