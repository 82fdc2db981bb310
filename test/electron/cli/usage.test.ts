import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/cli/command-table';
import { main } from '../../../electron/cli/main';
import { cliReference, commandHelp, MAX_LINE } from '../../../electron/cli/usage';
import { CLI_REFERENCE_PATH } from '../../../electron/cli/write-cli-reference';

/** Usage errors are found before any store is opened: a path that cannot exist proves it. */
const NO_DB = path.join('/nonexistent', 'leadbooth-usage-test.db');

async function leadbooth(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  // The usage is written as one block: one entry per printed line.
  return { code, stdout: stdout.flatMap((text) => text.split('\n')), stderr };
}

describe('the usage, written from the command table', () => {
  it('names every command of the table in lines of at most 100 characters, none padded to the longest', async () => {
    const { code, stdout } = await leadbooth('--help');
    expect(code).toBe(0);
    const text = stdout.join('\n');
    for (const entry of COMMANDS) expect(text).toContain(`  leadbooth ${entry.name}`);
    for (const line of stdout) {
      expect(line.length, line).toBeLessThanOrEqual(MAX_LINE);
      expect(line, 'a line padded with a run of spaces').not.toMatch(/\S {3,}|\s$/);
    }
  });

  it("gives each command's help with every option it takes, within 100 characters a line", async () => {
    for (const entry of COMMANDS) {
      const help = await commandHelp(entry);
      for (const option of Object.keys(entry.options)) expect(help, entry.name).toContain(`  ${option}`);
      for (const line of help.split('\n')) expect(line.length, `${entry.name}: ${line}`).toBeLessThanOrEqual(MAX_LINE);
    }
    const { code, stdout } = await leadbooth('export', '--help');
    expect(code).toBe(0);
    // The allowed values come from the domain's own list, loaded only for help.
    expect(stdout.join('\n')).toMatch(/--format FORMAT +the file format; one of: salesforce-leads, salesforce-converted, hubspot,/);
    const group = await leadbooth('leads', '--help');
    expect(group.stdout.filter((line) => line.startsWith('  leadbooth '))).toHaveLength(COMMANDS.filter((entry) => entry.name.startsWith('leads ')).length);
  });

  it('docs/cli.md is what `npm run docs:cli` writes from the table today', async () => {
    const written = fs.existsSync(CLI_REFERENCE_PATH) ? fs.readFileSync(CLI_REFERENCE_PATH, 'utf8') : '';
    expect(written, 'docs/cli.md is stale: run npm run docs:cli').toBe(`${await cliReference()}\n`);
  });
});

describe('wrong words on the command line', () => {
  it.each([
    [['leads', 'list', '--port', '1'], /^leadbooth: leads list does not take --port \(it takes --json, --limit\); see "leadbooth leads list --help"$/],
    [['leads', 'list', '--limit'], /^leadbooth: --limit needs a value; see "leadbooth leads list --help"$/],
    [['leads', 'list', '--limit', 'many'], /^leadbooth: --limit takes a whole number above 0, not "many"/],
    [['events', 'list', '--json=yes'], /^leadbooth: --json takes no value/],
    [['export', '--format', '--out', 'x.csv'], /^leadbooth: --format needs a value/],
    [['leads', 'frob'], /^leadbooth: unknown leads command "frob" \(it has add, list, .*\); see "leadbooth leads --help"$/],
    [['leads'], /^leadbooth: leads needs one of: add, list, /],
    [['frobnicate'], /^leadbooth: unknown command "frobnicate"; see "leadbooth --help"$/],
    [['--frob'], /^leadbooth: leadbooth does not take --frob; see "leadbooth --help"$/],
    [['where', '--db'], /^leadbooth: --db needs a value/],
  ])('%j: exit 2 and one line on stderr, nothing on stdout', async (args, message) => {
    const result = await leadbooth('--db', NO_DB, ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toEqual([]);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(message);
  });

  it('without a command prints the usage on stderr and exits 2', async () => {
    const result = await leadbooth();
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toMatch(/^usage: leadbooth \[--db PATH\] COMMAND/);
  });
});
