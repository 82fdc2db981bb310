import { spawn } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const STORE_CHILD = path.join(REPO_ROOT, 'test/support/store-child.ts');
const RUN_TS = path.join(REPO_ROOT, 'electron/cli/run-ts.mjs');

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry in its own Node process (through tsx), as a second app would. */
export function runTsChild(entry: string, args: string[], timeoutMs = 60_000): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUN_TS, entry, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
