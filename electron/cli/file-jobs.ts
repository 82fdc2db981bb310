/**
 * The CLI's one door around the dispatcher: whole-file jobs. Every other command goes through
 * the typed client (open-client.ts); these move files that do not fit through a channel, so
 * they call their use cases directly, here and nowhere else in electron/cli/ (the lint's
 * `cli-through-the-contract` rule names this file as its one exception):
 *
 * - export to a path: the export (with a Salesforce profile read from a file), the atomic private
 *   write of its files, then the batch recorded with the checksum of what was written;
 * - import of a file up to 200 MB (a channel takes 30 MB of base64), and an attendee list;
 * - a card photo already read by the CLI's own scanner, stored as evidence (`scan --save`);
 * - backup to any path, and restore from any file, also when the current store cannot be opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportBatch, ExportResult, ImportSummary } from '../../shared/domain/exchange';
import type { AppServices } from '../app-services';
import { openDatabase } from '../db/open-database';
import { writeExportFiles } from '../exchange/write-export-files';
import type { ScanResult } from '../ocr/scanner';
import { databaseFiles, ensurePrivateFolder, makeFilesPrivate } from '../security/files/file-permissions';
import { backupsFolder, checkBackupFile, createBackup, restoreBackup } from '../services/backup-service';
import { reconcileBadges, type BadgeReconcileReport } from '../services/badge-reconcile-service';
import { scanCardBytes } from '../services/card-scan-service';
import { confirmExport, exportBatch, exportNotWritten, type ExportRequest } from '../services/export-service';
import { importFile, type ImportRequest } from '../services/import-service';
import { systemClock } from '../services/service-context';

export type { BadgeReconcileReport };

/** The whole-file jobs on a store the session opened. */
export interface FileJobs {
  /** Exports, writes the files (one file, or a folder for several), then records the batch; a cancelled export is returned as it is. */
  exportToPath(request: ExportRequest, out: string): Promise<{ result: ExportResult; batch: ExportBatch | null }>;
  importFile(request: ImportRequest): Promise<ImportSummary>;
  reconcileBadges(input: { fileName: string; bytes: Uint8Array }): Promise<BadgeReconcileReport>;
  /** Stores a card the CLI's scanner read (its photo and OCR text as evidence); the lead is then created through the client with this scan id. */
  storeScannedCard(result: ScanResult, fileName: string): Promise<{ scanId: string }>;
}

export function fileJobsOn(services: AppServices): FileJobs {
  const { context } = services;
  return {
    async exportToPath(request, out) {
      const result = await exportBatch(context, request);
      if (result.cancelled) return { result, batch: null };
      // Written whole (temporary name, fsync, rename; 0600) before the batch is recorded: a file
      // that could not be written leaves no batch, and --only-new still finds its leads.
      let written: { sha256: string };
      try {
        written = writeExportFiles(result.files.length === 1 ? { file: out } : { folder: out }, result.files);
      } catch (error) {
        throw exportNotWritten(error);
      }
      return { result, batch: await confirmExport(context, result.batch.id, written) };
    },
    importFile: (request) => importFile(context, request),
    reconcileBadges: (input) => reconcileBadges(context, input),
    // The card was read already: the scan is stored as the window stores it.
    storeScannedCard: (result, fileName) => scanCardBytes(context, { scan: async () => result }, result.image.bytes, fileName),
  };
}

/** Opens the store for a backup or a restore, which make their own copy (no daily backup on top). */
async function openForBackup(dbPath: string): Promise<AppServices> {
  const { openAppServices } = await import('../app-services');
  return openAppServices({ dbPath, mode: 'browser', withScanner: false, withDailyBackup: false });
}

export async function backupDatabase(dbPath: string, out: string | undefined): Promise<{ path: string; bytes: number }> {
  const services = await openForBackup(dbPath);
  try {
    // A full disk is said in words by the backup service itself (the window's "Back up now" too).
    return await createBackup(services.database, systemClock, { out });
  } finally {
    await services.close();
  }
}

export interface RestoredDatabase {
  leads: number;
  restoredFrom: string;
  /** Where what was there before is kept. */
  keptAs: string;
  /** The current file could not be opened, so it was set aside whole. */
  currentWasUnopenable: boolean;
}

/** Checks `source` as a backup, then puts it in place of the store; the current data is kept as a backup first. */
export async function restoreDatabase(dbPath: string, source: string): Promise<RestoredDatabase> {
  const checked = checkBackupFile(source);
  let services: AppServices;
  try {
    services = await openForBackup(dbPath);
  } catch {
    // The current file cannot even be opened (damaged, or not ours): set it aside whole, then put the backup in its place.
    const keptAs = setAsideUnopenable(dbPath, backupsFolder(dbPath));
    fs.copyFileSync(source, dbPath);
    makeFilesPrivate(dbPath);
    await (await openDatabase(dbPath)).close(); // migrates an older backup forward
    return { leads: checked.leads, restoredFrom: path.basename(source), keptAs, currentWasUnopenable: true };
  }
  try {
    const result = await restoreBackup(services.database, systemClock, source);
    return { leads: result.leads, restoredFrom: result.restoredFrom, keptAs: path.join(backupsFolder(dbPath), result.keptCurrentAs), currentWasUnopenable: false };
  } finally {
    await services.close();
  }
}

function setAsideUnopenable(dbPath: string, folder: string): string {
  ensurePrivateFolder(folder, { ours: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(folder, `unopenable-${stamp}.db`);
  for (const [index, file] of databaseFiles(dbPath).entries()) {
    if (fs.existsSync(file)) fs.renameSync(file, target + ['', '-wal', '-shm'][index]);
  }
  return target;
}
