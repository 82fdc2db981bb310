import { describe, expect, it } from 'vitest';
import { addSubject, importDuplicates, subjectColumns } from '../../../electron/services/duplicate-index';
import { duplicateReasons } from '../../../shared/domain/duplicates';

const person = (id: string, firstName: string, lastName: string, email = '', phone = '') => ({ id, firstName, lastName, company: 'Acme GmbH', email, phone, mobile: '', country: '' });

describe('the duplicates an import finds', () => {
  it('compares each new lead with the leads here before and the new ones before it (never a later one), as the shared rule does', () => {
    const here = [person('here', 'Ana', 'Müller', 'ana@acme.example')];
    const incoming = [
      person('first', 'Ana', 'Müller', 'ana@acme.example'),
      person('other', 'Bo', 'Berg'),
      person('second', 'Ana', 'Müller', '', '+49 30 1234567'),
      person('third', 'Müller', 'Ana', '', '+49 30 1234567'),
    ];
    const existing = subjectColumns();
    for (const lead of here) addSubject(existing, lead.id, lead);
    const added = subjectColumns();
    for (const lead of incoming) addSubject(added, lead.id, lead);

    const expected: string[] = [];
    incoming.forEach((lead, position) => {
      for (const other of [...here, ...incoming.slice(0, position)]) {
        const reasons = duplicateReasons(lead, other);
        if (reasons.length > 0) expected.push(`${lead.id}→${other.id} ${reasons.join('+')}`);
      }
    });
    const found = importDuplicates(existing, added).map((match) => `${match.leadId}→${match.otherLeadId} ${match.reasons.join('+')}`);
    expect(found.sort()).toEqual(expected.sort());
    // What the test relies on: matches with the lead here, with an earlier new lead, and a swapped name.
    expect(found.some((match) => match.startsWith('first→here'))).toBe(true);
    expect(found.some((match) => match.startsWith('third→second'))).toBe(true);
    expect(found.some((match) => match.startsWith('second→third') || match.startsWith('first→second'))).toBe(false);
  });

  it('finds nothing for a single lead in an empty store', () => {
    const alone = subjectColumns();
    addSubject(alone, 'only', person('only', 'Ana', 'Müller'));
    expect(importDuplicates(subjectColumns(), alone)).toEqual([]);
  });
});
