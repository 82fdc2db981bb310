import { describeTimelineEntry } from '../../../shared/domain/timeline';
import { displayName, LEAD_STATUSES, type LeadPatch, type LeadStatus } from '../../../shared/domain/lead';
import { ACTIVITY_TYPES, type ActivityType } from '../../../shared/domain/activity';
import { CRITERION_STATES, type CriterionState } from '../../../shared/domain/qualification';
import type { OpportunityStage } from '../../../shared/domain/opportunity';
import { UsageError, type CliIo } from '../cli-io';
import type { CliSession } from '../open-client';
import type { CommandArgs } from '../parse-command-line';

/** The `leads` subcommands that work one lead through its life: look, edit, qualify, convert. */
const LEAD_LIFECYCLE_ACTIONS = ['show', 'edit', 'qualify', 'status', 'activity', 'convert', 'unconvert'] as const;

export function isLeadLifecycleAction(action: string): boolean {
  return (LEAD_LIFECYCLE_ACTIONS as readonly string[]).includes(action);
}

function leadIdOf(args: CommandArgs, action: string): string {
  const [id] = args.positionals;
  if (!id) throw new UsageError(`leads ${action} needs the lead's id (see: leadbooth leads list --json)`);
  return id;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`--json is not valid JSON (${(error as Error).message}); quote the ${what} like --json '{"company":"Acme"}'`);
  }
}

function recordChoice(value: string | undefined, option: string): { mode: 'new' } | { mode: 'existing'; id: string } {
  if (value === undefined) throw new UsageError(`leads convert needs ${option} new or ${option} ID`);
  return value === 'new' ? { mode: 'new' } : { mode: 'existing', id: value };
}

export async function runLeadLifecycleCommand(session: CliSession, action: string, args: CommandArgs, io: CliIo): Promise<void> {
  const api = session.client;
  const json = args.flag('--json');
  switch (action) {
    case 'show': {
      const detail = await api['leads.detail']({ id: leadIdOf(args, action) });
      if (json) {
        const { lead, qualification, timeline, activities, conversion } = detail;
        io.stdout(
          JSON.stringify({
            ...lead,
            accountId: conversion?.accountId ?? null,
            contactId: conversion?.contactId ?? null,
            opportunityId: conversion?.opportunityId ?? null,
            framework: qualification.checklist.framework,
            criteria: qualification.checklist.criteria.map((criterion) => {
              const answer = qualification.answers.find((candidate) => candidate.key === criterion.key);
              return { key: criterion.key, label: criterion.label, state: answer?.state ?? 'unknown', value: answer?.value ?? '', note: answer?.note ?? '' };
            }),
            suggestedStatus: qualification.suggestedStatus,
            suggestedRating: qualification.suggestedRating,
            activities,
            timeline,
            missingForExport: detail.missingForExport,
          }),
        );
        return;
      }
      const { lead, qualification } = detail;
      io.stdout(`${displayName(lead)}${lead.company ? ` · ${lead.company}` : ''}  [${lead.status}${lead.rating ? `, ${lead.rating}` : ''}]`);
      io.stdout(`Show: ${detail.event?.name ?? '—'} · captured by ${lead.capturedBy} · ${lead.capturedAt}`);
      for (const criterion of qualification.checklist.criteria) {
        const answer = qualification.answers.find((candidate) => candidate.key === criterion.key);
        io.stdout(`  ${criterion.label} (${criterion.key}): ${answer?.state ?? 'unknown'}${answer?.note ? ` — ${answer.note}` : ''}`);
      }
      if (detail.conversion) {
        const conversion = detail.conversion;
        io.stdout(`Converted into account ${conversion.accountName} (${conversion.accountId}), contact ${conversion.contactName} (${conversion.contactId})${conversion.opportunityId ? `, opportunity ${conversion.opportunityName} (${conversion.opportunityId})` : ''}`);
      }
      io.stdout('Timeline (newest first):');
      for (const entry of detail.timeline) io.stdout(`  ${entry.at}  ${entry.actor}: ${describeTimelineEntry(entry)}`);
      return;
    }
    case 'edit': {
      const patchText = args.text('--json');
      if (patchText === undefined) throw new UsageError("leads edit needs --json '<patch>', like --json '{\"title\":\"CTO\"}'");
      // The dispatcher parses the patch with the contract's schema.
      const saved = await api['leads.update']({ id: leadIdOf(args, action), patch: parseJson(patchText, 'patch') as LeadPatch });
      io.stdout(JSON.stringify(saved.lead));
      return;
    }
    case 'qualify': {
      const id = leadIdOf(args, action);
      const criteria = args.all('--criterion');
      if (criteria.length === 0) throw new UsageError('leads qualify needs --criterion KEY=met|unmet|unknown');
      const value = args.text('--value');
      const note = args.text('--note');
      const answers = criteria.map((criterion) => {
        const [key, state] = criterion.split('=');
        if (!key || !state || !(CRITERION_STATES as readonly string[]).includes(state)) {
          throw new UsageError(`--criterion takes KEY=met, KEY=unmet or KEY=unknown, not "${criterion}"`);
        }
        return { key, state: state as CriterionState, ...(value !== undefined && { value }), ...(note !== undefined && { note }) };
      });
      // All criteria are one change: stored together, and the show's automatic rule runs once after them.
      const qualified = await api['qualification.answerMany']({ leadId: id, answers });
      const summary = `${qualified.summary.met} of ${qualified.summary.total} met · status ${qualified.lead.status} · rating ${qualified.lead.rating ?? 'none'}`;
      if (json) io.stdout(JSON.stringify({ lead: qualified.lead, summary: qualified.summary, convertedAutomatically: qualified.convertedAutomatically }));
      else io.stdout(summary);
      if (qualified.convertedAutomatically && !json) io.stdout(`The show's rule converted it: opportunity ${qualified.convertedAutomatically.opportunityName ?? '(none)'}.`);
      return;
    }
    case 'status': {
      const [id, status] = args.positionals;
      if (!id || !status) throw new UsageError(`leads status needs the id and one of ${LEAD_STATUSES.join(', ')}`);
      const reason = args.text('--reason');
      const saved = await api['leads.update']({
        id,
        // The contract refuses Converted and unknown statuses with its own message.
        patch: { status: status as Exclude<LeadStatus, 'Converted'>, ...(reason !== undefined && { unqualifiedReason: reason }) },
      });
      io.stdout(json ? JSON.stringify(saved.lead) : `${displayName(saved.lead)} is now ${saved.lead.status}.`);
      return;
    }
    case 'activity': {
      const type = args.text('--type');
      if (!type) throw new UsageError(`leads activity needs --type ${ACTIVITY_TYPES.join('|')}`);
      const text = args.text('--text');
      const outcome = args.text('--outcome');
      const activity = await api['activities.log']({
        leadId: leadIdOf(args, action),
        type: type as ActivityType,
        ...(text !== undefined && { text }),
        ...(outcome !== undefined && { outcome }),
      });
      io.stdout(json ? JSON.stringify(activity) : `Logged the ${activity.type}.`);
      return;
    }
    case 'convert': {
      const id = leadIdOf(args, action);
      const noOpportunity = args.flag('--no-opportunity');
      const name = args.text('--opportunity-name');
      if (noOpportunity && (name !== undefined || args.text('--stage') !== undefined || args.text('--close-date') !== undefined)) {
        throw new UsageError('--no-opportunity goes without --opportunity-name, --stage and --close-date');
      }
      if (!noOpportunity && (name === undefined || args.text('--close-date') === undefined)) {
        throw new UsageError('leads convert needs --opportunity-name NAME --stage STAGE --close-date YYYY-MM-DD, or --no-opportunity');
      }
      const amount = args.number('--amount');
      const summary = await api['conversion.convert']({
        leadId: id,
        account: recordChoice(args.text('--account'), '--account'),
        contact: recordChoice(args.text('--contact'), '--contact'),
        opportunity: noOpportunity
          ? null
          : {
              name: name as string,
              // The contract refuses an unknown stage and a close date that is not a date, naming them.
              stage: (args.text('--stage') ?? 'Prospecting') as OpportunityStage,
              closeDate: args.text('--close-date') as string,
              ...(amount !== undefined && { amount }),
            },
      });
      io.stdout(JSON.stringify(summary));
      return;
    }
    case 'unconvert': {
      const lead = await api['conversion.undo']({ leadId: leadIdOf(args, action) });
      io.stdout(json ? JSON.stringify(lead) : `Conversion undone: ${displayName(lead)} is ${lead.status} again.`);
      return;
    }
  }
}
