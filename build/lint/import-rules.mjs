/**
 * The house's import floors (DESIGN.md "Dependencies point one way", issue 16 §1–§2), as
 * dependency-cruiser rules. `npm run lint` checks them (build/lint/lint-imports.mjs); today's
 * violations wait in build/lint/allowed-imports.json, which may only shrink.
 *
 * Paths are relative to the repository root, forward slashes. A rule's name is what the lint
 * prints, so a name says which floor was crossed.
 */

/** The renderer folders below the UI: the state store and the contract's client. */
const RENDERER_BELOW_UI = 'store|api';

/**
 * A feature's model folder (e.g. capture/model/): the rules and browser reads its state needs
 * (form model, card → form plan, file reads), kept below the UI so the store may use them.
 */
const FEATURE_MODEL = '[a-z-]+/model';

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
export const forbidden = [
  {
    name: 'shared-not-to-electron-or-renderer',
    comment: 'shared/ runs in both processes: it imports no code of electron/ or renderer/.',
    severity: 'error',
    from: { path: '^shared/' },
    to: { path: '^(electron|renderer)/' },
  },
  {
    name: 'shared-no-node',
    comment: 'shared/ uses only what both runtimes have: no Node module (fs, node:path, …).',
    severity: 'error',
    from: { path: '^shared/' },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'shared-no-runtime-packages',
    comment: 'shared/ imports no package that needs one runtime: no DOM or React package, no SQLite, image or OCR package.',
    severity: 'error',
    from: { path: '^shared/' },
    to: { path: 'node_modules/(react|react-dom|better-sqlite3|kysely|sharp|tesseract\\.js)/' },
  },
  {
    name: 'renderer-not-to-electron',
    comment: 'renderer/ reaches the main process only through the contract (shared/ipc), never through electron/ code.',
    severity: 'error',
    from: { path: '^renderer/' },
    to: { path: '^electron/' },
  },
  {
    name: 'renderer-no-node',
    comment: 'renderer/ runs in a sandboxed page: no Node module.',
    severity: 'error',
    from: { path: '^renderer/' },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'electron-not-to-renderer',
    comment: 'electron/ (main process and CLI) imports nothing of renderer/.',
    severity: 'error',
    from: { path: '^electron/' },
    to: { path: '^renderer/' },
  },
  {
    name: 'db-not-up',
    comment: 'electron/db/ is the floor of the main process: it imports no exchange/, services/, ipc/, cli/ or host/.',
    severity: 'error',
    from: { path: '^electron/db/' },
    to: { path: '^electron/(exchange|services|ipc|cli|host)/' },
  },
  {
    name: 'services-not-up',
    comment:
      'electron/services/ is called by the dispatcher: it imports no ipc/, host/, cli/, main.ts or window.ts (put shared helpers below).',
    severity: 'error',
    from: { path: '^electron/services/' },
    to: { path: '^electron/((ipc|host|cli)/|(main|window)\\.ts$)' },
  },
  {
    name: 'services-no-query-building',
    comment:
      'electron/services/ builds no SQL: queries live in electron/db/repositories (taking Kysely<Database>, returning domain types); a service imports kysely for types only (import type { Kysely }).',
    severity: 'error',
    from: { path: '^electron/services/' },
    to: { path: 'node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    // dependency-cruiser sees imports only, and a query built on a Kysely<Database> passed in
    // needs none: lint-imports.mjs also finds the builder's calls in these files (`calls`).
    calls: '\\.(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\\(|\\bsql\\s*(<[^`;]*>)?`',
  },
  {
    name: 'cli-through-the-contract',
    comment:
      'electron/cli/ is one more door to the same contract: it calls the typed client (open-client.ts), not services, SQL or exchange code around the dispatcher. ' +
      'The one exception is electron/cli/file-jobs.ts, the small facade for whole-file jobs (export to a path, import of a file up to 200 MB, attendee lists, ' +
      'a scanned card, backup and restore of any file), whose files do not fit through a channel.',
    severity: 'error',
    from: { path: '^electron/cli/', pathNot: '^electron/cli/file-jobs\\.ts$' },
    to: { path: '^electron/(db|services|exchange)/' },
  },
  {
    name: 'exchange-not-to-db',
    comment: 'electron/exchange/ writes and reads files from domain records, not SQLite rows: it imports nothing of electron/db/.',
    severity: 'error',
    from: { path: '^electron/exchange/' },
    to: { path: '^electron/db/' },
  },
  {
    name: 'electron-package-only-at-the-window',
    comment:
      'Only electron/main.ts, window.ts, preload.ts and electron/security/window/ (the window hardening: app protocol, navigation guards, permissions, save dialog) import the electron package, so the rest runs under plain Node (CLI, tests) and shared/ and renderer/ never need it.',
    severity: 'error',
    from: { path: '^(electron|renderer|shared)/', pathNot: '^electron/((main|window|preload)\\.ts$|security/window/)' },
    to: { path: 'node_modules/electron/' },
  },
  {
    name: 'no-circle-in-electron',
    comment: 'No import circle under electron/: move what both sides need below both.',
    severity: 'error',
    from: { path: '^electron/' },
    to: { path: '^electron/', circular: true },
  },
  {
    name: 'store-not-to-ui',
    comment:
      "renderer/src/store/ sits below the UI: of renderer/src it imports only store/, api/ and a feature's model/ folder (and shared/), no component or other feature folder.",
    severity: 'error',
    from: { path: '^renderer/src/store/' },
    to: { path: '^renderer/src/', pathNot: `^renderer/src/(${RENDERER_BELOW_UI}|${FEATURE_MODEL})/` },
  },
  {
    name: 'feature-model-below-ui',
    comment:
      "A feature's model/ folder sits below the UI and the store: of renderer/src it imports only api/ and model/ folders (and shared/), no component, screen or store.",
    severity: 'error',
    from: { path: `^renderer/src/${FEATURE_MODEL}/` },
    to: { path: '^renderer/src/', pathNot: `^renderer/src/(api|${FEATURE_MODEL})/` },
  },
  {
    name: 'components-not-to-features',
    comment: 'renderer/src/components/ holds parts every feature may use: it imports no feature folder.',
    severity: 'error',
    from: { path: '^renderer/src/components/' },
    to: { path: '^renderer/src/', pathNot: `^renderer/src/(components|styles|${RENDERER_BELOW_UI})/` },
  },
];

/** The folders the lint reads (tests and build scripts may import across floors). */
export const linted = ['electron', 'renderer', 'shared'];

/** @type {import('dependency-cruiser').ICruiseOptions} */
export const cruiseOptions = {
  // TypeScript 7 has no compiler API, so dependency-cruiser cannot parse with it: swc reads the
  // .ts/.tsx files as written (type-only imports included), acorn the .mjs/.cjs ones.
  parser: 'swc',
  doNotFollow: { path: 'node_modules' },
  // Not node_modules here: an excluded path drops the imports of packages too, and rules read those.
  exclude: { path: '\\.d\\.ts$|(^|/)test/' },
  moduleSystems: ['es6', 'cjs'],
  enhancedResolveOptions: {
    extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.cjs', '.json'],
    conditionNames: ['import', 'require', 'node', 'default'],
  },
  validate: true,
  // `calls` is ours (lint-imports.mjs reads it), not dependency-cruiser's.
  ruleSet: { forbidden: forbidden.map(({ calls, ...rule }) => rule) },
};
