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

/**
 * The show's checklist becomes exactly `criteria`, in this order. Criteria kept are updated in
 * place and only those left out are deleted: team sync logs a deleted row as a tombstone and a
 * changed one by its changed columns, so saving a checklist sends what changed, not the whole
 * checklist deleted and made again.
 */
export async function replaceCriteria(db: Kysely<Database>, eventId: string, criteria: readonly Criterion[]): Promise<void> {
  const keys = criteria.map((criterion) => criterion.key);
  let dropped = db.deleteFrom('qualification_criteria').where('event_id', '=', eventId);
  if (keys.length > 0) dropped = dropped.where('key', 'not in', keys);
  await dropped.execute();
  for (const [position, criterion] of criteria.entries()) {
    const row = {
      label: criterion.label,
      kind: criterion.kind,
      choices: JSON.stringify(criterion.choices),
      position,
      ask_at_booth: criterion.askAtBooth ? 1 : 0,
    };
    await db
      .insertInto('qualification_criteria')
      .values({ event_id: eventId, key: criterion.key, ...row })
      .onConflict((conflict) => conflict.columns(['event_id', 'key']).doUpdateSet(row))
      .execute();
  }
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
