/** The OCR languages gathered into one folder for tesseract.js (copied from their packages, never fetched). */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gatherLanguageFiles } from '../../../../electron/ocr/engine/language-folder';

describe('gatherLanguageFiles', () => {
  let tmp: string | undefined;
  afterEach(async () => {
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('copies the languages into one folder, once', async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-langs-'));
    const dir = path.join(tmp, 'langs');
    await gatherLanguageFiles(['fra', 'deu'], dir);
    const copied = await fs.stat(path.join(dir, 'fra.traineddata.gz'));
    await gatherLanguageFiles(['fra', 'deu'], dir);
    expect((await fs.readdir(dir)).sort()).toEqual(['deu.traineddata.gz', 'fra.traineddata.gz']);
    // the same size already there: not copied again
    expect((await fs.stat(path.join(dir, 'fra.traineddata.gz'))).mtimeMs).toBe(copied.mtimeMs);
  });

  it('says what to do when a language is not installed', async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leadbooth-langs-'));
    await expect(gatherLanguageFiles(['xyz'], path.join(tmp, 'langs'))).rejects.toThrow(/"xyz" is missing \(reinstall LeadBooth\)/);
  });
});
