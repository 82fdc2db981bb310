import { useEffect, useState } from 'react';
import { IDENTIFYING_IMPORT_TARGETS, type ImportSummary, type ProblemRowChoice } from '../../../shared/domain/exchange';
import { IMPORTABLE_RECORD_FIELDS, LEAD_FIELDS, leadRecordField } from '../../../shared/domain/lead-fields';
import { readFileAsBase64 } from '../capture/model/read-file-base64';
import { useAppStore } from '../store/app-store';
import { ImportProblems } from './ImportProblems';

/** The select's value for a column no field takes: its values are kept on each lead as imported fields. */
const KEEP = '';

/**
 * The lead fields a CSV column can go to (the import's targets), with words for the select:
 * the registry's fields by their labels, the whole name after the name's parts.
 */
const TARGETS: Array<[string, string]> = [
  [KEEP, '— keep as imported field —'],
  ['ignore', '— leave out —'],
  ...LEAD_FIELDS.filter((field) => field.group === 'person').map((field): [string, string] => [field.key, field.label]),
  ['fullName', 'Full name (split)'],
  ...LEAD_FIELDS.filter((field) => field.group !== 'person').map((field): [string, string] => [field.key, field.label]),
  ...IMPORTABLE_RECORD_FIELDS.map((key): [string, string] => [key, leadRecordField(key).label]),
  ['id', 'LeadBooth id'],
];

/** Import a bundle, a CSV (with its column mapping, editable, and its problem values) or a .vcf; then the summary. */
export function ImportPanel() {
  const busy = useAppStore((state) => state.exchangeBusy);
  const preview = useAppStore((state) => state.csvPreview);
  const summary = useAppStore((state) => state.importSummary);
  const picked = useAppStore((state) => state.pickedFile);
  const pickImportFile = useAppStore((state) => state.pickImportFile);
  const runImport = useAppStore((state) => state.runImport);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [problemRows, setProblemRows] = useState<ProblemRowChoice>('keep');
  useEffect(() => {
    setMapping(preview?.mapping ?? {});
    setProblemRows('keep');
  }, [preview]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    await pickImportFile({ fileName: file.name, base64: await readFileAsBase64(file) });
  };
  const choose = (header: string, target: string) => {
    const next = { ...mapping };
    if (target === KEEP) delete next[header];
    else next[header] = target;
    setMapping(next);
  };
  const keptColumns = preview?.headers.filter((header) => mapping[header] === undefined) ?? [];
  const mapsSomeone = Object.values(mapping).some((target) => IDENTIFYING_IMPORT_TARGETS.includes(target));
  const problemRowCount = preview?.problemRows ?? 0;

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
          {preview.needsMapping && (
            <p className="banner banner-warning" role="alert">
              {preview.needsMapping}
            </p>
          )}
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
                    <select aria-label={`Field for ${header}`} value={mapping[header] ?? KEEP} onChange={(event) => choose(header, event.target.value)}>
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
          {keptColumns.length > 0 && <p className="import-kept">Kept on each lead as imported fields: {keptColumns.join(', ')}.</p>}
          {preview.problems.length > 0 && (
            <>
              <ImportProblems
                problems={preview.problems}
                rowsLeftOut={problemRows === 'skip'}
                caption={`${problemRowCount} row${problemRowCount === 1 ? ' holds' : 's hold'} values that cannot go into their field as they are`}
              />
              <fieldset className="import-problem-choice">
                <legend>Rows with a problem</legend>
                <label>
                  <input type="radio" name="problem-rows" checked={problemRows === 'keep'} onChange={() => setProblemRows('keep')} /> Import them, the problem values kept as
                  imported fields
                </label>
                <label>
                  <input type="radio" name="problem-rows" checked={problemRows === 'skip'} onChange={() => setProblemRows('skip')} /> Leave these rows out
                </label>
              </fieldset>
            </>
          )}
          {!mapsSomeone && <p role="status">Map at least one column to a name, company, email or phone to import.</p>}
          <button
            type="button"
            disabled={busy || !mapsSomeone}
            onClick={() => void runImport(mapping, problemRows)}
          >
            Import {problemRows === 'skip' ? preview.rowCount - problemRowCount : preview.rowCount} rows
          </button>
        </div>
      )}
      {summary && <ImportSummaryText summary={summary} />}
    </section>
  );
}

function ImportSummaryText({ summary }: { summary: ImportSummary }) {
  if (summary.cancelled) {
    return (
      <p className="import-summary" role="status">
        Import cancelled: nothing was imported.
      </p>
    );
  }
  return (
    <div className="import-summary" role="status">
      <p>
        Added {summary.added}, updated {summary.updated}, flagged as possible duplicates {summary.flagged}, skipped {summary.skipped}
        {summary.skippedProblemRows > 0 ? ` (${summary.skippedProblemRows} of them rows with a problem, left out as you chose)` : ''}.
      </p>
      {summary.keptColumns.length > 0 && <p>Kept on each lead as imported fields: {summary.keptColumns.join(', ')}.</p>}
      {summary.toReview > 0 && (
        <p>
          {summary.toReview} lead{summary.toReview === 1 ? ' has' : 's have'} an email that is not valid: kept as text in the imported fields; check {summary.toReview === 1 ? 'it' : 'them'}.
        </p>
      )}
      <ImportProblems problems={summary.problems} rowsLeftOut={false} caption={`${summary.problems.length} problem value${summary.problems.length === 1 ? '' : 's'}`} />
    </div>
  );
}
