import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('scanner lifecycle', () => {
  it('closing while the workers are still starting lets the process exit', async () => {
    // A worker started after close() would keep the process alive: `leadbooth serve` would
    // ignore Ctrl+C and the window could not quit. The process must end on its own.
    const result = await run(process.execPath, ['electron/cli/run-ts.mjs', path.join('test/electron/ocr/fixtures/close-during-warm-up.ts')], {
      timeout: 30_000,
    }).then(
      () => 'exited',
      (error: { killed?: boolean; code?: number }) => (error.killed ? 'still running after 30 s' : `failed with ${error.code}`),
    );
    expect(result).toBe('exited');
  });
});
