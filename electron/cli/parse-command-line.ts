import { UsageError } from './cli-io';

/**
 * The command line in two steps: the global options (`--db PATH`, `--help`) and the
 * command word here; each command then parses its own words with its own option spec
 * (`parseOptions`), so `--limit` means something only where a command declares it.
 */
export interface CommandLine {
  command: string | undefined;
  /** The words after the command, global options taken out, for the command to parse. */
  words: string[];
  db?: string | undefined;
  help: boolean;
}

export function parseCommandLine(argv: string[]): CommandLine {
  const line: CommandLine = { command: undefined, words: [], help: false };
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index] as string;
    if (word === '--') {
      // Everything after "--" belongs to the command, even words that look like options.
      line.words.push(...argv.slice(index));
      break;
    }
    const [name, inlineValue] = splitOption(word);
    if (name === '--help' || name === '-h') {
      line.help = true;
    } else if (name === '--db') {
      const value = inlineValue ?? argv[++index];
      if (value === undefined || value.startsWith('--')) throw new UsageError('--db needs a value');
      line.db = value;
    } else if (line.command === undefined && !word.startsWith('-')) {
      line.command = word;
    } else {
      line.words.push(word);
    }
  }
  return line;
}

/** What an option takes: nothing (a flag), a text, a whole number above 0, or a text given several times. */
export type OptionKind = 'flag' | 'text' | 'integer' | 'number' | 'repeated';
/** A command's options: `{ '--limit': 'integer', '--json': 'flag' }`. */
export type OptionSpec = Readonly<Record<string, OptionKind>>;

/** A command's words parsed against its spec. */
export class CommandArgs {
  constructor(
    readonly positionals: string[],
    private readonly values: ReadonlyMap<string, string[]>,
  ) {}

  flag(name: string): boolean {
    return this.values.has(name);
  }

  text(name: string): string | undefined {
    return this.values.get(name)?.at(-1);
  }

  integer(name: string): number | undefined {
    const value = this.text(name);
    return value === undefined ? undefined : Number(value);
  }

  number(name: string): number | undefined {
    const value = this.text(name);
    return value === undefined ? undefined : Number(value);
  }

  all(name: string): string[] {
    return this.values.get(name) ?? [];
  }
}

/**
 * Parses a command's words against its spec. `command` names it in messages
 * ("leads list does not take --port").
 */
export function parseOptions(words: string[], spec: OptionSpec, command: string): CommandArgs {
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    if (word === '--') {
      positionals.push(...words.slice(index + 1));
      break;
    }
    if (!word.startsWith('--') || word === '--') {
      positionals.push(word);
      continue;
    }
    const [name, inlineValue] = splitOption(word);
    const kind = spec[name];
    if (kind === undefined) {
      const known = Object.keys(spec);
      throw new UsageError(`${command} does not take ${name}${known.length ? ` (it takes ${known.join(', ')})` : ''}`);
    }
    if (kind === 'flag') {
      if (inlineValue !== undefined) throw new UsageError(`${name} takes no value`);
      values.set(name, ['true']);
      continue;
    }
    const value = inlineValue ?? words[++index];
    if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`${name} needs a value`);
    checkValue(name, kind, value);
    values.set(name, kind === 'repeated' ? [...(values.get(name) ?? []), value] : [value]);
  }
  return new CommandArgs(positionals, values);
}

function checkValue(name: string, kind: OptionKind, value: string): void {
  if (kind === 'integer') {
    const number = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
      throw new UsageError(`${name} takes a whole number above 0, not "${value}"`);
    }
  }
  if (kind === 'number' && (value.trim() === '' || !Number.isFinite(Number(value)))) {
    throw new UsageError(`${name} takes a number, not "${value}"`);
  }
}

function splitOption(word: string): [string, string | undefined] {
  if (!word.startsWith('--')) return [word, undefined];
  const equals = word.indexOf('=');
  return equals === -1 ? [word, undefined] : [word.slice(0, equals), word.slice(equals + 1)];
}
