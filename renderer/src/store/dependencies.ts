import type { ApiClient } from '../../../shared/ipc/client';
import type { LeadBoothBridge } from '../../../shared/ipc/contract';

/**
 * What the store needs from the outside world. Passed in (rather than imported) so tests
 * can hand the store a fake API and the real transport is chosen once, in main.tsx.
 */
export interface StoreDependencies {
  api: ApiClient;
  /** Only `on` is used: subscriptions to changes made by another window or the CLI. */
  bridge: Pick<LeadBoothBridge, 'on'>;
  /** Delays are injectable so tests need not wait for real debounce timers. */
  draftSaveDelayMs: number;
  searchDelayMs: number;
  /**
   * The pause in typing after which a checklist amount or note is stored (each store is a line
   * on the lead's timeline, so longer than the draft's); leaving the field stores at once.
   * Default 1500 ms.
   */
  criterionSaveDelayMs?: number;
  /**
   * Where the person's view choices (the review table's columns) are kept between runs:
   * window.localStorage in the app; absent in tests that do not look at it.
   */
  preferences?: Pick<Storage, 'getItem' | 'setItem'>;
}
