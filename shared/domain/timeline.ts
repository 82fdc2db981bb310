import type { ActivityType } from './activity';
import type { CaptureMethod, LeadRating, LeadStatus } from './lead';
import type { CriterionState } from './qualification';

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

/** What can happen to a lead, each with what is worth keeping about it. */
export type TimelineDetails =
  | {
      kind: 'captured';
      method: CaptureMethod;
      eventId: string | null;
      eventName: string;
      /** an import's problem values on this lead and where they were kept ("Email: not a valid email address; kept as text …") */
      problems?: string[];
    }
  | { kind: 'edited'; changes: FieldChange[] }
  | { kind: 'status_changed'; from: LeadStatus; to: LeadStatus; reason?: string; byChecklist?: boolean }
  | { kind: 'rating_changed'; from: LeadRating | null; to: LeadRating | null; byChecklist?: boolean }
  | { kind: 'criterion_answered'; key: string; label: string; from: CriterionState; to: CriterionState; value: string; note: string }
  | { kind: 'activity_logged'; activityId: string; type: ActivityType; outcome: string; text: string }
  | { kind: 'followup_email'; via: 'mail_client' | 'eml_file'; subject: string }
  | {
      kind: 'converted';
      conversionId: string;
      automatic: boolean;
      accountId: string;
      accountName: string;
      accountCreated: boolean;
      contactId: string;
      contactName: string;
      contactCreated: boolean;
      opportunityId: string | null;
      opportunityName: string | null;
    }
  | { kind: 'conversion_undone'; conversionId: string }
  | {
      /**
       * Team sync: two laptops converted this lead without seeing each other's conversion; the
       * one the hub accepted first stays, the other was undone at sync (the account, contact and
       * opportunity it made removed, fields it filled in existing ones kept).
       */
      kind: 'conversion_lost';
      conversionId: string;
      /** The laptop whose conversion was undone, and the one whose conversion stays ("laptop 1a2b3c4d"). */
      lostDevice: string;
      wonConversionId: string;
      wonDevice: string;
    }
  | {
      /**
       * Team sync: two laptops each made an account for this company offline (the lead was
       * converted into one of them); the account-matching rule met them at sync and the newer
       * was merged into the older on every laptop: its contacts and opportunities moved, its
       * values filled the other's empty fields.
       */
      kind: 'accounts_merged';
      mergedAccountId: string;
      mergedName: string;
      /** The laptop that made the account merged away, and the one that made the account kept ("laptop 1a2b3c4d"). */
      mergedDevice: string;
      intoAccountId: string;
      intoName: string;
      intoDevice: string;
      /** Merged by a bundle import (laptops with no network), not at sync. */
      byBundle?: boolean;
    }
  | {
      /** "Merge into it" at the booth: a new capture of this person went into this lead instead of a lead of its own. */
      kind: 'capture_merged';
      method: CaptureMethod;
      /** Empty fields of this lead the capture filled. */
      filled: FieldChange[];
      /** What the capture held that differed from this lead's values and had no empty field to go to ("email x@y"): added to the notes. */
      keptInNotes: string[];
    }
  | {
      /** After the show: the organiser's attendee list filled this badge-scanned lead's empty fields. */
      kind: 'filled_from_attendee_list';
      /** The file's name. */
      file: string;
      badgeId: string;
      filled: FieldChange[];
    }
  | {
      kind: 'merged';
      /** The lead merged into this one (now gone: its card photos, activities and timeline are here). */
      otherId: string;
      otherName: string;
      /** Fields that took the other lead's value. */
      changes: FieldChange[];
    }
  | {
      /**
       * Team sync: two laptops changed one field without seeing each other's change; the later
       * change (by hybrid clock) won everywhere. The value that lost is kept here.
       */
      kind: 'sync_conflict';
      field: string;
      /** The field's label ("Job title"), or its column for a field without one. */
      label: string;
      lost: { value: string; device: string };
      won: { value: string; device: string };
    };


export type TimelineEntry = TimelineDetails & {
  id: string;
  leadId: string;
  /** UTC ISO 8601 */
  at: string;
  /** Who did it (the staff name), or "LeadBooth" for automatic steps. */
  actor: string;
};

export const AUTOMATIC_ACTOR = 'LeadBooth (automatic rule)';

const METHOD_WORDS: Record<CaptureMethod, string> = {
  card_scan: 'card scanned',
  badge_scan: 'badge scanned',
  typed: 'typed in',
  imported: 'imported',
};

/** One line a person can read, for the detail screen and the CLI. */
export function describeTimelineEntry(entry: TimelineDetails): string {
  switch (entry.kind) {
    case 'captured':
      return `Captured (${METHOD_WORDS[entry.method]})${entry.eventName ? ` at ${entry.eventName}` : ''}${entry.problems?.length ? `. To check: ${entry.problems.join(' · ')}` : ''}`;
    case 'edited':
      return `Edited ${entry.changes.map((change) => `${change.field}: “${change.from}” → “${change.to}”`).join('; ')}`;
    case 'status_changed':
      return `Status ${entry.from} → ${entry.to}${entry.reason ? ` (${entry.reason})` : ''}${entry.byChecklist ? ', suggested by the checklist' : ''}`;
    case 'rating_changed':
      return `Rating ${entry.from ?? 'none'} → ${entry.to ?? 'none'}${entry.byChecklist ? ', suggested by the checklist' : ''}`;
    case 'criterion_answered':
      return `${entry.label}: ${entry.to}${entry.value ? ` (${entry.value})` : ''}${entry.note ? ` — ${entry.note}` : ''}`;
    case 'activity_logged':
      return `${entry.type[0]?.toUpperCase()}${entry.type.slice(1)} logged${entry.outcome ? `: ${entry.outcome}` : ''}${entry.text ? ` — ${entry.text}` : ''}`;
    case 'followup_email':
      // Drafted, never "sent": LeadBooth hands the draft over; whether it was sent only the mail app knows.
      return `Follow-up email “${entry.subject}” drafted ${entry.via === 'mail_client' ? 'in the mail app' : 'as an .eml file'} (not sent by LeadBooth)`;
    case 'converted':
      return (
        `Converted${entry.automatic ? ' automatically' : ''}: account ${entry.accountName}${entry.accountCreated ? ' (new)' : ''}, ` +
        `contact ${entry.contactName}${entry.contactCreated ? ' (new)' : ''}` +
        (entry.opportunityName ? `, opportunity ${entry.opportunityName}` : ', no opportunity')
      );
    case 'conversion_undone':
      return 'Conversion undone: the records it made were removed and the fields it filled emptied again';
    case 'conversion_lost':
      return `Converted on two laptops: the conversion of ${entry.lostDevice} was undone at sync, the records it made removed; the one of ${entry.wonDevice} reached the hub first and stays`;
    case 'accounts_merged':
      return `Accounts merged ${entry.byBundle ? 'at a bundle import' : 'at sync'}: “${entry.mergedName}” (${entry.mergedDevice}) into “${entry.intoName}” (${entry.intoDevice}), made for one company on two laptops`;
    case 'capture_merged':
      return (
        `A new capture (${METHOD_WORDS[entry.method]}) was merged in` +
        (entry.filled.length > 0 ? `; filled ${entry.filled.map((change) => `${change.field} “${change.to}”`).join(', ')}` : '') +
        (entry.keptInNotes.length > 0 ? `; kept in the notes: ${entry.keptInNotes.join(', ')}` : '')
      );
    case 'filled_from_attendee_list':
      return `Filled from the attendee list ${entry.file} (badge ${entry.badgeId}): ${entry.filled.map((change) => `${change.field} “${change.to}”`).join(', ')}`;
    case 'sync_conflict':
      return `Sync conflict: ${entry.label} “${entry.lost.value}” (${entry.lost.device}) lost to “${entry.won.value}” (${entry.won.device})`;
    case 'merged':
      return (
        `Merged with the duplicate ${entry.otherName}` +
        (entry.changes.length > 0 ? `; took its ${entry.changes.map((change) => `${change.field} “${change.to}”`).join(', ')}` : '')
      );
  }
}
