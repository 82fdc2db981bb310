import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../../support/crash-trials';

describe('crash durability', () => {
  it('a writer killed with SIGKILL at random moments never corrupts the file or loses a lead it reported saved', async () => {
    const report = await runCrashTrials(5, { seed: 5 });
    console.log(`kill trials ${report.trials}, corrupt ${report.corrupt}, committed leads lost ${report.lost} (of ${report.saved} saved), ${report.ms} ms`);
    expect(report).toMatchObject({ trials: 5, corrupt: 0, lost: 0 });
    expect(report.saved).toBeGreaterThan(0); // the kills really landed while leads were being written
  }, 60_000);
});
