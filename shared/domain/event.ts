import { z } from 'zod';
import { currencySchema, showCostSchema } from './currency';

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
  /** IANA time zone of the show ("Europe/Berlin"); "" for a show made before shows had one: the laptop's zone. */
  timeZone: string;
  /** ISO 4217 code of the show's amounts ("EUR"); "" for a show made before shows had one: the laptop's currency. */
  currency: string;
  /** The show's total cost in its currency (stand, travel, staff); null when not entered. */
  cost: number | null;
  createdAt: string;
}

/** The laptop's IANA time zone: a new show's default, and the zone of a show without one. */
export function laptopTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone a show's dates are written in: its own, else the laptop's. */
export function showTimeZone(show: Pick<ShowEvent, 'timeZone'> | undefined): string {
  return show?.timeZone || laptopTimeZone();
}

/** Whether this runtime knows the IANA zone name (Intl throws a RangeError for unknown ones). */
function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, { message: 'Pick the time zone the show takes place in, e.g. Europe/Berlin.' })
  .max(64)
  .refine(isKnownTimeZone, { message: 'This is not a time zone name this computer knows: use one like Europe/Berlin or America/New_York.' });

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
  /** IANA name; absent: the laptop's zone. */
  timeZone: timeZoneSchema.optional(),
  /** ISO 4217; absent: the laptop's currency. */
  currency: currencySchema.optional(),
  /** The show's total cost in its currency; absent or null: not known yet. */
  cost: showCostSchema.optional(),
});
export type NewEvent = z.input<typeof newEventSchema>;
