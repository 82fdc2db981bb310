import { BatchHistory } from './BatchHistory';
import { ExchangeProgressBar } from './ExchangeProgressBar';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

/** The manager's exchange screen: export a batch, the batch history, import files from elsewhere (each shows its own errors). */
export function ExchangeScreen() {
  return (
    <section className="exchange-screen" aria-labelledby="exchange-title">
      <h2 id="exchange-title">Export and import</h2>
      <ExchangeProgressBar />
      <ExportPanel />
      <BatchHistory />
      <ImportPanel />
    </section>
  );
}
