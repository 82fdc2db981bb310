import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type Page } from '@playwright/test';
import { startHost, type BrowserModeHost } from './browser-mode-host';

const CLI = fileURLToPath(new URL('../../electron/cli/bin.mjs', import.meta.url));

/** One test's LeadBooth: a private data folder, the CLI on its database, and browser-mode hosts. */
export interface LeadBoothUnderTest {
  /** A private temporary folder for this test (removed after it); the database lives in it. */
  dir: string;
  dbPath: string;
  /** Runs `leadbooth --db <dbPath> …` to its end and returns what it printed on stdout. */
  cli(...args: string[]): string;
  /** Starts `leadbooth serve` on the database; every host is stopped after the test. */
  start(): Promise<BrowserModeHost>;
  /** Starts a host and opens the app in the page. */
  open(page: Page): Promise<BrowserModeHost>;
}

/**
 * Playwright's test with an `app` fixture, so each spec states what it seeds and does, not how
 * a temporary folder, the CLI and the host are set up and torn down (once, here).
 */
export const test = base.extend<{ app: LeadBoothUnderTest }>({
  // Playwright reads the fixture's dependencies from the destructuring pattern: it must be an object pattern.
  app: async ({}, use, testInfo) => {
    const slug = path.basename(testInfo.file, '.spec.ts');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `leadbooth-e2e-${slug}-`));
    const dbPath = path.join(dir, 'leadbooth.db');
    const hosts: BrowserModeHost[] = [];
    const start = async (): Promise<BrowserModeHost> => {
      const host = await startHost(dbPath);
      hosts.push(host);
      return host;
    };
    await use({
      dir,
      dbPath,
      cli: (...args) => execFileSync(process.execPath, [CLI, '--db', dbPath, ...args], { encoding: 'utf8' }),
      start,
      async open(page) {
        const host = await start();
        await page.goto(host.url);
        return host;
      },
    });
    await Promise.all(hosts.map((host) => host.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
