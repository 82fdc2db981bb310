import { spawn } from 'node:child_process';
import fs from 'node:fs';
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

/**
 * Runs `count` store children that meet at a gate (see store-child.ts): the gate opens once
 * every one of them is set up, so their work overlaps.
 */
export async function runGatedChildren(count: number, gateDir: string, args: (gate: string) => string[], timeoutMs = 90_000): Promise<ChildResult[]> {
  const gate = path.join(gateDir, `gate-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const running = Array.from({ length: count }, () => runTsChild(STORE_CHILD, args(gate), timeoutMs));
  const deadline = Date.now() + timeoutMs;
  const readyCount = () => fs.readdirSync(gateDir).filter((name) => name.startsWith(`${path.basename(gate)}.ready-`)).length;
  while (readyCount() < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  fs.writeFileSync(gate, '');
  return Promise.all(running);
}
