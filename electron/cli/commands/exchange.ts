import path from 'node:path';
import { EXPORT_FORMATS, type ExportFilter, type ExportFormat, type ExportSkipReason, type ExportSummary, type ProblemRowChoice, type SalesforceProfile } from '../../../shared/domain/exchange';
import { salesforceProfileSchema } from '../../../shared/ipc/contracts/exchange';
import { displayName } from '../../../shared/domain/lead';
import { UsageError, type CliIo } from '../cli-io';
import type { CliSession } from '../open-client';
import type { CommandArgs } from '../parse-command-line';
import { describeSize, InputFileError, readRegularFile, refuseNonRegularFile, type InputFileKind } from '../regular-file';
import { findShowByName } from './events';
import { reviewFilterFromOptions } from './review-filter';

export async function runExportCommand(session: CliSession, _command: string, args: CommandArgs, io: CliIo): Promise<void> {
  if (args.positionals.length > 0) throw new UsageError(`export takes no "${args.positionals[0]}"`);
  const format = args.text('--format');
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
  const out = args.text('--out');
  if (!out) throw new UsageError('export needs --out PATH');
  // The review list's filter, resolved by the list's own conditions; --only-new keeps its own "nothing new" answer.
  const review = await reviewFilterFromOptions(session, args);
  if (args.flag('--only-new') && review?.exported === 'yes') throw new UsageError('--only-new and --exported yes contradict each other: give one of them');
  const filter: ExportFilter = {
    ...(review && { review }),
    ...(args.flag('--only-new') && { onlyNew: true }),
  };
  const profileFile = args.text('--profile');
  const salesforceProfile = profileFile === undefined ? undefined : readProfileFile(profileFile);
  const { result, batch } = await session.files.exportToPath(
    { format: format as ExportFormat, filter, skipMissingRequired: args.flag('--skip-incomplete'), salesforceProfile, withImportedFields: args.flag('--imported-fields') },
    out,
  );
  if (result.cancelled || !batch) throw new Error('The export was cancelled: nothing was recorded.');
  io.stdout(`batch ${batch.id}`);
  io.stdout(`exported ${batch.leadCount} lead${batch.leadCount === 1 ? '' : 's'}${batch.skippedCount ? `, skipped ${batch.skippedCount}` : ''} to ${out} (sha256 ${batch.sha256})`);
  printExportWarnings(result, io);
}

/** A Salesforce profile from a JSON file, or an error that says what the file must hold. */
function readProfileFile(file: string): SalesforceProfile {
  const example =
    '{"statusValues": {"New": "Open - Not Contacted", "Working": "Working - Contacted", "Qualified": "Working - Contacted", "Unqualified": "Closed - Not Converted", "Converted": "Closed - Converted"}, "neverAskedOptedOut": false}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(readRegularFile(file, PROFILE_FILE).toString('utf8'));
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new Error(`${file} could not be read as JSON (${error instanceof Error ? error.message : String(error)}). It must look like ${example}`);
  }
  const checked = salesforceProfileSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`${file}: ${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'not a Salesforce profile'}. It must look like ${example}`);
  }
  return checked.data;
}

const SKIP_REASONS: Record<ExportSkipReason, string> = {
  converted: 'converted (export them with --format salesforce-converted)',
  missing_required: 'without Last Name or Company (--skip-incomplete)',
  not_converted: 'never converted',
};

/** At most this many people are named per warning; the rest are counted. */
const NAMED_PER_WARNING = 20;

/** What the export left out, what Salesforce will refuse or cut, and which cells got a quote: on stderr, people by name. */
function printExportWarnings(summary: ExportSummary, io: CliIo): void {
  const named = <Item>(items: readonly Item[], line: (item: Item) => string) => {
    for (const item of items.slice(0, NAMED_PER_WARNING)) io.stderr(`  ${line(item)}`);
    if (items.length > NAMED_PER_WARNING) io.stderr(`  … and ${items.length - NAMED_PER_WARNING} more`);
  };
  for (const skip of summary.skipped) io.stderr(`skipped ${skip.count} lead${skip.count === 1 ? '' : 's'}: ${SKIP_REASONS[skip.reason]}`);
  const refused = summary.skipped.some((skip) => skip.reason === 'missing_required') ? [] : summary.missingRequired;
  if (refused.length > 0) {
    io.stderr(`${refused.length} lead${refused.length === 1 ? '' : 's'} Salesforce will refuse (no Last Name or Company; leave them out with --skip-incomplete):`);
    named(refused, (lead) => `${lead.name}: no ${lead.missing.join(', no ')}`);
  }
  if (summary.truncations.length > 0) {
    io.stderr(`${summary.truncations.length} value(s) were cut to Salesforce's field lengths:`);
    named(summary.truncations, (cut) => `${cut.name}: ${cut.field} ${cut.from} → ${cut.to} characters`);
  }
  const neutralized = Object.entries(summary.neutralized);
  if (neutralized.length > 0) {
    const total = neutralized.reduce((sum, [, count]) => sum + count, 0);
    io.stderr(`${total} cell(s) start with ' so no spreadsheet runs them as a formula: ${neutralized.map(([column, count]) => `${column} ${count}`).join(', ')}`);
  }
}

/**
 * Largest file `import` reads: the whole file is read into memory before its rows are, and a
 * 1 GB file ran V8 out of memory. A bigger one is refused from its size, before it is read.
 */
export const MAX_IMPORT_FILE_BYTES = 200 * 1024 * 1024;

const IMPORT_FILE = {
  noun: 'a CSV, vCard or LeadBooth bundle file',
  advice: 'give the path of the file to import',
  maxBytes: MAX_IMPORT_FILE_BYTES,
  overLimitAdvice: `split it into files under ${describeSize(MAX_IMPORT_FILE_BYTES)} (a CSV by rows, with its header line in each) and import them one by one`,
} satisfies InputFileKind;

const PROFILE_FILE = { noun: 'a JSON Salesforce profile', advice: 'give the path of a .json file', maxBytes: 1024 * 1024 } satisfies InputFileKind;

const MAPPING_FILE = { noun: 'a JSON mapping file', advice: 'give the path of a .json file', maxBytes: 1024 * 1024 } satisfies InputFileKind;

export async function runImportCommand(session: CliSession, _command: string, args: CommandArgs, io: CliIo): Promise<void> {
  if (args.positionals.length === 0) throw new UsageError('import needs at least one file');
  if (args.flag('--reconcile-badges')) {
    // Not an import of leads: the organiser's attendee list fills the leads saved with only a badge id.
    if (['--event', '--map'].some((option) => args.text(option) !== undefined) || args.flag('--skip-problem-rows') || args.flag('--strict')) {
      throw new UsageError('import --reconcile-badges takes the attendee lists and --json, nothing else');
    }
    const { runImportReconcile } = await import('./badge-reconcile');
    await runImportReconcile(session, args.positionals, args.flag('--json'), io);
    return;
  }
  if (args.flag('--json')) throw new UsageError('import takes --json only with --reconcile-badges');
  if (args.flag('--skip-problem-rows') && args.flag('--strict')) throw new UsageError('import takes --skip-problem-rows or --strict, not both');
  const problemRows: ProblemRowChoice = args.flag('--strict') ? 'strict' : args.flag('--skip-problem-rows') ? 'skip' : 'keep';
  const eventName = args.text('--event');
  const eventId = eventName === undefined ? undefined : (await findShowByName(session, eventName)).id;
  const mapFile = args.text('--map');
  let mapping: Record<string, string> | undefined;
  if (mapFile !== undefined) {
    const parsed: unknown = JSON.parse(readRegularFile(mapFile, MAPPING_FILE).toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((value) => typeof value !== 'string')) {
      throw new Error(`${mapFile} must be a JSON object of "CSV header": "lead field", e.g. {"Surname": "lastName", "Badge": "ignore"}; a file without a header row names its columns "Column 1", "Column 2", ….`);
    }
    mapping = parsed as Record<string, string>;
  }
  // Every file checked before the first is imported: a pipe or a huge file named last must not leave the command half done.
  for (const file of args.positionals) {
    const refused = refuseNonRegularFile(file, IMPORT_FILE);
    if (refused) throw new Error(refused);
  }
  for (const file of args.positionals) {
    const summary = await session.files.importFile({ fileName: path.basename(file), bytes: readRegularFile(file, IMPORT_FILE), eventId, mapping, problemRows });
    io.stdout(`${file}: added ${summary.added}, updated ${summary.updated}, flagged ${summary.flagged}, skipped ${summary.skipped}`);
    if (summary.keptColumns.length > 0) io.stdout(`${file}: kept on each lead as imported fields: ${summary.keptColumns.join(', ')}`);
    if (summary.toReview > 0) io.stdout(`${file}: ${summary.toReview} lead${summary.toReview === 1 ? '' : 's'} with an email that is not valid (kept as text in the imported fields): check them`);
    if (summary.skippedProblemRows > 0) io.stdout(`${file}: ${summary.skippedProblemRows} row${summary.skippedProblemRows === 1 ? '' : 's'} with a problem value left out (--skip-problem-rows)`);
    for (const problem of summary.problems) {
      io.stderr(`${file}: line ${problem.line}${problem.field ? `, ${problem.field}` : ''}: ${JSON.stringify(problem.value)}: ${problem.why} (${problem.whenKept})`);
    }
  }
}

export async function runBatchesCommand(session: CliSession, _command: string, args: CommandArgs, io: CliIo): Promise<void> {
  const batches = await session.client['exchange.batches']({});
  for (const batch of batches) {
    io.stdout(args.flag('--json') ? JSON.stringify(batch) : `${batch.createdAt}  ${batch.id}  ${batch.format.padEnd(20)}  ${String(batch.leadCount).padStart(6)} leads  ${batch.fileName}`);
  }
}

/** Groups asked for per call: the contract's largest page. */
const DUPLICATE_GROUPS_PAGE = 1000;

/** Every group of likely duplicates, biggest first, page by page through the contract. */
export async function runDuplicatesCommand(session: CliSession, _command: string, args: CommandArgs, io: CliIo): Promise<void> {
  for (let offset = 0; ; offset += DUPLICATE_GROUPS_PAGE) {
    const page = await session.client['duplicates.groups']({ offset, limit: DUPLICATE_GROUPS_PAGE });
    for (const group of page.groups) {
      if (args.flag('--json')) io.stdout(JSON.stringify({ leadIds: group.leads.map((lead) => lead.id), links: group.links }));
      else io.stdout(`${group.leads.map((lead) => `${displayName(lead)} (${lead.id})`).join('  =  ')}  [${[...new Set(group.links.flatMap((link) => link.reasons))].join(', ')}]`);
    }
    if (offset + page.groups.length >= page.totalGroups || page.groups.length === 0) return;
  }
}
