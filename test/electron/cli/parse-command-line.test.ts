import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../electron/cli/cli-io';
import { parseCommandArgs, type OptionSpecs } from '../../../electron/cli/parse-command-line';

const options: OptionSpecs = {
  '--json': { type: 'flag', help: 'JSON' },
  '--limit': { type: 'integer', value: 'N', help: 'at most N' },
  '--amount': { type: 'number', value: 'N', help: 'an amount' },
  '--note': { type: 'text', value: 'TEXT', help: 'a note' },
  '--criterion': { type: 'repeated', value: 'KEY=STATE', help: 'may repeat' },
};

function refusal(words: string[]): string {
  try {
    parseCommandArgs(words, options, 'leads qualify');
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${words.join(' ')} was taken`);
}

describe('parseCommandArgs', () => {
  it('reads flags, values (also as --name=value), repeated options and the global ones, anywhere', () => {
    const args = parseCommandArgs(['ID', '--json', '--limit=5', '--criterion', 'need=met', '--db', 'x.db', '--criterion', 'budget=unmet', '--note', 'x y'], options, 'leads qualify');
    expect(args.positionals).toEqual(['ID']);
    expect(args.flag('--json')).toBe(true);
    expect(args.integer('--limit')).toBe(5);
    expect(args.all('--criterion')).toEqual(['need=met', 'budget=unmet']);
    expect(args.text('--note')).toBe('x y');
    expect(args.text('--db')).toBe('x.db');
    expect(parseCommandArgs(['-h'], options, 'x').flag('--help')).toBe(true);
  });

  it('takes a value that starts with one dash, and words after -- as arguments', () => {
    expect(parseCommandArgs(['--amount', '-5'], options, 'x').number('--amount')).toBe(-5);
    expect(parseCommandArgs(['--', '--json', '-x'], options, 'x').positionals).toEqual(['--json', '-x']);
  });

  it('refuses an unknown option, naming the command and what it takes', () => {
    expect(refusal(['--port', '1'])).toBe('leads qualify does not take --port (it takes --json, --limit, --amount, --note, --criterion)');
    expect(refusal(['-x'])).toMatch(/^leads qualify does not take -x /);
  });

  it('refuses a missing value, a value on a flag, and a bad number, in one line each', () => {
    expect(refusal(['--note'])).toBe('--note needs a value');
    expect(refusal(['--note', '--json'])).toBe('--note needs a value');
    expect(refusal(['--db'])).toBe('--db needs a value');
    expect(refusal(['--json=yes'])).toBe('--json takes no value');
    expect(refusal(['--limit', '0'])).toMatch(/whole number above 0, not "0"/);
    expect(refusal(['--amount', 'lots'])).toMatch(/takes a number, not "lots"/);
    for (const words of [['--port'], ['--note'], ['--json=1'], ['--limit', 'x']]) expect(refusal(words)).not.toContain('\n');
  });
});
