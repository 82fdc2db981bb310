import { useMemo } from 'react';
import type { ExportFilter } from '../../../shared/domain/exchange';
import { useAppStore } from '../store/app-store';
import type { ExportDraft, ExportStep } from '../store/exchange-slice';
import { currentEvent } from '../store/session-slice';
import { ExchangePartError } from './ExchangePartError';
import { ExportCheckStep } from './ExportCheckStep';
import { ExportFileStep } from './ExportFileStep';
import { ExportFormatStep } from './ExportFormatStep';
import { ExportLeadsStep } from './ExportLeadsStep';
import { FlowStepper, type FlowStep } from './FlowStepper';

const STEPS: ReadonlyArray<FlowStep<ExportStep>> = [
  { key: 'leads', label: 'Which leads' },
  { key: 'format', label: 'Format' },
  { key: 'check', label: 'Check' },
  { key: 'file', label: 'File' },
];

/**
 * The export's filter from the flow's choices: every part given narrows the choice. The review
 * list's filter goes as it is (the main process resolves it with the list's own query): it
 * says itself whether exported leads and which status.
 */
function exportFilterOf(draft: ExportDraft, showId: string | undefined, selectedIds: ReadonlySet<string>): ExportFilter {
  if (draft.scope === 'listed' && draft.listed) return { review: draft.listed.filter };
  return {
    ...(draft.scope === 'show' && showId && { eventId: showId }),
    ...(draft.scope === 'selection' && { leadIds: [...selectedIds] }),
    ...(draft.onlyNew && { onlyNew: true }),
    ...(draft.status && { status: draft.status }),
  };
}

/**
 * Export as a guided flow: which leads (with their count) → format and the Salesforce profile →
 * check (what a CRM would refuse or cut, by person) → file (saved, then recorded and summed up).
 */
export function ExportPanel() {
  const draft = useAppStore((state) => state.exportDraft);
  const show = useAppStore(currentEvent);
  const selectedIds = useAppStore((state) => state.selectedIds);
  const update = useAppStore((state) => state.updateExportDraft);
  // A selection cleared in the review list since it was chosen falls back to the show.
  const scope = (draft.scope === 'selection' && selectedIds.size === 0) || (draft.scope === 'listed' && !draft.listed) ? 'show' : draft.scope;
  const filter = useMemo(() => exportFilterOf({ ...draft, scope }, show?.id, selectedIds), [draft, scope, show?.id, selectedIds]);

  return (
    <section className="exchange-panel" aria-labelledby="export-title">
      <div className="exchange-panel-heading">
        <h3 id="export-title">Export a batch</h3>
        <FlowStepper label="Export steps" steps={STEPS} current={draft.step} onGo={draft.step === 'file' ? undefined : (step) => update({ step })} />
      </div>
      {draft.step === 'leads' && <ExportLeadsStep draft={{ ...draft, scope }} filter={filter} />}
      {draft.step === 'format' && <ExportFormatStep draft={draft} />}
      {draft.step === 'check' && <ExportCheckStep draft={draft} filter={filter} />}
      {draft.step === 'file' && <ExportFileStep />}
      <ExchangePartError part="export" />
    </section>
  );
}
