// Totals the JSON reports of vitest and Playwright into the one line CI reads.
// Exits non-zero when a suite failed or did not report at all.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'test-results';
let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;

function read(name) {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) {
    console.log(`${name}: no report (the suite did not run to the end)`);
    missing++;
    return null;
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const unit = read('vitest.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  // A file that failed to load has no tests but is a failure all the same.
  failed += (unit.testResults ?? []).filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
}
const e2e = read('e2e.json');
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
}
failed += missing;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
