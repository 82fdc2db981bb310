import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFilter, type ExportFormat } from '../../../shared/domain/exchange';
import { LEAD_STATUSES, type LeadStatus } from '../../../shared/domain/lead';
import { useAppStore } from '../store/app-store';
import { currentEvent } from '../store/session-slice';
import { ExportSummaryView } from './ExportSummaryView';
import { FORMAT_LABELS } from './export-format-labels';
import { SalesforceProfileEditor } from './SalesforceProfileEditor';
import { saveExportedFiles } from './save-exported-files';

/** Choose leads and a format, check what Salesforce would refuse, export: the file is saved, then the batch is recorded. */
export function ExportPanel() {
  const show = useAppStore(currentEvent);
  const preview = useAppStore((state) => state.exportPreview);
  const busy = useAppStore((state) => state.exchangeBusy);
  const lastBatch = useAppStore((state) => state.lastBatch);
  const lastSummary = useAppStore((state) => state.lastExportSummary);
  const previewExport = useAppStore((state) => state.previewExport);
  const runExport = useAppStore((state) => state.runExport);
  const [scope, setScope] = useState<'show' | 'all'>('show');
  const [onlyNew, setOnlyNew] = useState(true);
  const [status, setStatus] = useState<LeadStatus | ''>('');
  const [format, setFormat] = useState<ExportFormat>('salesforce-leads');
  const [withImportedFields, setWithImportedFields] = useState(false);

  const filter: ExportFilter = {
    ...(scope === 'show' && show && { eventId: show.id }),
    ...(onlyNew && { onlyNew: true }),
    ...(status && { status }),
  };
  const exportNotice = useAppStore((state) => state.exportNotice);
  const takesImportedFields = format === 'salesforce-leads' || format === 'hubspot';
  const exportNow = (skipMissingRequired: boolean) =>
    runExport(format, filter, { skipMissingRequired, withImportedFields: takesImportedFields && withImportedFields }, saveExportedFiles);
  const needsCheck = format === 'salesforce-leads';

  return (
    <section className="exchange-panel" aria-labelledby="export-title">
      <h3 id="export-title">Export a batch</h3>
      <fieldset>
        <legend>Leads</legend>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'show'} onChange={() => setScope('show')} disabled={!show} />
          {show ? `This show (${show.name})` : 'This show'}
        </label>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> All shows
        </label>
        <label>
          <input type="checkbox" checked={onlyNew} onChange={(event) => setOnlyNew(event.target.checked)} /> Only leads not exported yet
        </label>
        <label>
          Status{' '}
          <select value={status} onChange={(event) => setStatus(event.target.value as LeadStatus | '')}>
            <option value="">Any</option>
            {LEAD_STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <label>
        Format{' '}
        <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((value) => (
            <option key={value} value={value}>
              {FORMAT_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      {takesImportedFields && (
        <label>
          <input type="checkbox" checked={withImportedFields} onChange={(event) => setWithImportedFields(event.target.checked)} /> Add the
          fields imports kept (a lead&apos;s &quot;Imported fields&quot;) as extra columns, to map to custom fields or properties
        </label>
      )}
      {needsCheck && <SalesforceProfileEditor />}
      <div className="exchange-actions">
        {needsCheck ? (
          <button type="button" onClick={() => void previewExport(format, filter)} disabled={busy}>
            Check and export…
          </button>
        ) : (
          <button type="button" onClick={() => void exportNow(false)} disabled={busy}>
            Export
          </button>
        )}
      </div>
      {needsCheck && preview && (
        <div className="export-preview" role="region" aria-label="Before exporting">
          <p>
            {preview.leadCount} lead{preview.leadCount === 1 ? '' : 's'} chosen.
            {preview.convertedCount > 0 &&
              ` ${preview.convertedCount} of them ${preview.convertedCount === 1 ? 'is' : 'are'} converted and go${preview.convertedCount === 1 ? 'es' : ''} out as converted records instead.`}
            {preview.truncations.length > 0 && ` ${preview.truncations.length} value(s) are longer than Salesforce allows and will be cut:`}
          </p>
          {preview.truncations.length > 0 && (
            <ul>
              {preview.truncations.slice(0, 20).map((cut) => (
                <li key={`${cut.leadId}-${cut.field}`}>
                  {cut.name}: {cut.field} ({cut.from} → {cut.to} characters)
                </li>
              ))}
            </ul>
          )}
          {preview.missingRequired.length > 0 && (
            <>
              <p>Salesforce refuses leads without Last Name or Company:</p>
              <ul>
                {preview.missingRequired.slice(0, 20).map((item) => (
                  <li key={item.leadId}>
                    {item.name}: {item.missing.join(', ')} missing
                  </li>
                ))}
              </ul>
              {preview.missingRequired.length > 20 && <p>…and {preview.missingRequired.length - 20} more.</p>}
            </>
          )}
          <button type="button" onClick={() => void exportNow(false)} disabled={busy || preview.leadCount - preview.convertedCount === 0}>
            Export {preview.missingRequired.length > 0 ? 'all' : ''}
          </button>
          {preview.missingRequired.length > 0 && (
            <button type="button" onClick={() => void exportNow(true)} disabled={busy}>
              Export without them
            </button>
          )}
        </div>
      )}
      {exportNotice && (
        <p className="export-not-saved" role="status">
          {exportNotice}
        </p>
      )}
      {lastBatch && !exportNotice && (
        <p className="export-done" role="status">
          Exported {lastBatch.leadCount} lead{lastBatch.leadCount === 1 ? '' : 's'} as {lastBatch.fileName}.
        </p>
      )}
      {lastBatch && lastSummary && <ExportSummaryView summary={lastSummary} />}
    </section>
  );
}
