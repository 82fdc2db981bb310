import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The packaging helpers are CommonJS (pack-smoke and electron-builder's hooks load them with require).
const require = createRequire(import.meta.url);
interface BuilderConfig {
  asar?: boolean | { smartUnpack?: boolean };
  asarUnpack?: string[];
}
const asarUnpack = require('../../build/asar-unpack.cjs') as {
  checkAsarUnpackConfig(projectDir: string, config?: BuilderConfig, files?: { shipped?: string[]; workers?: string[] }): string[];
  mustBeRealFiles(projectDir: string): string[];
  readBuilderConfig(projectDir: string): BuilderConfig;
  shippedPackageFiles(projectDir: string): string[];
  unpackMatcher(patterns: string[]): (file: string) => boolean;
  workerFiles(projectDir: string): string[];
};

const projectDir = path.resolve(import.meta.dirname, '../..');
const config = asarUnpack.readBuilderConfig(projectDir);
// Read once: the walk over the shipped packages is the slow part.
const files = { shipped: asarUnpack.shippedPackageFiles(projectDir), workers: asarUnpack.workerFiles(projectDir) };
const check = (changed: BuilderConfig) => asarUnpack.checkAsarUnpackConfig(projectDir, changed, files);

describe('asarUnpack in electron-builder.yml', () => {
  it('unpacks only what must be a real file, and all of it', () => {
    expect(check(config)).toEqual([]);
  });

  it("finds the OCR worker's own modules: they are resolved from the unpacked folder, not from the archive", () => {
    expect(files.workers).toEqual(
      expect.arrayContaining([
        'node_modules/tesseract.js/src/worker-script/node/index.js',
        'node_modules/regenerator-runtime/runtime.js',
        'node_modules/wasm-feature-detect/package.json',
        'node_modules/tesseract.js-core/tesseract-core-simd-lstm.js',
      ]),
    );
    // Main-process code of tesseract.js and the fetch fallback Electron never loads are not among them.
    expect(files.workers.filter((file) => /tesseract\.js\/src\/(index|createWorker)\.js$|node-fetch/.test(file))).toEqual([]);
    const needed = asarUnpack.mustBeRealFiles(projectDir);
    expect(needed).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(needed).toContain('node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz');
    expect(needed.filter((file) => file.endsWith('.wasm')).length).toBeGreaterThan(0);
  });

  it('refuses whole packages (their main-process JavaScript would leave the integrity check)', () => {
    const problems = check({ ...config, asarUnpack: [...(config.asarUnpack ?? []), 'node_modules/better-sqlite3/**', 'node_modules/sharp'] });
    expect(problems).toEqual([
      expect.stringMatching(/^asarUnpack "node_modules\/better-sqlite3\/\*\*" takes \d+ file\(s\) out of the integrity check .*better-sqlite3\//),
      expect.stringMatching(/^asarUnpack "node_modules\/sharp" takes \d+ file\(s\)/),
    ]);
  });

  it("refuses electron-builder's own guess, which unpacks every package with a native file whole", () => {
    expect(check({ ...config, asar: true })).toEqual([expect.stringMatching(/^asar\.smartUnpack is not false/)]);
  });

  it('names what the app loads as a real file and is left in the archive: the worker modules of the old configuration', () => {
    const before = ['**/*.node', 'node_modules/@img/**', 'node_modules/tesseract.js/**', 'node_modules/tesseract.js-core/**', 'node_modules/@tesseract.js-data/**'];
    const problems = check({ asar: { smartUnpack: false }, asarUnpack: before });
    expect(problems.at(-1)).toMatch(/^not unpacked, but loaded as a real file at run time: .*node_modules\/regenerator-runtime\/runtime\.js/);
    const withoutData = (config.asarUnpack ?? []).filter((pattern) => !pattern.includes('traineddata'));
    expect(check({ ...config, asarUnpack: withoutData })).toEqual([expect.stringMatching(/^not unpacked.*eng\.traineddata\.gz/)]);
  });

  it("reads patterns as electron-builder does: a plain folder means everything under it, '!' excludes", () => {
    const unpacked = asarUnpack.unpackMatcher(['node_modules/sharp', 'node_modules/tesseract.js-core/*.{js,wasm}', '!node_modules/tesseract.js-core/*.wasm.js']);
    expect(unpacked('node_modules/sharp/lib/index.js')).toBe(true);
    expect(unpacked('node_modules/tesseract.js-core/tesseract-core.wasm')).toBe(true);
    expect(unpacked('node_modules/tesseract.js-core/tesseract-core.wasm.js')).toBe(false);
    expect(unpacked('node_modules/kysely/package.json')).toBe(false);
  });
});
