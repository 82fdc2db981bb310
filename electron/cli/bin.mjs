#!/usr/bin/env node
// The `leadbooth` command. It runs the bundle `npm run build` / `prepare` makes
// (out/cli/leadbooth.mjs, build/build-cli.mjs) when that is newer than every source file,
// and otherwise the TypeScript in place through tsx (about 1.9 s slower to start), so it
// works right after `npm install` and while the sources are being edited.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = path.join(root, 'out/cli/leadbooth.mjs');

/** The latest modification time of the TypeScript the CLI is built from. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ts|tsx|mts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of ['electron', 'shared']) visit(path.join(root, dir));
  return Math.max(newest, fs.statSync(path.join(root, 'package.json')).mtimeMs);
}

function builtIsCurrent() {
  try {
    return fs.statSync(built).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

// Either way the entry runs the command itself (electron/cli/run-cli.ts), so `node
// out/cli/leadbooth.mjs where` works as `npx leadbooth where` does.
if (process.env.LEADBOOTH_CLI_FROM_SOURCE !== '1' && builtIsCurrent()) {
  await import(pathToFileURL(built).href);
} else {
  const { registerTsx } = await import('./tsx-loader.mjs');
  await registerTsx(
    `the leadbooth command (${fs.existsSync(built) ? 'its build, out/cli, is older than its sources' : 'not built yet'})`,
    'or build it with "npm run build:cli" where they are installed',
  );
  await import('./run-cli.ts');
}
