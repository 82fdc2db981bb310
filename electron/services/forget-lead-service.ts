import type { Kysely } from 'kysely';
import { findDuplicatesOf, type DuplicateSubject } from '../../shared/domain/duplicates';
import type { Lead } from '../../shared/domain/lead';
import { DRAFT_BADGE_KEY, DRAFT_SCAN_KEY, type ForgetPreview, type ForgottenLead } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { leadFieldsFromCard } from '../../shared/parsing/card-to-lead';
import { deleteQueueItemsOfScans } from '../db/repositories/capture-queue';
import { deleteCardScans, deleteUnclaimedCardScans, listCardScanIdsOfLead, listUnclaimedCardReadings } from '../db/repositories/card-scans';
import { deleteContactNoConversionUses } from '../db/repositories/contacts';
import { findConversionOfLead } from '../db/repositories/conversions';
import { deleteLead, findLeadById } from '../db/repositories/leads';
import { logForget } from '../db/repositories/privacy-log';
import { discardDraft, readDraft } from './drafts-service';
import type { Database } from '../db/schema';
import { backupsFolder } from './backup-service';
import { backupsHoldingLead, removeLeadFromBackup } from './backup-forget';
import { listQueue } from './capture-queue-service';
import { cleanUpAfterForget, FORGET_CLEANUP_PENDING_NOTE, markForgetCleanupPending } from './forget-log-cleanup';
import { nowIso, type ServiceContext } from './service-context';
import { getSettings } from './settings-service';
import { readMembership } from '../sync/sync-state';

export type ForgetResult = ForgottenLead;

/** What `erasePerson` removed from one database. */
interface ErasedPerson {
  photosRemoved: number;
  contactsRemoved: number;
  draftCleared: boolean;
  unclaimedScansRemoved: number;
  queueItemsRemoved: number;
}

/**
 * "Forget me": removes a person from this laptop for good.
 *
 * In one transaction (`erasePerson`): the lead row (every table that refers to a lead does
 * so with ON DELETE CASCADE, so its timeline, activities and criteria go with it), its card
 * photos and OCR text, the contact converted from it, its search entries (the FTS trigger
 * deletes them; `secure-delete`, set by migration 0006, takes the terms out of the index
 * segments at once), and every other copy the live store holds: the booth's saved draft
 * when it is this person, card scans no lead claimed yet that read as this person, and the
 * capture-queue items of all those scans. The connection runs with secure_delete on, so
 * freed pages are zeroed; a checkpoint afterwards moves the zeroed pages into the database
 * file and empties the -wal file, which still held the old page images. While another
 * connection reads an older snapshot that checkpoint cannot finish: the result says so and
 * the clean-up is retried until it does (forget-log-cleanup.ts). Recorded in privacy_log
 * without any personal data.
 *
 * Backups in the app's backups folder that hold the person are named in the result
 * (`leads.forgetPreview` names them before); with `fromBackups` each is rewritten without
 * the person (see backup-forget.ts). Copies kept elsewhere are outside what LeadBooth knows.
 */
export async function forgetLead(context: ServiceContext, leadId: string, options: { fromBackups?: boolean } = {}): Promise<ForgetResult> {
  // Issue 18 §2: in a team, forgetting a person (for every laptop, at their next sync) is a manager's step.
  if ((await readMembership(context.db))?.role === 'booth') {
    throw new AppError('forbidden', 'This laptop is a booth device of a team hub: a manager device forgets a person for the whole team. Ask your manager to do it.');
  }
  const doneBy = (await getSettings(context)).staffName || 'unknown';
  const erased = await context.db.transaction().execute(async (trx) => {
    const lead = await findLeadById(trx, leadId);
    if (!lead) return null;
    const at = nowIso(context);
    const result = await erasePerson(trx, lead, { at, doneBy });
    await markForgetCleanupPending(trx, context.newId(), at);
    return result;
  });
  let cleanupPending: string | null = null;
  let backupsStillHolding = context.store ? backupsHoldingLead(context.store.path, leadId) : [];
  if (!erased) {
    // Forgotten before: only its backups may be left to clean.
    if (backupsStillHolding.length === 0) {
      throw new AppError('not_found', 'This lead no longer exists (it may have been forgotten already). Reload the list.');
    }
    if (!options.fromBackups) {
      throw new AppError(
        'not_found',
        `This lead was forgotten already, but ${backupsStillHolding.length} backup(s) in the backups folder still hold it: remove it from them too (CLI: --from-backups).`,
      );
    }
  } else {
    // Held back, the mark set above has the running app's retry (or the next start) finish
    // the job; so has it without the raw connection (a bare test context).
    if (context.store && (await cleanUpAfterForget(context.store, context.clock)) !== 'done') cleanupPending = FORGET_CLEANUP_PENDING_NOTE;
    context.notify('leads.changed', { ids: [leadId] });
    if (erased.queueItemsRemoved > 0) context.notify('cards.progress', { items: await listQueue(context) });
  }

  const backupsCleaned: string[] = [];
  const backupErrors: string[] = [];
  if (options.fromBackups && context.store) {
    for (const backup of backupsStillHolding) {
      try {
        await removeLeadFromBackup(backup.path, leadId, (db) => erasePersonIn(db, leadId, { at: nowIso(context), doneBy }));
        backupsCleaned.push(backup.name);
      } catch (error) {
        backupErrors.push(`${backup.name}: ${error instanceof AppError ? error.message : String(error)}`);
      }
    }
    backupsStillHolding = backupsStillHolding.filter((backup) => !backupsCleaned.includes(backup.name));
  }
  const nothingErased: ErasedPerson = { photosRemoved: 0, contactsRemoved: 0, draftCleared: false, unclaimedScansRemoved: 0, queueItemsRemoved: 0 };
  return { leadId, inStore: erased !== null, ...(erased ?? nothingErased), backupsCleaned, backupsStillHolding, backupErrors, cleanupPending };
}

/** What the confirmation names before anything is deleted: the backups in the app's folder that hold the person. */
export function previewForget(context: ServiceContext, leadId: string): ForgetPreview {
  if (!context.store) return { backupsFolder: '', backupsHolding: [] };
  return { backupsFolder: backupsFolder(context.store.path), backupsHolding: backupsHoldingLead(context.store.path, leadId) };
}

/** `erasePerson` on a database a backup copy was opened as: the lead read there, nothing done when it is not there. */
async function erasePersonIn(db: Kysely<Database>, leadId: string, stamp: { at: string; doneBy: string }): Promise<void> {
  await db.transaction().execute((trx) => eraseLeadInTransaction(trx, leadId, stamp));
}

/**
 * Forgets a lead inside the caller's transaction, exactly as "Forget me" does on this laptop:
 * what team sync does with a forget (a tombstone) made on another laptop. False when the lead is not here.
 */
export async function eraseLeadInTransaction(trx: Kysely<Database>, leadId: string, stamp: { at: string; doneBy: string }): Promise<boolean> {
  const lead = await findLeadById(trx, leadId);
  if (!lead) return false;
  await erasePerson(trx, lead, stamp);
  return true;
}

/**
 * Deletes every row of one database that holds the person, inside the caller's transaction;
 * the same for the live store and for each backup copy, so both forget exactly the same.
 */
async function erasePerson(trx: Kysely<Database>, lead: Lead, stamp: { at: string; doneBy: string }): Promise<ErasedPerson> {
  const leadScanIds = await listCardScanIdsOfLead(trx, lead.id);
  const unclaimedScanIds = await unclaimedScansOf(trx, lead);
  const scanIds = [...leadScanIds, ...unclaimedScanIds];

  // Before the scans: the queue's reference to a scan is set to NULL when the scan goes, and
  // the item (its file name, often the person's) would stay behind unreachable.
  const queueItemsRemoved = await deleteQueueItemsOfScans(trx, scanIds);
  const draftCleared = await clearDraftOf(trx, lead, new Set(scanIds));

  // Explicit, although the foreign key cascades: the photos are the most personal part and must never depend on a pragma.
  const photosRemoved = await deleteCardScans(trx, leadScanIds);
  await deleteUnclaimedCardScans(trx, unclaimedScanIds);
  // The contact a conversion made of this person holds the same name, e-mail and phone: it goes
  // too (its opportunity roles cascade; the account is the company and stays). A contact another
  // lead was also converted into stays: that lead still refers to it, and can be forgotten in turn.
  const converted = await findConversionOfLead(trx, lead.id);
  await deleteLead(trx, lead.id);
  const contactsRemoved = converted && (await deleteContactNoConversionUses(trx, converted.contact_id)) ? 1 : 0;
  await logForget(trx, { at: stamp.at, leadId: lead.id, doneBy: stamp.doneBy, photosRemoved: photosRemoved + unclaimedScanIds.length });
  return { photosRemoved, contactsRemoved, draftCleared, unclaimedScansRemoved: unclaimedScanIds.length, queueItemsRemoved };
}

function subjectOf(id: string, fields: Partial<Record<keyof DuplicateSubject, string>>): DuplicateSubject {
  return {
    id,
    firstName: fields.firstName ?? '',
    lastName: fields.lastName ?? '',
    company: fields.company ?? '',
    email: fields.email ?? '',
    phone: fields.phone ?? '',
    mobile: fields.mobile ?? '',
    country: fields.country ?? '',
  };
}

/** True when what a card or the form holds is this person by the one duplicate rule (same email, same name and company or phone…). */
function isThePerson(lead: Lead, fields: Partial<Record<keyof DuplicateSubject, string>>): boolean {
  return findDuplicatesOf(subjectOf('', fields), [lead]).length > 0;
}

/** Card scans no lead was saved with (still in the queue or on the booth form) that read as this person. */
async function unclaimedScansOf(trx: Kysely<Database>, lead: Lead): Promise<string[]> {
  const ids: string[] = [];
  // A reading we cannot parse cannot be told to be this person.
  for (const { id, card } of await listUnclaimedCardReadings(trx)) if (card && isThePerson(lead, leadFieldsFromCard(card))) ids.push(id);
  return ids;
}

/** The booth form's saved draft goes when it is this person: their scan, their badge, or their details by the duplicate rule. */
async function clearDraftOf(trx: Kysely<Database>, lead: Lead, scanIds: ReadonlySet<string>): Promise<boolean> {
  const draft = await readDraft(trx);
  if (!draft) return false;
  const { fields } = draft;
  const scanId = fields[DRAFT_SCAN_KEY];
  const holdsPerson = (scanId !== undefined && scanIds.has(scanId)) || sameBadge(lead, fields[DRAFT_BADGE_KEY]) || isThePerson(lead, fields);
  if (holdsPerson) await discardDraft(trx);
  return holdsPerson;
}

function sameBadge(lead: Lead, badgeJson: string | undefined): boolean {
  if (!badgeJson || lead.badgeId === '') return false;
  try {
    return (JSON.parse(badgeJson) as { badgeId?: unknown }).badgeId === lead.badgeId;
  } catch {
    return false;
  }
}
