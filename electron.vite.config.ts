import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const fromRoot = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

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
