/** Where a command writes: the real process streams in bin.mjs, arrays in tests. */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** Wrong words on the command line: exit code 2 and the usage text. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** [syntax after "leadbooth ", what it does] */
export type UsageLine = [string, string];

export function formatUsage(lines: UsageLine[]): string[] {
  const width = Math.max(...lines.map(([syntax]) => syntax.length));
  return lines.map(([syntax, description]) => `  leadbooth ${syntax.padEnd(width)}  ${description}`);
}
