// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExchangePartError } from '../../../renderer/src/exchange/ExchangePartError';
import { ImportPanel } from '../../../renderer/src/exchange/ImportPanel';
import { AppError } from '../../../shared/ipc/errors';
import type { CsvImportPreview, ImportSummary } from '../../../shared/domain/exchange';
import { fakeApi, readyStore } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

const preview: CsvImportPreview = {
  headers: ['First Name', 'Last Name', 'E-mail 1 - Value', 'LinkedIn Profile'],
  mapping: { 'First Name': 'firstName', 'Last Name': 'lastName', 'E-mail 1 - Value': 'email' },
  remembered: false,
  sample: [['Ana', 'Müller', 'x@invalid', 'https://www.linkedin.com/in/ana']],
  rowCount: 3,
  hasHeader: true,
  needsMapping: '',
  keptColumns: ['LinkedIn Profile'],
  problems: [
    { line: 2, field: 'E-mail 1 - Value', value: 'x@invalid', why: 'not a valid email address', whenKept: 'kept as text in the imported field “E-mail 1 - Value”' },
  ],
  problemRows: 1,
};
const summary: ImportSummary = {
  added: 2,
  updated: 0,
  flagged: 0,
  skipped: 1,
  details: {},
  cancelled: false,
  keptColumns: ['LinkedIn Profile'],
  problems: [{ ...preview.problems[0]!, whenKept: 'the row is left out (as chosen)' }],
  skippedProblemRows: 1,
  toReview: 0,
};

describe('ImportPanel', () => {
  it('lists the problem values and the kept columns, and imports with the choice made for problem rows', async () => {
    const runImport = vi.fn(async () => summary);
    const store = readyStore(fakeApi({ 'exchange.readCsv': async () => preview, 'exchange.import': runImport }));
    renderWithStore(store, <ImportPanel />);
    await store.getState().pickImportFile({ fileName: 'contacts.csv', base64: 'eA==' });

    const problems = await screen.findByRole('table', { name: /1 row holds values that cannot go into their field/ });
    const [, row] = within(problems).getAllByRole('row');
    expect(within(row!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['2', 'E-mail 1 - Value', 'x@invalid', 'not a valid email address', 'kept as text in the imported field “E-mail 1 - Value”']);
    expect(screen.getByText('Kept on each lead as imported fields: LinkedIn Profile.')).toBeTruthy();
    expect((screen.getByLabelText('Field for LinkedIn Profile') as HTMLSelectElement).value).toBe('');

    fireEvent.click(screen.getByLabelText('Leave these rows out'));
    expect(within(row!).getAllByRole('cell')[4]?.textContent).toBe('the row is left out');
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 rows' }));
    await screen.findByText(/Added 2, updated 0, flagged as possible duplicates 0, skipped 1 \(1 of them rows with a problem/);
    expect(runImport).toHaveBeenCalledWith({ fileName: 'contacts.csv', base64: 'eA==', mapping: preview.mapping, rememberMapping: true, problemRows: 'skip' });
  });

  it('asks for the mapping of a file without a header row and imports nothing until a column names the person', async () => {
    const headerless: CsvImportPreview = {
      ...preview,
      headers: ['Column 1', 'Column 2'],
      mapping: {},
      hasHeader: false,
      needsMapping: 'The file has no header row (its first row is a person, not column names): choose the field of each column (Column 1, Column 2, …).',
      keptColumns: ['Column 1', 'Column 2'],
      problems: [],
      problemRows: 0,
    };
    const store = readyStore(fakeApi({ 'exchange.readCsv': async () => headerless }));
    renderWithStore(store, <ImportPanel />);
    await store.getState().pickImportFile({ fileName: 'list.csv', base64: 'eA==' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/no header row/);
    const button = screen.getByRole('button', { name: /Import 3 rows/ }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Field for Column 2'), { target: { value: 'lastName' } });
    expect(button.disabled).toBe(false);
  });
});

describe('ImportPanel errors', () => {
  it('shows a refused file under the import’s drop zone, not on the export', async () => {
    const store = readyStore(
      fakeApi({
        'exchange.import': async () => {
          throw new AppError('invalid_input', 'Line 12: a quote is never closed.');
        },
      }),
    );
    renderWithStore(
      store,
      <>
        <ExportPanelStub />
        <ImportPanel />
      </>,
    );
    await store.getState().pickImportFile({ fileName: 'leads.vcf', base64: 'eA==' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Line 12: a quote is never closed.');
    expect(within(screen.getByRole('region', { name: 'Import' })).getByRole('alert')).toBe(alert);
    expect(screen.getByRole('button', { name: 'Choose a file…' })).toBeTruthy();
  });
});

/** The export's part of the screen, where an import's error must not show. */
function ExportPanelStub() {
  return (
    <section aria-label="Export">
      <ExchangePartError part="export" />
    </section>
  );
}
