/**
 * What a scan reads: bytes handed over, or a file read here with a clear message for every way
 * that can fail (missing, a folder, no permission, too large). The only file I/O of the scanner.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ScanInputError } from './preprocess';

export type ScanInput = { path: string } | { bytes: Uint8Array; name?: string };

/** Largest file we read (a 150 MP camera JPEG is well below this). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export async function readInput(input: ScanInput): Promise<{ bytes: Uint8Array; name: string }> {
  if ('bytes' in input) {
    return { bytes: input.bytes, name: input.name ?? 'the image' };
  }
  const name = path.basename(input.path) || input.path;
  let size: number;
  try {
    const st = await fs.stat(input.path);
    if (st.isDirectory()) {
      throw new ScanInputError('unreadable', `${input.path} is a folder, not a file: pick a photo inside it`);
    }
    size = st.size;
  } catch (err) {
    if (err instanceof ScanInputError) throw err;
    throw unreadable(input.path, err);
  }
  if (size > MAX_FILE_BYTES) {
    throw new ScanInputError(
      'image_too_large',
      `${name} is ${Math.round(size / 1024 / 1024)} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB LeadBooth reads: pick a smaller photo`,
    );
  }
  try {
    const buf = await fs.readFile(input.path);
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), name };
  } catch (err) {
    throw unreadable(input.path, err);
  }
}

function unreadable(p: string, err: unknown): ScanInputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new ScanInputError('unreadable', `${p} does not exist: check the file name and folder`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new ScanInputError('unreadable', `${p} cannot be read (permission denied): allow LeadBooth to read it or copy it elsewhere`);
  }
  if (code === 'EISDIR') return new ScanInputError('unreadable', `${p} is a folder, not a file: pick a photo inside it`);
  const msg = err instanceof Error ? err.message : String(err);
  return new ScanInputError('unreadable', `${p} cannot be read (${msg}): check the file and try again`);
}
