/**
 * Writes the files of an export so that a file either is there whole or not at all: each
 * goes to a temporary name in its target folder (private, 0600: personal data), is fsynced,
 * and only once every file of the export is written are they renamed to their names (and
 * the folder fsynced, so the renames survive a power cut). A failure part-way (a full disk,
 * a folder we may not write in, a missing folder) removes what was written and throws an
 * ExportWriteError whose one line says what to do; the caller records nothing.
 *
 * The SHA-256 returned is of the bytes written, in file order: what the batch records.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile } from '../../shared/domain/exchange';
import { fsyncFolder, temporaryNameBeside, writePrivateFile } from '../security/files/private-file-writes';

/** One file at this path, or each file by its own name inside this folder (created when missing; its parent must exist). */
export type ExportDestination = { file: string } | { folder: string };

export interface WrittenExport {
  /** Where each file now is, in the export's order. */
  paths: string[];
  sha256: string;
}

export class ExportWriteError extends Error {
  override name = 'ExportWriteError';
}

function describeWriteFailure(error: unknown, target: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const folder = path.dirname(target);
  switch (code) {
    case 'ENOENT':
      return `The folder ${folder} does not exist: create it or choose another place.`;
    case 'EACCES':
    case 'EPERM':
      return `LeadBooth may not write in ${folder} (permission denied): choose another folder.`;
    case 'EROFS':
      return `${folder} is on a read-only disk: choose another folder.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk is full: ${path.basename(target)} could not be written. Free some space or choose another disk.`;
    case 'EISDIR':
      return `${target} is a folder: give a file name.`;
    case 'ENOTDIR':
      return `${folder} is not a folder: choose another place.`;
    default:
      return `${target} could not be written (${code ?? (error as Error).message}): choose another place.`;
  }
}

export function writeExportFiles(destination: ExportDestination, files: readonly ExportedFile[]): WrittenExport {
  if ('file' in destination && files.length !== 1) throw new Error(`an export of ${files.length} files is written to a folder`);
  const targets = 'file' in destination ? [path.resolve(destination.file)] : files.map((file) => path.join(path.resolve(destination.folder), file.name));
  let createdFolder: string | null = null;
  const temporaries: string[] = [];
  const renamed: string[] = [];
  let current = targets[0] as string;
  try {
    if ('folder' in destination) {
      const folder = path.resolve(destination.folder);
      // Named as the failing path while the folder is made: a failure is about its parent.
      current = folder;
      if (!fs.existsSync(folder)) {
        fs.mkdirSync(folder);
        createdFolder = folder;
      }
    }
    const hash = createHash('sha256');
    for (const [index, file] of files.entries()) {
      current = targets[index] as string;
      const bytes = Buffer.from(file.content, 'utf8');
      const temporary = temporaryNameBeside(current);
      temporaries.push(temporary);
      writePrivateFile(temporary, bytes);
      hash.update(bytes);
    }
    for (const [index, temporary] of temporaries.entries()) {
      current = targets[index] as string;
      fs.renameSync(temporary, current);
      renamed.push(current);
    }
    for (const folder of new Set(targets.map((target) => path.dirname(target)))) fsyncFolder(folder);
    return { paths: targets, sha256: hash.digest('hex') };
  } catch (error) {
    // Nothing half done stays: the temporary files, the files of this export already renamed, a folder made for it.
    for (const file of [...temporaries, ...renamed]) fs.rmSync(file, { force: true });
    if (createdFolder) fs.rmSync(createdFolder, { recursive: true, force: true });
    throw new ExportWriteError(describeWriteFailure(error, current), { cause: error });
  }
}
