import { useAppStore } from '../store/app-store';
import { ExchangePartError } from './ExchangePartError';
import { FlowStepper, type FlowStep } from './FlowStepper';
import { ImportColumnsStep } from './ImportColumnsStep';
import { ImportFileDrop } from './ImportFileDrop';
import { ImportSummaryText } from './ImportSummaryText';

type ImportStep = 'file' | 'columns' | 'done';

const STEPS: ReadonlyArray<FlowStep<ImportStep>> = [
  { key: 'file', label: 'Choose a file' },
  { key: 'columns', label: 'Check the columns (CSV)' },
  { key: 'done', label: 'Imported' },
];

/**
 * Import as a guided flow: a file (dropped or chosen) → for a CSV, its columns, the kept ones and
 * the problem rows → the summary. A bundle or .vcf needs no mapping and is imported at once.
 */
export function ImportPanel() {
  const preview = useAppStore((state) => state.csvPreview);
  const summary = useAppStore((state) => state.importSummary);
  const picked = useAppStore((state) => state.pickedFile);
  const resetImport = useAppStore((state) => state.resetImport);
  const step: ImportStep = summary ? 'done' : preview && picked ? 'columns' : 'file';

  return (
    <section className="exchange-panel" aria-labelledby="import-title">
      <div className="exchange-panel-heading">
        <h3 id="import-title">Import</h3>
        <FlowStepper label="Import steps" steps={STEPS} current={step} onGo={step === 'columns' ? () => resetImport() : undefined} />
      </div>
      {step === 'file' && <ImportFileDrop />}
      {step === 'columns' && preview && picked && <ImportColumnsStep preview={preview} fileName={picked.fileName} />}
      {step === 'done' && summary && (
        <div className="flow-step-body">
          <ImportSummaryText summary={summary} />
          <div className="flow-actions">
            <button type="button" className="button-quiet" onClick={resetImport}>
              Import another file
            </button>
          </div>
        </div>
      )}
      <ExchangePartError part="import" />
    </section>
  );
}
