import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTesseractPaths, unpackedPath } from '../../../../electron/ocr/engine/tesseract-paths';

describe('tesseract paths', () => {
  it('resolves local files only, with the cache inside the data folder', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadbooth-paths-'));
    try {
      const p = resolveTesseractPaths(dataDir);
      expect(fs.existsSync(p.workerPath)).toBe(true);
      expect(fs.existsSync(path.join(p.langPath, 'eng.traineddata.gz'))).toBe(true);
      expect(p.langPath).toMatch(/@tesseract\.js-data[\\/]eng[\\/]4\.0\.0_best_int$/);
      expect(fs.existsSync(p.corePath)).toBe(true);
      expect(p.cachePath.startsWith(dataDir)).toBe(true);
      expect(fs.statSync(p.cachePath).isDirectory()).toBe(true);
      expect(p.gzip).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a relative data folder (the cache must never land in the current directory)', () => {
    expect(() => resolveTesseractPaths('data')).toThrow(/absolute/);
  });

  it('rewrites paths inside app.asar to app.asar.unpacked', () => {
    expect(unpackedPath('/opt/LeadBooth/resources/app.asar/node_modules/tesseract.js/src/x.js')).toBe(
      '/opt/LeadBooth/resources/app.asar.unpacked/node_modules/tesseract.js/src/x.js',
    );
    expect(unpackedPath('C:\\LeadBooth\\resources\\app.asar\\node_modules\\a')).toBe('C:\\LeadBooth\\resources\\app.asar.unpacked\\node_modules\\a');
    expect(unpackedPath('/opt/app.asar.unpacked/node_modules/a')).toBe('/opt/app.asar.unpacked/node_modules/a');
    expect(unpackedPath('/home/me/app.asarx/a')).toBe('/home/me/app.asarx/a');
  });
});
