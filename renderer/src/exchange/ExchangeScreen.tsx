import { BatchHistory } from './BatchHistory';
import { ExchangeProgressBar } from './ExchangeProgressBar';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { useAppStore } from '../store/app-store';
import { ErrorBanner } from '../components/ErrorBanner';

/** The manager's exchange screen: export a batch, the batch history, import files from elsewhere. */
export function ExchangeScreen() {
  const error = useAppStore((state) => state.exchangeError);
  return (
    <section className="exchange-screen" aria-labelledby="exchange-title">
      <h2 id="exchange-title">Export and import</h2>
      <ErrorBanner message={error?.message ?? null} details={Object.values(error?.fieldErrors ?? {})} />
      <ExchangeProgressBar />
      <ExportPanel />
      <BatchHistory />
      <ImportPanel />
    </section>
  );
}
