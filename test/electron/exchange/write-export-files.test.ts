import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportWriteError, writeExportFiles } from '../../../electron/exchange/write-export-files';
import type { ExportedFile } from '../../../shared/domain/exchange';
import { makeTempDir } from '../../support/temp-database';
import { canMountTmpfs, mountTmpfs } from '../../support/tmpfs';

let dir: string;
const cleanups: Array<() => void> = [];
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const csv = (name: string, content: string): ExportedFile => ({ name, mime: 'text/csv;charset=utf-8', content });
const sha256 = (...contents: string[]) => contents.reduce((hash, content) => hash.update(content, 'utf8'), createHash('sha256')).digest('hex');
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('writeExportFiles', () => {
  it('writes one file whole and private (0600, whatever the umask), with the SHA-256 of what it wrote, and no temporary file left', () => {
    const target = path.join(dir, 'leads.csv');
    const content = 'LastName,Company\r\nMüller,Acme 😀\r\n';
    const previousUmask = process.umask(0o022);
    try {
      expect(writeExportFiles({ file: target }, [csv('ignored.csv', content)])).toEqual({ paths: [target], sha256: sha256(content) });
    } finally {
      process.umask(previousUmask);
    }
    expect(fs.readFileSync(target, 'utf8')).toBe(content);
    if (process.platform !== 'win32') expect(modeOf(target)).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['leads.csv']);
    // Over an older file of the same name: replaced whole.
    writeExportFiles({ file: target }, [csv('x', 'new')]);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['leads.csv']);
  });

  it('writes several files into a folder it makes, and the hash covers them in order', () => {
    const folder = path.join(dir, 'converted');
    const written = writeExportFiles({ folder }, [csv('Accounts.csv', 'a'), csv('Contacts.csv', 'b')]);
    expect(written).toEqual({ paths: [path.join(folder, 'Accounts.csv'), path.join(folder, 'Contacts.csv')], sha256: sha256('a', 'b') });
    expect(fs.readdirSync(folder).sort()).toEqual(['Accounts.csv', 'Contacts.csv']);
  });

  it('refuses a missing folder or a folder given as the file, in one line, and creates nothing', () => {
    const missing = path.join(dir, 'no-such-folder', 'leads.csv');
    expect(() => writeExportFiles({ file: missing }, [csv('x', 'a')])).toThrow(new ExportWriteError(`The folder ${path.dirname(missing)} does not exist: create it or choose another place.`));
    expect(() => writeExportFiles({ folder: path.join(dir, 'no-such-folder', 'converted') }, [csv('A.csv', 'a'), csv('B.csv', 'b')])).toThrow(/does not exist/);
    expect(() => writeExportFiles({ file: dir }, [csv('x', 'a')])).toThrow(new ExportWriteError(`${dir} is a folder: give a file name.`));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  // A real full (or read-only) disk is a tmpfs mount, which needs root: CI and these machines have it; elsewhere skipped.
  it.skipIf(!canMountTmpfs())('on a disk that fills up part-way leaves no partial file, no file of the export and no folder made for it', () => {
    const { mountPoint, unmount } = mountTmpfs('64k');
    cleanups.push(unmount);
    const big = 'x'.repeat(200 * 1024);
    expect(() => writeExportFiles({ file: path.join(mountPoint, 'leads.csv') }, [csv('x', big)])).toThrow(
      new ExportWriteError('The disk is full: leads.csv could not be written. Free some space or choose another disk.'),
    );
    expect(fs.readdirSync(mountPoint)).toEqual([]);
    // The first file fits, the second does not: neither stays, nor the folder made for them.
    expect(() => writeExportFiles({ folder: path.join(mountPoint, 'converted') }, [csv('Accounts.csv', 'small'), csv('Contacts.csv', big)])).toThrow(/disk is full: Contacts\.csv/);
    expect(fs.readdirSync(mountPoint)).toEqual([]);
  });

  // A real full (or read-only) disk is a tmpfs mount, which needs root: CI and these machines have it; elsewhere skipped.
  it.skipIf(!canMountTmpfs())('in a folder nobody may write in says so in one line and leaves nothing', () => {
    const { mountPoint, unmount } = mountTmpfs('64k', { readOnly: true });
    cleanups.push(unmount);
    expect(() => writeExportFiles({ file: path.join(mountPoint, 'leads.csv') }, [csv('x', 'a')])).toThrow(new ExportWriteError(`${mountPoint} is on a read-only disk: choose another folder.`));
    expect(fs.readdirSync(mountPoint)).toEqual([]);
  });
});
