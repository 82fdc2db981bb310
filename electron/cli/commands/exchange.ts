import path from 'node:path';
import { EXPORT_FORMATS, type ExportFilter, type ExportFormat } from '../../../shared/domain/exchange';
import { LEAD_STATUSES, type LeadStatus } from '../../../shared/domain/lead';
import { UsageError, type CliIo, type UsageLine } from '../cli-io';
import type { CliSession } from '../open-client';
import { parseOptions } from '../parse-command-line';
import { describeSize, readRegularFile, refuseNonRegularFile, type InputFileKind } from '../regular-file';
import { findShowByName } from './events';

export const EXCHANGE_USAGE: UsageLine[] = [
  [
    `export --format ${EXPORT_FORMATS.join('|')} --out PATH [--event NAME] [--only-new] [--status S] [--skip-incomplete]`,
    'export a batch; prints the batch id and counts (salesforce-converted: a folder of three CSVs)',
  ],
  ['import PATH... [--event NAME] [--map FILE]', 'import LeadBooth bundles, CSVs of leads and .vcf files; prints the summary'],
  ['batches list [--json]', 'the export batches, newest first'],
  ['duplicates list [--json]', 'groups of likely duplicate leads'],
];

export async function runExportCommand(session: CliSession, words: string[], io: CliIo): Promise<void> {
  const args = parseOptions(
    words,
    { '--format': 'text', '--out': 'text', '--event': 'text', '--only-new': 'flag', '--status': 'text', '--skip-incomplete': 'flag' },
    'export',
  );
  if (args.positionals.length > 0) throw new UsageError(`export takes no "${args.positionals[0]}"`);
  const format = args.text('--format');
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
  const out = args.text('--out');
  if (!out) throw new UsageError('export needs --out PATH');
  const status = args.text('--status');
  if (status !== undefined && !(LEAD_STATUSES as readonly string[]).includes(status)) throw new UsageError(`--status is one of ${LEAD_STATUSES.join(', ')}`);
  const eventName = args.text('--event');
  const filter: ExportFilter = {
    ...(eventName !== undefined && { eventId: (await findShowByName(session, eventName)).id }),
    ...(status !== undefined && { status: status as LeadStatus }),
    ...(args.flag('--only-new') && { onlyNew: true }),
  };
  const { confirmExport, exportBatch, exportNotWritten } = await import('../../services/export-service');
  const { writeExportFiles } = await import('../../exchange/write-export-files');
  const result = await exportBatch(session.context, { format: format as ExportFormat, filter, skipMissingRequired: args.flag('--skip-incomplete') });
  if (result.cancelled) throw new Error('The export was cancelled: nothing was recorded.');
  // Written whole (temporary name, fsync, rename; 0600) before the batch is recorded: a file
  // that could not be written leaves no batch, and --only-new still finds its leads.
  let written: { sha256: string };
  try {
    written = writeExportFiles(result.files.length === 1 ? { file: out } : { folder: out }, result.files);
  } catch (error) {
    throw exportNotWritten(error);
  }
  const batch = await confirmExport(session.context, result.batch.id, written);
  io.stdout(`batch ${batch.id}`);
  io.stdout(`exported ${batch.leadCount} lead${batch.leadCount === 1 ? '' : 's'}${batch.skippedCount ? `, skipped ${batch.skippedCount}` : ''} to ${out} (sha256 ${batch.sha256})`);
  if (result.truncations.length > 0) io.stderr(`${result.truncations.length} value(s) were cut to Salesforce's field lengths`);
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

const MAPPING_FILE = { noun: 'a JSON mapping file', advice: 'give the path of a .json file', maxBytes: 1024 * 1024 } satisfies InputFileKind;

export async function runImportCommand(session: CliSession, words: string[], io: CliIo): Promise<void> {
  const args = parseOptions(words, { '--event': 'text', '--map': 'text' }, 'import');
  if (args.positionals.length === 0) throw new UsageError('import needs at least one file');
  const eventName = args.text('--event');
  const eventId = eventName === undefined ? undefined : (await findShowByName(session, eventName)).id;
  const mapFile = args.text('--map');
  let mapping: Record<string, string> | undefined;
  if (mapFile !== undefined) {
    const parsed: unknown = JSON.parse(readRegularFile(mapFile, MAPPING_FILE).toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((value) => typeof value !== 'string')) {
      throw new Error(`${mapFile} must be a JSON object of "CSV header": "lead field", e.g. {"Surname": "lastName", "Badge": "ignore"}.`);
    }
    mapping = parsed as Record<string, string>;
  }
  // Every file checked before the first is imported: a pipe or a huge file named last must not leave the command half done.
  for (const file of args.positionals) {
    const refused = refuseNonRegularFile(file, IMPORT_FILE);
    if (refused) throw new Error(refused);
  }
  const { importFile } = await import('../../services/import-service');
  for (const file of args.positionals) {
    const summary = await importFile(session.context, { fileName: path.basename(file), bytes: readRegularFile(file, IMPORT_FILE), eventId, mapping });
    io.stdout(`${file}: added ${summary.added}, updated ${summary.updated}, flagged ${summary.flagged}, skipped ${summary.skipped}`);
  }
}

export async function runBatchesCommand(session: CliSession, words: string[], io: CliIo): Promise<void> {
  const [action, ...rest] = words;
  if (action !== 'list') throw new UsageError(action ? `unknown batches command "${action}"` : 'batches needs list');
  const args = parseOptions(rest, { '--json': 'flag' }, 'batches list');
  const { listBatches } = await import('../../services/export-service');
  const batches = await listBatches(session.context);
  for (const batch of batches) {
    io.stdout(args.flag('--json') ? JSON.stringify(batch) : `${batch.createdAt}  ${batch.id}  ${batch.format.padEnd(20)}  ${String(batch.leadCount).padStart(6)} leads  ${batch.fileName}`);
  }
}

export async function runDuplicatesCommand(session: CliSession, words: string[], io: CliIo): Promise<void> {
  const [action, ...rest] = words;
  if (action !== 'list') throw new UsageError(action ? `unknown duplicates command "${action}"` : 'duplicates needs list');
  const args = parseOptions(rest, { '--json': 'flag' }, 'duplicates list');
  // Loaded here: the phone-number metadata it needs is big, and other commands start without it.
  const { findDuplicateGroups } = await import('../../../shared/domain/duplicates');
  const rows = await session.context.db.selectFrom('leads').select(['id', 'first_name', 'last_name', 'company', 'email', 'phone', 'mobile', 'country']).orderBy('seq').execute();
  const groups = findDuplicateGroups(
    rows.map((row) => ({ id: row.id, firstName: row.first_name, lastName: row.last_name, company: row.company, email: row.email, phone: row.phone, mobile: row.mobile, country: row.country })),
  );
  const names = new Map(rows.map((row) => [row.id, `${row.first_name} ${row.last_name}`.trim() || row.email || row.company]));
  for (const group of groups) {
    if (args.flag('--json')) io.stdout(JSON.stringify(group));
    else io.stdout(`${group.leadIds.map((id) => `${names.get(id)} (${id})`).join('  =  ')}  [${[...new Set(group.links.flatMap((link) => link.reasons))].join(', ')}]`);
  }
}
