/**
 * The usage text and docs/cli.md, both written from the command table (command-table.ts), so
 * neither can fall behind a command or an option. Lines are wrapped at 100 characters.
 */
import { COMMANDS, type CommandEntry } from './command-table';
import { GLOBAL_OPTIONS, type OptionSpec } from './parse-command-line';

export const MAX_LINE = 100;

/** `text` in lines of at most `width` characters (a longer word stands alone), each after `indent`. */
function wrap(words: readonly string[], width: number, indent: string, nextIndent = indent): string[] {
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = nextIndent;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

function optionSyntax(name: string, option: OptionSpec): string {
  const syntax = option.value ? `${name} ${option.value}` : name;
  return option.required ? syntax : `[${syntax}]`;
}

/** The parts of a command's synopsis: "leadbooth", its words, its arguments, each option (never split inside one). */
function synopsisParts(entry: CommandEntry): string[] {
  return ['leadbooth', entry.name, ...(entry.arguments ? [entry.arguments] : []), ...Object.entries(entry.options).map(([name, option]) => optionSyntax(name, option))];
}

/** A command in the overview: its synopsis, then what it does, indented below it. */
function describeBriefly(entry: CommandEntry): string[] {
  return [...wrap(synopsisParts(entry), MAX_LINE, '  ', '      '), ...wrap(entry.summary.split(' '), MAX_LINE, '        ')];
}

const HEADER = 'usage: leadbooth [--db PATH] COMMAND ...';

/** `leadbooth --help`, or the commands of one group (`leadbooth leads --help`). */
export function overview(group?: string): string {
  const entries = group === undefined ? COMMANDS : COMMANDS.filter((entry) => entry.name.split(' ')[0] === group);
  return [
    HEADER,
    '',
    ...entries.flatMap(describeBriefly),
    '',
    ...wrap(['--db PATH ', ...GLOBAL_OPTIONS['--db'].help.split(' ')], MAX_LINE, '', '           '),
    'leadbooth COMMAND --help describes the options of a command; docs/cli.md has them all.',
  ].join('\n');
}

/** An option's help, with the values it takes when the table names them. */
async function optionHelp(option: OptionSpec): Promise<string> {
  if (!option.choices) return option.help;
  return `${option.help}; one of: ${(await option.choices()).join(', ')}`;
}

/** `leadbooth leads list --help`: the synopsis, what it does, and each option. */
export async function commandHelp(entry: CommandEntry): Promise<string> {
  const options = Object.entries(entry.options);
  const width = Math.max(0, ...options.map(([name, option]) => optionSyntax(name, option).replace(/^\[|\]$/g, '').length));
  const lines = [...wrap(['usage:', ...synopsisParts(entry)], MAX_LINE, '', '    '), '', ...wrap(entry.summary.split(' '), MAX_LINE, '')];
  if (options.length > 0) {
    lines.push('', 'options:');
    for (const [name, option] of options) {
      // Two spaces between the widest option and its help; the help's next lines start below it.
      const syntax = (option.value ? `${name} ${option.value}` : name).padEnd(width + 1);
      lines.push(...wrap([syntax, ...(await optionHelp(option)).split(' ')], MAX_LINE, '  ', ' '.repeat(width + 4)));
    }
  }
  return lines.join('\n');
}

const escapeCell = (text: string): string => text.replaceAll('|', '\\|');

/** docs/cli.md: every command with its options, from the table. */
export async function cliReference(): Promise<string> {
  const lines = [
    '# The `leadbooth` command',
    '',
    '<!-- Written by `npm run docs:cli` from electron/cli/command-table.ts; a test fails when it is stale. Do not edit by hand. -->',
    '',
    `\`${HEADER}\` — the same services and checks as the app, without a window.`,
    'Exit codes: 0 done, 1 failed (the message says why and what to do), 2 wrong words on the command line.',
    '',
    '| global option | what it does |',
    '|---|---|',
    ...Object.entries(GLOBAL_OPTIONS).map(([name, option]) => `| \`${escapeCell(option.type === 'flag' ? name : `${name} ${option.value}`)}\` | ${escapeCell(option.help)} |`),
    '',
  ];
  for (const entry of COMMANDS) {
    lines.push(`## leadbooth ${entry.name}`, '', entry.summary.charAt(0).toUpperCase() + entry.summary.slice(1) + '.', '', '```', ...wrap(synopsisParts(entry), MAX_LINE, '', '    '), '```', '');
    const options = Object.entries(entry.options);
    if (options.length === 0) continue;
    lines.push('| option | what it does |', '|---|---|');
    for (const [name, option] of options) {
      lines.push(`| \`${escapeCell(option.value ? `${name} ${option.value}` : name)}\` | ${escapeCell(await optionHelp(option))} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
