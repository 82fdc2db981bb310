import { z } from 'zod';
import type { QualificationFramework } from './event';
import type { LeadRating, LeadStatus } from './lead';

/** What a criterion asks for: yes/no, one of a few choices, or a short text. */
export const CRITERION_KINDS = ['yesno', 'choice', 'text'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** Where a lead stands on one criterion. */
export const CRITERION_STATES = ['met', 'unmet', 'unknown'] as const;
export type CriterionState = (typeof CRITERION_STATES)[number];

/** One question of a show's checklist. */
export interface Criterion {
  /** Stable across renames: answers are stored by key. */
  key: string;
  label: string;
  kind: CriterionKind;
  /** For kind "choice": the options to pick from. */
  choices: string[];
  /** Shown on the booth's entry form as a one-key toggle. */
  askAtBooth: boolean;
}

/** A lead's answer to one criterion. */
export interface CriterionAnswer {
  key: string;
  state: CriterionState;
  /** The choice picked, the text typed, or the amount for Budget/Money. */
  value: string;
  note: string;
  answeredBy: string;
  answeredAt: string;
}

function builtIn(key: string, label: string): Criterion {
  return { key, label, kind: 'yesno', choices: [], askAtBooth: false };
}

/** The classic checklists, with the stable keys the CLI and exports use. */
export const BUILT_IN_FRAMEWORKS: Record<Exclude<QualificationFramework, 'custom'>, readonly Criterion[]> = {
  BANT: [builtIn('budget', 'Budget'), builtIn('authority', 'Authority'), builtIn('need', 'Need'), builtIn('timeline', 'Timeline')],
  ANUM: [builtIn('authority', 'Authority'), builtIn('need', 'Need'), builtIn('urgency', 'Urgency'), builtIn('money', 'Money')],
  CHAMP: [
    builtIn('challenges', 'Challenges'),
    builtIn('authority', 'Authority'),
    builtIn('money', 'Money'),
    builtIn('prioritization', 'Prioritization'),
  ],
};

/** The criteria a new show (or a show switched to a framework) starts with. */
export function criteriaOfFramework(framework: QualificationFramework): Criterion[] {
  return framework === 'custom' ? [] : BUILT_IN_FRAMEWORKS[framework].map((criterion) => ({ ...criterion }));
}

/** Criteria whose "met" says a need is established (CHAMP calls it Challenges). */
const NEED_KEYS = new Set(['need', 'challenges']);
const AUTHORITY_KEYS = new Set(['authority']);
/** Criteria whose answer may be an amount that pre-fills the opportunity. */
export const AMOUNT_KEYS = new Set(['budget', 'money']);

const criterionKeySchema = z
  .string()
  .trim()
  .min(1, { message: 'Give the criterion a key.' })
  .max(40)
  .regex(/^[a-z][a-z0-9_-]*$/, { message: 'A key is lower-case letters, digits, - or _ (like "budget").' });

const criterionSchema = z.object({
  key: criterionKeySchema,
  label: z.string().trim().min(1, { message: 'Give the criterion a name.' }).max(80),
  kind: z.enum(CRITERION_KINDS),
  choices: z.array(z.string().trim().min(1).max(80)).max(20),
  askAtBooth: z.boolean(),
});

export const criterionListSchema = z
  .array(criterionSchema)
  .max(30, { message: 'Keep a checklist under 30 criteria.' })
  .refine((criteria) => new Set(criteria.map((criterion) => criterion.key)).size === criteria.length, {
    message: 'Two criteria have the same key.',
  })
  .refine((criteria) => criteria.every((criterion) => criterion.kind !== 'choice' || criterion.choices.length >= 2), {
    message: 'A choice criterion needs at least two choices.',
  });

/** A key for a new custom criterion made from its label ("Decision date" → "decision-date"). */
export function keyFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/^(\d)/, 'c$1')
      .slice(0, 36) || 'criterion';
  let key = base;
  for (let suffix = 2; taken.has(key); suffix++) key = `${base}-${suffix}`;
  return key;
}

export interface QualificationSummary {
  met: number;
  unmet: number;
  unknown: number;
  total: number;
}

export function summarize(criteria: readonly Criterion[], answers: readonly CriterionAnswer[]): QualificationSummary {
  const byKey = new Map(answers.map((answer) => [answer.key, answer.state]));
  let met = 0;
  let unmet = 0;
  for (const criterion of criteria) {
    const state = byKey.get(criterion.key);
    if (state === 'met') met++;
    else if (state === 'unmet') unmet++;
  }
  return { met, unmet, unknown: criteria.length - met - unmet, total: criteria.length };
}

/**
 * The rating the checklist points to: every criterion met → Hot, three in four → Warm,
 * otherwise Cold; nothing answered yet → no suggestion.
 */
export function suggestRating(summary: QualificationSummary): LeadRating | null {
  if (summary.total === 0 || summary.met + summary.unmet === 0) return null;
  if (summary.met === summary.total) return 'Hot';
  if (summary.met / summary.total >= 0.75) return 'Warm';
  return 'Cold';
}

/** Where a status stands in the flow New → Working → Qualified (Unqualified and Converted are ends). */
const FLOW_ORDER: Partial<Record<LeadStatus, number>> = { New: 0, Working: 1, Qualified: 2 };

/**
 * The status the checklist points to: need met → Working, authority met (too) → Qualified.
 * Only ever forward: a lead the checklist would put behind where a person put it keeps its
 * status, and Unqualified or Converted leads are never moved.
 */
export function suggestStatus(current: LeadStatus, criteria: readonly Criterion[], answers: readonly CriterionAnswer[]): LeadStatus | null {
  const currentRank = FLOW_ORDER[current];
  if (currentRank === undefined) return null;
  const keys = new Set(criteria.map((criterion) => criterion.key));
  const metKeys = new Set(answers.filter((answer) => answer.state === 'met' && keys.has(answer.key)).map((answer) => answer.key));
  const needMet = [...NEED_KEYS].some((key) => metKeys.has(key));
  const authorityMet = [...AUTHORITY_KEYS].some((key) => metKeys.has(key));
  const target: LeadStatus | null = authorityMet ? 'Qualified' : needMet ? 'Working' : null;
  if (!target) return null;
  return (FLOW_ORDER[target] ?? 0) > currentRank ? target : null;
}

/** An amount typed as a Budget/Money answer ("50k", "€ 12.500", "1,2 Mio" is not guessed). */
export function amountFromAnswer(value: string): number | null {
  const compact = value.replace(/[\s€$£¥]|eur|usd|gbp/gi, '');
  const match = /^(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,](\d{1,2}))?(k|m)?$/i.exec(compact);
  if (!match) return null;
  const whole = Number((match[1] as string).replace(/[.,]/g, ''));
  const cents = match[2] ? Number(match[2]) / 10 ** match[2].length : 0;
  const multiplier = match[3]?.toLowerCase() === 'k' ? 1_000 : match[3]?.toLowerCase() === 'm' ? 1_000_000 : 1;
  const amount = (whole + cents) * multiplier;
  return Number.isFinite(amount) ? amount : null;
}

/** Why a lead is Unqualified: a short pick list plus free text. */
export const UNQUALIFIED_REASONS = [
  'No budget',
  'No need',
  'No authority',
  'Timing not right',
  'Competitor',
  'Student or job seeker',
  'Duplicate',
  'Other',
] as const;
