import type { Kysely } from 'kysely';
import type { Criterion, CriterionAnswer, CriterionKind, CriterionState } from '../../../shared/domain/qualification';
import { compiledQuery } from '../compiled-query';
import type { Database } from '../schema';

export async function listCriteria(db: Kysely<Database>, eventId: string): Promise<Criterion[]> {
  const rows = await db.selectFrom('qualification_criteria').selectAll().where('event_id', '=', eventId).orderBy('position').execute();
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    // The table's CHECK keeps kind inside the list; choices are written from a string array.
    kind: row.kind as CriterionKind,
    choices: JSON.parse(row.choices) as string[],
    askAtBooth: row.ask_at_booth === 1,
  }));
}

/** The show's checklist becomes exactly `criteria`, in this order. */
export async function replaceCriteria(db: Kysely<Database>, eventId: string, criteria: readonly Criterion[]): Promise<void> {
  await db.deleteFrom('qualification_criteria').where('event_id', '=', eventId).execute();
  if (criteria.length === 0) return;
  await db
    .insertInto('qualification_criteria')
    .values(
      criteria.map((criterion, position) => ({
        event_id: eventId,
        key: criterion.key,
        label: criterion.label,
        kind: criterion.kind,
        choices: JSON.stringify(criterion.choices),
        position,
        ask_at_booth: criterion.askAtBooth ? 1 : 0,
      })),
    )
    .execute();
}

const selectAnswers = compiledQuery((db, args: { leadId: string }) => db.selectFrom('lead_criteria').selectAll().where('lead_id', '=', args.leadId));

export async function listAnswers(db: Kysely<Database>, leadId: string): Promise<CriterionAnswer[]> {
  const rows = await selectAnswers(db, { leadId });
  return rows.map((row) => ({
    key: row.criterion_key,
    state: row.state as CriterionState,
    value: row.value,
    note: row.note,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
  }));
}

export async function saveAnswer(db: Kysely<Database>, leadId: string, answer: CriterionAnswer): Promise<void> {
  const values = {
    state: answer.state,
    value: answer.value,
    note: answer.note,
    answered_by: answer.answeredBy,
    answered_at: answer.answeredAt,
  };
  await db
    .insertInto('lead_criteria')
    .values({ lead_id: leadId, criterion_key: answer.key, ...values })
    .onConflict((conflict) => conflict.columns(['lead_id', 'criterion_key']).doUpdateSet(values))
    .execute();
}

export async function deleteAnswers(db: Kysely<Database>, leadId: string): Promise<void> {
  await db.deleteFrom('lead_criteria').where('lead_id', '=', leadId).execute();
}
