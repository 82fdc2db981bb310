import { describe, expect, it } from 'vitest';
import { parseCommandLine, parseOptions } from '../../../electron/cli/parse-command-line';

describe('parseCommandLine', () => {
  it('takes the global options anywhere and leaves the rest to the command', () => {
    const line = parseCommandLine(['leads', 'list', '--db', 'x.db', '--limit', '3']);
    expect(line).toEqual({ command: 'leads', words: ['list', '--limit', '3'], db: 'x.db', help: false });
  });
});

describe('parseOptions', () => {
  const spec = { '--json': 'flag', '--limit': 'integer', '--note': 'text', '--criterion': 'repeated' } as const;

  it('reads flags, values (also as --name=value) and repeated options by the spec', () => {
    const args = parseOptions(['ID', '--json', '--limit=5', '--criterion', 'need=met', '--criterion', 'budget=unmet', '--note', 'x y'], spec, 'leads qualify');
    expect(args.positionals).toEqual(['ID']);
    expect(args.flag('--json')).toBe(true);
    expect(args.integer('--limit')).toBe(5);
    expect(args.all('--criterion')).toEqual(['need=met', 'budget=unmet']);
    expect(args.text('--note')).toBe('x y');
  });

  it('refuses an option the command does not declare, naming the command', () => {
    expect(() => parseOptions(['--port', '1'], spec, 'leads list')).toThrow(/leads list does not take --port/);
  });

  it('refuses a missing value and a bad number', () => {
    expect(() => parseOptions(['--note'], spec, 'x')).toThrow(/--note needs a value/);
    expect(() => parseOptions(['--limit', '0'], spec, 'x')).toThrow(/whole number above 0/);
  });
});
