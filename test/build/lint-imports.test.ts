/**
 * The import lint (build/lint/lint-imports.mjs, `npm run lint`): each floor of
 * build/lint/import-rules.mjs fails on an import across it, the allow-list only shrinks, and
 * today's tree passes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/child-process';
import { makeTempDir } from '../support/temp-database';

const LINT = path.join(REPO_ROOT, 'build/lint/lint-imports.mjs');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function lint(root: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [LINT, '--root', root, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A tree of files (path → source) in a temp folder, with a stand-in `electron` and `react` package. */
function writeTree(files: Record<string, string>): string {
  const root = makeTempDir('leadbooth-lint-');
  dirs.push(root);
  const packages: Record<string, string> = {
    'node_modules/electron/package.json': '{"name":"electron","main":"index.js"}',
    'node_modules/electron/index.js': 'module.exports = {};',
    'node_modules/react/package.json': '{"name":"react","main":"index.js"}',
    'node_modules/react/index.js': 'module.exports = {};',
    'node_modules/kysely/package.json': '{"name":"kysely","main":"index.js"}',
    'node_modules/kysely/index.js': 'module.exports = {};',
  };
  for (const [file, source] of Object.entries({ ...packages, ...files })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), source);
  }
  return root;
}

/** One import across each floor: [rule, importer, its source, the entry the lint prints]. */
const CROSSINGS: Array<[rule: string, importer: string, source: string, entry: string]> = [
  ['shared-not-to-electron-or-renderer', 'shared/domain/lead.ts', "import { x } from '../../electron/db/schema';", 'shared/domain/lead.ts -> electron/db/schema.ts'],
  ['shared-no-node', 'shared/parsing/text.ts', "import fs from 'node:fs';", 'shared/parsing/text.ts -> fs'],
  ['shared-no-runtime-packages', 'shared/ipc/client.ts', "import React from 'react';", 'shared/ipc/client.ts -> node_modules/react/index.js'],
  ['renderer-not-to-electron', 'renderer/src/api/api.ts', "import type { Dispatcher } from '../../../electron/ipc/dispatch';", 'renderer/src/api/api.ts -> electron/ipc/dispatch.ts'],
  ['renderer-no-node', 'renderer/src/main.tsx', "import path from 'path';\nexport const el = <div />;", 'renderer/src/main.tsx -> path'],
  ['electron-not-to-renderer', 'electron/host/host-server.ts', "import { api } from '../../renderer/src/api/api';", 'electron/host/host-server.ts -> renderer/src/api/api.ts'],
  ['db-not-up', 'electron/db/schema.ts', "export const x = 1;\nimport type { Handlers } from '../services/handlers';", 'electron/db/schema.ts -> electron/services/handlers.ts'],
  ['services-not-up', 'electron/services/backup-service.ts', "import { toAppError } from '../ipc/error-mapping';", 'electron/services/backup-service.ts -> electron/ipc/error-mapping.ts'],
  ['services-no-query-building', 'electron/services/merge-service.ts', "import { sql } from 'kysely';", 'electron/services/merge-service.ts -> node_modules/kysely/index.js'],
  // A query built on a Kysely<Database> passed in needs no import: the builder's calls are found in the file.
  ['services-no-query-building', 'electron/services/forget-lead-service.ts', "export async function f(db: Kysely<Database>) { await db.deleteFrom('leads').execute(); }", 'electron/services/forget-lead-service.ts -> kysely .deleteFrom()'],
  ['cli-through-the-contract', 'electron/cli/commands/scan-save.ts', "import { createLead } from '../../services/leads-service';", 'electron/cli/commands/scan-save.ts -> electron/services/leads-service.ts'],
  ['exchange-not-to-db', 'electron/exchange/vcard-writer.ts', "import type { LeadRow } from '../db/schema';", 'electron/exchange/vcard-writer.ts -> electron/db/schema.ts'],
  ['electron-package-only-at-the-window', 'electron/save-dialog.ts', "import { dialog } from 'electron';", 'electron/save-dialog.ts -> node_modules/electron/index.js'],
  // Only the folder security/window/ may: a file named like it is not in it.
  ['electron-package-only-at-the-window', 'electron/security/window-hardening.ts', "import { session } from 'electron';", 'electron/security/window-hardening.ts -> node_modules/electron/index.js'],
  // A circle is reported at one of its imports.
  ['no-circle-in-electron', 'electron/ocr/scanner.ts', "import { pass } from './passes/pass';\nexport const scan = 1;", 'electron/ocr/passes/pass.ts -> electron/ocr/scanner.ts'],
  ['store-not-to-ui', 'renderer/src/store/entry-slice.ts', "import { model } from '../entry/lead-form-model';", 'renderer/src/store/entry-slice.ts -> renderer/src/entry/lead-form-model.ts'],
  ['feature-model-below-ui', 'renderer/src/capture/model/lead-form-model.ts', "import { useAppStore } from '../../store/app-store';", 'renderer/src/capture/model/lead-form-model.ts -> renderer/src/store/app-store.ts'],
  ['components-not-to-features', 'renderer/src/components/ActivityList.tsx', "import { format } from '../crm/crm-format';\nexport const el = <ul />;", 'renderer/src/components/ActivityList.tsx -> renderer/src/crm/crm-format.ts'],
];

/** The files the crossings import, and imports that every floor allows (none may be reported). */
const ALLOWED_TREE: Record<string, string> = {
  'electron/ipc/dispatch.ts': "import { x } from '../services/handlers';\nexport type Dispatcher = unknown;",
  'electron/ipc/error-mapping.ts': "import { isDiskFullError } from '../db/disk-full-error';\nexport const toAppError = 1;",
  'electron/db/disk-full-error.ts': 'export const isDiskFullError = 1;',
  'electron/services/leads-service.ts': 'export const createLead = 1;',
  'electron/app-services.ts': "import { createLead } from './services/leads-service';\nexport const open = 1;",
  'electron/cli/open-client.ts': "import { open } from '../app-services';\nimport { x } from '../ipc/dispatch';",
  // The CLI's one facade for whole-file jobs may call a service; no other file of electron/cli/ may (the crossing above).
  'electron/cli/file-jobs.ts': "import { createLead } from '../services/leads-service';\nexport const jobs = 1;",
  'electron/services/handlers.ts': "import { isDiskFullError } from '../db/disk-full-error';\nexport const x = 1;",
  // A service may name kysely's types (to pass a transaction on) and start a transaction.
  'electron/services/forget-lead-service.ts': "import type { Kysely } from 'kysely';\nimport type { Database } from '../db/schema';\nexport const g = (db: Kysely<Database>) => db.transaction();",
  'electron/db/schema.ts': 'export interface Database { leads: object }',
  'electron/ocr/passes/pass.ts': "import { scan } from '../scanner';\nexport const pass = 1;",
  'electron/main.ts': "import { app } from 'electron';\nimport fs from 'node:fs';",
  'electron/security/window/permissions.ts': "import { session } from 'electron';",
  'renderer/src/api/api.ts': "import { lead } from '../../../shared/domain/lead';\nexport const api = 1;",
  'renderer/src/entry/lead-form-model.ts': "import { useAppStore } from '../store/entry-slice';\nexport const model = 1;",
  'renderer/src/crm/crm-format.ts': "import { List } from '../components/ActivityList';\nexport const format = 1;",
  'renderer/src/store/app-store.ts': "import { api } from '../api/api';\nimport { lead } from '../../../shared/domain/lead';\nimport { model } from '../capture/model/lead-form-model';",
  'renderer/src/capture/model/lead-form-model.ts': "import { api } from '../../api/api';\nimport { plan } from './card-to-form';\nexport const model = 1;",
  'renderer/src/capture/model/card-to-form.ts': 'export const plan = 1;',
  'renderer/src/components/ErrorBanner.tsx': "import { useAppStore } from '../store/app-store';\nexport const el = <p />;",
};

function crossingTree(): string {
  const files: Record<string, string> = { ...ALLOWED_TREE };
  for (const [, importer, source] of CROSSINGS) files[importer] = `${files[importer] ?? ''}\n${source}\n`;
  return writeTree(files);
}

describe('the import lint', () => {
  it('is tested here on a crossing of every rule it has', () => {
    const rules = [...fs.readFileSync(path.join(REPO_ROOT, 'build/lint/import-rules.mjs'), 'utf8').matchAll(/^    name: '([a-z-]+)',$/gm)].map((m) => m[1]);
    expect(rules.length).toBeGreaterThan(10);
    expect([...new Set(CROSSINGS.map(([rule]) => rule))].sort()).toEqual(rules.sort());
  });

  it('passes on the tree as it is, with the allow-list of the repository', () => {
    const result = lint(REPO_ROOT);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^import rules: no new violation; \d+ allowed in build\/lint\/allowed-imports\.json/);
    expect(result.code).toBe(0);
  });

  it('fails on an import across each floor, naming the rule and the import, and on nothing else', () => {
    const root = crossingTree();
    const result = lint(root);
    expect(result.code).toBe(1);
    for (const [rule, , , entry] of CROSSINGS) {
      expect(result.stderr, rule).toMatch(new RegExp(`\\n  ${rule}: [^\\n]+\\n(    [^\\n]+\\n)*    ${entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    }
    const reported = result.stderr.split('\n').filter((line) => line.startsWith('    '));
    expect(reported).toHaveLength(CROSSINGS.length);
  });

  it('fails on an `any` type that does not say why, and passes one whose comment does', () => {
    const root = writeTree({
      ...ALLOWED_TREE,
      'shared/domain/said.ts': '// any: the value comes from a JSON file of any shape, checked by the caller\nexport const read = (text: string): any => JSON.parse(text);',
      'shared/domain/unsaid.ts': "export const parse = (text: string) => JSON.parse(text) as any;\n// eslint-disable-next-line\nexport const bare: any[] = [];",
    });
    const result = lint(root);
    expect(result.code).toBe(1);
    const reported = result.stderr.split('\n').filter((line) => line.startsWith('    '));
    expect(reported).toEqual(['    shared/domain/unsaid.ts -> any (line 1)', '    shared/domain/unsaid.ts -> any (line 3)']);
    expect(result.stderr).toMatch(/any-says-why: an `any` type says why/);
  });

  it('lets allowed imports pass, fails on an entry no longer needed, and rewrites the list with one command', () => {
    const root = crossingTree();
    const allowList = path.join(root, 'build/lint/allowed-imports.json');
    const written = lint(root, '--update-allowlist');
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(`wrote build/lint/allowed-imports.json with ${CROSSINGS.length} allowed imports (${CROSSINGS.length} added, 0 removed`);
    expect(lint(root).code).toBe(0);

    // Fixed: the service no longer imports the dispatcher's error mapping.
    fs.writeFileSync(path.join(root, 'electron/services/backup-service.ts'), "import { isDiskFullError } from '../db/disk-full-error';\n");
    const stale = lint(root);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('1 entry of build/lint/allowed-imports.json no longer needed');
    expect(stale.stderr).toContain('    services-not-up: electron/services/backup-service.ts -> electron/ipc/error-mapping.ts');
    expect(stale.stderr).not.toContain('cross a floor');

    const shrunk = lint(root, '--update-allowlist');
    expect(shrunk.stdout).toContain('- services-not-up: electron/services/backup-service.ts -> electron/ipc/error-mapping.ts');
    const violations = JSON.parse(fs.readFileSync(allowList, 'utf8')).violations as Record<string, string[]>;
    expect(violations['services-not-up']).toBeUndefined();
    expect(lint(root).code).toBe(0);
  });
});
