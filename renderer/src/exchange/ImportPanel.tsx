import { useEffect, useState } from 'react';
import { readFileAsBase64 } from '../scan/read-file-base64';
import { useAppStore } from '../store/app-store';

/** The lead fields a CSV column can go to (the import's targets), with words for the select. */
const TARGETS: Array<[string, string]> = [
  ['ignore', '— leave out —'],
  ['salutation', 'Salutation'],
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['fullName', 'Full name (split)'],
  ['company', 'Company'],
  ['title', 'Job title'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['mobile', 'Mobile'],
  ['website', 'Website'],
  ['street', 'Street'],
  ['city', 'City'],
  ['region', 'State/Region'],
  ['postalCode', 'Postal code'],
  ['country', 'Country'],
  ['notes', 'Notes'],
  ['leadSource', 'Lead source'],
  ['status', 'Status'],
  ['rating', 'Rating'],
  ['badgeId', 'Badge ID'],
  ['id', 'LeadBooth id'],
];

/** Import a bundle, a CSV (with its column mapping, editable) or a .vcf; then the summary. */
export function ImportPanel() {
  const busy = useAppStore((state) => state.exchangeBusy);
  const preview = useAppStore((state) => state.csvPreview);
  const summary = useAppStore((state) => state.importSummary);
  const picked = useAppStore((state) => state.pickedFile);
  const pickImportFile = useAppStore((state) => state.pickImportFile);
  const runImport = useAppStore((state) => state.runImport);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  useEffect(() => setMapping(preview?.mapping ?? {}), [preview]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    await pickImportFile({ fileName: file.name, base64: await readFileAsBase64(file) });
  };

  return (
    <section className="exchange-panel" aria-labelledby="import-title">
      <h3 id="import-title">Import</h3>
      <label>
        A LeadBooth bundle (.json), a CSV of leads or a .vcf file{' '}
        <input type="file" accept=".json,.csv,.txt,.vcf,.vcard" disabled={busy} onChange={(event) => void onFile(event.target.files?.[0])} />
      </label>
      {preview && picked && (
        <div className="csv-mapping" role="region" aria-label="Column mapping">
          <p>
            {preview.rowCount} row{preview.rowCount === 1 ? '' : 's'} in {picked.fileName}.{' '}
            {preview.remembered ? 'The mapping you confirmed for this kind of file:' : 'Check which field each column goes to:'}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Field</th>
                <th scope="col">First value</th>
              </tr>
            </thead>
            <tbody>
              {preview.headers.map((header, index) => (
                <tr key={header}>
                  <td>{header}</td>
                  <td>
                    <select aria-label={`Field for ${header}`} value={mapping[header] ?? 'ignore'} onChange={(event) => setMapping({ ...mapping, [header]: event.target.value })}>
                      {TARGETS.map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{preview.sample[0]?.[index] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" disabled={busy} onClick={() => void runImport(Object.fromEntries(preview.headers.map((header) => [header, mapping[header] ?? 'ignore'])))}>
            Import {preview.rowCount} rows
          </button>
        </div>
      )}
      {summary && (
        <p className="import-summary" role="status">
          {summary.cancelled
            ? 'Import cancelled: nothing was imported.'
            : `Added ${summary.added}, updated ${summary.updated}, flagged as possible duplicates ${summary.flagged}, skipped ${summary.skipped}.`}
        </p>
      )}
    </section>
  );
}
