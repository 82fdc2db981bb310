import type { KnipConfig } from 'knip';

/**
 * `npm run knip`: unused files, exports and dependencies; part of `npm test`, so an export
 * nobody imports fails the build. Entries knip cannot find by itself are listed here: the
 * electron-vite bundles, the files started as child processes or by hand, and CI's helpers.
 */
const config: KnipConfig = {
  entry: [
    'electron/main.ts',
    'electron/preload.ts',
    'renderer/src/main.tsx',
    // The built CLI's entry (build/build-cli.mjs) and the script that writes docs/cli.md (npm run docs:cli).
    'electron/cli/run-cli.ts',
    'electron/cli/write-cli-reference.ts',
    // npm run bench, the files it starts in their own process, and the bench scripts run with tsx by hand.
    'test/bench/*.{ts,mjs}',
    // Started as child processes by tests.
    'test/support/store-child.ts',
    'test/electron/ocr/fixtures/*.ts',
    // Run by hand (their header says how) or by CI and electron-builder.
    'test/tools/*.mjs',
    'build/*.{mjs,cjs}',
    '.ci/*.mjs',
  ],
  project: ['electron/**', 'renderer/**', 'shared/**', 'test/**', 'build/**', '.ci/**', '*.config.ts'],
  // Language data packages are found by folder at run time (require.resolve of their package.json).
  ignoreDependencies: ['@tesseract.js-data/.+'],
  // System tools some tests, a bench (native tesseract as a baseline) and the e2e browser step call.
  ignoreBinaries: ['apt-get', 'mkfifo', 'mount', 'umount', 'tesseract', 'fc-list'],
};

export default config;
