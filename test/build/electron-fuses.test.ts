import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-database';

// The packaging helpers are CommonJS (electron-builder loads the hook with require).
const require = createRequire(import.meta.url);
const fuses = require('../../build/electron-fuses.cjs') as {
  setLeadBoothFuses(binary: string): Promise<void>;
  checkLeadBoothFuses(binary: string): Promise<string[]>;
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A stand-in binary holding a fuse wire as Electron ships it (RunAsNode, NODE_OPTIONS, --inspect on). */
function stubBinary(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  const file = path.join(dir, 'leadbooth');
  fs.writeFileSync(file, Buffer.concat([Buffer.from('\u007fELF...'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110001'), Buffer.from('...rest')]));
  return file;
}

describe('Electron fuses', () => {
  it('reports every fuse Electron ships in the risky state, then flips them all', async () => {
    const binary = stubBinary();
    expect(await fuses.checkLeadBoothFuses(binary)).toEqual([
      'RunAsNode is on, want off',
      'EnableCookieEncryption is off, want on',
      'EnableNodeOptionsEnvironmentVariable is on, want off',
      'EnableNodeCliInspectArguments is on, want off',
      'EnableEmbeddedAsarIntegrityValidation is off, want on',
      'OnlyLoadAppFromAsar is off, want on',
      'GrantFileProtocolExtraPrivileges is on, want off',
    ]);
    await fuses.setLeadBoothFuses(binary);
    expect(await fuses.checkLeadBoothFuses(binary)).toEqual([]);
    expect(fs.readFileSync(binary).toString('latin1')).toContain('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX\u0001\u000801001100...rest');
  });

  it('is wired into electron-builder as the afterPack hook', () => {
    expect(fs.readFileSync(path.resolve(import.meta.dirname, '../../electron-builder.yml'), 'utf8')).toMatch(/^afterPack: build\/after-pack\.cjs$/m);
  });
});
