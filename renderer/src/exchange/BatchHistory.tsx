import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';
import { FORMAT_LABELS } from './export-format-labels';
import { saveExportedFiles } from './save-exported-files';
import { DateTime } from '../components/DateTime';
import { BatchLeadNames } from './BatchLeadNames';
import { ExchangePartError } from './ExchangePartError';

/** Every batch that went out, newest first: when, the format by name, who was in it, the file; each can be exported again. */
export function BatchHistory() {
  const batches = useAppStore((state) => state.batches);
  const busy = useAppStore((state) => state.exchangeBusy);
  const loadBatches = useAppStore((state) => state.loadBatches);
  const exportAgain = useAppStore((state) => state.exportAgain);
  useEffect(() => {
    void loadBatches();
  }, [loadBatches]);

  return (
    <section className="exchange-panel" aria-labelledby="batches-title">
      <h3 id="batches-title">Export history</h3>
      <ExchangePartError part="history" />
      {batches.length === 0 ? (
        <p className="flow-note">No batch exported yet.</p>
      ) : (
        <div className="batch-history-frame">
          <table className="batch-history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Format</th>
                <th scope="col">Leads</th>
                <th scope="col">File</th>
                <th scope="col">By</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <tr key={batch.id}>
                  <td className="batch-when">
                    <DateTime iso={batch.createdAt} />
                  </td>
                  <td>{FORMAT_LABELS[batch.format] ?? batch.format}</td>
                  <td>
                    <BatchLeadNames batch={batch} />
                  </td>
                  <td className="batch-file" title={`SHA-256 ${batch.sha256}`}>
                    {batch.fileName}
                  </td>
                  <td>{batch.createdBy}</td>
                  <td>
                    <button type="button" className="button-quiet" disabled={busy} onClick={() => void exportAgain(batch.id, saveExportedFiles)}>
                      Export again
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
