import type { Kysely } from 'kysely';
import type { Criterion, CriterionAnswer, CriterionKind, CriterionState } from '../../../shared/domain/qualification';
import { compiledQuery } from '../compiled-query';
import type { Database } from '../schema';

/**
 * A show's checklist: its criteria not removed, in order. Every reader of a checklist (the
 * qualification panel, the checklist editor, scores, the automatic rule) reads it here.
 */
export async function listCriteria(db: Kysely<Database>, eventId: string): Promise<Criterion[]> {
  const rows = await db.selectFrom('qualification_criteria').selectAll().where('event_id', '=', eventId).where('removed', '=', 0).orderBy('position').execute();
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
 * place, those left out are marked removed, and one added back is unmarked: team sync logs a
 * changed row by its changed columns, so saving a checklist sends what changed, not the whole
 * checklist made again.
 *
 * A criterion is removed by marking it (`removed`, migration 0017), not by deleting its row: a
 * removal on one laptop and the criterion added back or edited on another then meet as edits of
 * one record, field by field, last writer wins, the same on every laptop. A deleted record's
 * tombstone is for good, and letting a later whole record bring it back made the hub (which
 * orders a tombstone and a return by push) and the laptops (which merge by clock) disagree
 * (docs/team-hub.md). A lead's answers to a removed criterion stay, as they always did: they
 * count again if the criterion comes back. Only deleting the show deletes its criteria.
 */
export async function replaceCriteria(db: Kysely<Database>, eventId: string, criteria: readonly Criterion[]): Promise<void> {
  const keys = criteria.map((criterion) => criterion.key);
  let dropped = db.updateTable('qualification_criteria').set({ removed: 1 }).where('event_id', '=', eventId).where('removed', '=', 0);
  if (keys.length > 0) dropped = dropped.where('key', 'not in', keys);
  await dropped.execute();
  for (const [position, criterion] of criteria.entries()) {
    const row = {
      label: criterion.label,
      kind: criterion.kind,
      choices: JSON.stringify(criterion.choices),
      position,
      ask_at_booth: criterion.askAtBooth ? 1 : 0,
      removed: 0,
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
