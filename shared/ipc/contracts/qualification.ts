import { z } from 'zod';
import { QUALIFICATION_FRAMEWORKS, type QualificationFramework } from '../../domain/event';
import type { Lead, LeadRating, LeadStatus } from '../../domain/lead';
import {
  CRITERION_STATES,
  criterionListSchema,
  type Criterion,
  type CriterionAnswer,
  type QualificationSummary,
} from '../../domain/qualification';
import type { ConversionSummary } from '../../domain/crm';
import { channel } from '../channel';

/** A show's checklist. */
export interface Checklist {
  eventId: string;
  framework: QualificationFramework;
  criteria: Criterion[];
}

/** A lead's checklist: its show's criteria with the lead's answers and what they suggest. */
export interface LeadQualification {
  lead: Lead;
  checklist: Checklist;
  answers: CriterionAnswer[];
  summary: QualificationSummary;
  suggestedStatus: LeadStatus | null;
  suggestedRating: LeadRating | null;
  /** Set when this answer met the show's automatic rule and the lead was converted. */
  convertedAutomatically: ConversionSummary | null;
}

const eventId = z.object({ eventId: z.uuid() });

/** One criterion's answer; value and note left out keep what was stored. */
export const criterionAnswerFields = {
  key: z.string().trim().min(1).max(40),
  state: z.enum(CRITERION_STATES, { message: 'A criterion is met, unmet or unknown.' }),
  value: z.string().trim().max(255).optional(),
  note: z.string().trim().max(2000).optional(),
};

/** Each show's checklist (BANT, ANUM, CHAMP or custom) and a lead's answers to it. */
export const qualificationChannels = {
  'qualification.checklist': channel<Checklist>()(eventId.strict()),
  'qualification.setFramework': channel<Checklist>()(eventId.extend({ framework: z.enum(QUALIFICATION_FRAMEWORKS) }).strict()),
  'qualification.saveCriteria': channel<Checklist>()(eventId.extend({ criteria: criterionListSchema }).strict()),
  'qualification.answer': channel<LeadQualification>()(z.object({ leadId: z.uuid(), ...criterionAnswerFields }).strict()),
  /** Several answers as ONE change (one transaction); the show's automatic rule runs once, after all of them. */
  'qualification.answerMany': channel<LeadQualification>()(
    z
      .object({
        leadId: z.uuid(),
        answers: z.array(z.object(criterionAnswerFields).strict()).min(1, { message: 'Give at least one answer.' }).max(100),
      })
      .strict(),
  ),
  'qualification.ofLead': channel<LeadQualification>()(z.object({ leadId: z.uuid() }).strict()),
};
