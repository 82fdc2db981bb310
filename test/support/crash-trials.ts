import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/db/open-database';
import { createEvent } from '../../electron/services/events-service';
import { createServiceContext } from '../../electron/services/service-context';
import { setStaffName } from '../../electron/services/settings-service';
import { REPO_ROOT, STORE_CHILD } from './child-process';
import { seededRandom } from './fuzz-payloads';
import { makeTempDir } from './temp-database';

export interface CrashReport {
  trials: number;
  corrupt: number;
  /** Leads the writer said were saved (after their commit returned) that were missing after the kill. */
  lost: number;
  /** Leads the writer reported saved, over all trials. */
  saved: number;
  ms: number;
}

/**
 * Kills a writer process with SIGKILL at random moments, then reopens the file as the app
 * would: integrity_check must say ok and every lead the writer reported saved must be
 * there. One file for all trials, so damage from one kill would show in the next.
 */
export async function runCrashTrials(trials: number, options: { seed?: number; maxRunMs?: number } = {}): Promise<CrashReport> {
  const started = performance.now();
  // Seeded when asked (replayable), otherwise every run tries new moments.
  const random = options.seed === undefined ? Math.random : seededRandom(options.seed);
  const dir = makeTempDir('leadbooth-crash-');
  const dbPath = path.join(dir, 'leadbooth.db');
  try {
    const setup = await openDatabase(dbPath);
    const context = createServiceContext(setup.db);
    await setStaffName(context, 'Crash Tester');
    const event = await createEvent(context, { name: 'Crash Expo' });
    await setup.close();

    const report: CrashReport = { trials: 0, corrupt: 0, lost: 0, saved: 0, ms: 0 };
    const saved = new Set<string>();
    for (let trial = 0; trial < trials; trial++) {
      // Most kills land while leads are being written; one in five at any moment from start-up (opening, migrating).
      const whileWriting = random() >= 0.2;
      const delayMs = Math.floor(random() * (options.maxRunMs ?? 400));
      for (const id of await writeAndKill(dbPath, event.id, whileWriting, delayMs)) saved.add(id);
      report.trials++;
      const reopened = await openDatabase(dbPath).catch(() => null);
      if (!reopened) {
        report.corrupt++;
        continue;
      }
      try {
        if (reopened.sqlite.pragma('integrity_check', { simple: true }) !== 'ok') report.corrupt++;
        const present = new Set(reopened.sqlite.prepare('SELECT id FROM leads').pluck().all() as string[]);
        report.lost = [...saved].filter((id) => !present.has(id)).length;
      } finally {
        await reopened.close();
      }
    }
    report.saved = saved.size;
    report.ms = Math.round(performance.now() - started);
    return report;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts a writer, kills it with SIGKILL after `delayMs`; returns the ids it reported saved. */
function writeAndKill(dbPath: string, eventId: string, whileWriting: boolean, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'electron/cli/run-ts.mjs'), STORE_CHILD, 'write-forever', dbPath, eventId], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ids: string[] = [];
    let pending = '';
    let stderr = '';
    const kill = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
    // A writer that never gets going must not hang the suite.
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 30_000);
    if (!whileWriting) kill();
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? ''; // only whole lines: a torn "saved …" line is not a promise
      for (const line of lines) {
        if (line === 'ready' && whileWriting) kill();
        else if (line.startsWith('saved ')) ids.push(line.slice(6));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      if (signal !== 'SIGKILL') reject(new Error(`the writer stopped by itself (code ${String(code)}): ${stderr.slice(0, 500)}`));
      else resolve(ids);
    });
  });
}
