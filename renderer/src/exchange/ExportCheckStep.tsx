import { useEffect } from 'react';
import type { ExportFilter } from '../../../shared/domain/exchange';
import { formatCount } from '../components/date-and-number-format';
import { useAppStore, useAppStoreApi } from '../store/app-store';
import type { ExportDraft } from '../store/exchange-slice';
import { FORMAT_LABELS } from './export-format-labels';
import { takesImportedFields } from './ExportFormatStep';
import { LeadNameButton } from './LeadNameButton';
import { saveExportedFiles } from './save-exported-files';

/** At most this many people are listed per warning; the rest are counted. */
const LISTED = 20;

/**
 * Step 3: what goes out and, for Salesforce's Leads CSV, who Salesforce would refuse and which
 * values it would cut, by person (each opens the lead, to fix it there); then export.
 * The check runs each time the step opens, so a lead fixed meanwhile is checked again.
 */
export function ExportCheckStep({ draft, filter }: { draft: ExportDraft; filter: ExportFilter }) {
  const store = useAppStoreApi();
  const preview = useAppStore((state) => state.exportPreview);
  const busy = useAppStore((state) => state.exchangeBusy);
  const previewExport = useAppStore((state) => state.previewExport);
  const runExport = useAppStore((state) => state.runExport);
  const update = useAppStore((state) => state.updateExportDraft);
  const format = draft.format;
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    void previewExport(format, JSON.parse(filterKey) as ExportFilter);
  }, [previewExport, format, filterKey]);

  async function exportNow(skipMissingRequired: boolean): Promise<void> {
    const options = { skipMissingRequired, withImportedFields: takesImportedFields(format) && draft.withImportedFields };
    const batch = await runExport(format, filter, options, saveExportedFiles);
    // Saved, or not saved (the save dialog cancelled): the file step says which. An error stays here, with the check.
    if (batch || store.getState().exportNotice) update({ step: 'file' });
  }

  if (!preview) {
    return (
      <div className="flow-step-body">
        <p className="flow-count" role="status">
          Checking…
        </p>
      </div>
    );
  }
  const goingOut = preview.leadCount - preview.convertedCount;
  const refused = preview.missingRequired;
  return (
    <div className="flow-step-body" role="region" aria-label="Before exporting">
      <p className="flow-count">
        {formatCount(preview.leadCount)} lead{preview.leadCount === 1 ? '' : 's'} chosen.
        {preview.convertedCount > 0 &&
          ` ${preview.convertedCount} of them ${preview.convertedCount === 1 ? 'is' : 'are'} converted and go${preview.convertedCount === 1 ? 'es' : ''} out as converted records instead.`}
      </p>
      {format !== 'salesforce-leads' && <p className="flow-note">Nothing to check for {FORMAT_LABELS[format]}: the leads go out as they are.</p>}
      {format === 'salesforce-leads' && refused.length === 0 && preview.truncations.length === 0 && (
        <p className="flow-note flow-note-ok">Salesforce will take every lead as it is: nothing refused, nothing cut.</p>
      )}
      {refused.length > 0 && (
        <section className="check-warning" aria-labelledby="check-refused">
          <h4 id="check-refused">Salesforce refuses leads without Last Name or Company</h4>
          <p className="check-hint">Open a lead to fill in what is missing, or export without them (they stay not exported).</p>
          <ul className="check-people">
            {refused.slice(0, LISTED).map((item) => (
              <li key={item.leadId}>
                <LeadNameButton leadId={item.leadId} name={item.name} />: {item.missing.join(', ')} missing
              </li>
            ))}
          </ul>
          {refused.length > LISTED && <p>…and {formatCount(refused.length - LISTED)} more.</p>}
        </section>
      )}
      {preview.truncations.length > 0 && (
        <section className="check-warning" aria-labelledby="check-cut">
          <h4 id="check-cut">
            {preview.truncations.length} value{preview.truncations.length === 1 ? ' is' : 's are'} longer than Salesforce allows and will be cut
          </h4>
          <p className="check-hint">Open a lead to shorten a value yourself; otherwise the export cuts it at Salesforce’s length.</p>
          <ul className="check-people">
            {preview.truncations.slice(0, LISTED).map((cut) => (
              <li key={`${cut.leadId}-${cut.field}`}>
                <LeadNameButton leadId={cut.leadId} name={cut.name} />: {cut.field} ({cut.from} → {cut.to} characters)
              </li>
            ))}
          </ul>
          {preview.truncations.length > LISTED && <p>…and {formatCount(preview.truncations.length - LISTED)} more.</p>}
        </section>
      )}
      <div className="flow-actions">
        <button type="button" className="button-quiet" onClick={() => update({ step: 'format' })}>
          Back
        </button>
        <button type="button" className="button-primary" onClick={() => void exportNow(false)} disabled={busy || goingOut === 0}>
          {refused.length > 0 ? 'Export all' : 'Export'}
        </button>
        {refused.length > 0 && (
          <button type="button" className="button-quiet" onClick={() => void exportNow(true)} disabled={busy}>
            Export without them
          </button>
        )}
      </div>
    </div>
  );
}
