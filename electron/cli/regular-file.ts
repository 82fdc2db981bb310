import fs from 'node:fs';

/**
 * The one guard for a file a command is given to read (`scan`, `badge --file`, `import`,
 * `import --map`, `restore`). Only regular files are read: a FIFO blocks forever, a device
 * such as /dev/zero never ends (reading it ran the process out of memory) and a folder gives
 * a raw EISDIR. A file over the kind's limit is refused from its size, before any byte is
 * read, so a huge file is one clear line instead of V8 aborting the process.
 */
export interface InputFileKind {
  /** What the command expects, after "not": "a photo file", "a CSV, vCard or bundle file". */
  noun: string;
  /** What to do instead: "give the path of an image file". */
  advice: string;
  /** Largest file read, in bytes; none: the command does not read it into memory (a backup SQLite opens). */
  maxBytes?: number;
  /** How to get such a file in anyway, said when it is over the limit. */
  overLimitAdvice?: string;
}

const PHOTO_FILE: InputFileKind = { noun: 'a photo file', advice: 'give the path of an image file' };

const MB = 1024 * 1024;

/** "200 MB", or "12 KB" below a megabyte; `round` up for a file's size, so a file 1 byte over a 200 MB limit reads 201 MB. */
export function describeSize(bytes: number, round: (value: number) => number = Math.round): string {
  return bytes >= MB ? `${round(bytes / MB)} MB` : `${Math.max(1, round(bytes / 1024))} KB`;
}

function kindOf(stats: fs.Stats): string {
  return stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a pipe' : stats.isSocket() ? 'a socket' : 'a device';
}

function notRegular(file: string, stats: fs.Stats, kind: InputFileKind): string {
  return `${file} is ${kindOf(stats)}, not ${kind.noun}: ${kind.advice}.`;
}

function overLimit(file: string, size: number, kind: InputFileKind & { maxBytes: number }): string {
  return `${file} is ${describeSize(size, Math.ceil)}, more than the ${describeSize(kind.maxBytes)} LeadBooth reads${kind.overLimitAdvice ? `: ${kind.overLimitAdvice}` : ''}. Nothing was read.`;
}

/**
 * Why a path is not read, or null to go ahead. A path that cannot be looked at is left to
 * the reader, whose message for a missing or unreadable file says what to do.
 */
export function refuseNonRegularFile(file: string, kind: InputFileKind = PHOTO_FILE): string | null {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch {
    return null;
  }
  if (!stats.isFile()) return notRegular(file, stats, kind);
  if (kind.maxBytes !== undefined && stats.size > kind.maxBytes) return overLimit(file, stats.size, { ...kind, maxBytes: kind.maxBytes });
  return null;
}

/** A file that was not read, with the one line that says why and what to do. */
export class InputFileError extends Error {
  override name = 'InputFileError';
}

function unreadable(file: string, error: unknown): InputFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputFileError(`${file} does not exist: check the path.`);
  if (code === 'EACCES' || code === 'EPERM') return new InputFileError(`${file} cannot be read (permission denied): allow reading it, or copy it somewhere you can read.`);
  return new InputFileError(`${file} cannot be read (${code ?? (error as Error).message}): check the path.`);
}

/**
 * The whole content of a regular file within the kind's limit. Opened without blocking (a
 * FIFO's open would otherwise wait for a writer) and checked on the open handle, so what is
 * checked is what is read; a file that grows past the limit while read is refused too.
 */
export function readRegularFile(file: string, kind: InputFileKind & { maxBytes: number }): Buffer {
  let handle: number;
  try {
    // O_NONBLOCK exists on Linux and macOS; Windows has no FIFOs to wait on.
    handle = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    // Opening a folder for reading succeeds on Linux but not everywhere: say what it is either way.
    const refused = refuseNonRegularFile(file, kind);
    if (refused) throw new InputFileError(refused);
    throw unreadable(file, error);
  }
  try {
    const stats = fs.fstatSync(handle);
    if (!stats.isFile()) throw new InputFileError(notRegular(file, stats, kind));
    if (stats.size > kind.maxBytes) throw new InputFileError(overLimit(file, stats.size, kind));
    // Read until the end, whatever fstat said (a file may still be growing), but never past the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    let chunk = Buffer.allocUnsafe(Math.min(stats.size, kind.maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const read = fs.readSync(handle, chunk, filled, chunk.length - filled, null);
      if (read === 0) break;
      filled += read;
      length += read;
      if (length > kind.maxBytes) throw new InputFileError(overLimit(file, length, kind));
      if (filled === chunk.length) {
        chunks.push(chunk);
        chunk = Buffer.allocUnsafe(Math.min(64 * 1024, kind.maxBytes + 1 - length));
        filled = 0;
      }
    }
    chunks.push(chunk.subarray(0, filled));
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw unreadable(file, error);
  } finally {
    fs.closeSync(handle);
  }
}
