import { defineConfig } from '@playwright/test';
// Plain .mjs shared with ensure-chromium.mjs, which `npm run test:e2e` runs first to find or bring a browser.
import { findChromium } from './test/e2e/browser/chromium-location.mjs';

/**
 * End-to-end tests run the real app in browser mode (the loopback host serving the built
 * renderer) in Debian's Chromium: the Electron binary cannot run on CI machines.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // A loaded 2-core machine scans cards several times slower; speed is measured by the benches, not by this limit.
  timeout: 120_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // `list` for people and the CI log (its pass/fail counts are parsed); JSON for tools.
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: {
    headless: true,
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      // ensure-chromium.mjs has already said which browser this is, or installed one.
      executablePath: findChromium()?.path ?? '/usr/bin/chromium',
      // Playwright manages the profile itself (it refuses --user-data-dir); these keep
      // Chromium from reaching the network or doing first-run work on its own.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
