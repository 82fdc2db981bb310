import type BetterSqlite3 from 'better-sqlite3';

/**
 * This process's writes to the store, one at a time and in order of arrival.
 *
 * SQLite allows one writer per file; within the process the store's single write connection
 * is shared, so a transaction must have it to itself from BEGIN to COMMIT. Waiting here is
 * asynchronous (a queue of promises), never a busy loop: reads carry on meanwhile on the
 * read connection. A turn that is not granted by the deadline gives up its place.
 */
export class WriteTurns {
  #taken = false;
  readonly #waiting: Array<() => void> = [];

  /** Resolves true once the turn is this caller's, false if the deadline passed first. */
  take(deadline: number): Promise<boolean> {
    if (!this.#taken) {
      this.#taken = true;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      let settled = false;
      const grant = (): void => {
        // Given up between being handed the turn and receiving it: pass it on.
        if (settled) return this.give();
        settled = true;
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        const index = this.#waiting.indexOf(grant);
        if (index >= 0) this.#waiting.splice(index, 1);
        resolve(false);
      }, Math.max(0, deadline - Date.now()));
      this.#waiting.push(grant);
    });
  }

  /**
   * Hands the turn to the next caller waiting, if any, on the next turn of the event loop:
   * better-sqlite3 answers at once, so a backlog of writes (saves queued while another
   * program held the lock) would otherwise run back to back in microtasks, holding the
   * loop for as long as all of them take.
   */
  give(): void {
    const next = this.#waiting.shift();
    if (next) setImmediate(next);
    else this.#taken = false;
  }
}

const turnsOfStores = new WeakMap<BetterSqlite3.Database, WriteTurns>();

/**
 * The write turns of the store whose write connection is `sqlite`: one queue per store in this
 * process, shared by the store's Kysely (store-dialect.ts) and by a worker thread writing to the
 * same file on a connection of its own (the sync's pull, pull-on-worker.ts), so a capture and
 * the pull's transactions take turns in order of arrival instead of meeting SQLite's lock.
 */
export function writeTurnsOf(sqlite: BetterSqlite3.Database): WriteTurns {
  const known = turnsOfStores.get(sqlite);
  if (known) return known;
  const turns = new WriteTurns();
  turnsOfStores.set(sqlite, turns);
  return turns;
}
