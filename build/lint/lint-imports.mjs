#!/usr/bin/env node
/**
 * `npm run lint`: checks the import floors of build/lint/import-rules.mjs over electron/,
 * renderer/ and shared/ with dependency-cruiser (through its API: its own command line refuses
 * Node 20, the API runs here).
 *
 * Today's violations are listed in build/lint/allowed-imports.json. The lint fails when an import
 * breaks a rule and is not on that list, and when an entry of the list no longer occurs: the list
 * only shrinks, and whoever fixes an import removes its entry.
 *
 *   npm run lint                          check
 *   npm run lint -- --update-allowlist    write today's violations as the allow-list (after a
 *                                          merge or a fix; review the diff: it should only shrink)
 *   --root DIR  --allowlist FILE          lint another tree (the lint's own test uses this)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cruise } from 'dependency-cruiser';
import { cruiseOptions, forbidden, linted } from './import-rules.mjs';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ALLOW_LIST_NOTE =
  'Imports that break a rule of build/lint/import-rules.mjs today, by rule: "importer -> imported". ' +
  'This list may only shrink: npm run lint fails on an import that is not here and on an entry that no longer occurs. ' +
  'Rewrite it with: npm run lint -- --update-allowlist';

const { values: flags } = parseArgs({
  options: {
    'update-allowlist': { type: 'boolean', default: false },
    root: { type: 'string', default: repositoryRoot },
    allowlist: { type: 'string' },
  },
});
const root = path.resolve(flags.root);
const allowListPath = path.resolve(flags.allowlist ?? path.join(root, 'build/lint/allowed-imports.json'));

/** `{ rule: ["from -> to", …] }` of a cruise's violations, sorted so the file diffs cleanly. */
function violationsByRule(violations) {
  const byRule = {};
  for (const violation of violations) {
    (byRule[violation.rule.name] ??= new Set()).add(`${violation.from} -> ${violation.to}`);
  }
  return Object.fromEntries(
    Object.keys(byRule)
      .sort()
      .map((rule) => [rule, [...byRule[rule]].sort()]),
  );
}

function readAllowList() {
  if (!fs.existsSync(allowListPath)) return {};
  const parsed = JSON.parse(fs.readFileSync(allowListPath, 'utf8'));
  if (typeof parsed.violations !== 'object' || parsed.violations === null) {
    throw new Error(`${allowListPath} has no "violations" object: rewrite it with npm run lint -- --update-allowlist`);
  }
  return parsed.violations;
}

/** The entries of `a` that are not in `b`, as [rule, "from -> to"]. */
function missingFrom(a, b) {
  return Object.entries(a).flatMap(([rule, imports]) => imports.filter((entry) => !(b[rule] ?? []).includes(entry)).map((entry) => [rule, entry]));
}

const started = performance.now();
const folders = linted.filter((folder) => fs.existsSync(path.join(root, folder)));
const { output } = await cruise(folders, { ...cruiseOptions, baseDir: root });
const seconds = ((performance.now() - started) / 1000).toFixed(1);

/**
 * A rule's `calls` (a regular expression): code written in a file, not an import, that
 * breaks the floor (a query built on a Kysely<Database> passed in). Reported as
 * "importer -> kysely .selectFrom()" entries, one per kind of call and file, so fixing a
 * file shrinks the list like fixing an import does.
 */
function callViolations(modules) {
  const violations = [];
  for (const rule of forbidden.filter((candidate) => candidate.calls)) {
    const from = new RegExp(rule.from.path);
    const pattern = new RegExp(rule.calls, 'g');
    for (const { source } of modules) {
      if (!from.test(source) || source.includes('node_modules/') || !fs.existsSync(path.join(root, source))) continue;
      const text = fs.readFileSync(path.join(root, source), 'utf8');
      const kinds = new Set([...text.matchAll(pattern)].map((match) => (match[1] ? `.${match[1]}()` : 'sql`…`')));
      for (const kind of kinds) violations.push({ rule: { name: rule.name }, from: source, to: `kysely ${kind}` });
    }
  }
  return violations;
}

/**
 * The house rule "no `any` without a comment saying why", checked here because no type-aware
 * linter runs on TypeScript 7: an `any` in a type (`: any`, `<any>`, `as any`, `any[]`, `| any`)
 * needs a `//` comment on its line or a comment line right above it. Reported as
 * "file -> any (line N)"; a bare lint-disable comment with no words after it is no reason.
 */
const ANY_TYPE = /(?:[:<,|(]\s*|\bas\s+)any\b(?![\w$])/;
const COMMENT_LINE = /^\s*(\/\/|\/?\*)/;
function unexplainedAny(modules) {
  const violations = [];
  for (const { source } of modules) {
    if (!/^(electron|shared|renderer)\/.*\.tsx?$/.test(source) || !fs.existsSync(path.join(root, source))) continue;
    const lines = fs.readFileSync(path.join(root, source), 'utf8').split('\n');
    lines.forEach((line, index) => {
      const code = line.replace(/\/\/.*$/, '');
      if (COMMENT_LINE.test(line) || !ANY_TYPE.test(code)) return;
      const said = (text) => /\/\/\s*(?!eslint-disable\S*\s*(\S+\s*)?$)\S/.test(text) || /^\s*\/?\*/.test(text);
      const above = lines[index - 1] ?? '';
      if (said(line) || (COMMENT_LINE.test(above) && said(above))) return;
      violations.push({ rule: { name: 'any-says-why' }, from: source, to: `any (line ${index + 1})` });
    });
  }
  return violations;
}

const found = violationsByRule([...output.summary.violations, ...callViolations(output.modules), ...unexplainedAny(output.modules)]);
const counted = `${output.summary.totalCruised} modules, ${output.summary.totalDependenciesCruised} imports, ${forbidden.length} rules, ${seconds} s`;

/** Writes today's violations as the allow-list and says what changed. */
function updateAllowList() {
  const before = readAllowList();
  fs.mkdirSync(path.dirname(allowListPath), { recursive: true });
  fs.writeFileSync(allowListPath, `${JSON.stringify({ about: ALLOW_LIST_NOTE, violations: found }, null, 2)}\n`);
  const added = missingFrom(found, before);
  const removed = missingFrom(before, found);
  for (const [rule, entry] of added) console.log(`+ ${rule}: ${entry}`);
  for (const [rule, entry] of removed) console.log(`- ${rule}: ${entry}`);
  const total = Object.values(found).flat().length;
  console.log(`import rules: wrote ${path.relative(root, allowListPath)} with ${total} allowed imports (${added.length} added, ${removed.length} removed; ${counted})`);
}

/** Fails on an import that breaks a rule and is not allowed, and on an allowed one that no longer occurs. */
function check() {
  const allowed = readAllowList();
  const fresh = missingFrom(found, allowed);
  const stale = missingFrom(allowed, found);
  const comments = new Map(forbidden.map((rule) => [rule.name, rule.comment]));
  comments.set('any-says-why', 'an `any` type says why, in a comment on its line or right above it (house rule); a lint-disable comment is no reason.');

  if (fresh.length > 0) {
    console.error(`import rules: ${fresh.length} import(s) cross a floor:`);
    let lastRule = '';
    for (const [rule, entry] of fresh) {
      if (rule !== lastRule) console.error(`\n  ${rule}: ${comments.get(rule) ?? ''}`);
      console.error(`    ${entry}`);
      lastRule = rule;
    }
    console.error('\nMove the import below the floor (or the code it needs down to a layer both may use).');
  }
  if (stale.length > 0) {
    console.error(`\nimport rules: ${stale.length} entr${stale.length === 1 ? 'y' : 'ies'} of ${path.relative(root, allowListPath)} no longer needed (fixed: remove them, or run npm run lint -- --update-allowlist):`);
    for (const [rule, entry] of stale) console.error(`    ${rule}: ${entry}`);
  }
  const allowedCount = Object.values(allowed).flat().length - stale.length;
  if (fresh.length > 0 || stale.length > 0) {
    console.error(`\nimport rules: failed (${counted})`);
    process.exitCode = 1;
  } else {
    console.log(`import rules: no new violation; ${allowedCount} allowed in ${path.relative(root, allowListPath)} (${counted})`);
  }
}

if (flags['update-allowlist']) updateAllowList();
else check();
