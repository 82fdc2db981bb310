// Run by `npm run test:e2e` before Playwright: finds a Chromium, or brings one, and says in
// one line what it did. A fresh machine has no browser until something installs it, and
// `npm test` must pass there after `npm install` alone (CI installs nothing of its own).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { findChromium, playwrightOwnChromium } from './chromium-location.mjs';

const INSTALL_TIMEOUT_MS = 10 * 60_000;

function say(line) {
  console.log(`e2e browser: ${line}`);
}

function run(command, args, timeout = INSTALL_TIMEOUT_MS) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout, encoding: 'utf8' });
  return { ok: result.status === 0, detail: (result.error?.message ?? result.stderr ?? '').trim().split('\n').slice(-1)[0] ?? '' };
}

/** Playwright's own download: works where its CDN can be reached, fails fast where it cannot. */
function tryPlaywrightInstall() {
  const result = run(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'], 5 * 60_000);
  return result.ok ? playwrightOwnChromium() : null;
}

/** Debian's or Ubuntu's package, as root (the machines this project's CI runs on). */
function tryAptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform !== 'linux' || !isRoot || !fs.existsSync('/usr/bin/apt-get')) return null;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env, timeout: INSTALL_TIMEOUT_MS });
  if (update.status !== 0) return null;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env, timeout: INSTALL_TIMEOUT_MS });
  if (install.status !== 0) return null;
  return findChromium()?.path ?? null;
}

function main() {
  let found;
  try {
    found = findChromium();
  } catch (error) {
    say(error.message);
    return 1;
  }
  if (found) {
    say(`using ${found.path} (${found.source})`);
    return 0;
  }
  const fromPlaywright = tryPlaywrightInstall();
  if (fromPlaywright) {
    say(`none found; installed Playwright's Chromium: ${fromPlaywright}`);
    return 0;
  }
  const fromApt = tryAptInstall();
  if (fromApt) {
    say(`none found and Playwright's download was not reachable; installed Debian's chromium with apt-get: ${fromApt}`);
    return 0;
  }
  say(
    'no Chromium, Chrome or Edge found and none could be installed. Install one (Debian/Ubuntu: ' +
      'sudo apt-get install chromium; elsewhere: npx playwright install chromium, or Google Chrome), ' +
      'or set LEADBOOTH_CHROMIUM to its path, then run npm test again.',
  );
  return 1;
}

process.exit(main());
