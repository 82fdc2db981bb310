import { useAppStore } from '../store/app-store';

/** How far a running export or import is, with Cancel (what was done is rolled back or not recorded). */
export function ExchangeProgressBar() {
  const busy = useAppStore((state) => state.exchangeBusy);
  const progress = useAppStore((state) => state.exchangeProgress);
  const cancel = useAppStore((state) => state.cancelExchange);
  if (!busy) return null;
  return (
    <div className="exchange-progress" role="status" aria-live="polite">
      <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label="Progress" />
      <span>{progress ? `${progress.kind === 'export' ? 'Exporting' : 'Importing'} ${progress.done} of ${progress.total}` : 'Working…'}</span>
      <button type="button" className="button-quiet" onClick={() => void cancel()}>
        Cancel
      </button>
    </div>
  );
}
