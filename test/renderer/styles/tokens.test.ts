import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One place for colours (issue 17 §4): tokens.css defines every colour; every other stylesheet and
 * the components use its variables. A colour written anywhere else fails here, with where it is.
 */
const SOURCE = path.resolve(import.meta.dirname, '../../../renderer/src');
const TOKENS = path.join(SOURCE, 'styles', 'tokens.css');
// A hex colour (#fff, #1d4ed8, #1d4ed880), or a colour function.
const COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/gi;

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.(css|tsx?)$/.test(entry.name) ? [full] : [];
  });
}

describe('design tokens', () => {
  it('no stylesheet or component but tokens.css writes a colour', () => {
    const found = filesUnder(SOURCE)
      .filter((file) => file !== TOKENS)
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, index) => ((line.match(COLOUR) ?? []).length > 0 ? [`${path.relative(SOURCE, file)}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });

  it('every variable a stylesheet or component uses is defined in tokens.css', () => {
    const tokens = fs.readFileSync(TOKENS, 'utf8');
    const defined = new Set([...tokens.matchAll(/^\s*(--[a-z0-9-]+):/gm)].map((match) => match[1]));
    // Variables a screen sets itself (the review table's column widths) are not tokens.
    const ownVariables = new Set(['--review-columns']);
    const used = new Set(
      filesUnder(SOURCE).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/var\((--[a-z0-9-]+)\)|['"](--chart-[a-z-]+)['"]/g)].map((match) => match[1] ?? match[2])),
    );
    const missing = [...used].filter((name) => name !== undefined && !defined.has(name) && !ownVariables.has(name));
    expect(missing).toEqual([]);
  });
});
