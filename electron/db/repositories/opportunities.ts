import { sql, type Kysely } from 'kysely';
import type { ContactRole, Opportunity, StageChange } from '../../../shared/domain/crm';
import { probabilityOf, type OpportunityStage } from '../../../shared/domain/opportunity';
import { compiledInsert } from '../compiled-query';
import type { Database, OpportunityRow } from '../schema';

export function opportunityFromRow(row: OpportunityRow & { converted_from_lead_id?: string | null }): Opportunity {
  // The service writes only stages from OPPORTUNITY_STAGES.
  const stage = row.stage as OpportunityStage;
  return {
    id: row.id,
    accountId: row.account_id,
    eventId: row.event_id,
    name: row.name,
    stage,
    probability: probabilityOf(stage),
    closeDate: row.close_date,
    amount: row.amount,
    leadSource: row.lead_source,
    lostReason: row.lost_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    convertedFromLeadId: row.converted_from_lead_id ?? null,
  };
}

const insertOpportunityRow = compiledInsert('opportunities');
const insertContactRoleRow = compiledInsert('opportunity_contact_roles');

export async function insertOpportunity(db: Kysely<Database>, opportunity: Opportunity): Promise<void> {
  await insertOpportunityRow(db, {
    id: opportunity.id,
    account_id: opportunity.accountId,
    event_id: opportunity.eventId,
    name: opportunity.name,
    stage: opportunity.stage,
    close_date: opportunity.closeDate,
    amount: opportunity.amount,
    lead_source: opportunity.leadSource,
    lost_reason: opportunity.lostReason,
    created_by: opportunity.createdBy,
    created_at: opportunity.createdAt,
    updated_at: opportunity.updatedAt,
  });
  await appendStageChange(db, opportunity.id, { stage: opportunity.stage, at: opportunity.createdAt, actor: opportunity.createdBy });
}

function selectOpportunities(db: Kysely<Database>) {
  return db
    .selectFrom('opportunities')
    .leftJoin('conversions', 'conversions.opportunity_id', 'opportunities.id')
    .selectAll('opportunities')
    .select('conversions.lead_id as converted_from_lead_id');
}

export async function findOpportunityById(db: Kysely<Database>, id: string): Promise<Opportunity | undefined> {
  const row = await selectOpportunities(db).where('opportunities.id', '=', id).executeTakeFirst();
  return row && opportunityFromRow(row);
}

export async function deleteOpportunity(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('opportunities').where('id', '=', id).execute();
}

export async function setOpportunityStage(
  db: Kysely<Database>,
  id: string,
  change: StageChange & { lostReason: string },
): Promise<void> {
  await db
    .updateTable('opportunities')
    .set({ stage: change.stage, lost_reason: change.lostReason, updated_at: change.at })
    .where('id', '=', id)
    .execute();
  await appendStageChange(db, id, { stage: change.stage, at: change.at, actor: change.actor });
}

/** Writes an opportunity's edited fields (name, amount, close date); the stage moves with setOpportunityStage. */
export async function updateOpportunityFields(
  db: Kysely<Database>,
  id: string,
  changes: { name: string; amount: number | null; closeDate: string; updatedAt: string },
): Promise<void> {
  await db
    .updateTable('opportunities')
    .set({ name: changes.name, amount: changes.amount, close_date: changes.closeDate, updated_at: changes.updatedAt })
    .where('id', '=', id)
    .execute();
}

async function appendStageChange(db: Kysely<Database>, opportunityId: string, change: StageChange): Promise<void> {
  // One entry per opportunity, moment and stage (its key in team sync and bundles, migration 0014).
  await db
    .insertInto('opportunity_stage_history')
    .values({ opportunity_id: opportunityId, stage: change.stage, at: change.at, actor: change.actor })
    .onConflict((conflict) => conflict.columns(['opportunity_id', 'at', 'stage']).doNothing())
    .execute();
}

export async function listStageHistory(db: Kysely<Database>, opportunityId: string): Promise<StageChange[]> {
  const rows = await db
    .selectFrom('opportunity_stage_history')
    .select(['stage', 'at', 'actor'])
    .where('opportunity_id', '=', opportunityId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({ stage: row.stage as OpportunityStage, at: row.at, actor: row.actor }));
}

export async function addContactRole(
  db: Kysely<Database>,
  role: { opportunityId: string; contactId: string; role: string; isPrimary: boolean },
): Promise<void> {
  await insertContactRoleRow(db, { opportunity_id: role.opportunityId, contact_id: role.contactId, role: role.role, is_primary: role.isPrimary ? 1 : 0 });
}

/** The primary contact of each of these opportunities that has one, by opportunity id. */
export async function findPrimaryContactIds(db: Kysely<Database>, opportunityIds: readonly string[]): Promise<Map<string, string>> {
  if (opportunityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('opportunity_contact_roles')
    .select(['opportunity_id', 'contact_id'])
    .where('is_primary', '=', 1)
    .where('opportunity_id', 'in', opportunityIds)
    .execute();
  return new Map(rows.map((row) => [row.opportunity_id, row.contact_id]));
}

export async function listContactRoles(db: Kysely<Database>, opportunityId: string): Promise<ContactRole[]> {
  const rows = await db
    .selectFrom('opportunity_contact_roles')
    .innerJoin('contacts', 'contacts.id', 'opportunity_contact_roles.contact_id')
    .select(['contacts.id', 'contacts.first_name', 'contacts.last_name', 'contacts.email', 'opportunity_contact_roles.role', 'opportunity_contact_roles.is_primary'])
    .where('opportunity_contact_roles.opportunity_id', '=', opportunityId)
    .orderBy('opportunity_contact_roles.is_primary', 'desc')
    .execute();
  return rows.map((row) => ({
    contactId: row.id,
    contactName: `${row.first_name} ${row.last_name}`.trim() || row.email,
    role: row.role,
    isPrimary: row.is_primary === 1,
  }));
}

export interface OpportunityListQuery {
  text?: string | undefined;
  accountId?: string | undefined;
  contactId?: string | undefined;
  stage?: OpportunityStage | undefined;
  limit: number;
  offset: number;
}

export async function listOpportunities(db: Kysely<Database>, query: OpportunityListQuery): Promise<Opportunity[]> {
  let select = selectOpportunities(db);
  if (query.accountId) select = select.where('opportunities.account_id', '=', query.accountId);
  if (query.stage) select = select.where('opportunities.stage', '=', query.stage);
  if (query.contactId) {
    const contactId = query.contactId;
    select = select.where('opportunities.id', 'in', (eb) =>
      eb.selectFrom('opportunity_contact_roles').select('opportunity_id').where('contact_id', '=', contactId),
    );
  }
  const text = query.text?.trim().replace(/[%_]/g, '');
  if (text) select = select.where('opportunities.name', 'like', sql<string>`${`%${text}%`}`);
  const rows = await select.orderBy('opportunities.close_date').orderBy('opportunities.seq').limit(query.limit).offset(query.offset).execute();
  return rows.map(opportunityFromRow);
}
