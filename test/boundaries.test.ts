/**
 * The architecture's dependency rules, enforced (DESIGN.md "Dependencies point one way"):
 *   shared/    imports no Node module, not electron, no DOM-only code, nothing from electron/ or renderer/;
 *   renderer/  imports no Node module and nothing from electron/ (it reaches the main process only through the contract);
 *   electron/  imports nothing from renderer/.
 * Read from the source text (static and dynamic imports, re-exports, require), so a wrong import
 * fails here before it fails a build on another platform.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0] ?? m]));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(p);
      } else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(path.join(root, dir));
  return out;
}

/** Every module specifier a file names: import/export … from, import(), require(), bare import. */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) if (m[1]) out.push(m[1]);
  return out;
}

const isNodeModule = (spec: string): boolean => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0] ?? spec);

/** The top folder (electron, renderer, shared, …) a relative specifier of `file` lands in. */
function targetFolder(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const rel = path.relative(root, path.resolve(path.dirname(file), spec));
  return rel.split(path.sep)[0] ?? null;
}

function violations(dir: string, rule: (file: string, spec: string) => string | null): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const spec of specifiers(text)) {
      const why = rule(file, spec);
      if (why) out.push(`${path.relative(root, file)}: ${spec} (${why})`);
    }
  }
  return out;
}

describe('dependency boundaries', () => {
  it('shared/ uses neither Node, electron, the DOM, nor code of electron/ or renderer/', () => {
    const found = violations('shared', (file, spec) => {
      if (isNodeModule(spec)) return 'a Node module';
      if (spec === 'electron' || spec.startsWith('electron/')) return 'electron';
      if (spec === 'react-dom' || spec.startsWith('react-dom/')) return 'DOM-only';
      const folder = targetFolder(file, spec);
      return folder === 'electron' || folder === 'renderer' ? `code of ${folder}/` : null;
    });
    // DOM globals in shared code (types only in comments are fine): window., document., localStorage.
    for (const file of sourceFiles('shared')) {
      const code = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const m of code.matchAll(/\b(window|document|localStorage|sessionStorage|navigator)\s*\./g)) found.push(`${path.relative(root, file)}: ${m[1]} (a DOM global)`);
    }
    expect(found).toEqual([]);
  });

  it('renderer/ uses no Node module and no code of electron/', () => {
    const found = violations('renderer', (file, spec) => {
      if (isNodeModule(spec)) return 'a Node module';
      if (spec === 'electron' || spec.startsWith('electron/')) return 'electron';
      return targetFolder(file, spec) === 'electron' ? 'code of electron/' : null;
    });
    expect(found).toEqual([]);
  });

  it('electron/ uses no code of renderer/', () => {
    const found = violations('electron', (file, spec) => (targetFolder(file, spec) === 'renderer' ? 'code of renderer/' : null));
    expect(found).toEqual([]);
  });

  it('the import reader sees every form of import', () => {
    const src = `import a from 'node:fs';\nimport type { B } from "../electron/x";\nexport * from './y';\nconst c = await import('os');\nconst d = require('path');\nimport 'side-effect';`;
    expect(specifiers(src).sort()).toEqual(['../electron/x', './y', 'node:fs', 'os', 'path', 'side-effect'].sort());
  });
});
