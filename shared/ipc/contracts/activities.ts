import { z } from 'zod';
import { ACTIVITY_TYPES, type Activity } from '../../domain/activity';
import { channel } from '../channel';

export interface FollowupEmail {
  to: string;
  subject: string;
  body: string;
  /** mailto: address that opens the person's mail client with all of it filled in. */
  mailtoUrl: string;
  /** The same email as an .eml file (RFC 5322), for mail clients that open files. */
  emlFileName: string;
  emlText: string;
}

/** Calls, emails, meetings and notes, and the follow-up email from the show's template. */
export const activitiesChannels = {
  'activities.log': channel<Activity>()(
    z
      .object({
        leadId: z.uuid().optional(),
        opportunityId: z.uuid().optional(),
        type: z.enum(ACTIVITY_TYPES, { message: 'An activity is a call, email, meeting or note.' }),
        occurredAt: z.iso.datetime({ message: 'Use a date and time like 2026-11-28T14:30:00Z.' }).optional(),
        outcome: z.string().trim().max(255).optional(),
        text: z.string().trim().max(32_000).optional(),
      })
      .strict()
      .refine((input) => (input.leadId === undefined) !== (input.opportunityId === undefined), {
        message: 'Log an activity on a lead or on an opportunity.',
        path: ['leadId'],
      }),
  ),
  'activities.followup': channel<FollowupEmail>()(z.object({ leadId: z.uuid() }).strict()),
  'activities.recordFollowup': channel<Activity>()(
    z.object({ leadId: z.uuid(), via: z.enum(['mail_client', 'eml_file']) }).strict(),
  ),
};
