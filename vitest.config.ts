import { defineConfig } from 'vitest/config';

/**
 * Two projects (one run, one JSON report for .ci/run):
 * - unit: the pure layers, shared/ and renderer/ (jsdom where a file asks for it) — no SQLite
 *   file, no child process, no OCR worker; under a minute here;
 * - integration: everything of electron/ and build/, on real SQLite files in temporary folders,
 *   real processes and real tesseract.
 * `npm run test:unit` and `npm run test:integration` run one each; `npm test` runs both.
 */
const UNIT = ['test/shared/**/*.test.ts', 'test/renderer/**/*.test.ts', 'test/renderer/**/*.test.tsx'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report lets .ci/run total passes and failures over every suite.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: UNIT,
          // Unit files share a worker's module cache instead of each importing React, zod and the
          // domain afresh: 105 s → 53 s here. Safe because these layers keep no module state a
          // test changes (each renderer test makes its own store and passes it by context).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...UNIT, 'test/e2e/**', 'node_modules/**'],
        },
      },
    ],
  },
});
