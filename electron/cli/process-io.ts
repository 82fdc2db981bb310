import { OutputClosed, type CliIo } from './cli-io';

/** The process's streams as a command's CliIo, and what became of stdout. */
export interface ProcessIo extends CliIo {
  /** A write to stdout that failed for another reason than its reader going away (a full disk behind `> file`). */
  outputFailure(): Error | undefined;
}

/** Errors of a stdout whose reader went away: the pipe's (EPIPE), and a write after the stream gave up. */
const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

/**
 * Lines to the real stdout and stderr. When stdout's reader goes away (`leadbooth leads list
 * --json | head -1`), Node reports EPIPE as an 'error' event, which unhandled ends the process
 * with a stack trace; here it is taken as the end of the output: the next write throws
 * OutputClosed, the command stops (closing the store), and main() exits with 0.
 */
export function processIo(): ProcessIo {
  let closed = false;
  let failure: Error | undefined;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    closed = true;
    if (!READER_GONE.has(error.code ?? '')) failure ??= error;
  });
  return {
    stdout: (line) => {
      if (closed) throw new OutputClosed();
      process.stdout.write(`${line}\n`);
    },
    stderr: (line) => {
      process.stderr.write(`${line}\n`);
    },
    outputFailure: () => failure,
  };
}
