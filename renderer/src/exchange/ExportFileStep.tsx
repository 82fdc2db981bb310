import { useAppStore } from '../store/app-store';
import { ExportSummaryView } from './ExportSummaryView';

/**
 * Step 4: where the export was written and what it left out or changed, said only once the
 * file is written and the batch recorded; or that it was not saved (nothing recorded).
 */
export function ExportFileStep() {
  const lastBatch = useAppStore((state) => state.lastBatch);
  const files = useAppStore((state) => state.exportedFiles);
  const savedPath = useAppStore((state) => state.lastExportPath);
  const summary = useAppStore((state) => state.lastExportSummary);
  const notice = useAppStore((state) => state.exportNotice);
  const startNewExport = useAppStore((state) => state.startNewExport);
  const update = useAppStore((state) => state.updateExportDraft);

  if (notice || !lastBatch) {
    return (
      <div className="flow-step-body">
        <p className="banner banner-warning export-not-saved" role="status">
          {notice ?? 'Nothing was exported.'}
        </p>
        <div className="flow-actions">
          <button type="button" className="button-primary" onClick={() => update({ step: 'check' })}>
            Back to the check
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="flow-step-body">
      <div className="banner banner-ok export-done" role="status">
        <p>
          Exported {lastBatch.leadCount} lead{lastBatch.leadCount === 1 ? '' : 's'} as {lastBatch.fileName}.
        </p>
        <p className="banner-note">
          {savedPath ? `Saved in ${savedPath}.` : `Handed to your browser’s downloads${files.length > 1 ? `: ${files.map((file) => file.name).join(', ')}` : ''}.`}{' '}
          The batch is in the history below; its leads count as exported.
        </p>
      </div>
      {summary && <ExportSummaryView summary={summary} leadsAreLeads={lastBatch.format === 'salesforce-leads'} />}
      <div className="flow-actions">
        <button type="button" className="button-quiet" onClick={startNewExport}>
          Export another batch
        </button>
      </div>
    </div>
  );
}
