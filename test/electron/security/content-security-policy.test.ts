import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/content-security-policy';

const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((part) => {
  const [name = '', ...values] = part.trim().split(/\s+/);
  return [name, values] as const;
}));

describe('the Content-Security-Policy', () => {
  it('allows no inline script or style, no eval, and no source outside our own origin', () => {
    // Only WebAssembly compiling, in script-src alone (the badge reader's own .wasm): never eval() itself.
    expect(CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*|https?:/);
    for (const [name, values] of directives) {
      for (const value of values) {
        if (name === 'script-src' && value === "'wasm-unsafe-eval'") continue;
        expect(["'self'", "'none'", 'data:', 'blob:'], `${name} ${value}`).toContain(value);
      }
    }
  });

  it('has a default, and locks objects, <base>, form posts and framing', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(directives.get(name), name).toEqual(["'none'"]);
    // Only images may come from memory (card photos); nothing else may use data: or blob:.
    for (const [name, values] of directives) if (name !== 'img-src') expect(values.some((value) => value === 'data:' || value === 'blob:'), name).toBe(false);
  });
});
