import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScanCommand } from '../../../electron/cli/commands/scan';
import { MAX_IMPORT_FILE_BYTES } from '../../../electron/cli/commands/exchange';
import { InputFileError, readRegularFile, refuseNonRegularFile } from '../../../electron/cli/regular-file';
import { MAX_FILE_BYTES } from '../../../electron/ocr/scan-input';
import { makeTempDir } from '../../support/temp-database';
import { runLeadbooth } from '../../support/cli-run';

const dir = makeTempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const fifo = path.join(dir, 'card.fifo');
execFileSync('mkfifo', [fifo]);

/** A file of this size that takes no disk space (a hole): what a check of the size alone must refuse. */
function sparseFile(name: string, bytes: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '');
  fs.truncateSync(file, bytes);
  return file;
}

const leadbooth = (...args: string[]) => runLeadbooth(['--db', path.join(dir, 'data', 'leadbooth.db'), ...args]);

describe('leadbooth scan reads regular files only', () => {
  it('names what a device, a pipe or a folder is, and lets files and missing paths through', () => {
    expect(refuseNonRegularFile('/dev/zero')).toMatch(/is a device, not a photo file/);
    expect(refuseNonRegularFile(fifo)).toMatch(/is a pipe/);
    expect(refuseNonRegularFile(dir)).toMatch(/is a folder/);
    const file = path.join(dir, 'card.jpg');
    fs.writeFileSync(file, 'x');
    expect(refuseNonRegularFile(file)).toBeNull();
    expect(refuseNonRegularFile(path.join(dir, 'missing.jpg'))).toBeNull();
  });

  it('answers /dev/zero and a FIFO with an error line each instead of reading forever', async () => {
    const out: string[] = [];
    const code = await runScanCommand({ files: ['/dev/zero', fifo], concurrency: 1, thorough: false, fast: false, save: false }, { stdout: (line) => out.push(line), stderr: () => {}, dataDir: path.join(dir, 'data') });
    expect(code).toBe(0);
    expect(out.map((line) => JSON.parse(line) as { file: string; error?: string })).toEqual([
      { file: '/dev/zero', error: expect.stringMatching(/device/) },
      { file: fifo, error: expect.stringMatching(/pipe/) },
    ]);
  }, 30_000);
});

describe('readRegularFile', () => {
  const kind = { noun: 'a test file', advice: 'give a file', maxBytes: 10, overLimitAdvice: 'make it smaller' };

  it('reads a regular file whole, up to its limit', () => {
    const file = path.join(dir, 'ten.txt');
    fs.writeFileSync(file, '0123456789');
    expect(readRegularFile(file, kind).toString()).toBe('0123456789');
    fs.writeFileSync(file, '');
    expect(readRegularFile(file, kind).length).toBe(0);
  });

  it('refuses a pipe, a device and a folder without blocking, one line each', () => {
    expect(() => readRegularFile(fifo, kind)).toThrow(new InputFileError(`${fifo} is a pipe, not a test file: give a file.`));
    expect(() => readRegularFile('/dev/zero', kind)).toThrow(/is a device, not a test file/);
    expect(() => readRegularFile(dir, kind)).toThrow(/is a folder, not a test file/);
    expect(() => readRegularFile(path.join(dir, 'missing.txt'), kind)).toThrow(/does not exist: check the path/);
  });

  it('refuses a file over the limit from its size, before reading it', () => {
    const file = path.join(dir, 'eleven.txt');
    fs.writeFileSync(file, '0123456789A');
    expect(() => readRegularFile(file, kind)).toThrow(/is 1 KB, more than the 1 KB LeadBooth reads: make it smaller\. Nothing was read\./);
  });
});

describe('every command that reads a file guards it like scan', () => {
  it('import refuses a pipe, /dev/zero and a folder with one line, before importing anything', async () => {
    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, 'Last Name,Company\nOkafor,Northwind\n');
    await leadbooth('staff', 'Jo');
    await leadbooth('events', 'add', 'Guarded Fair');
    for (const [input, kind] of [
      [fifo, 'a pipe'],
      ['/dev/zero', 'a device'],
      [dir, 'a folder'],
    ] as const) {
      const refused = await leadbooth('import', good, input);
      expect([refused.code, refused.stderr]).toEqual([1, [`leadbooth: ${input} is ${kind}, not a CSV, vCard or LeadBooth bundle file: give the path of the file to import.`]]);
    }
    // The good file named first was not imported either.
    expect((await leadbooth('leads', 'list', '--json')).stdout).toEqual([]);
  }, 30_000);

  it(`import refuses a file over ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB from its size and --map reads a regular file only`, async () => {
    const huge = sparseFile('huge.csv', MAX_IMPORT_FILE_BYTES + 1);
    const refused = await leadbooth('import', huge);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toEqual([expect.stringMatching(/huge\.csv is 201 MB, more than the 200 MB LeadBooth reads: split it into files under 200 MB .* Nothing was read\.$/)]);
    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, 'Last Name,Company\nOkafor,Northwind\n');
    const badMap = await leadbooth('import', good, '--map', fifo);
    expect([badMap.code, badMap.stderr]).toEqual([1, [`leadbooth: ${fifo} is a pipe, not a JSON mapping file: give the path of a .json file.`]]);
  }, 30_000);

  it('badge --file refuses a pipe, /dev/zero and a folder, and a photo over the scanner\'s limit', async () => {
    for (const [input, kind] of [
      [fifo, 'a pipe'],
      ['/dev/zero', 'a device'],
      [dir, 'a folder'],
    ] as const) {
      const refused = await leadbooth('badge', '--file', input);
      expect([refused.code, refused.stderr]).toEqual([1, [`leadbooth: ${input} is ${kind}, not a photo of the badge's code or a .vcf file: give the path of the photo or text file.`]]);
    }
    const huge = sparseFile('huge.jpg', MAX_FILE_BYTES + 1);
    const refused = await leadbooth('badge', '--file', huge);
    expect([refused.code, refused.stderr]).toEqual([1, [expect.stringMatching(/huge\.jpg is 201 MB, more than the 200 MB LeadBooth reads: take a smaller photo of the code\. Nothing was read\.$/)]]);
  }, 30_000);

  it('restore refuses a pipe, /dev/zero and a folder with one line', async () => {
    for (const [input, kind] of [
      [fifo, 'a pipe'],
      ['/dev/zero', 'a device'],
      [dir, 'a folder'],
    ] as const) {
      const refused = await leadbooth('restore', input);
      expect([refused.code, refused.stderr]).toEqual([1, [`leadbooth: ${input} is ${kind}, not a LeadBooth backup file: give the path of a backup (.db) file.`]]);
    }
  }, 30_000);
});
