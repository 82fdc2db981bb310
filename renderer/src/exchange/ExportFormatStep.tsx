import { EXPORT_FORMATS } from '../../../shared/domain/exchange';
import { useAppStore } from '../store/app-store';
import type { ExportDraft } from '../store/exchange-slice';
import { FORMAT_LABELS, FORMAT_PURPOSES } from './export-format-labels';
import { SalesforceProfileEditor } from './SalesforceProfileEditor';

/** The formats that can carry the fields imports kept as extra columns. */
export function takesImportedFields(format: ExportDraft['format']): boolean {
  return format === 'salesforce-leads' || format === 'hubspot';
}

/** Step 2: the format (by name, with what it is for) and, for Salesforce's Leads CSV, the org's profile. */
export function ExportFormatStep({ draft }: { draft: ExportDraft }) {
  const update = useAppStore((state) => state.updateExportDraft);
  return (
    <div className="flow-step-body">
      <fieldset className="flow-choices format-choices">
        <legend>Format</legend>
        {EXPORT_FORMATS.map((format) => (
          <label key={format} className="flow-choice format-choice">
            <input type="radio" name="export-format" checked={draft.format === format} onChange={() => update({ format })} />
            <span>
              <span className="format-name">{FORMAT_LABELS[format]}</span>
              <span className="format-purpose">{FORMAT_PURPOSES[format]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {takesImportedFields(draft.format) && (
        <label className="flow-check">
          <input type="checkbox" checked={draft.withImportedFields} onChange={(event) => update({ withImportedFields: event.target.checked })} /> Add the
          fields imports kept (a lead&apos;s &quot;Imported fields&quot;) as extra columns, to map to custom fields or properties
        </label>
      )}
      {draft.format === 'salesforce-leads' && <SalesforceProfileEditor />}
      <div className="flow-actions">
        <button type="button" className="button-quiet" onClick={() => update({ step: 'leads' })}>
          Back
        </button>
        <button type="button" className="button-primary" onClick={() => update({ step: 'check' })}>
          Next: check
        </button>
      </div>
    </div>
  );
}
