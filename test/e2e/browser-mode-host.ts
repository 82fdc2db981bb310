import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../electron/cli/bin.mjs', import.meta.url));
const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/;

/** A running `leadbooth serve`: the real host and store, as a person would start them. */
export interface BrowserModeHost {
  url: string;
  process: ChildProcess;
  /** SIGTERM, then waits for the process to exit (the database is closed by then). */
  stop(): Promise<void>;
}

export async function startHost(dbPath: string): Promise<BrowserModeHost> {
  const child = spawn(process.execPath, [CLI, '--db', dbPath, 'serve'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host printed no address within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_PATTERN.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (code ${code}) before printing its address:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
