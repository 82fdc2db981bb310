import { UsageError } from './cli-io';

export interface CommandLine {
  command: string | undefined;
  /** Words after the command that are not options (events add NAME → ['add', 'NAME']). */
  positionals: string[];
  /** Everything after the command, untouched: for commands that parse their own options (scan). */
  rest: string[];
  db?: string | undefined;
  help: boolean;
  json: boolean;
  /** The value of `--json '<lead>'` for `leads add`. */
  jsonValue?: string | undefined;
  limit?: number | undefined;
  port?: number | undefined;
  location?: string | undefined;
  starts?: string | undefined;
  ends?: string | undefined;
}

const VALUE_OPTIONS = new Set(['--db', '--limit', '--port', '--location', '--starts', '--ends']);
/** Commands that read their own options; only --db before them is ours. */
const SELF_PARSING = new Set(['scan']);

export function parseCommandLine(argv: string[]): CommandLine {
  const line: CommandLine = { command: undefined, positionals: [], rest: [], help: false, json: false };
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index] as string;
    if (line.command && SELF_PARSING.has(line.command)) {
      line.rest = argv.slice(index);
      break;
    }
    const [name, inlineValue] = splitOption(word);
    if (name === '--help' || name === '-h') {
      line.help = true;
    } else if (name === '--json') {
      // `leads add --json '<lead>'` takes a value; everywhere else --json is a flag.
      if (line.command === 'leads' && line.positionals[0] === 'add') {
        line.jsonValue = inlineValue ?? argv[++index];
        if (line.jsonValue === undefined) throw new UsageError("--json needs the lead, like --json '{\"lastName\":\"Doe\"}'");
      }
      line.json = true;
    } else if (VALUE_OPTIONS.has(name)) {
      const value = inlineValue ?? argv[++index];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
      setValueOption(line, name, value);
    } else if (name.startsWith('-') && name !== '-') {
      throw new UsageError(`unknown option ${name}`);
    } else if (line.command === undefined) {
      line.command = word;
    } else {
      line.positionals.push(word);
    }
  }
  if (line.command && !SELF_PARSING.has(line.command)) line.rest = line.positionals;
  return line;
}

function splitOption(word: string): [string, string | undefined] {
  if (!word.startsWith('--')) return [word, undefined];
  const equals = word.indexOf('=');
  return equals === -1 ? [word, undefined] : [word.slice(0, equals), word.slice(equals + 1)];
}

function setValueOption(line: CommandLine, name: string, value: string): void {
  switch (name) {
    case '--db':
      line.db = value;
      return;
    case '--limit':
      line.limit = positiveInteger(name, value);
      return;
    case '--port':
      line.port = positiveInteger(name, value);
      return;
    case '--location':
      line.location = value;
      return;
    case '--starts':
      line.starts = value;
      return;
    case '--ends':
      line.ends = value;
      return;
  }
}

function positiveInteger(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${name} takes a whole number above 0, not "${value}"`);
  return number;
}
