import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Draft } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import type { Database } from '../db/schema';
import { readSetting, writeSetting } from '../db/repositories/settings';
import { storeFilePath } from '../db/store-file';
import { replacePrivateFile } from '../security/files/private-file-writes';
import { nowIso, type ServiceContext } from './service-context';

/**
 * The entry form's half-typed lead, kept so that a crash, a restart or a quit does not lose it.
 *
 * It lives in a private file beside the store (`leadbooth.db-draft.json`), not in the
 * database: writing it must never wait for the store's write lock. While another program
 * holds that lock (an import in the CLI), a save waits and may give up after half a minute;
 * the draft is what keeps the person's lead meanwhile, and what a quit leaves behind.
 * Drafts of older versions, kept in the settings table, are still read, and cleared with
 * the next draft write.
 */
export async function getDraft(context: ServiceContext): Promise<Draft | null> {
  return readDraft(context.db);
}

export async function saveDraft(context: ServiceContext, fields: Record<string, string> | null): Promise<Draft | null> {
  const hasText = fields !== null && Object.values(fields).some((value) => value.trim() !== '');
  if (!hasText) {
    await discardDraft(context.db);
    return null;
  }
  const draft: Draft = { fields, savedAt: nowIso(context) };
  const file = await draftFile(context.db);
  try {
    replacePrivateFile(file, Buffer.from(JSON.stringify(draft), 'utf8'));
  } catch (error) {
    throw new AppError('internal', `The draft could not be written to ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): check the disk.`, undefined, { cause: error });
  }
  await clearOlderVersionsDraft(context.db, draft.savedAt);
  return draft;
}

/** The draft, from its file (or from the settings table of an older version); null when there is none or it is unreadable. */
export async function readDraft(db: Kysely<Database>): Promise<Draft | null> {
  let text: string;
  try {
    text = fs.readFileSync(await draftFile(db), 'utf8');
  } catch {
    return (await readSetting(db, 'draft')) ?? null;
  }
  return parseDraft(text);
}

/** No draft any more (the lead was saved, merged or forgotten). */
export async function discardDraft(db: Kysely<Database>): Promise<void> {
  fs.rmSync(await draftFile(db), { force: true });
  await clearOlderVersionsDraft(db, new Date().toISOString());
}

async function clearOlderVersionsDraft(db: Kysely<Database>, at: string): Promise<void> {
  // A read first: the write, which may wait for the lock, happens only once after an upgrade.
  if ((await readSetting(db, 'draft')) != null) await writeSetting(db, 'draft', null, at);
}

/** Beside the store file, named after it, so each store (`--db`) has its own. */
async function draftFile(db: Kysely<Database>): Promise<string> {
  const storeFile = await storeFilePath(db);
  if (storeFile === '') throw new AppError('internal', 'The store has no file to keep the draft beside.');
  return `${storeFile}-draft.json`;
}

/** A draft file cut short or edited by hand is no draft: the form starts empty rather than failing. */
function parseDraft(text: string): Draft | null {
  try {
    const value = JSON.parse(text) as { fields?: unknown; savedAt?: unknown };
    const fields = value.fields;
    if (typeof value.savedAt !== 'string' || typeof fields !== 'object' || fields === null || Array.isArray(fields)) return null;
    const entries = Object.entries(fields);
    if (!entries.every(([, field]) => typeof field === 'string')) return null;
    return { fields: Object.fromEntries(entries) as Record<string, string>, savedAt: value.savedAt };
  } catch {
    return null;
  }
}
