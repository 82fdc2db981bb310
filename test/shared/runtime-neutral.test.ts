/**
 * shared/ runs in both processes, so it touches no DOM global. The import floors (shared/ imports
 * no Node module, no electron, nothing of electron/ or renderer/; renderer/ and electron/ keep
 * apart) are checked by `npm run lint` (build/lint/import-rules.mjs); a global is no import, so
 * it is read here from the source text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(path.join(root, dir));
  return out;
}

describe('shared/', () => {
  it('uses no DOM global (window., document., localStorage., sessionStorage., navigator.)', () => {
    const found: string[] = [];
    for (const file of sourceFiles('shared')) {
      // Comments may name them.
      const code = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const m of code.matchAll(/\b(window|document|localStorage|sessionStorage|navigator)\s*\./g)) found.push(`${path.relative(root, file)}: ${m[1]} (a DOM global)`);
    }
    expect(found).toEqual([]);
  });
});
