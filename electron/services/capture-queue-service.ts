import type { QueueItem } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import {
  claimNextWaiting,
  deleteQueueItem,
  findQueueItem,
  insertQueueItem,
  listQueueItems,
  markQueueItemFailed,
  markQueueItemReady,
  requeueInterrupted,
  retryQueueItem,
  type QueueItemRow,
} from '../db/repositories/capture-queue';
import { deleteUnclaimedCardScans } from '../db/repositories/card-scans';
import { nowIso, type ServiceContext } from './service-context';
import { scanCardBytes } from './card-scan-service';
import { getSettings } from './settings-service';

/**
 * The capture queue: many card photos dropped at once are read one after another in the
 * background while the person reviews and saves the first. It lives in the database, so a
 * reload or a restart in the middle of a batch loses nothing; every change is announced
 * with a `cards.progress` event (no polling).
 */

function itemFromRow(row: QueueItemRow): QueueItem {
  return {
    id: row.id,
    position: row.position,
    fileName: row.file_name,
    status: row.status,
    error: row.error,
    scanId: row.scan_id,
    addedAt: row.added_at,
  };
}

export async function listQueue(context: ServiceContext): Promise<QueueItem[]> {
  return (await listQueueItems(context.db)).map(itemFromRow);
}

async function announce(context: ServiceContext): Promise<void> {
  context.notify('cards.progress', { items: await listQueue(context) });
}

export async function enqueueCard(context: ServiceContext, input: { imageBase64: string; fileName: string }): Promise<QueueItem> {
  const row = await insertQueueItem(context.db, {
    id: context.newId(),
    fileName: input.fileName,
    image: Buffer.from(input.imageBase64, 'base64'),
    addedBy: (await getSettings(context)).staffName,
    now: nowIso(context),
  });
  await announce(context);
  context.captureQueue?.kick();
  return itemFromRow(row);
}

export async function retryQueuedCard(context: ServiceContext, itemId: string): Promise<QueueItem> {
  if (!(await retryQueueItem(context.db, itemId, nowIso(context)))) {
    throw new AppError('not_found', 'This card is no longer waiting for a retry. Reload the queue.');
  }
  await announce(context);
  context.captureQueue?.kick();
  return itemFromRow((await findQueueItem(context.db, itemId)) as QueueItemRow);
}

/** Out of the queue; a scan no lead was saved with goes too (nobody could reach it any more). */
export async function dequeueCard(context: ServiceContext, itemId: string): Promise<{ removed: boolean }> {
  const removed = await context.db.transaction().execute(async (trx) => {
    const item = await findQueueItem(trx, itemId);
    if (!item) return false;
    await deleteQueueItem(trx, itemId);
    if (item.scan_id) await deleteUnclaimedCardScans(trx, [item.scan_id]);
    return true;
  });
  if (removed) await announce(context);
  return { removed };
}

export interface CaptureQueueRunner {
  /** Something was added or retried: read what waits, up to the concurrency. */
  kick(): void;
  /** Resolves when nothing is being read (tests, benchmarks). */
  idle(): Promise<void>;
  /** Stops taking items; an item being read when the app quits is read again at the next start. */
  close(): Promise<void>;
}

/**
 * Reads waiting items with the context's scanner, `concurrency` at a time (the scanner's own
 * pool decides how many run truly in parallel). Started once per process that scans.
 */
export function createCaptureQueueRunner(context: ServiceContext, options: { concurrency?: number; onUnexpectedError?: (error: unknown) => void } = {}): CaptureQueueRunner {
  const concurrency = options.concurrency ?? 2;
  let active = 0;
  let closed = false;
  let idleWaiters: Array<() => void> = [];
  const inFlight = new Set<Promise<void>>();
  // Items a crash left "scanning" start again; done before the first kick takes anything.
  let ready: Promise<unknown> = requeueInterrupted(context.db, nowIso(context)).catch(options.onUnexpectedError);

  async function readOne(): Promise<boolean> {
    const item = await claimNextWaiting(context.db, nowIso(context));
    if (!item) return false;
    await announce(context);
    try {
      const scan = await scanCardBytes(context, context.cardReader, item.image ?? new Uint8Array(), item.file_name);
      await markQueueItemReady(context.db, item.id, scan.scanId, nowIso(context));
    } catch (error) {
      if (closed) return false; // the scanner was closed under it: read again at the next start
      const message = error instanceof AppError ? (error.fieldErrors?.image ?? error.message) : `The card could not be read (${String(error)}). Retry, or type the lead.`;
      await markQueueItemFailed(context.db, item.id, message, nowIso(context));
    }
    if (!closed) await announce(context);
    return true;
  }

  function settleIdle(): void {
    if (active > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function kick(): void {
    if (closed) return;
    while (active < concurrency) {
      active++;
      const work = ready
        .then(async () => {
          // Each slot keeps reading until nothing waits.
          while (!closed && (await readOne()));
        })
        .catch((error: unknown) => options.onUnexpectedError?.(error))
        .finally(() => {
          active--;
          inFlight.delete(work);
          settleIdle();
        });
      inFlight.add(work);
    }
    ready = Promise.resolve();
  }

  return {
    kick,
    idle: () => (active === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    async close() {
      closed = true;
      await Promise.allSettled([...inFlight]);
    },
  };
}
