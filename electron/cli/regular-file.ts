import fs from 'node:fs';

/**
 * Why a path given to `leadbooth scan` is not read, or null to go ahead. Only regular files
 * are read: a FIFO blocks forever and a device such as /dev/zero never ends (reading it
 * ran the process out of memory). A path that cannot be looked at is left to the scanner,
 * whose message for a missing or unreadable file says what to do.
 */
export function refuseNonRegularFile(file: string): string | null {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch {
    return null;
  }
  if (stats.isFile()) return null;
  const kind = stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a pipe' : stats.isSocket() ? 'a socket' : 'a device';
  return `${file} is ${kind}, not a photo file: give the path of an image file.`;
}
