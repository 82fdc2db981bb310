import { AppError } from '../../shared/ipc/errors';
import { defaultDatabasePath, defaultDataDir } from '../data-location';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, OutputClosed, UsageError, type CliIo } from './cli-io';
import { COMMANDS, commandGroups, type CommandEntry } from './command-table';
import { parseCommandArgs } from './parse-command-line';
import { commandHelp, overview } from './usage';

/** The command named at the start of the line (past the global options written before it), and the other words. */
interface LocatedCommand {
  entry: CommandEntry | undefined;
  /** The first word when it names no command ("frobnicate"), or a group without its second word ("leads"). */
  unknown?: string;
  group?: string;
  /** The line without the command's words: its options and arguments, and the global options. */
  words: string[];
}

function locateCommand(argv: readonly string[]): LocatedCommand {
  let index = 0;
  // Global options may come first: `leadbooth --db x.db leads list`.
  while (index < argv.length) {
    const word = argv[index] as string;
    if (word === '--db') index += 2;
    else if (word.startsWith('--db=') || word === '--help' || word === '-h') index += 1;
    else break;
  }
  const first = argv[index];
  if (first === undefined || first.startsWith('-')) return { entry: undefined, words: [...argv] };
  const without = (count: number) => [...argv.slice(0, index), ...argv.slice(index + count)];
  if (!commandGroups().has(first)) {
    const entry = COMMANDS.find((candidate) => candidate.name === first);
    return entry ? { entry, words: without(1) } : { entry: undefined, unknown: first, words: without(1) };
  }
  const second = argv[index + 1];
  const entry = COMMANDS.find((candidate) => candidate.name === `${first} ${second}`);
  return entry ? { entry, words: without(2) } : { entry: undefined, group: first, ...(second !== undefined && !second.startsWith('-') && { unknown: second }), words: without(second !== undefined && !second.startsWith('-') ? 2 : 1) };
}

function subcommandsOf(group: string): string {
  return COMMANDS.filter((entry) => entry.name.startsWith(`${group} `))
    .map((entry) => entry.name.split(' ')[1])
    .join(', ');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    // The reader of our output went away (`leadbooth leads list | head -1`): nothing more to say, nobody to say it to.
    if (error instanceof OutputClosed) return EXIT_OK;
    if (error instanceof UsageError) return usageFailure(error, io);
    io.stderr(`leadbooth: ${describeFailure(error)}`);
    return EXIT_FAILED;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const located = locateCommand(argv);
  const { entry } = located;
  if (!entry) {
    if (located.group !== undefined) {
      const wantsHelp = located.words.includes('--help') || located.words.includes('-h');
      if (wantsHelp && located.unknown === undefined) return printed(io, overview(located.group));
      const error = new UsageError(
        located.unknown === undefined ? `${located.group} needs one of: ${subcommandsOf(located.group)}` : `unknown ${located.group} command "${located.unknown}" (it has ${subcommandsOf(located.group)})`,
      );
      error.command = located.group;
      throw error;
    }
    if (located.unknown !== undefined) throw new UsageError(`unknown command "${located.unknown}"`);
    const global = parseCommandArgs(located.words, {}, 'leadbooth');
    if (global.flag('--help')) return printed(io, overview());
    io.stderr(overview());
    return EXIT_USAGE;
  }
  try {
    const args = parseCommandArgs(located.words, entry.options, entry.name);
    if (args.flag('--help')) return printed(io, await commandHelp(entry));
    const dbPath = args.text('--db') ?? defaultDatabasePath();
    const code = await entry.run(args, {
      command: entry.name,
      dbPath,
      io,
      // Loaded on demand: the store and every service are most of the CLI's code.
      openSession: async () => (await import('./open-client')).openCliSession(dbPath, io),
      dataDir: defaultDataDir,
    });
    return code ?? EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) error.command ??= entry.name;
    throw error;
  }
}

function printed(io: CliIo, text: string): number {
  io.stdout(text);
  return EXIT_OK;
}

/** One line: what was wrong, and where the usage is. */
function usageFailure(error: UsageError, io: CliIo): number {
  io.stderr(`leadbooth: ${error.message}; see "leadbooth ${error.command ? `${error.command} ` : ''}--help"`);
  return EXIT_USAGE;
}

function describeFailure(error: unknown): string {
  if (error instanceof AppError && error.fieldErrors) {
    const fields = Object.entries(error.fieldErrors).map(([field, message]) => `  ${field}: ${message}`);
    return [error.message, ...fields].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}
