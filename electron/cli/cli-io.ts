/** Where a command writes: the process's streams (process-io.ts), arrays in tests. */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** Wrong words on the command line: exit code 2 and one line that says what was wrong. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The command whose help the line points at ("leads list"); set by the dispatcher. */
  command: string | undefined;
}

/**
 * Thrown by a write once the reader of stdout has gone (`leadbooth leads list | head -1`): the
 * command stops there and the process ends quietly with 0, as `cat` or `ls` would.
 */
export class OutputClosed extends Error {
  override name = 'OutputClosed';
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
