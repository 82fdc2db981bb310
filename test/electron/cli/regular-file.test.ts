import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScanCommand } from '../../../electron/cli/commands/scan';
import { refuseNonRegularFile } from '../../../electron/cli/regular-file';
import { makeTempDir } from '../../support/temp-database';

const dir = makeTempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('leadbooth scan reads regular files only', () => {
  const fifo = path.join(dir, 'card.fifo');
  execFileSync('mkfifo', [fifo]);

  it('names what a device, a pipe or a folder is, and lets files and missing paths through', () => {
    expect(refuseNonRegularFile('/dev/zero')).toMatch(/is a device, not a photo file/);
    expect(refuseNonRegularFile(fifo)).toMatch(/is a pipe/);
    expect(refuseNonRegularFile(dir)).toMatch(/is a folder/);
    const file = path.join(dir, 'card.jpg');
    fs.writeFileSync(file, 'x');
    expect(refuseNonRegularFile(file)).toBeNull();
    expect(refuseNonRegularFile(path.join(dir, 'missing.jpg'))).toBeNull();
  });

  it('answers /dev/zero and a FIFO with an error line each instead of reading forever', async () => {
    const out: string[] = [];
    const code = await runScanCommand(['/dev/zero', fifo, '--concurrency', '1'], { stdout: (line) => out.push(line), stderr: () => {}, dataDir: path.join(dir, 'data') });
    expect(code).toBe(0);
    expect(out.map((line) => JSON.parse(line) as { file: string; error?: string })).toEqual([
      { file: '/dev/zero', error: expect.stringMatching(/device/) },
      { file: fifo, error: expect.stringMatching(/pipe/) },
    ]);
  }, 30_000);
});
