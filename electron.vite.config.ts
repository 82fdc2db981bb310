import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const fromRoot = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/** How the source starts a worker thread (electron/workers/start-worker.ts): `new URL('./NAME-worker.ts', import.meta.url)`. */
const workerUrl = /new URL\('\.\/([\w-]+-worker)\.ts', import\.meta\.url\)/g;

/**
 * Each worker thread's entry is bundled as one of its own: the URL that starts it becomes the
 * built file's, through electron-vite's `?modulePath` import (build/build-cli.mjs does the same
 * for the CLI).
 */
const workerEntries: Plugin = {
  name: 'leadbooth-worker-entries',
  enforce: 'pre',
  transform(code, id) {
    if (!id.endsWith('.ts') || !code.match(workerUrl)) return null;
    const imports: string[] = [];
    const started = code.replace(workerUrl, (_, name: string) => {
      const path = `__leadboothWorker${imports.length}`;
      imports.push(`import ${path} from './${name}.ts?modulePath';`);
      return `__leadboothFileUrl(${path})`;
    });
    return { code: [`import { pathToFileURL as __leadboothFileUrl } from 'node:url';`, ...imports, started].join('\n'), map: null };
  },
};

/**
 * Three bundles, all under out/ (package.json "main" is out/main/main.js):
 *
 * - main: ES module (package.json has "type": "module"). Every npm dependency stays
 *   external and is loaded from node_modules at run time: better-sqlite3 and sharp are
 *   native, and tesseract.js starts its worker script and wasm core from its own folder,
 *   so none of them can be bundled (electron-builder unpacks them from the asar).
 * - preload: one self-contained CommonJS file, out/preload/preload.cjs. A sandboxed
 *   preload can only require('electron'), so nothing else may be left external, and it
 *   cannot be an ES module.
 * - renderer: the React app, with relative asset URLs (base './') so the same build works
 *   from app://leadbooth/ in the window and from the loopback host in browser mode.
 */
export default defineConfig({
  main: {
    plugins: [workerEntries],
    build: {
      outDir: fromRoot('out/main'),
      externalizeDeps: true,
      rolldownOptions: {
        input: { main: fromRoot('electron/main.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: fromRoot('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: fromRoot('out/renderer'),
      emptyOutDir: true,
      rolldownOptions: {
        input: fromRoot('renderer/index.html'),
      },
    },
  },
});
