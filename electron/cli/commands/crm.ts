import { STAGE_NAMES, type OpportunityStage } from '../../../shared/domain/opportunity';
import { UsageError, type CliIo } from '../cli-io';
import type { CliSession } from '../open-client';
import type { CommandArgs } from '../parse-command-line';

const LIST_PAGE = 500;

/** Pages through a list so 100,000 records stream instead of loading at once. */
async function printAll<Item>(fetch: (offset: number, limit: number) => Promise<Item[]>, args: CommandArgs, io: CliIo, describe: (item: Item) => string): Promise<void> {
  const json = args.flag('--json');
  let remaining = args.integer('--limit') ?? Number.POSITIVE_INFINITY;
  let offset = 0;
  while (remaining > 0) {
    const page = await fetch(offset, Math.min(LIST_PAGE, remaining));
    for (const item of page) io.stdout(json ? JSON.stringify(item) : describe(item));
    offset += page.length;
    remaining -= page.length;
    if (page.length < LIST_PAGE) break;
  }
  if (!json && offset === 0) io.stdout('None yet.');
}

/** `accounts list`, `contacts list`, `opportunities list` and `opportunities stage`. */
export async function runCrmCommand(session: CliSession, name: string, args: CommandArgs, io: CliIo): Promise<void> {
  const [command, action] = name.split(' ');
  const api = session.client;
  if (action === 'list') {
    const query = args.text('--search');
    const accountId = args.text('--account');
    const common = (offset: number, limit: number) => ({ ...(query !== undefined && { query }), offset, limit });
    if (command === 'accounts') {
      return printAll((offset, limit) => api['accounts.list'](common(offset, limit)), args, io, (account) => `${account.id}  ${account.name}${account.domain ? `  (${account.domain})` : ''}`);
    }
    if (command === 'contacts') {
      return printAll(
        (offset, limit) => api['contacts.list']({ ...common(offset, limit), ...(accountId !== undefined && { accountId }) }),
        args,
        io,
        (contact) => `${contact.id}  ${`${contact.firstName} ${contact.lastName}`.trim()}  ${contact.email}`,
      );
    }
    const stage = args.text('--stage');
    return printAll(
      (offset, limit) =>
        api['opportunities.list']({
          ...common(offset, limit),
          ...(accountId !== undefined && { accountId }),
          // The contract refuses an unknown stage, listing the stages.
          ...(stage !== undefined && { stage: stage as OpportunityStage }),
        }),
      args,
      io,
      (opportunity) => `${opportunity.id}  ${opportunity.name}  ${opportunity.stage}  closes ${opportunity.closeDate}`,
    );
  }
  if (command === 'opportunities' && action === 'stage') {
    const [id, ...stageWords] = args.positionals;
    const stage = stageWords.join(' ');
    if (!id || !stage) throw new UsageError(`opportunities stage needs the id and a stage: ${STAGE_NAMES.join(', ')}`);
    const reason = args.text('--reason');
    const opportunity = await api['opportunities.setStage']({ id, stage: stage as OpportunityStage, ...(reason !== undefined && { lostReason: reason }) });
    io.stdout(args.flag('--json') ? JSON.stringify(opportunity) : `${opportunity.name} is now ${opportunity.stage} (${opportunity.probability} %).`);
    return;
  }
  throw new Error(`no such command: ${name}`);
}
