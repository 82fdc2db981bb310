import { displayName, type Lead, type NewLead } from '../../../shared/domain/lead';
import type { ForgottenLead } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { UsageError, type CliIo } from '../cli-io';
import type { CliSession } from '../open-client';
import type { CommandArgs } from '../parse-command-line';
import { isLeadLifecycleAction, runLeadLifecycleCommand } from './lead-lifecycle';

const PAGE_SIZE = 500;

/** `leads add|list|search|forget|merge`, and the lifecycle commands of lead-lifecycle.ts. */
export async function runLeadsCommand(session: CliSession, command: string, args: CommandArgs, io: CliIo): Promise<void> {
  const action = command.split(' ')[1] ?? '';
  if (isLeadLifecycleAction(action)) return runLeadLifecycleCommand(session, action, args, io);
  const rest = args.positionals;
  switch (action) {
    case 'add': {
      const leadJson = args.text('--json');
      if (leadJson === undefined) throw new UsageError("leads add needs --json '<lead json>'");
      // Whatever was typed goes to the dispatcher, which parses it with the contract's schema.
      const saved = await session.client['leads.create'](parseLeadJson(leadJson) as NewLead);
      io.stdout(JSON.stringify(saved.lead));
      if (saved.missingForExport.length > 0) {
        io.stderr(`note: saved; an export to Salesforce will still need ${saved.missingForExport.join(' and ')}.`);
      }
      return;
    }
    case 'list':
      return printLeads(session, undefined, args, io);
    case 'forget': {
      const [id, ...extra] = rest;
      if (!id || extra.length > 0) throw new UsageError('leads forget needs the id of one lead (see "leads list --json")');
      const forgotten = await session.client['leads.forget']({ id, fromBackups: args.flag('--from-backups') });
      // The id only: the person's name must not end up in a terminal's scroll-back or a shell log either.
      for (const line of describeForgotten(forgotten)) io.stdout(line);
      if (forgotten.backupErrors.length > 0) {
        // The person is gone from the store; exit 1 so a script notices the backups that were not rewritten.
        throw new AppError('internal', `the person is forgotten, but ${forgotten.backupErrors.length} backup(s) could not be rewritten and were left as they were: ${forgotten.backupErrors.join('; ')}`);
      }
      return;
    }
    case 'merge': {
      const [keepId, otherId, ...extra] = rest;
      if (!keepId || !otherId || extra.length > 0) throw new UsageError('leads merge needs the id of the lead to keep and of its duplicate');
      // Same service as the duplicates screen: one transaction, the merge on the kept lead's timeline.
      const merged = await session.client['duplicates.merge']({ keepId, otherId });
      io.stdout(args.flag('--json') ? JSON.stringify(merged.lead) : `Merged ${otherId} into ${merged.lead.id}.`);
      return;
    }
    case 'search': {
      const text = rest.join(' ').trim();
      if (!text) throw new UsageError('leads search needs the text to look for');
      return printLeads(session, text, args, io);
    }
  }
}

function parseLeadJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`--json is not valid JSON (${(error as Error).message}); quote it like --json '{"lastName":"Doe"}'`);
  }
}

/** Pages through the store so a list of 100,000 leads streams instead of loading at once. */
async function printLeads(session: CliSession, query: string | undefined, args: CommandArgs, io: CliIo): Promise<void> {
  const json = args.flag('--json');
  let remaining = args.integer('--limit') ?? Number.POSITIVE_INFINITY;
  let after: string | undefined;
  let printed = 0;
  while (remaining > 0) {
    const page = await session.client['leads.list']({
      ...(query !== undefined && { query }),
      limit: Math.min(PAGE_SIZE, remaining),
      ...(after !== undefined && { after }),
    });
    for (const lead of page.items) io.stdout(json ? JSON.stringify(lead) : describeLead(lead));
    printed += page.items.length;
    remaining -= page.items.length;
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  if (!json && printed === 0) io.stdout(query ? `No lead matches "${query}".` : 'No leads yet.');
}

function describeLead(lead: Lead): string {
  const parts = [displayName(lead), lead.company, lead.email, lead.phone || lead.mobile].filter(Boolean);
  return `${lead.capturedAt.slice(0, 16).replace('T', ' ')}  ${parts.join(' · ')}`;
}

/** What `leads forget` prints: what went, and which backups still hold the person. */
function describeForgotten(forgotten: ForgottenLead): string[] {
  const gone = [
    'the lead',
    `${forgotten.photosRemoved} card photo(s)`,
    ...(forgotten.contactsRemoved ? ['the contact converted from it'] : []),
    ...(forgotten.draftCleared ? ["the booth form's saved draft"] : []),
    ...(forgotten.unclaimedScansRemoved ? [`${forgotten.unclaimedScansRemoved} unsaved card scan(s) of the person`] : []),
    ...(forgotten.queueItemsRemoved ? [`${forgotten.queueItemsRemoved} capture-queue item(s)`] : []),
    'its search entries',
  ];
  const lines = forgotten.inStore ? [`Forgot lead ${forgotten.leadId}: ${gone.join(', ')} are gone for good.`] : [`Lead ${forgotten.leadId} was forgotten before.`];
  if (forgotten.cleanupPending) lines.push(forgotten.cleanupPending);
  if (forgotten.backupsCleaned.length > 0) lines.push(`Removed from ${forgotten.backupsCleaned.length} backup(s): ${forgotten.backupsCleaned.join(', ')}.`);
  if (forgotten.backupsStillHolding.length > 0) {
    lines.push(`Still in ${forgotten.backupsStillHolding.length} backup(s) in the backups folder:`);
    for (const backup of forgotten.backupsStillHolding) lines.push(`  ${backup.path}`);
    lines.push(`To rewrite them without the person: leadbooth leads forget ${forgotten.leadId} --from-backups`);
  }
  lines.push('Copies kept elsewhere (backup --out files, exports, USB sticks) are not changed: delete the person from those yourself.');
  return lines;
}
