import type { Kysely } from 'kysely';
import type { QualificationFramework } from '../../shared/domain/event';
import {
  criteriaOfFramework,
  suggestRating,
  suggestStatus,
  summarize,
  type Criterion,
  type CriterionAnswer,
  type CriterionState,
} from '../../shared/domain/qualification';
import type { Checklist, LeadQualification } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { findEventById, updateEventColumns } from '../db/repositories/events';
import { findLeadById, isRatingByPerson, setLeadStanding } from '../db/repositories/leads';
import { listAnswers, listCriteria, replaceCriteria, saveAnswer } from '../db/repositories/qualification';
import type { Database } from '../db/schema';
import { convertIfRuleMet } from './automatic-conversion-service';
import { nowIso, type ServiceContext } from './service-context';
import { currentActor, record } from './timeline-recorder';

async function checklistOf(db: Kysely<Database>, eventId: string): Promise<Checklist> {
  const event = await findEventById(db, eventId);
  if (!event) throw new AppError('not_found', 'That show no longer exists. Pick another one.');
  return { eventId, framework: event.qualificationFramework, criteria: await listCriteria(db, eventId) };
}

export function getChecklist(context: ServiceContext, eventId: string): Promise<Checklist> {
  return checklistOf(context.db, eventId);
}

/** Switches a show to BANT, ANUM or CHAMP (their criteria replace the list) or marks its list custom. */
export async function setFramework(context: ServiceContext, eventId: string, framework: QualificationFramework): Promise<Checklist> {
  const checklist = await context.db.transaction().execute(async (trx) => {
    const current = await checklistOf(trx, eventId);
    await updateEventColumns(trx, eventId, { qualificationFramework: framework });
    if (framework !== 'custom') {
      // "Ask at the booth" flags survive a switch for the criteria both lists share.
      const askAtBooth = new Set(current.criteria.filter((criterion) => criterion.askAtBooth).map((criterion) => criterion.key));
      const criteria = criteriaOfFramework(framework).map((criterion) => ({ ...criterion, askAtBooth: askAtBooth.has(criterion.key) }));
      await replaceCriteria(trx, eventId, criteria);
    }
    return checklistOf(trx, eventId);
  });
  return checklist;
}

/**
 * Saves a show's criteria as edited (added, renamed, reordered, removed, "ask at the
 * booth"). A list that is no longer its framework's own becomes custom.
 */
export async function saveCriteria(context: ServiceContext, eventId: string, criteria: Criterion[]): Promise<Checklist> {
  const checklist = await context.db.transaction().execute(async (trx) => {
    const current = await checklistOf(trx, eventId);
    await replaceCriteria(trx, eventId, criteria);
    if (current.framework !== 'custom' && !sameStructure(criteria, criteriaOfFramework(current.framework))) {
      await updateEventColumns(trx, eventId, { qualificationFramework: 'custom' });
    }
    return checklistOf(trx, eventId);
  });
  return checklist;
}

/** Same keys, labels and kinds in the same order (the booth flags do not make a list custom). */
function sameStructure(first: readonly Criterion[], second: readonly Criterion[]): boolean {
  const shape = (criteria: readonly Criterion[]) => criteria.map(({ key, label, kind, choices }) => ({ key, label, kind, choices }));
  return JSON.stringify(shape(first)) === JSON.stringify(shape(second));
}

async function qualificationOf(db: Kysely<Database>, leadId: string): Promise<Omit<LeadQualification, 'convertedAutomatically'>> {
  const lead = await findLeadById(db, leadId);
  if (!lead) throw new AppError('not_found', 'This lead no longer exists. Reload the list.');
  const checklist: Checklist = lead.eventId
    ? await checklistOf(db, lead.eventId)
    : { eventId: '', framework: 'custom', criteria: [] };
  const answers = await listAnswers(db, leadId);
  const summary = summarize(checklist.criteria, answers);
  return {
    lead,
    checklist,
    answers,
    summary,
    suggestedStatus: suggestStatus(lead.status, checklist.criteria, answers),
    suggestedRating: suggestRating(summary),
  };
}

export async function getLeadQualification(context: ServiceContext, leadId: string): Promise<LeadQualification> {
  return { ...(await qualificationOf(context.db, leadId)), convertedAutomatically: null };
}

/** One criterion's answer; value and note left out keep what was stored. */
export interface CriterionAnswerInput {
  key: string;
  state: CriterionState;
  value?: string | undefined;
  note?: string | undefined;
}

export interface AnswerInput extends CriterionAnswerInput {
  leadId: string;
}

export interface AnswersInput {
  leadId: string;
  answers: CriterionAnswerInput[];
}

/** Records one answer: `answerCriteria` with a single answer. */
export function answerCriterion(context: ServiceContext, input: AnswerInput): Promise<LeadQualification> {
  const { leadId, ...answer } = input;
  return answerCriteria(context, { leadId, answers: [answer] });
}

/**
 * `answerCriteria`'s work inside the caller's transaction (a lead saved with its booth
 * answers records them in its own): whether anything changed, and the qualification after.
 */
export async function answerCriteriaInTransaction(
  trx: Kysely<Database>,
  context: ServiceContext,
  input: AnswersInput,
  stamp: { actor: string; now: string },
): Promise<{ changed: boolean; qualification: LeadQualification }> {
  const { actor, now } = stamp;
  const before = await qualificationOf(trx, input.leadId);
  const { lead, checklist } = before;
  if (lead.status === 'Converted') {
    throw new AppError('read_only', 'This lead was converted and can no longer be changed. Undo the conversion first.');
  }
  const keys = input.answers.map((answer) => answer.key);
  const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
  if (repeated) throw new AppError('invalid_input', `"${repeated}" is answered twice: give each criterion once.`, { key: 'Given twice.' });
  let changed = false;
  for (const given of input.answers) {
    const criterion = checklist.criteria.find((candidate) => candidate.key === given.key);
    if (!criterion) {
      const known = checklist.criteria.map((candidate) => candidate.key).join(', ');
      throw new AppError('invalid_input', `"${given.key}" is not on this show's checklist${known ? ` (it has: ${known})` : ''}.`, {
        key: 'Not a criterion of this show.',
      });
    }
    if (criterion.kind === 'choice' && given.value && !criterion.choices.includes(given.value)) {
      throw new AppError('invalid_input', `Pick one of: ${criterion.choices.join(', ')}.`, { value: 'Not one of the choices.' });
    }
    const previous = before.answers.find((answer) => answer.key === given.key);
    const answer: CriterionAnswer = {
      key: given.key,
      state: given.state,
      value: given.value ?? previous?.value ?? '',
      note: given.note ?? previous?.note ?? '',
      answeredBy: actor,
      answeredAt: now,
    };
    // Clicking the answer that is already selected (or saving an unchanged note) is no news.
    const unchanged = (previous?.state ?? 'unknown') === answer.state && (previous?.value ?? '') === answer.value && (previous?.note ?? '') === answer.note;
    if (unchanged) continue;
    changed = true;
    await saveAnswer(trx, lead.id, answer);
    await record(trx, context, {
      leadId: lead.id,
      at: now,
      actor,
      details: {
        kind: 'criterion_answered',
        key: criterion.key,
        label: criterion.label,
        from: previous?.state ?? 'unknown',
        to: answer.state,
        value: answer.value,
        note: answer.note,
      },
    });
  }
  if (!changed) return { changed, qualification: { ...before, convertedAutomatically: null } };

  const after = await qualificationOf(trx, lead.id);
  let next = after.lead;
  if (after.suggestedStatus) {
    await record(trx, context, {
      leadId: lead.id,
      at: now,
      actor,
      details: { kind: 'status_changed', from: next.status, to: after.suggestedStatus, byChecklist: true },
    });
    next = { ...next, status: after.suggestedStatus };
  }
  if (!(await isRatingByPerson(trx, lead.id)) && after.suggestedRating !== next.rating) {
    await record(trx, context, {
      leadId: lead.id,
      at: now,
      actor,
      details: { kind: 'rating_changed', from: next.rating, to: after.suggestedRating, byChecklist: true },
    });
    next = { ...next, rating: after.suggestedRating };
  }
  if (next !== after.lead) await setLeadStanding(trx, lead.id, { ...next, updatedAt: now });
  const convertedAutomatically = await convertIfRuleMet(trx, context, lead.id);
  return { changed, qualification: { ...(await qualificationOf(trx, lead.id)), convertedAutomatically } };
}

/**
 * Records several answers as ONE change, in one transaction: each answer that changes
 * something (state, value or note) is stored and on the timeline — the same answer again
 * logs nothing. Then, once: the lead moves forward where the checklist says so (need met →
 * Working, authority met → Qualified; never backwards), the suggested rating is set unless
 * a person chose one, and if the show's automatic rule is met now the lead is converted.
 * So answering three criteria with a rule of 3 converts after all three, not in between.
 */
export async function answerCriteria(context: ServiceContext, input: AnswersInput): Promise<LeadQualification> {
  const result = await context.db.transaction().execute(async (trx) =>
    answerCriteriaInTransaction(trx, context, input, { actor: await currentActor(trx), now: nowIso(context) }),
  );
  if (result.changed) context.notify('leads.changed', { ids: [input.leadId] });
  return result.qualification;
}
