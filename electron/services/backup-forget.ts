import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { BackupSummary } from '../../shared/ipc/contracts/backups';
import { AppError } from '../../shared/ipc/errors';
import { migrateToLatest } from '../db/migrate';
import { kyselyOver } from '../db/plain-connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { Database } from '../db/schema';
import { makeFilesPrivate } from '../security/files/file-permissions';
import { fsyncFile, listBackups } from './backup-service';

/**
 * The backups in the app's backups folder that still hold a lead, searched read-only by the
 * lead's id (nothing is written to them). A file that cannot be read is named too: it may
 * hold the person, and the person should know about it.
 */
export function backupsHoldingLead(dbPath: string, leadId: string): BackupSummary[] {
  return listBackups(dbPath).filter((backup) => {
    let source: BetterSqlite3.Database | undefined;
    try {
      source = new BetterSqlite3(backup.path, { readonly: true, fileMustExist: true });
      return source.prepare('SELECT 1 FROM leads WHERE id = ?').pluck().get(leadId) === 1;
    } catch {
      return true;
    } finally {
      source?.close();
    }
  });
}

/**
 * Rewrites one backup without a person, never deleting it whole: a copy of the file is
 * opened (brought to the current schema when an older LeadBooth wrote it, as a restore
 * would), `erase` deletes the person's rows in it, VACUUM rebuilds the file so no freed page
 * keeps them, SQLite's integrity check must say ok, and only then the copy replaces the
 * backup by an atomic rename. Any failure leaves the backup as it was.
 */
export async function removeLeadFromBackup(file: string, leadId: string, erase: (db: Kysely<Database>) => Promise<void>): Promise<void> {
  const copy = `${file}.forget-partial`;
  fs.rmSync(copy, { force: true });
  try {
    fs.copyFileSync(file, copy);
    makeFilesPrivate(copy);
    const sqlite = new BetterSqlite3(copy, { fileMustExist: true });
    const db = kyselyOver(sqlite);
    try {
      const version = sqlite.pragma('user_version', { simple: true }) as number;
      if (version > LATEST_SCHEMA_VERSION) {
        throw new AppError('database_incompatible', 'It was written by a newer LeadBooth: update LeadBooth, then forget the person in it again.');
      }
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('secure_delete = ON');
      await migrateToLatest(db);
      await erase(db);
      if (sqlite.prepare('SELECT 1 FROM leads WHERE id = ?').pluck().get(leadId) === 1) throw new AppError('internal', 'The person is still in the copy.');
      sqlite.exec('VACUUM');
      const integrity = sqlite.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new AppError('internal', `SQLite's integrity check of the rewritten copy failed (${String(integrity)}).`);
      const foreignKeys = sqlite.pragma('foreign_key_check') as unknown[];
      if (foreignKeys.length > 0) throw new AppError('internal', 'The rewritten copy has rows pointing at deleted ones.');
    } finally {
      await db.destroy();
    }
    fsyncFile(copy);
    fs.renameSync(copy, file);
  } catch (error) {
    fs.rmSync(copy, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('internal', `The backup could not be rewritten (${(error as Error).message}); it was left as it was.`, undefined, { cause: error });
  }
}
