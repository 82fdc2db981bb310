import { describe, expect, it, vi } from 'vitest';
import type { AutoConversionReport } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { createAppStore } from '../../../renderer/src/store/app-store';
import { conversionWith } from '../crm-fixtures';
import { fakeApi, SHOW } from '../fake-store';

type ProgressListener = (payload: { done: number; total: number }) => void;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** A store whose bridge lets the test send conversion.progress events. */
function storeWithProgress(api: ReturnType<typeof fakeApi>) {
  const listeners = new Set<ProgressListener>();
  const store = createAppStore({
    api,
    bridge: {
      on: (event, listener) => {
        if (event !== 'conversion.progress') return () => {};
        const progress = listener as ProgressListener;
        listeners.add(progress);
        return () => listeners.delete(progress);
      },
    },
    draftSaveDelayMs: 20,
    searchDelayMs: 5,
  });
  return { store, emit: (done: number, total: number) => listeners.forEach((listener) => listener({ done, total })), listeners };
}

describe('conversion rule slice', () => {
  it('shows progress while the rule runs, then the report, and stops listening', async () => {
    const running = deferred<AutoConversionReport>();
    const review = [conversionWith({ contactName: 'Ana Müller' })];
    const api = fakeApi({ 'conversion.runRule': vi.fn(() => running.promise), 'conversion.review': async () => review });
    const { store, emit, listeners } = storeWithProgress(api);

    const run = store.getState().runRule(SHOW.id);
    expect(store.getState().ruleRun).toEqual({ status: 'running', done: 0, total: 0, cancelling: false });
    emit(40, 120);
    expect(store.getState().ruleRun).toMatchObject({ status: 'running', done: 40, total: 120 });

    const report: AutoConversionReport = { converted: 1, skippedCount: 0, skipped: [], skippedByReason: {}, cancelled: false };
    running.resolve(report);
    await run;
    expect(store.getState().ruleRun).toEqual({ status: 'finished', report });
    expect(listeners.size).toBe(0);
    expect(api['conversion.runRule']).toHaveBeenCalledWith({ eventId: SHOW.id });
    // The review list is read again: the run made new conversions to check.
    await vi.waitFor(() => expect(store.getState().review).toEqual(review));
  });

  it('cancels a running rule through the API and says it is stopping', async () => {
    const running = deferred<AutoConversionReport>();
    const cancelRun = vi.fn(async () => ({ cancelled: true }));
    const { store } = storeWithProgress(
      fakeApi({ 'conversion.runRule': () => running.promise, 'conversion.cancelRun': cancelRun, 'conversion.review': async () => [] }),
    );
    const run = store.getState().runRule(SHOW.id);
    await store.getState().cancelRuleRun();
    expect(cancelRun).toHaveBeenCalledWith({});
    expect(store.getState().ruleRun).toMatchObject({ status: 'running', cancelling: true });
    running.resolve({ converted: 0, skippedCount: 0, skipped: [], skippedByReason: {}, cancelled: true });
    await run;
    expect(store.getState().ruleRun).toMatchObject({ status: 'finished', report: { cancelled: true } });
  });

  it('lets Cancel be pressed again when the host had no run to cancel yet', async () => {
    const running = deferred<AutoConversionReport>();
    const { store } = storeWithProgress(
      fakeApi({ 'conversion.runRule': () => running.promise, 'conversion.cancelRun': async () => ({ cancelled: false }), 'conversion.review': async () => [] }),
    );
    const run = store.getState().runRule(SHOW.id);
    await store.getState().cancelRuleRun();
    expect(store.getState().ruleRun).toMatchObject({ status: 'running', cancelling: false });
    running.resolve({ converted: 0, skippedCount: 0, skipped: [], skippedByReason: {}, cancelled: false });
    await run;
  });

  it('shows the message of a run the API refused', async () => {
    const message = 'This show has no automatic conversion rule yet.';
    const { store } = storeWithProgress(fakeApi({ 'conversion.runRule': async () => Promise.reject(new AppError('not_found', message)) }));
    await store.getState().runRule(SHOW.id);
    expect(store.getState().ruleRun).toEqual({ status: 'failed', message });
  });

  it('saves a rule, and null turns automatic conversion off', async () => {
    const setRule = vi.fn(async ({ eventId, rule }) => (rule ? { eventId, ...rule } : null));
    const { store } = storeWithProgress(fakeApi({ 'conversion.setRule': setRule }));
    const rule = { minMet: 3, requireCloseDate: true, stage: 'Qualification' as const, closeInDays: 30 };
    expect(await store.getState().saveRule(SHOW.id, rule)).toBe(true);
    expect(store.getState().rule).toEqual({ eventId: SHOW.id, ...rule });
    expect(await store.getState().saveRule(SHOW.id, null)).toBe(true);
    expect(store.getState().rule).toBeNull();
    expect(setRule).toHaveBeenLastCalledWith({ eventId: SHOW.id, rule: null });
  });
});
