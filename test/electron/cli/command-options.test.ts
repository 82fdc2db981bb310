/**
 * The command table's options are made from the shared shapes (electron/cli/command-options.ts):
 * an option that means the same in two commands must read, parse and be documented the same.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/cli/command-table';
import type { OptionSpec } from '../../../electron/cli/parse-command-line';

/** Every option of every command: [command, option name, its spec]. */
const OPTIONS: Array<[string, string, OptionSpec]> = COMMANDS.flatMap((entry) => Object.entries(entry.options).map(([name, spec]): [string, string, OptionSpec] => [entry.name, name, spec]));

describe('the options of the command table', () => {
  it('are one shape wherever an option has the same name and help', () => {
    const first = new Map<string, [string, OptionSpec]>();
    for (const [command, name, spec] of OPTIONS) {
      const key = `${name} ${spec.help}`;
      const seen = first.get(key);
      if (!seen) {
        first.set(key, [command, spec]);
        continue;
      }
      expect({ ...spec, choices: spec.choices !== undefined }, `${command} ${name} differs from ${seen[0]} ${name}`).toEqual({ ...seen[1], choices: seen[1].choices !== undefined });
      expect(spec.choices, `${command} ${name}: another list of values than ${seen[0]}`).toBe(seen[1].choices);
    }
  });

  it('name a value by the word its command arguments use (a lead status is STATUS, an opportunity stage STAGE)', () => {
    const placeholderOf = new Map(
      COMMANDS.flatMap((entry) => (entry.arguments ?? '').split(/\s+/)).filter((word) => /^[A-Z]{4,}$/.test(word)).map((word) => [`--${word.toLowerCase()}`, word]),
    );
    expect(placeholderOf.get('--status')).toBe('STATUS');
    for (const [command, name, spec] of OPTIONS) {
      const word = placeholderOf.get(name);
      if (word !== undefined && spec.value !== undefined) expect(spec.value, `${command} ${name}`).toBe(word);
    }
  });
});
