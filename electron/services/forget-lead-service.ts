import { sql } from 'kysely';
import { AppError } from '../../shared/ipc/errors';
import { nowIso, type ServiceContext } from './service-context';
import { getSettings } from './settings-service';

export interface ForgetResult {
  leadId: string;
  photosRemoved: number;
  /** Contacts converted from this lead that went with it (0 or 1; kept while another lead's conversion still points to one). */
  contactsRemoved: number;
}

/**
 * "Forget me": removes a person from this laptop for good.
 *
 * In one transaction: the lead row (every table that refers to a lead does so with ON
 * DELETE CASCADE, so its timeline, activities and criteria go with it), its card photos and
 * OCR text, the contact converted from it, and its search entries (the FTS trigger deletes them; `secure-delete`, set by
 * migration 0006, takes the terms out of the index segments at once). The connection runs
 * with secure_delete on, so freed pages are zeroed; a checkpoint afterwards moves the
 * zeroed pages into the database file and empties the -wal file, which still held the old
 * page images. Recorded in privacy_log without any personal data.
 *
 * Backups made before keep the person until they age out (the last 7 are kept); exports
 * already sent elsewhere are outside this laptop.
 */
export async function forgetLead(context: ServiceContext, leadId: string): Promise<ForgetResult> {
  const doneBy = (await getSettings(context)).staffName || 'unknown';
  const result = await context.db.transaction().execute(async (trx) => {
    const lead = await trx.selectFrom('leads').select('id').where('id', '=', leadId).executeTakeFirst();
    if (!lead) throw new AppError('not_found', 'This lead no longer exists (it may have been forgotten already). Reload the list.');
    // Explicit, although the foreign key cascades: the photos are the most personal part and must never depend on a pragma.
    const photos = await trx.deleteFrom('card_scans').where('lead_id', '=', leadId).executeTakeFirst();
    // The contact a conversion made of this person holds the same name, e-mail and phone: it goes
    // too (its opportunity roles cascade; the account is the company and stays). A contact another
    // lead was also converted into stays: that lead still refers to it, and can be forgotten in turn.
    const converted = await trx.selectFrom('conversions').select('contact_id').where('lead_id', '=', leadId).executeTakeFirst();
    await trx.deleteFrom('leads').where('id', '=', leadId).execute();
    let contactsRemoved = 0;
    if (converted) {
      const removed = await trx
        .deleteFrom('contacts')
        .where('id', '=', converted.contact_id)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('conversions').select('id').where('contact_id', '=', converted.contact_id))))
        .executeTakeFirst();
      contactsRemoved = Number(removed.numDeletedRows);
    }
    const photosRemoved = Number(photos.numDeletedRows);
    await trx.insertInto('privacy_log').values({ at: nowIso(context), action: 'forget', lead_id: leadId, done_by: doneBy, photos_removed: photosRemoved }).execute();
    return { leadId, photosRemoved, contactsRemoved };
  });
  // Best effort: another process reading an old snapshot can hold the -wal back; its next checkpoint finishes the job.
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(context.db);
  context.notify('leads.changed', { ids: [leadId] });
  return result;
}
