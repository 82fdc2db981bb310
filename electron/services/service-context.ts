import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import type { ParsedCard } from '../../shared/parsing/card-fields';
import type { OcrPage } from '../../shared/parsing/ocr-types';
import type { Database } from '../db/schema';
import { timeOrderedId } from './time-ordered-id';

/** The open store a backup is taken from and restored into. */
export interface StoreHandle {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  /** The database file. */
  path: string;
}

/** Reads a card photo: the OCR pass, the fields, the stored image (the scanner in electron/ocr). */
export interface CardReader {
  /** `fast`: without the learned recognizer (the "fast scan" setting). */
  scan(input: { bytes: Uint8Array; name?: string }, options?: { fast?: boolean }): Promise<{
    page: OcrPage;
    fields: ParsedCard;
    ms: number;
    image: { bytes: Uint8Array; mime: string; width: number; height: number };
    /** The reading as a whole is doubtful (a script the scanner cannot read): said to the person. */
    notice?: string;
  }>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every use case needs, passed in so the same code runs in Electron, the host, the CLI and tests. */
export interface ServiceContext {
  db: Kysely<Database>;
  clock: Clock;
  /** A new record's id (default: time-ordered, see time-ordered-id.ts). */
  newId: () => string;
  /** Tells open windows that something changed (a no-op in the CLI). */
  notify: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** The card scanner, where this process runs one (not in the plain CLI commands). */
  cardReader?: CardReader | undefined;
  /** Reads the capture queue in the background, where this process scans; told when items are added. */
  captureQueue?: { kick(): void } | undefined;
  /** Hands a checked mailto:/https: address to the system (Electron's shell.openExternal); absent elsewhere. */
  openExternal?: ((url: string) => Promise<void>) | undefined;
  /**
   * Asks the person where to save an export (Electron's save dialog; a folder for several
   * files): the chosen path, or null when cancelled. Absent in browser mode and the CLI.
   */
  chooseSavePlace?: ((request: { suggestedName: string; folder: boolean }) => Promise<string | null>) | undefined;
  /** The open database file itself (raw connection and path), for backups and restores. */
  store?: StoreHandle | undefined;
}

export function createServiceContext(db: Kysely<Database>, overrides: Partial<Omit<ServiceContext, 'db'>> = {}): ServiceContext {
  return {
    db,
    clock: overrides.clock ?? systemClock,
    newId: overrides.newId ?? timeOrderedId,
    notify: overrides.notify ?? (() => {}),
    cardReader: overrides.cardReader,
    openExternal: overrides.openExternal,
    chooseSavePlace: overrides.chooseSavePlace,
    store: overrides.store,
  };
}

export function nowIso(context: Pick<ServiceContext, 'clock'>): string {
  return context.clock.now().toISOString();
}
