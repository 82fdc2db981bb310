import { describe, expect, it } from 'vitest';
import { checkRecord, type IncomingRecord } from '../../../electron/services/imported-lead';
import type { ImportedField } from '../../../electron/exchange/csv-import';

const record = (fields: Partial<Record<ImportedField, string>>, more: Partial<IncomingRecord> = {}): IncomingRecord => ({
  line: 7,
  fields,
  sourceOf: (field) => `Column of ${field}`,
  kept: { Birthday: '1985-04-12' },
  sourceUid: '',
  readProblems: [],
  ...more,
});

describe('checkRecord', () => {
  it('takes a clean row as it is: every contact field, the row’s own status, rating and id, what no field took', () => {
    const id = '0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B';
    const checked = checkRecord(record({ firstName: 'Lena', lastName: 'Fischer', email: 'lena@acme.example', notes: 'demo', status: 'Working', rating: 'Hot', id }));
    expect(checked).toMatchObject({ line: 7, notes: 'demo', leadSource: 'Trade Show', badgeId: '', status: 'Working', rating: 'Hot', id: id.toLowerCase(), problems: [], invalidEmail: false, usable: true });
    expect(checked.contact.firstName).toBe('Lena');
    // Every contact field is there, '' where the row has none.
    expect(checked.contact.phone).toBe('');
    expect(Object.values(checked.contact).every((value) => typeof value === 'string')).toBe(true);
    expect(checked.importedFields).toEqual({ Birthday: '1985-04-12' });
    expect(checkRecord(record({ company: 'Acme' })).status).toBe('New');
    expect(checkRecord(record({ notes: 'no one to call' })).usable).toBe(false);
  });

  it('keeps aside quietly what is not ours to read: a status or rating without a word here, an id not of ours', () => {
    const checked = checkRecord(record({ lastName: 'Roe', status: 'Zombie', rating: '5 stars', id: 'CRM-12' }));
    expect(checked).toMatchObject({ status: 'New', rating: null, id: '', problems: [] });
    expect(checked.importedFields).toEqual({ Birthday: '1985-04-12', 'Column of status': 'Zombie', 'Column of rating': '5 stars', 'Column of id': 'CRM-12' });
  });

  it('lists a value a field cannot hold and keeps it whole, and carries the reader’s own problems', () => {
    const longNotes = 'x'.repeat(40_000);
    const checked = checkRecord(
      record({ lastName: 'Roe', email: 'roe@invalid', notes: longNotes }, { readProblems: [{ line: 7, field: '', value: 'extra', why: 'more values than columns', whenKept: 'imported as read' }] }),
    );
    expect(checked.invalidEmail).toBe(true);
    expect(checked.contact.email).toBe('');
    expect(checked.notes).toBe('');
    expect(checked.importedFields).toMatchObject({ 'Column of email': 'roe@invalid', 'Column of notes': longNotes });
    expect(checked.problems.map((problem) => problem.why)).toEqual([
      'more values than columns',
      'not a valid email address',
      expect.stringMatching(/^40000 characters: longer than the \d+ this field holds$/),
    ]);
  });
});
