import { parseArgs } from 'node:util';
import { UsageError } from './cli-io';

/** What an option takes: nothing (a flag), a text, a whole number above 0, a number, or a text given several times. */
type OptionType = 'flag' | 'text' | 'integer' | 'number' | 'repeated';

export interface OptionSpec {
  type: OptionType;
  /** The value's placeholder in the usage text ("N", "FILE"); flags have none. */
  value?: string;
  /** Shown without brackets in the usage text (the command checks it, with its own message). */
  required?: boolean;
  help: string;
  /** The values the option accepts, for the help text; loaded only when help is printed (the lists live beside zod schemas, which take long to load). */
  choices?: () => Promise<readonly string[]>;
}

/** A command's options by their long name with its dashes: `{ '--limit': { type: 'integer', … } }`. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The options every command takes, wherever they stand on the line. */
export const GLOBAL_OPTIONS = {
  '--db': { type: 'text', value: 'PATH', help: 'use another database file (default: the app\'s own, see "leadbooth where")' },
  '--help': { type: 'flag', help: 'print the usage of the command (or of all commands) and exit; -h does the same' },
} as const satisfies OptionSpecs;

/** A command's words parsed against its options. */
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
    return this.integer(name);
  }

  all(name: string): string[] {
    return this.values.get(name) ?? [];
  }
}

/**
 * Parses a command's words (global options may stand anywhere among them) with
 * `node:util.parseArgs`, then checks each option against `options`: a wrong one is one
 * `UsageError` line naming the command ("leads list does not take --port (it takes …)").
 *
 * parseArgs runs non-strict for its tokens, so the messages are ours and a value may start with
 * one dash (`--amount -5`); a value that looks like an option (`--note --json`) is refused.
 */
export function parseCommandArgs(words: readonly string[], options: OptionSpecs, command: string): CommandArgs {
  const specs: OptionSpecs = { ...GLOBAL_OPTIONS, ...options };
  const { tokens } = parseArgs({
    args: [...words],
    options: Object.fromEntries(
      Object.entries(specs).map(([name, spec]) => [name.slice(2), { type: spec.type === 'flag' ? 'boolean' : 'string', ...(name === '--help' && { short: 'h' }) }]),
    ) as Record<string, { type: 'boolean' | 'string'; short?: string }>,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    // `-h` is the one short option; any other single-dash word before `--` is refused as unknown.
    const name = token.rawName === '-h' ? '--help' : token.rawName.startsWith('--') ? `--${token.name}` : token.rawName;
    const spec = specs[name];
    if (spec === undefined) {
      const known = Object.keys(options);
      throw new UsageError(`${command} does not take ${token.rawName}${known.length ? ` (it takes ${known.join(', ')})` : ''}`);
    }
    if (spec.type === 'flag') {
      if (token.value !== undefined) throw new UsageError(`${name} takes no value`);
      values.set(name, ['true']);
      continue;
    }
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith('--') && value.length > 2)) throw new UsageError(`${name} needs a value`);
    checkValue(name, spec.type, value);
    values.set(name, spec.type === 'repeated' ? [...(values.get(name) ?? []), value] : [value]);
  }
  return new CommandArgs(positionals, values);
}

function checkValue(name: string, type: OptionType, value: string): void {
  if (type === 'integer') {
    const number = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
      throw new UsageError(`${name} takes a whole number above 0, not "${value}"`);
    }
  }
  if (type === 'number' && (value.trim() === '' || !Number.isFinite(Number(value)))) {
    throw new UsageError(`${name} takes a number, not "${value}"`);
  }
}
