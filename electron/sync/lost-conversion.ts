import type { Kysely } from 'kysely';
import type { RecordChange } from '../../shared/sync/protocol';
import { deleteAccount, isAccountReferenced } from '../db/repositories/accounts';
import { linkLeadActivitiesToOpportunity } from '../db/repositories/activities';
import { deleteContact, isContactReferenced } from '../db/repositories/contacts';
import { deleteConversion } from '../db/repositories/conversions';
import { deleteOpportunity } from '../db/repositories/opportunities';
import type { Database } from '../db/schema';
import { recordLostConversion } from './conflict-entry';
import { readRecordClocks, WHOLE_RECORD } from './field-clocks';

/**
 * One lead is converted once (issue 18 §3). The hub stores one conversion per lead, the first it
 * accepts, and refuses another laptop's; so a conversion of a lead arriving from the hub while
 * this laptop holds another conversion of that lead is the one that stays everywhere, and this
 * laptop's (made offline, or while the other was on its way) is undone here:
 *
 * - its row goes (the delete trigger keeps its tombstone: no later pull or bundle brings it back);
 * - the opportunity it made goes, the lead's activities linked to the winner's opportunity instead;
 * - the contact and account it made go unless another record uses them now (another lead
 *   converted into them here): then they stay, as records of their own;
 * - fields it filled in an existing account or contact stay filled (the winner's conversion
 *   filled the same empty fields from the same lead, as the account-matching rule merges);
 * - the lead keeps its standing (converted, by the winner);
 * - the lead's timeline says so (`conversion_lost`), the same entry on every laptop.
 *
 * Called while a batch is applied, with the change log on when this laptop logs (`write` is the
 * apply's own-write wrapper): the deletions travel as tombstones, so the laptops that received
 * this laptop's records drop them too. Returns whether anything gave way.
 */
export async function giveWayToFirstConversion(
  trx: Kysely<Database>,
  incoming: RecordChange,
  thisDeviceId: string,
  write: (step: () => Promise<unknown>) => Promise<void>,
): Promise<boolean> {
  const leadId = incoming.fields.lead_id;
  if (incoming.tombstone || typeof leadId !== 'string') return false;
  const local = await trx
    .selectFrom('conversions')
    .selectAll()
    .where('lead_id', '=', leadId)
    .where('id', '<>', incoming.recordId)
    .executeTakeFirst();
  if (!local) return false;
  const clocks = await readRecordClocks(trx, 'conversion', local.id);
  // Stamped at this sync's start when it was this laptop's own; a bundle's conversion may have none.
  const lostStamp = clocks.of(WHOLE_RECORD) || `${String(Date.parse(local.converted_at) || 0).padStart(13, '0')}-0000-${thisDeviceId}`;
  const winnerOpportunity = typeof incoming.fields.opportunity_id === 'string' ? incoming.fields.opportunity_id : null;
  await write(async () => {
    // The row refers to the records it made: it goes before them.
    await deleteConversion(trx, local.id);
    if (local.opportunity_id) {
      const winnerHeld = winnerOpportunity && (await trx.selectFrom('opportunities').select('id').where('id', '=', winnerOpportunity).executeTakeFirst());
      await linkLeadActivitiesToOpportunity(trx, leadId, winnerHeld ? winnerOpportunity : null);
      await deleteOpportunity(trx, local.opportunity_id);
    }
    if (local.contact_created === 1 && local.contact_id !== incoming.fields.contact_id && !(await isContactReferenced(trx, local.contact_id))) {
      await deleteContact(trx, local.contact_id);
    }
    if (local.account_created === 1 && local.account_id !== incoming.fields.account_id && !(await isAccountReferenced(trx, local.account_id))) {
      await deleteAccount(trx, local.account_id);
    }
    await recordLostConversion(trx, leadId, { conversionId: local.id, hlc: lostStamp }, { conversionId: incoming.recordId, hlc: incoming.hlc });
  });
  return true;
}
