import { AppError, type ErrorCode } from '../../shared/ipc/errors';
import { HubRequestFailed, type HubFailure, type PullPage } from './sync-client';
import type { PullProgress } from './pull-pages';

/** The messages between a pull on a worker thread (pull-on-worker.ts) and the worker (pull-worker.ts). */

/** The worker's first and only instruction: which store, which hub, from which page on. */
export interface PullStart {
  /** The store's file; the worker opens a write connection of its own. */
  path: string;
  hubUrl: string;
  token: string;
  /** The pinned certificate's fingerprint (an https:// hub), as the main thread's client has it. */
  fingerprint: string | null;
  deviceId: string;
  /** The page the main thread fetched first (it decided, by its size, that the pull runs here). */
  first: PullPage;
  /** The hybrid clock's last stamp: the worker's clock starts from it. */
  lastStamp: string;
  /** The laptop's wall clock minus Date.now(): a clock set off by the person (or a test) stays off by as much. */
  wallClockOffsetMs: number;
}

/** What the main thread answers a `take-turn` with: the store's write turn is the worker's, or the wait expired. */
export type ToPullWorker = { kind: 'turn' } | { kind: 'busy' };

export type FromPullWorker =
  /** Before each transaction: the worker waits for the store's write turn in this process (write-turns.ts). */
  | { kind: 'take-turn' }
  /** After each transaction, committed or rolled back: the turn goes to the next writer waiting. */
  | { kind: 'give-turn' }
  | { kind: 'committed'; progress: PullProgress }
  | { kind: 'done' }
  | { kind: 'failed'; error: FailureDescription };

/** A failure in the worker, as it crosses to the main thread (an Error's own fields do not all survive the copy). */
export interface FailureDescription {
  name: string;
  message: string;
  stack: string | undefined;
  /** An AppError's code, or SQLite's (SQLITE_FULL…), which error-mapping.ts reads. */
  code: string | undefined;
  /** A HubRequestFailed's kind. */
  failure: HubFailure | undefined;
}

export function describeFailure(error: unknown): FailureDescription {
  const caught = error instanceof Error ? error : new Error(String(error));
  const code = (caught as { code?: unknown }).code;
  return {
    name: caught.name,
    message: caught.message,
    stack: caught.stack,
    code: typeof code === 'string' ? code : undefined,
    failure: caught instanceof HubRequestFailed ? caught.failure : undefined,
  };
}

/**
 * The failure as the main thread throws it: the hub's refusal or silence as the same
 * HubRequestFailed (the header says "Hub not reachable"), an AppError as itself, anything else
 * (SQLite's disk full, a bug) with its code and stack, as if the apply had failed on this thread.
 */
export function rebuildFailure(description: FailureDescription): Error {
  if (description.failure) return new HubRequestFailed(description.failure, description.message);
  // The code came from an AppError, which only carries the contract's codes.
  if (description.name === 'AppError' && description.code) return new AppError(description.code as ErrorCode, description.message);
  const error = Object.assign(new Error(description.message), { code: description.code });
  error.name = description.name;
  if (description.stack) error.stack = description.stack;
  return error;
}
