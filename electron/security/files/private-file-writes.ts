import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from './file-permissions';

/** Writes the whole buffer (writeSync may write less than asked) to a new private file, and fsyncs it. */
export function writePrivateFile(file: string, bytes: Buffer): void {
  // 'wx': never follows or reuses something already at the temporary name.
  const handle = fs.openSync(file, 'wx', PRIVATE_FILE_MODE);
  try {
    // The mode given to open is filtered by the umask; fchmod is not (and Windows ignores it).
    if (process.platform !== 'win32') fs.fchmodSync(handle, PRIVATE_FILE_MODE);
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(handle, bytes, offset, bytes.length - offset);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

/** Makes the renames in a folder durable; a platform that cannot fsync a folder (Windows) needs nothing more. */
export function fsyncFolder(folder: string): void {
  let handle: number;
  try {
    handle = fs.openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(handle);
  } catch {
    // EISDIR/EPERM/EINVAL where folders cannot be fsynced: the rename is as durable as that platform makes it.
  } finally {
    fs.closeSync(handle);
  }
}

/** A hidden name beside `target` that nothing else uses, for writing before the rename. */
export function temporaryNameBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
}

/** Replaces `target` with `bytes` so that it is either the old file or the new one whole, private, and durable. */
export function replacePrivateFile(target: string, bytes: Buffer): void {
  const temporary = temporaryNameBeside(target);
  try {
    writePrivateFile(temporary, bytes);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fsyncFolder(path.dirname(target));
}
