// Where the end-to-end tests find a Chromium, without installing anything: the Playwright
// config asks this at load time, and ensure-chromium.mjs (run first by `npm run test:e2e`)
// uses it before it tries to bring a browser. Plain .mjs so both a node script and the
// TypeScript config can import it.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Chrome, Chromium and Edge where their installers put them, per system. */
const SYSTEM_BROWSERS = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    `${process.env['PROGRAMFILES'] ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['LOCALAPPDATA'] ?? ''}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Microsoft\\Edge\\Application\\msedge.exe`,
    `${process.env['PROGRAMFILES'] ?? 'C:\\Program Files'}\\Microsoft\\Edge\\Application\\msedge.exe`,
  ],
};

function isExecutableFile(filePath) {
  if (!filePath) return false;
  try {
    return fs.statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/** The Chromium Playwright installed for itself (`npx playwright install chromium`), if it is there. */
export function playwrightOwnChromium() {
  try {
    const { chromium } = require('playwright-core');
    const executable = chromium.executablePath();
    return isExecutableFile(executable) ? executable : null;
  } catch {
    return null;
  }
}

/**
 * The browser to use, in order: LEADBOOTH_CHROMIUM; a browser Playwright already has; a
 * system Chrome / Chromium / Edge. Returns { path, source } or null when none is there.
 * A LEADBOOTH_CHROMIUM that points nowhere is an error, not a reason to pick another.
 */
export function findChromium(platform = process.platform) {
  const configured = process.env.LEADBOOTH_CHROMIUM;
  if (configured) {
    if (!isExecutableFile(configured)) {
      throw new Error(`LEADBOOTH_CHROMIUM is ${configured}, which is not a file: point it at a Chromium, Chrome or Edge, or unset it.`);
    }
    return { path: configured, source: 'LEADBOOTH_CHROMIUM' };
  }
  const own = playwrightOwnChromium();
  if (own) return { path: own, source: "Playwright's own Chromium" };
  for (const candidate of SYSTEM_BROWSERS[platform] ?? []) {
    if (isExecutableFile(candidate)) return { path: candidate, source: 'the system browser' };
  }
  return null;
}
