import type { Kysely } from 'kysely';
import type { Activity, ActivityType } from '../../../shared/domain/activity';
import { compiledQuery } from '../compiled-query';
import type { ActivityRow, Database } from '../schema';

function activityFromRow(row: ActivityRow): Activity {
  return {
    id: row.id,
    leadId: row.lead_id,
    opportunityId: row.opportunity_id,
    // The table's CHECK keeps the type inside ACTIVITY_TYPES.
    type: row.type as ActivityType,
    occurredAt: row.occurred_at,
    outcome: row.outcome,
    text: row.text,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export async function insertActivity(db: Kysely<Database>, activity: Activity): Promise<void> {
  await db
    .insertInto('activities')
    .values({
      id: activity.id,
      lead_id: activity.leadId,
      opportunity_id: activity.opportunityId,
      type: activity.type,
      occurred_at: activity.occurredAt,
      outcome: activity.outcome,
      text: activity.text,
      created_by: activity.createdBy,
      created_at: activity.createdAt,
    })
    .execute();
}

export async function listActivities(db: Kysely<Database>, of: { leadId: string } | { opportunityId: string }): Promise<Activity[]> {
  const select = db.selectFrom('activities').selectAll();
  const filtered = 'leadId' in of ? select.where('lead_id', '=', of.leadId) : select.where('opportunity_id', '=', of.opportunityId);
  const rows = await filtered.orderBy('occurred_at', 'desc').orderBy('seq', 'desc').execute();
  return rows.map(activityFromRow);
}

// Compiled once: every conversion runs it (the automatic rule, thousands in a run).
const linkActivities = compiledQuery((db, args: { leadId: string; opportunityId: string | null }) =>
  db.updateTable('activities').set({ opportunity_id: args.opportunityId }).where('lead_id', '=', args.leadId),
);

/** A converted lead's activities follow it to the opportunity (and back again on undo). */
export async function linkLeadActivitiesToOpportunity(db: Kysely<Database>, leadId: string, opportunityId: string | null): Promise<void> {
  await linkActivities(db, { leadId, opportunityId });
}
