import { z } from 'zod';

export const QUALIFICATION_FRAMEWORKS = ['BANT', 'ANUM', 'CHAMP', 'custom'] as const;
export type QualificationFramework = (typeof QUALIFICATION_FRAMEWORKS)[number];

/** A trade show: every lead captured at the booth belongs to one. */
export interface ShowEvent {
  id: string;
  name: string;
  location: string;
  /** YYYY-MM-DD, or "" when not known. */
  startsOn: string;
  endsOn: string;
  qualificationFramework: QualificationFramework;
  /** The follow-up email's template, with {firstName} {lastName} {company} {show} {staffName}; "" uses the default. */
  followupSubject: string;
  followupBody: string;
  createdAt: string;
}

const isoDateOrEmpty = z
  .string()
  .trim()
  .refine((value) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value), { message: 'Use a date like 2026-11-27.' });

export const newEventSchema = z.object({
  name: z.string().trim().min(1, { message: 'Give the show a name.' }).max(120, { message: 'Keep the name under 120 characters.' }),
  location: z.string().trim().max(120).optional(),
  startsOn: isoDateOrEmpty.optional(),
  endsOn: isoDateOrEmpty.optional(),
  qualificationFramework: z.enum(QUALIFICATION_FRAMEWORKS).optional(),
});
export type NewEvent = z.input<typeof newEventSchema>;
