import type { ExchangeProgress } from '../../shared/domain/exchange';
import { AppError } from '../../shared/ipc/errors';
import type { ServiceContext } from './service-context';

/**
 * Long exports and imports run in slices on the main process's event loop, reporting
 * `exchange.progress` after each slice and checking for Cancel. One job at a time per
 * database: a second would only fight the first for the connection.
 */
export interface ExchangeJob {
  readonly id: string;
  readonly cancelled: boolean;
  /** Reports progress, then lets the event loop run (IPC, paints, a Cancel click). */
  progress(done: number, total: number): Promise<void>;
}

/** Work is done in slices of about this many records between two turns of the event loop. */
export const SLICE_SIZE = 2000;

const running = new WeakMap<object, { id: string; cancelled: boolean }>();

export class ExchangeCancelled extends Error {
  override name = 'ExchangeCancelled';
  constructor() {
    super('Cancelled: nothing was written.');
  }
}

export async function runExchangeJob<T>(context: ServiceContext, kind: ExchangeProgress['kind'], work: (job: ExchangeJob) => Promise<T>): Promise<T> {
  if (running.has(context.db)) throw new AppError('conflict', 'An export or import is running already. Wait for it to finish or cancel it.');
  const state = { id: context.newId(), cancelled: false };
  running.set(context.db, state);
  const job: ExchangeJob = {
    id: state.id,
    get cancelled() {
      return state.cancelled;
    },
    async progress(done, total) {
      context.notify('exchange.progress', { job: state.id, kind, done, total });
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
  };
  try {
    return await work(job);
  } finally {
    running.delete(context.db);
  }
}

/** Asks the running export or import to stop; false when none is running. */
export function cancelExchangeJob(context: ServiceContext): { cancelled: boolean } {
  const state = running.get(context.db);
  if (!state) return { cancelled: false };
  state.cancelled = true;
  return { cancelled: true };
}
