/**
 * Every `leadbooth` command, once: its name, arguments, summary and options. main.ts dispatches
 * through this table, usage.ts writes the usage text and docs/cli.md from it (`npm run docs:cli`).
 * The options are made from the shared shapes of command-options.ts (`--json`, `--limit`, a
 * show by name, a stage …), so an option means and reads the same in every command.
 *
 * Each command's code is imported when it runs, never before: this module and what it imports
 * load on every start, so `leadbooth where` or a usage error does not wait for the store, zod or
 * the OCR engine. Lists of allowed values (statuses, stages, formats) live beside zod schemas, so
 * the help text loads them through `choices` only when help is printed.
 */
import type { CliIo } from './cli-io';
import type { CliContext, CommandRun } from './cli-context';
import type { CliSession } from './open-client';
import {
  accountFilter,
  flag,
  integer,
  jsonInput,
  jsonOutput,
  limit,
  newOpportunityStage,
  number,
  reason,
  repeated,
  reviewFilterOptions,
  search,
  showByName,
  showOrCurrent,
  stage,
  text,
} from './command-options';
import type { CommandArgs, OptionSpecs } from './parse-command-line';

export interface CommandEntry {
  /** One or two words: "where", "leads list". */
  name: string;
  /** The positional arguments as the usage text shows them: "ID STATUS", "FILE...", "[NAME]". */
  arguments?: string;
  summary: string;
  options: OptionSpecs;
  run: CommandRun;
}

/** A command on the store through the typed client: one session, opened for it and closed after it. */
type SessionCommand = (session: CliSession, command: string, args: CommandArgs, io: CliIo) => Promise<void>;

function inSession(load: () => Promise<SessionCommand>): CommandRun {
  return async (args, cli) => {
    const run = await load();
    const session = await cli.openSession();
    try {
      await run(session, cli.command, args, cli.io);
    } finally {
      await session.close();
    }
  };
}

const activityTypes = async (): Promise<readonly string[]> => (await import('../../shared/domain/activity')).ACTIVITY_TYPES;
const exportFormats = async (): Promise<readonly string[]> => (await import('../../shared/domain/exchange')).EXPORT_FORMATS;
const badgeProfileFields = async (): Promise<readonly string[]> => (await import('../../shared/parsing/badge-profiles')).BADGE_PROFILE_FIELDS;

const deviceRoles = async (): Promise<readonly string[]> => (await import('../../shared/sync/protocol')).deviceRoleSchema.options;
/** Where the hub's data is: the embedded PostgreSQL's folder, or a company database. */
const hubDatabase: OptionSpecs = {
  '--data': { type: 'text', value: 'DIR', help: "the hub's folder, holding its embedded PostgreSQL (default: hub/ in the app's data folder)" },
  '--database-url': { type: 'text', value: 'URL', help: 'a company PostgreSQL (16 or newer) instead: postgres://USER:PASSWORD@HOST:5432/DATABASE' },
};

const leads = inSession(async () => (await import('./commands/leads')).runLeadsCommand);
const events = inSession(async () => (await import('./commands/events')).runEventsCommand);
const crm = inSession(async () => (await import('./commands/crm')).runCrmCommand);
const teamSync = inSession(async () => (await import('./commands/sync')).runSyncCommand);

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'where',
    summary: 'print the database file the app uses',
    options: {},
    run: async (_args, cli) => cli.io.stdout(cli.dbPath),
  },
  {
    name: 'staff',
    arguments: '[NAME]',
    summary: 'show, or set, the staff member recorded on new leads',
    options: {},
    run: inSession(async () => (await import('./commands/staff')).runStaffCommand),
  },
  {
    name: 'events add',
    arguments: 'NAME',
    summary: "create a show; it becomes the current one",
    options: {
      '--location': text('PLACE', 'where the show is'),
      '--starts': text('DATE', 'first day, YYYY-MM-DD'),
      '--ends': text('DATE', 'last day, YYYY-MM-DD'),
      '--time-zone': text('ZONE', "the show's time zone, e.g. Europe/Berlin (default: this computer's)"),
      '--json': jsonOutput,
    },
    run: events,
  },
  { name: 'events use', arguments: 'NAME', summary: 'make a show the current one', options: { '--json': jsonOutput }, run: events },
  { name: 'events list', summary: 'list the shows (* marks the current one)', options: { '--json': jsonOutput }, run: events },
  {
    name: 'events rule',
    arguments: 'NAME',
    summary: "the show's automatic conversion rule",
    options: {
      '--min-met': integer('N', 'convert a lead once N criteria of its checklist are met'),
      '--require-close-date': flag('only leads with a close date'),
      '--stage': newOpportunityStage,
      '--close-in-days': text('N', 'the close date, N days after the conversion, unless the lead has one (default: 90)'),
      '--off': flag('stop converting leads of this show automatically'),
      '--json': jsonOutput,
    },
    run: events,
  },
  {
    name: 'events badge-profile',
    arguments: 'NAME',
    summary: "how this show's badges lay out their payload; tried before the built-in caret, pipe and tab profiles",
    options: {
      '--delimiter': text('D', "the character between fields ('^', '|', tab)"),
      '--fields': text('F1,F2,…', 'the fields in their order, comma-separated', { choices: badgeProfileFields }),
      '--prefix': text('P', 'text before the first field'),
      '--suffix': text('S', 'text after the last field'),
      '--id-field': text('F', 'the field holding the badge id ("none": no id)'),
      '--show': showOrCurrent,
      '--remove': flag('remove the profile instead'),
      '--json': jsonOutput,
    },
    run: events,
  },
  {
    name: 'events badge-profiles',
    summary: "list the show's own badge profiles",
    options: { '--show': showOrCurrent, '--json': jsonOutput },
    run: events,
  },
  {
    name: 'leads add',
    summary: 'save a lead in the current show; prints it as JSON',
    options: { '--json': jsonInput("'<lead json>'", 'the lead\'s fields, e.g. \'{"lastName":"Doe","company":"Acme"}\'') },
    run: leads,
  },
  { name: 'leads list', summary: 'newest first', options: { '--json': jsonOutput, '--limit': limit }, run: leads },
  {
    name: 'leads search',
    arguments: 'TEXT',
    summary: 'leads whose names, company, email or notes start with the words',
    options: { '--json': jsonOutput, '--limit': limit },
    run: leads,
  },
  { name: 'leads show', arguments: 'ID', summary: 'the lead with its checklist, timeline and what it became', options: { '--json': jsonOutput }, run: leads },
  {
    name: 'leads edit',
    arguments: 'ID',
    summary: 'change fields of a lead (only those given)',
    options: { '--json': jsonInput("'<patch>'", 'the fields to change, e.g. \'{"title":"CTO"}\'') },
    run: leads,
  },
  {
    name: 'leads qualify',
    arguments: 'ID',
    summary: 'answer checklist criteria',
    options: {
      '--criterion': repeated('KEY=STATE', 'a criterion and its state: met, unmet or unknown (may repeat)', { required: true }),
      '--value': text('V', "the criterion's value (a budget, a date)"),
      '--note': text('TEXT', 'a note on the answer'),
      '--json': jsonOutput,
    },
    run: leads,
  },
  {
    name: 'leads status',
    arguments: 'ID STATUS',
    summary: 'set the status (Converted only by conversion)',
    options: { '--reason': reason('why: Unqualified needs it'), '--json': jsonOutput },
    run: leads,
  },
  {
    name: 'leads activity',
    arguments: 'ID',
    summary: 'log what happened',
    options: {
      '--type': text('TYPE', 'what it was', { required: true, choices: activityTypes }),
      '--text': text('TEXT', 'what was said or done'),
      '--outcome': text('TEXT', 'how it ended'),
      '--json': jsonOutput,
    },
    run: leads,
  },
  {
    name: 'leads convert',
    arguments: 'ID',
    summary: 'convert into account, contact and opportunity (or --no-opportunity)',
    options: {
      '--account': text('new|ID', 'a new account, or the id of one to fill', { required: true }),
      '--contact': text('new|ID', 'a new contact, or the id of one to fill', { required: true }),
      '--opportunity-name': text('NAME', "the opportunity's name"),
      '--stage': newOpportunityStage,
      '--close-date': text('YYYY-MM-DD', "the opportunity's close date"),
      '--amount': number('N', "the opportunity's amount"),
      '--no-opportunity': flag('create no opportunity'),
      '--json': jsonOutput,
    },
    run: leads,
  },
  { name: 'leads unconvert', arguments: 'ID', summary: 'undo a conversion nothing of which was exported', options: { '--json': jsonOutput }, run: leads },
  {
    name: 'leads forget',
    arguments: 'ID',
    summary: 'delete a person for good (lead, photos, search entries, draft, queue); names the backups holding them',
    options: { '--from-backups': flag('also rewrite the backups in the backups folder without the person') },
    run: leads,
  },
  {
    name: 'leads merge',
    arguments: 'KEEP_ID OTHER_ID',
    summary: 'merge a duplicate into the lead kept (newer non-empty values, both notes and photos)',
    options: { '--json': jsonOutput },
    run: leads,
  },
  {
    name: 'convert auto',
    summary: "run the shows' automatic conversion rules; prints converted/skipped",
    options: { '--event': showByName('only this show'), '--json': jsonOutput },
    run: inSession(async () => (await import('./commands/convert')).runConvertCommand),
  },
  { name: 'accounts list', summary: 'accounts made by conversion, by name', options: { '--json': jsonOutput, '--search': search, '--limit': limit }, run: crm },
  {
    name: 'contacts list',
    summary: 'contacts, with their account and the lead they came from',
    options: { '--json': jsonOutput, '--search': search, '--account': accountFilter, '--limit': limit },
    run: crm,
  },
  {
    name: 'opportunities list',
    summary: 'opportunities, by close date',
    options: {
      '--json': jsonOutput,
      '--search': search,
      '--account': accountFilter,
      '--stage': stage('only those at this stage'),
      '--limit': limit,
    },
    run: crm,
  },
  {
    name: 'opportunities stage',
    arguments: 'ID STAGE',
    summary: 'move an opportunity to another stage',
    options: { '--reason': reason('why it was lost: Closed Lost needs it'), '--json': jsonOutput },
    run: crm,
  },
  {
    name: 'export',
    summary:
      'export a batch; prints the batch id, counts and warnings (salesforce-converted, or over 50,000 Salesforce leads: a folder of CSVs). The leads are chosen as the review list filters them',
    options: {
      '--format': text('FORMAT', 'the file format', { required: true, choices: exportFormats }),
      '--out': text('PATH', 'the file (or folder) to write; its folder must exist', { required: true }),
      ...reviewFilterOptions,
      '--only-new': flag('only leads no batch has exported yet (as --exported no)'),
      '--skip-incomplete': flag('leave out leads without Last Name or Company'),
      '--profile': text('FILE', "the org's Salesforce profile, a JSON file (status values, opt-out)"),
      '--imported-fields': flag('a column per field an import kept (Salesforce and HubSpot CSVs)'),
    },
    run: inSession(async () => (await import('./commands/exchange')).runExportCommand),
  },
  {
    name: 'import',
    arguments: 'PATH...',
    summary: 'import LeadBooth bundles, CSVs of leads and .vcf files; prints the summary, and each problem value to stderr',
    options: {
      '--event': showByName('the show the leads belong to (default: the current one)'),
      '--map': text('FILE', 'a JSON file of "CSV header": "lead field"'),
      '--skip-problem-rows': flag('leave out the rows with a problem value (default: keep the value as an imported field)'),
      '--strict': flag('refuse a file with a problem value'),
      '--reconcile-badges': flag("the files are the organiser's attendee lists: they fill leads saved with only a badge id (as badge --reconcile)"),
      '--json': flag('with --reconcile-badges: print each report as JSON'),
    },
    run: inSession(async () => (await import('./commands/exchange')).runImportCommand),
  },
  {
    name: 'batches list',
    summary: 'the export batches, newest first',
    options: { '--json': jsonOutput },
    run: inSession(async () => (await import('./commands/exchange')).runBatchesCommand),
  },
  {
    name: 'duplicates list',
    summary: 'groups of likely duplicate leads, biggest first',
    options: { '--json': jsonOutput },
    run: inSession(async () => (await import('./commands/exchange')).runDuplicatesCommand),
  },
  {
    name: 'scan',
    arguments: 'FILE...',
    summary: 'read business-card photos; one JSON line per file',
    options: {
      '--concurrency': integer('N', 'cards read at once, 1..16 (default 1; 2 reads a batch ~1.8× faster with ~80 MB more memory)'),
      '--thorough': flag('re-read doubtful lines: slower, for batch work'),
      '--fast': flag('read without the learned recognizer: less memory, more fields to check'),
      '--save': flag('save each card read as a lead in the current show'),
    },
    run: async (args, cli) => (await import('./commands/scan')).runScanFromCommandLine(args, cli),
  },
  {
    name: 'badge',
    arguments: '[PAYLOAD]',
    summary: "read a badge's code: its text, or a photo (QR, PDF417, Aztec, DataMatrix, Code 128/39)",
    options: {
      '--file': text('FILE', "a photo of the badge's code, or a .vcf (instead of PAYLOAD)"),
      '--save': flag('save the lead in the current show'),
      '--reconcile': text('FILE', "after the show: the organiser's attendee list (CSV) fills the empty fields of leads saved with a badge id"),
      '--json': flag('with --reconcile: print the report as JSON'),
    },
    run: async (args, cli) => (await import('./commands/badge')).runBadgeCommand(args, cli),
  },
  {
    name: 'serve',
    summary: 'browser mode: serve the app on 127.0.0.1 until Ctrl+C',
    options: { '--port': integer('N', 'the port (default: a free one)') },
    run: async (args, cli) => (await import('./commands/serve')).runServeCommand(args, cli),
  },
  {
    name: 'backup',
    summary: 'copy the database now (default: into the backups folder beside it, last 7 kept)',
    options: { '--out': text('FILE', 'write the copy to FILE instead') },
    run: async (args, cli) => (await import('./commands/backup')).runBackupCommand(args, cli),
  },
  {
    name: 'restore',
    arguments: 'FILE',
    summary: 'check a backup and put it in place; the current data is kept as a backup first',
    options: {},
    run: async (args, cli) => (await import('./commands/backup')).runRestoreCommand(args, cli),
  },
  // The team hub's server side (issue 18); `hub join`, `hub status` and `sync` are the laptop's.
  {
    name: 'hub start',
    summary: 'run a team hub here until Ctrl+C: prints its address and pairing codes for a booth and a manager laptop',
    options: {
      '--port': { type: 'integer', value: 'N', help: 'the port laptops connect to (default 8470)' },
      '--listen': { type: 'text', value: 'ADDRESS', help: "listen on this address only, e.g. 127.0.0.1 (default: every network of this computer)" },
      '--tls': { type: 'flag', help: "serve HTTPS with the hub's own certificate (made once, kept in the database) and print its fingerprint" },
      ...hubDatabase,
    },
    run: async (args, cli) => (await import('./commands/hub')).runHubStartCommand(args, cli),
  },
  {
    name: 'hub code',
    summary: 'print a new one-time pairing code of the hub on that folder or database',
    options: { '--role': { type: 'text', value: 'ROLE', help: "the joining laptop's role (default: booth)", choices: deviceRoles }, ...hubDatabase },
    run: async (args, cli) => (await import('./commands/hub')).runHubCodeCommand(args, cli),
  },
  {
    name: 'hub backup',
    arguments: 'FILE',
    summary: "write the hub's devices and changes to FILE (JSON lines); a company database has its own backups",
    options: hubDatabase,
    run: async (args, cli) => (await import('./commands/hub')).runHubBackupCommand(args, cli),
  },
  {
    name: 'hub restore',
    arguments: 'FILE',
    summary: "replace the hub's devices and changes with a backup's; deletions and forgets made since stay",
    options: hubDatabase,
    run: async (args, cli) => (await import('./commands/hub')).runHubRestoreCommand(args, cli),
  },
  // Team sync, the laptop's side (issue 18): join a hub, its state, one sync.
  {
    name: 'hub join',
    arguments: 'URL CODE',
    summary: "join a team hub with the pairing code it shows; this laptop's leads sync with it from then on",
    options: {
      '--fingerprint': { type: 'text', value: 'SHA256', help: "an https hub's certificate fingerprint as the hub printed it (default: pin the one presented now, and show it)" },
    },
    run: teamSync,
  },
  { name: 'hub status', summary: 'the hub this laptop joined, what is not on it yet, the last sync', options: { '--json': jsonOutput }, run: teamSync },
  {
    name: 'sync',
    summary: 'one full push and pull with the hub, then exit (non-zero, with one line, when the hub cannot be reached)',
    options: { '--json': jsonOutput },
    run: teamSync,
  },
];

/** The first words of the commands that have several ("leads" for "leads list"). */
export function commandGroups(): Set<string> {
  return new Set(COMMANDS.filter((entry) => entry.name.includes(' ')).map((entry) => entry.name.split(' ')[0] as string));
}
