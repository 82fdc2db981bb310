import { toUiError, type UiError } from './ui-error';

/**
 * The store's one pattern for request/response state (docs/decisions/server-state.md): an
 * action asks the API and writes the answer into its slice, and only the answer to the latest
 * request lands. A search typed further, another record opened, a filter changed: the answer
 * to the older request is dropped instead of overwriting the newer one.
 */
export interface LatestRequest {
  /**
   * Runs `request`; `land` gets its answer and `fail` its error, each only while no newer
   * request started and nothing called `invalidate()` meanwhile. With `appends: true` the
   * request adds to the latest one (the next page of the same list) instead of replacing it.
   */
  run<Answer>(request: () => Promise<Answer>, land: (answer: Answer) => void, fail: (error: UiError) => void, options?: { appends?: boolean }): Promise<void>;
  /** What was asked for changed: every request in flight is stale from now on. */
  invalidate(): void;
}

export function latestRequest(): LatestRequest {
  let latest = 0;
  return {
    async run(request, land, fail, options = {}) {
      const ticket = options.appends ? latest : ++latest;
      let answer;
      try {
        answer = await request();
      } catch (error) {
        if (ticket === latest) fail(toUiError(error));
        return;
      }
      if (ticket === latest) land(answer);
    },
    invalidate() {
      latest++;
    },
  };
}
