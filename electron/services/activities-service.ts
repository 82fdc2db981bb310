import { DEFAULT_FOLLOWUP_BODY, DEFAULT_FOLLOWUP_SUBJECT, fillTemplate, type Activity, type ActivityType } from '../../shared/domain/activity';
import type { Kysely } from 'kysely';
import type { FollowupEmail } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { insertActivity } from '../db/repositories/activities';
import { findEventById } from '../db/repositories/events';
import { findLeadById, setLeadStanding } from '../db/repositories/leads';
import { findOpportunityById } from '../db/repositories/opportunities';
import type { Database } from '../db/schema';
import { nowIso, type ServiceContext } from './service-context';
import { currentActor, record } from './timeline-recorder';

/** Where a follow-up draft went: opened in the mail app, or saved as an .eml file. */
type FollowupVia = 'mail_client' | 'eml_file';

export interface ActivityInput {
  leadId?: string | undefined;
  opportunityId?: string | undefined;
  type: ActivityType;
  occurredAt?: string | undefined;
  outcome?: string | undefined;
  text?: string | undefined;
}

/** Someone reached out: a call, email or meeting with a New lead makes it Working (step 2 of its life). */
const REACHING_OUT: ReadonlySet<ActivityType> = new Set(['call', 'email', 'meeting']);

export async function logActivity(context: ServiceContext, input: ActivityInput): Promise<Activity> {
  const activity = await context.db.transaction().execute((trx) => logActivityIn(trx, context, input));
  if (input.leadId) context.notify('leads.changed', { ids: [input.leadId] });
  return activity;
}

/** Logs an activity inside the caller's transaction (with its timeline entry and the New → Working step). */
async function logActivityIn(trx: Kysely<Database>, context: ServiceContext, input: ActivityInput): Promise<Activity> {
  const now = nowIso(context);
  const actor = await currentActor(trx);
  const lead = input.leadId ? await findLeadById(trx, input.leadId) : undefined;
  if (input.leadId && !lead) throw new AppError('not_found', 'This lead no longer exists. Reload the list.');
  if (input.opportunityId && !(await findOpportunityById(trx, input.opportunityId))) {
    throw new AppError('not_found', 'This opportunity no longer exists.');
  }
  const activity: Activity = {
    id: context.newId(),
    leadId: input.leadId ?? null,
    opportunityId: input.opportunityId ?? null,
    type: input.type,
    occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : now,
    outcome: input.outcome ?? '',
    text: input.text ?? '',
    createdBy: actor,
    createdAt: now,
  };
  await insertActivity(trx, activity);
  if (lead) {
    await record(trx, context, {
      leadId: lead.id,
      at: now,
      actor,
      details: { kind: 'activity_logged', activityId: activity.id, type: activity.type, outcome: activity.outcome, text: activity.text.slice(0, 500) },
    });
    if (lead.status === 'New' && REACHING_OUT.has(activity.type)) {
      await setLeadStanding(trx, lead.id, { status: 'Working', rating: lead.rating, updatedAt: now });
      await record(trx, context, { leadId: lead.id, at: now, actor, details: { kind: 'status_changed', from: 'New', to: 'Working' } });
    }
  }
  return activity;
}

/** The follow-up email of a lead, from its show's template, as a mailto: address and as an .eml file. */
export async function composeFollowup(context: ServiceContext, leadId: string): Promise<FollowupEmail> {
  const lead = await findLeadById(context.db, leadId);
  if (!lead) throw new AppError('not_found', 'This lead no longer exists. Reload the list.');
  if (!lead.email) throw new AppError('invalid_input', 'This lead has no email address yet: add it first.', { email: 'Needed for a follow-up email.' });
  const event = lead.eventId ? await findEventById(context.db, lead.eventId) : undefined;
  const staffName = await currentActor(context.db);
  const values = { firstName: lead.firstName || lead.lastName, lastName: lead.lastName, company: lead.company, show: event?.name ?? '', staffName };
  const subject = fillTemplate(event?.followupSubject || DEFAULT_FOLLOWUP_SUBJECT, values).replace(/[\r\n]+/g, ' ');
  const body = fillTemplate(event?.followupBody || DEFAULT_FOLLOWUP_BODY, values);
  const to = lead.email;
  return {
    to,
    subject,
    body,
    mailtoUrl: `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`,
    emlFileName: `follow-up-${(lead.lastName || lead.company || 'lead').replace(/[^\p{L}\p{N}-]+/gu, '-').toLowerCase()}.eml`,
    emlText: emlOf({ to, subject, body, date: context.clock.now(), from: staffName }),
  };
}

/** RFC 5322 message, UTF-8 (RFC 2047 encoded-word for the subject, base64 body), opened as a draft by mail clients. */
function emlOf(message: { to: string; subject: string; body: string; date: Date; from: string }): string {
  const encodedSubject = `=?UTF-8?B?${Buffer.from(message.subject, 'utf8').toString('base64')}?=`;
  const body = Buffer.from(message.body.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `To: ${message.to}`,
    `Subject: ${encodedSubject}`,
    `Date: ${message.date.toUTCString()}`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
    '',
  ].join('\r\n');
}

/**
 * What a follow-up logs. LeadBooth never sends mail itself: "Save as .eml" writes a draft
 * file and "Open in mail app" opens a draft there, so both are logged as drafted, never as
 * sent. Each click makes one more draft, so each is logged (two saves, two drafts).
 */
const FOLLOWUP_OUTCOME: Record<FollowupVia, string> = {
  eml_file: 'Follow-up drafted (.eml)',
  mail_client: 'Follow-up drafted (mail app)',
};

/** A follow-up email was drafted: one email activity and its timeline entry, in one transaction. */
export async function recordFollowup(context: ServiceContext, leadId: string, via: FollowupVia): Promise<Activity> {
  const email = await composeFollowup(context, leadId);
  const activity = await context.db.transaction().execute(async (trx) => {
    const logged = await logActivityIn(trx, context, { leadId, type: 'email', outcome: FOLLOWUP_OUTCOME[via], text: email.subject });
    await record(trx, context, {
      leadId,
      at: logged.createdAt,
      actor: logged.createdBy,
      details: { kind: 'followup_email', via, subject: email.subject },
    });
    return logged;
  });
  context.notify('leads.changed', { ids: [leadId] });
  return activity;
}
