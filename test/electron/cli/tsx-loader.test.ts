import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/child-process';
import { makeTempDir } from '../../support/temp-database';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the source fallback (electron/cli/tsx-loader.mjs)', () => {
  it('runs the command from its TypeScript where tsx is installed', async () => {
    const where = await run(process.execPath, [path.join(REPO_ROOT, 'electron/cli/bin.mjs'), '--db', 'x.db', 'where'], { cwd: REPO_ROOT, env: { ...process.env, LEADBOOTH_CLI_FROM_SOURCE: '1' } });
    expect(where).toEqual({ stdout: 'x.db\n', stderr: '' });
  }, 60_000);

  it('says what to do, in one line and with exit 1, where tsx is not installed', async () => {
    // A copy outside the project: no node_modules above it, so tsx cannot be found (as in an install without dev dependencies).
    const dir = makeTempDir();
    dirs.push(dir);
    fs.copyFileSync(path.join(REPO_ROOT, 'electron/cli/tsx-loader.mjs'), path.join(dir, 'tsx-loader.mjs'));
    const script = `import { registerTsx } from ${JSON.stringify(pathToFileURL(path.join(dir, 'tsx-loader.mjs')).href)}; await registerTsx('the leadbooth command (not built yet)', 'or build it with "npm run build:cli"'); console.log('registered');`;
    const failure = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failure).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'leadbooth: the leadbooth command (not built yet) needs tsx to run the TypeScript sources, and tsx is not installed (it is a dev dependency). ' +
        'Install the dev dependencies with "npm install" in the LeadBooth folder, or build it with "npm run build:cli".\n',
    });
  }, 60_000);
});
