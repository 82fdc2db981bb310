import { main } from '../../electron/cli/main';

/** What one `leadbooth` command printed, line by line, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string[];
  stderr: string[];
  /** stdout read as one JSON object per line (the `--json` output). */
  json(): Record<string, unknown>[];
}

/**
 * Runs the `leadbooth` command in this process (the same `main` the bundle runs), with its
 * output captured: the CLI tests' one way to call it. `args` are the words after `leadbooth`.
 */
export async function runLeadbooth(args: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  return { code, stdout, stderr, json: () => stdout.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
