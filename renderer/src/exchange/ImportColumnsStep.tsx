import { useEffect, useState } from 'react';
import { IDENTIFYING_IMPORT_TARGETS, type CsvImportPreview, type ProblemRowChoice } from '../../../shared/domain/exchange';
import { IMPORTABLE_RECORD_FIELDS, LEAD_FIELDS, leadRecordField } from '../../../shared/domain/lead-fields';
import { formatCount } from '../components/date-and-number-format';
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

/** How many problem values each column holds (the file's column names as the problems name them). */
function problemsByColumn(preview: CsvImportPreview): Map<string, number> {
  const counts = new Map<string, number>();
  for (const problem of preview.problems) counts.set(problem.field, (counts.get(problem.field) ?? 0) + 1);
  return counts;
}

/**
 * Step 2 of a CSV import: each column with the field it goes to (editable), its first value and
 * its problem values beside it; the columns kept as imported fields; the problem rows and what to do with them.
 */
export function ImportColumnsStep({ preview, fileName }: { preview: CsvImportPreview; fileName: string }) {
  const busy = useAppStore((state) => state.exchangeBusy);
  const runImport = useAppStore((state) => state.runImport);
  const resetImport = useAppStore((state) => state.resetImport);
  const [mapping, setMapping] = useState<Record<string, string>>(preview.mapping);
  const [problemRows, setProblemRows] = useState<ProblemRowChoice>('keep');
  useEffect(() => {
    setMapping(preview.mapping);
    setProblemRows('keep');
  }, [preview]);

  const choose = (header: string, target: string) => {
    const next = { ...mapping };
    if (target === KEEP) delete next[header];
    else next[header] = target;
    setMapping(next);
  };
  const keptColumns = preview.headers.filter((header) => mapping[header] === undefined);
  const mapsSomeone = Object.values(mapping).some((target) => IDENTIFYING_IMPORT_TARGETS.includes(target));
  const problemRowCount = preview.problemRows;
  const problemCounts = problemsByColumn(preview);
  const importing = problemRows === 'skip' ? preview.rowCount - problemRowCount : preview.rowCount;

  return (
    <div className="flow-step-body" role="region" aria-label="Column mapping">
      <p className="flow-count">
        {formatCount(preview.rowCount)} row{preview.rowCount === 1 ? '' : 's'} in {fileName}.{' '}
        {preview.remembered ? 'The mapping you confirmed for this kind of file:' : 'Check which field each column goes to:'}
      </p>
      {preview.needsMapping && (
        <p className="banner banner-warning" role="alert">
          {preview.needsMapping}
        </p>
      )}
      <div className="import-review">
        <table className="import-columns">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Field</th>
              <th scope="col">First value</th>
              <th scope="col">Problems</th>
            </tr>
          </thead>
          <tbody>
            {preview.headers.map((header, index) => {
              const target = mapping[header];
              const problems = problemCounts.get(header) ?? 0;
              return (
                <tr key={header} className={target === undefined ? 'is-kept' : target === 'ignore' ? 'is-left-out' : undefined}>
                  <th scope="row">{header}</th>
                  <td>
                    <select aria-label={`Field for ${header}`} value={target ?? KEEP} onChange={(event) => choose(header, event.target.value)}>
                      {TARGETS.map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="import-first-value">{preview.sample[0]?.[index] ?? ''}</td>
                  <td>{problems > 0 && <span className="import-problem-tag">{problems === 1 ? '1 value' : `${formatCount(problems)} values`}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <aside className="import-side" aria-label="What the import keeps">
          <h4>Columns no field takes</h4>
          {keptColumns.length > 0 ? (
            <p className="import-kept">Kept on each lead as imported fields: {keptColumns.join(', ')}.</p>
          ) : (
            <p className="flow-note">Every column goes to a field (or is left out).</p>
          )}
          {preview.problems.length > 0 && (
            <fieldset className="import-problem-choice">
              <legend>
                {formatCount(problemRowCount)} row{problemRowCount === 1 ? '' : 's'} with a problem
              </legend>
              <label className="flow-check">
                <input type="radio" name="problem-rows" checked={problemRows === 'keep'} onChange={() => setProblemRows('keep')} /> Import them, the problem values kept as
                imported fields
              </label>
              <label className="flow-check">
                <input type="radio" name="problem-rows" checked={problemRows === 'skip'} onChange={() => setProblemRows('skip')} /> Leave these rows out
              </label>
            </fieldset>
          )}
        </aside>
      </div>
      <ImportProblems
        problems={preview.problems}
        rowsLeftOut={problemRows === 'skip'}
        caption={`${problemRowCount} row${problemRowCount === 1 ? ' holds' : 's hold'} values that cannot go into their field as they are`}
      />
      <div className="flow-actions">
        {!mapsSomeone && (
          <p className="flow-note" role="status">
            Map at least one column to a name, company, email or phone to import.
          </p>
        )}
        <button type="button" className="button-quiet" onClick={resetImport} disabled={busy}>
          Choose another file
        </button>
        <button type="button" className="button-primary" disabled={busy || !mapsSomeone} onClick={() => void runImport(mapping, problemRows)}>
          Import {importing} rows
        </button>
      </div>
    </div>
  );
}
